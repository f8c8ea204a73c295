package site

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/imgclean"
	"github.com/veil-blog/veil/internal/lexicon"
)

// maxStaticBytes bounds one static file.
const maxStaticBytes = 32 << 20

// verbatim are file types that carry no personal metadata of their own
// and are copied as they are.
var verbatim = map[string]bool{
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true,
}

// scrubbers rewrite text assets without their comments.
var scrubbers = map[string]func([]byte) ([]byte, error){
	".css": stripCSSComments, ".js": stripJSComments, ".mjs": stripJSComments,
}

// assetSource is one folder of files copied to the output: the embedded
// theme's static/, the site theme's static/ or the site's static/. Later
// sources override earlier ones file by file.
type assetSource struct {
	// label names the folder in messages ("static", "theme/static").
	label string
	fsys  fs.FS
	// disk is the folder on disk, for symlink checks; "" for the embedded
	// theme.
	disk string
}

// staticSources lists where static files come from, lowest precedence
// first.
func (b *builder) staticSources(root string) []assetSource {
	cfg := b.opts.Config
	var srcs []assetSource
	if b.opts.Theme != nil {
		if sub, err := fs.Sub(b.opts.Theme, "static"); err == nil {
			srcs = append(srcs, assetSource{label: "built-in theme static", fsys: sub})
		}
	}
	for _, dir := range []string{filepath.Join(cfg.Path(root, cfg.ThemeDir), "static"), cfg.Path(root, cfg.StaticDir)} {
		if isDir(dir) {
			srcs = append(srcs, assetSource{label: dir, fsys: os.DirFS(dir), disk: dir})
		}
	}
	return srcs
}

