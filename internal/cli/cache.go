package cli

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/veil-blog/veil/internal/cache"
	"github.com/veil-blog/veil/internal/site"
)

// cacheDir is where per-post results are kept, under the site's private
// directory.
func cacheDir(root string) string { return filepath.Join(root, privateDir, "cache") }

// openCache opens the site's cache, keyed by everything a post's result
// depends on besides the post's own file: the program, the engine (its key,
// hashed, and actions), the author's lists and the configuration.
func (e *env) openCache(opts site.Options) (*cache.Cache, error) {
	h := sha256.New()
	io.WriteString(h, "veil prepare\x00")
	id, err := e.programID()
	if err != nil {
		return nil, err
	}
	io.WriteString(h, id+"\x00")
	fp := opts.Engine.Fingerprint()
	h.Write(fp[:])
	// Of the configuration, a post's result depends on the deid actions and
	// the risk policy (the title and byline reach it through the
	// knowledge, which allows them); paginate, permalinks or the output
	// folder change no post's analysis, so editing them keeps the cache.
	cfg := opts.Config
	for _, v := range []any{cfg.Deid, cfg.Risk, opts.Knowledge} {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("cache key: %w", err)
		}
		h.Write(b)
		h.Write([]byte{0})
	}
	return cache.Open(cacheDir(opts.Root), h.Sum(nil)).SiteRoot(opts.Root), nil
}

// programID is computeProgramID, once per run (hashing the executable
// takes tens of milliseconds).
func (e *env) programID() (string, error) {
	e.idOnce.Do(func() { e.id, e.idErr = computeProgramID() })
	return e.id, e.idErr
}

// computeProgramID identifies this build of veil, and so its recognizers,
// lexicons and models, which are compiled in: a release's version, or a
// clean checkout's commit; a build from modified sources is identified
// by a hash of the executable itself.
func computeProgramID() (string, error) {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if Version != "" {
			return "release " + Version + " " + bi.Main.Version + " " + rev, nil
		}
		if rev != "" && modified == "false" {
			return "commit " + rev + " " + bi.GoVersion, nil
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("identify veil for its cache: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("identify veil for its cache: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("identify veil for its cache: %w", err)
	}
	return fmt.Sprintf("executable %x", h.Sum(nil)), nil
}
