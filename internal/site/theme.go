package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing/fstest"
	"unicode"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
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

// layoutsDir is the theme folder whose templates are rendered.
const layoutsDir = "layouts"

// cleanLayouts reads the site theme's templates and de-identifies the text
// they would publish as written, outside template actions ({{ ... }}): a
// footer that credits a client's photo by name, a name in a page's
// boilerplate. It returns the templates as a file system for the renderer
// and a warning for each file where something was replaced.
func (b *builder) cleanLayouts(ctx context.Context, dir string) (fs.FS, []string, error) {
	out := fstest.MapFS{}
	var warns []string
	root := filepath.Join(dir, layoutsDir)
	if !isDir(root) {
		return out, nil, nil
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		src, err := content.ReadRegular(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		clean, lines, err := b.cleanTemplateText(ctx, string(src))
		if err != nil {
			return fmt.Errorf("%s: de-identification failed: %w", p, err)
		}
		if len(lines) > 0 {
			warns = append(warns, fmt.Sprintf("%s:%d: the theme's own text holds what looks like a name or other detail; it is replaced in the output (edit the theme, or add the words to allow: in .veil/known.yaml)", p, lines[0]))
		}
		out[filepath.ToSlash(rel)] = &fstest.MapFile{Data: []byte(clean), Mode: 0o644}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("theme: %w", err)
	}
	return out, warns, nil
}

// cleanTemplateText de-identifies the text of a template outside its
// actions in one pass (so one name is replaced the same way throughout)
// and returns it with the lines where something was replaced.
// siteText is the site's own text from config.yaml that every page
// publishes (title, description, byline), de-identified like the theme's
// own text: a careless "Notes from my work at <a named ward>" is replaced,
// and the build says so.
func (b *builder) siteText(ctx context.Context) (map[string]string, []string, error) {
	cfg := b.opts.Config
	out := map[string]string{}
	var warns []string
	for _, f := range []struct{ key, text string }{{"title", cfg.Title}, {"description", cfg.Description}, {"author", cfg.Author}} {
		res, err := b.engine.Deidentify(ctx, &deid.Doc{Text: f.text, Known: b.knowledge.Known, Allow: b.knowledge.Allow})
		if err != nil {
			return nil, nil, fmt.Errorf("config.yaml: %s: de-identification failed: %w", f.key, err)
		}
		found := res.Findings
		if f.key == "author" {
			// The byline is meant to name someone: the author, under a
			// pen name. Only a name the author listed as someone else's
			// is replaced.
			found = found[:0:0]
			for _, x := range res.Findings {
				if x.Recognizer == "known" {
					found = append(found, x)
				}
			}
		}
		out[f.key] = deid.Apply(f.text, found)
		if len(found) > 0 {
			warns = append(warns, fmt.Sprintf("%s: %s: holds what looks like %s; it is replaced in the output (edit config.yaml, or add the words to allow: in .veil/known.yaml)", config.FileName, f.key, article(string(found[0].Kind))))
		}
	}
	return out, warns, nil
}

func (b *builder) cleanTemplateText(ctx context.Context, src string) (string, []int, error) {
	type piece struct{ start, end, at int } // in src; at: in the combined text
	var pieces []piece
	var text strings.Builder
	// Detection reads the text a reader sees and attribute values; tag
	// and attribute names are blanked (offsets kept), so "<meta charset>"
	// is never taken for a name.
	masked := maskMarkup(src)
	for i := 0; i < len(src); {
		open := strings.Index(src[i:], "{{")
		end := len(src)
		if open >= 0 {
			end = i + open
		}
		if end > i {
			pieces = append(pieces, piece{i, end, text.Len()})
			text.WriteString(masked[i:end])
			text.WriteString(separator)
		}
		if open < 0 {
			break
		}
		close := strings.Index(src[end:], "}}")
		if close < 0 {
			break // an unclosed action: the template parser reports it
		}
		// A string literal in an action is printed as written
		// ({{ "..." }}, printf's arguments): it is text of the theme too.
		for _, lit := range actionLiterals(src, end+2, end+close) {
			pieces = append(pieces, piece{lit[0], lit[1], text.Len()})
			text.WriteString(src[lit[0]:lit[1]])
			text.WriteString(separator)
		}
		i = end + close + 2
	}
	combined := text.String()
	res, err := b.engine.Deidentify(ctx, &deid.Doc{Text: combined, Known: b.knowledge.Known, Allow: b.knowledge.Allow})
	if err != nil {
		return "", nil, err
	}
	// A theme's text is short fragments around actions ("{{ .N }} min
	// read"), where lower-case words read as names far more often than
	// they are: only findings written with a capital or a digit count.
	var found []deid.Finding
	for _, f := range res.Findings {
		if strings.IndexFunc(f.Text, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) >= 0 {
			found = append(found, f)
		}
	}
	if len(found) == 0 {
		return src, nil, nil
	}
	var out strings.Builder
	var lines []int
	last := 0
	for _, pc := range pieces {
		seg := src[pc.start:pc.end]
		var local []deid.Finding
		for _, f := range found {
			if f.End <= pc.at || f.Start >= pc.at+len(seg) {
				continue
			}
			lf := f
			lf.Start, lf.End = max(f.Start, pc.at)-pc.at, min(f.End, pc.at+len(seg))-pc.at
			// Never across markup: a finding stops where a tag begins.
			for k := pc.start + lf.Start; k < pc.start+lf.End; k++ {
				if masked[k] != src[k] {
					lf.End = k - pc.start
					break
				}
			}
			if lf.End <= lf.Start {
				continue
			}
			lf.Text = seg[lf.Start:lf.End]
			local = append(local, lf)
			lines = append(lines, 1+strings.Count(src[:pc.start+lf.Start], "\n"))
		}
		out.WriteString(src[last:pc.start])
		out.WriteString(deid.Apply(seg, local))
		last = pc.end
	}
	out.WriteString(src[last:])
	return out.String(), lines, nil
}

// actionLiterals returns the spans of the insides of the string literals
// ("..." and `...`) in the template action src[start:end], except a time
// layout (the argument of .Format), which is not text.
func actionLiterals(src string, start, end int) [][2]int {
	var out [][2]int
	for i := start; i < end; i++ {
		q := src[i]
		if q != '"' && q != '`' {
			continue
		}
		j := i + 1
		for j < end && src[j] != q {
			if q == '"' && src[j] == '\\' {
				j++
			}
			j++
		}
		if j >= end {
			break
		}
		if !strings.HasSuffix(strings.TrimSpace(src[start:i]), "Format") && j > i+1 {
			out = append(out, [2]int{i + 1, j})
		}
		i = j
	}
	return out
}

// maskMarkup returns src with HTML tag and attribute names, the brackets
// and the quotes replaced by line breaks (which end a name), byte for byte, keeping text and quoted
// attribute values. Template actions ({{ ... }}) are skipped over without
// changing whether the scan is inside a tag.
func maskMarkup(src string) string {
	b := []byte(src)
	inTag := false
	var quote byte
	for i := 0; i < len(b); i++ {
		if strings.HasPrefix(src[i:], "{{") {
			if j := strings.Index(src[i:], "}}"); j >= 0 {
				i += j + 1
				continue
			}
		}
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
				b[i] = '\n'
			}
		case inTag:
			switch c {
			case '"', '\'':
				quote = c
			case '>':
				inTag = false
			}
			b[i] = '\n'
		case c == '<' && i+1 < len(b) && (isASCIILetter(b[i+1]) || b[i+1] == '/' || b[i+1] == '!'):
			inTag = true
			b[i] = '\n'
		}
	}
	return string(b)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