// loadStatic reads every static file, wherever it comes from, through one
// path: a file is published only if its path carries no identifying detail
// and veil can clean its type (image metadata removed, comments stripped
// from style sheets and scripts); everything else is left out with a
// warning or an error that says why.
func (b *builder) loadStatic(ctx context.Context, root string) (map[string][]byte, []string, []error) {
	out := map[string][]byte{}
	var warns []string
	var errs []error
	realRoot, err := content.RealPath(root)
	if err != nil {
		return out, nil, []error{fmt.Errorf("static files: %w", err)}
	}
	for _, src := range b.staticSources(root) {
		err := fs.WalkDir(src.fsys, ".", func(rel string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			where := path.Join(src.label, rel)
			if src.disk != "" {
				where = filepath.Join(src.disk, filepath.FromSlash(rel))
			}
			if err != nil {
				errs = append(errs, &content.Error{Path: where, Msg: err.Error(), Err: err})
				return nil
			}
			if rel == "." {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 && src.disk != "" {
				target, err := content.ResolveLink(realRoot, where)
				if err != nil {
					errs = append(errs, err)
					return nil
				}
				if isDir(target) {
					warns = append(warns, fmt.Sprintf("%s: symlinked folder not followed; its files are not published", where))
					return nil
				}
			}
			if d.IsDir() {
				return nil
			}
			data, warn, err := b.publishable(ctx, src.fsys, rel)
			switch {
			case err != nil:
				errs = append(errs, &content.Error{Path: where, Msg: "not published: " + err.Error()})
			case warn != "":
				warns = append(warns, where+": not published: "+warn)
			default:
				out[rel] = data
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return out, warns, errs
}

// publishable reads one static file and returns the bytes that may be
// published, or a warning (the file is left out by policy) or an error (the
// file is broken).
func (b *builder) publishable(ctx context.Context, fsys fs.FS, rel string) ([]byte, string, error) {
	if reason := b.nameLeaks(ctx, rel); reason != "" {
		return nil, "the path " + reason + "; rename it (or, if it names no one, add the word to allow: in .veil/known.yaml)", nil
	}
	if rel == "CNAME" {
		return b.cname(fsys)
	}
	ext := strings.ToLower(path.Ext(rel))
	scrub := scrubbers[ext]
	image := imgclean.Supported(ext)
	if scrub == nil && !image && !verbatim[ext] {
		return nil, fmt.Sprintf("veil cannot check %q files for personal details yet", ext), nil
	}
	fi, err := fs.Stat(fsys, rel)
	if err != nil {
		return nil, "", err
	}
	if !fi.Mode().IsRegular() {
		return nil, "", fmt.Errorf("not a regular file")
	}
	if fi.Size() > maxStaticBytes {
		return nil, "", fmt.Errorf("file is %d bytes; static files are limited to %d", fi.Size(), maxStaticBytes)
	}
	data, err := fs.ReadFile(fsys, rel)
	if err != nil {
		return nil, "", err
	}
	if ext == ".css" {
		// A style sheet names images by path; a path refused for its name
		// must not be published inside the style sheet either.
		for _, ref := range cssPaths(data) {
			u := ref
			if i := strings.IndexAny(u, "?#"); i >= 0 {
				u = u[:i]
			}
			if strings.HasPrefix(u, "data:") {
				continue
			}
			if reason := b.nameLeaks(ctx, strings.TrimLeft(u, "./")); reason != "" {
				return nil, "a path it names " + reason + "; rename the file it points to", nil
			}
		}
	}
	switch {
	case image:
		data, err = imgclean.Clean(ext, data)
	case scrub != nil:
		data, err = scrub(data)
	}
	if err != nil {
		return nil, "", err
	}
	if scrub != nil && len(data) > content.MaxPostBytes {
		// The check below reads the whole text as de-identification reads a
		// post, under the same limit.
		return nil, fmt.Sprintf("a style sheet or script is checked for names up to %d bytes, as a post is; this one has %d", content.MaxPostBytes, len(data)), nil
	}
	if scrub != nil {
		// Without its comments a style sheet or script still publishes
		// its strings (content: "...", a greeting in a script) and its
		// names (a class named after a client); veil does not rewrite
		// code, so one that names someone is left out.
		if reason := b.textLeaks(ctx, data, ext != ".css"); reason != "" {
			return nil, "its code " + reason + "; edit it (or, if it names no one, add the word to allow: in .veil/known.yaml)", nil
		}
	}
	return data, "", nil
}

// textLeaks says what de-identification finds in the text of a style
// sheet or script, and on which line, or "" when it finds nothing. Code is
// full of words that read as names to a recognizer of prose (colours as
// IDs, font names as people), so two readings count: the author's known
// terms anywhere, also inside class and variable names joined by hyphens
// or underscores; and everything in the string literals a page shows
// (content: "...", a greeting in a script), other than font names.
func (b *builder) textLeaks(ctx context.Context, data []byte, script bool) string {
	text := string(data)
	readings := []string{text, stringLiterals(text)}
	if script {
		// A regular expression can hold a quote that sets a scan of
		// quotes out of step; the parser's own string literals are read too.
		readings = append(readings, scriptStrings(data))
	}
	for pass, t := range readings {
		fs, err := b.engine.Detect(ctx, &deid.Doc{Text: t, Known: b.knowledge.Known, Allow: b.knowledge.Allow})
		if err != nil {
			return "could not be checked (" + err.Error() + ")"
		}
		for _, f := range fs {
			if pass == 0 && f.Recognizer != "known" {
				continue
			}
			if pass == 2 {
				return fmt.Sprintf("holds what looks like %s in a string", article(string(f.Kind)))
			}
			line := 1 + strings.Count(t[:f.Start], "\n")
			return fmt.Sprintf("holds what looks like %s on line %d", article(string(f.Kind)), line)
		}
	}
	return ""
}

// stringLiterals returns text with everything but the insides of its
// quoted strings ('...', "...", `...`) blanked, line breaks kept, so that
// offsets and lines stay those of text. A CSS string in a font declaration
// (font-family: "Some Sans") names a typeface and is blanked too.
func stringLiterals(text string) string {
	out := []byte(text)
	blank := func(from, to int) {
		for k := from; k < to; k++ {
			if out[k] != '\n' {
				out[k] = ' '
			}
		}
	}
	last := 0 // first byte not yet kept or blanked
	for i := 0; i < len(text); i++ {
		q := text[i]
		if q != '"' && q != '\'' && q != '`' {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] != q && (q == '`' || text[j] != '\n') {
			if text[j] == '\\' {
				j++
			}
			j++
		}
		j = min(j, len(text))
		blank(last, i+1)
		decl := text[max(0, i-80):i] // a bounded look back keeps this linear
		if k := strings.LastIndexAny(decl, "{;\n"); k >= 0 {
			decl = decl[k+1:]
		}
		if strings.HasPrefix(strings.TrimSpace(decl), "font") {
			blank(i+1, j)
		}
		last = j
		i = j
	}
	blank(last, len(text))
	return string(out)
}

// nameLeaks runs de-identification over a file path read as words and
// says what it found, or "" when the path is clean. File names are often
// lower case, where a name is hard to tell, so the words a name would be
// (rare words, and names that are not also ordinary words) are read a
// second time capitalised; in that reading only a person counts, since
// capitalised technical words ("Favicon") read as places.
func (b *builder) nameLeaks(ctx context.Context, rel string) string {
	stem := strings.TrimSuffix(rel, path.Ext(rel))
	words := joinedWords(strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '/' || r == '.' || r == '+' {
			return ' '
		}
		return r
	}, stem))
	for pass, text := range []string{words, capitaliseNameLike(words)} {
		if pass == 1 && text == words {
			break
		}
		fs, err := b.engine.Detect(ctx, &deid.Doc{Text: text, Known: b.knowledge.Known, Allow: b.knowledge.Allow})
		if err != nil {
			return "could not be checked (" + err.Error() + ")"
		}
		for _, f := range fs {
			if pass == 0 || f.Kind == deid.Person {
				return "holds what looks like " + article(string(f.Kind))
			}
		}
	}
	return ""
}

// joinedWords puts a space where a file name joins two words without
// one: before a capital that follows a small letter ("FirstLast") and
// between letters and digits ("first2024").
func joinedWords(s string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		if prev != 0 && (unicode.IsLower(prev) && unicode.IsUpper(r) ||
			unicode.IsLetter(prev) && unicode.IsDigit(r) || unicode.IsDigit(prev) && unicode.IsLetter(r)) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// capitaliseNameLike capitalises the words of s that could be a name: words
// too rare for the word list, and first names or surnames that are not
// ordinary words.
func capitaliseNameLike(s string) string {
	lex := lexicon.Default()
	words := strings.Split(s, " ")
	for i, w := range words {
		if w == "" || strings.ToLower(w) != w {
			continue
		}
		_, common := lex.WordRank(w)
		_, ordinary := lex.WordLevel(w)
		_, _, first := lex.FirstName(capitalise(w))
		_, surname := lex.Surname(capitalise(w))
		// A condition written as one word ("parkinsons") is no one,
		// unless its stem is also a surname people have.
		eponym := deid.EponymCondition(w) && !surnameOf(lex, strings.TrimSuffix(w, "s"))
		if (!common || ((first || surname) && !ordinary)) && !eponym {
			words[i] = capitalise(w)
		}
	}
	return strings.Join(words, " ")
}

func surnameOf(lex *lexicon.Lexicon, w string) bool {
	_, ok := lex.Surname(capitalise(w))
	return ok
}

// capitalise upper-cases the first letter of each space-separated word.
func capitalise(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if r, n := utf8.DecodeRuneInString(w); n > 0 {
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}

// article puts "a" or "an" before a word.
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

// cname publishes a CNAME file (GitHub Pages' custom domain) when it names
// the host of the site's baseURL, which every page publishes anyway.
func (b *builder) cname(fsys fs.FS) ([]byte, string, error) {
	data, err := fs.ReadFile(fsys, "CNAME")
	if err != nil {
		return nil, "", err
	}
	host := ""
	if u, err := url.Parse(b.opts.Config.BaseURL); err == nil {
		host = u.Hostname()
	}
	if got := strings.TrimSpace(string(data)); host == "" || !strings.EqualFold(got, host) {
		return nil, "a CNAME file is published only when it holds the host of baseURL in config.yaml", nil
	}
	return data, "", nil
}

// cleanStatic reads one file that is to be published beside a page (a
// page bundle's image) under the neutral name, through the same path as
// every static file (publishable): its type must be one veil can clean,
// and it is cleaned.
func (b *builder) cleanStatic(ctx context.Context, p, name string) ([]byte, string, error) {
	return b.publishable(ctx, oneFile{name: name, path: p}, name)
}

// oneFile is a file system holding one file on disk under another name.
type oneFile struct{ name, path string }

func (f oneFile) Open(name string) (fs.File, error) {
	if name != f.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return os.Open(f.path)
}
