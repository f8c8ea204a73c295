package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/veil-blog/veil/internal/content"
)

// withoutStatic hides a theme's static/ folder from the renderer: static
// files reach the output only through loadStatic, which cleans them.
type withoutStatic struct{ fs.FS }

func (w withoutStatic) Open(name string) (fs.File, error) {
	if name == "static" || strings.HasPrefix(name, "static/") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

// checkThemeLinks refuses a site theme whose files (outside static/, which
// loadStatic checks file by file) are symlinks that lead out of the site:
// the theme would be read from elsewhere on the machine, silently.
func checkThemeLinks(realRoot, dir string) error {
	var errs []error
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &content.Error{Path: p, Msg: err.Error(), Err: err})
			return nil
		}
		if p == filepath.Join(dir, "static") {
			return fs.SkipDir
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := content.ResolveLink(realRoot, p)
			if err != nil {
				errs = append(errs, err)
			} else if isDir(target) {
				errs = append(errs, &content.Error{Path: p, Msg: "symlinked folder in the theme; copy the files in instead"})
			}
		}
		return nil
	})
	if len(errs) > 0 {
		return fmt.Errorf("theme: %w", errors.Join(errs...))
	}
	return nil
}
