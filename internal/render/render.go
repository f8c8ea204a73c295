package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/veil-blog/veil/internal/markdown"
	"github.com/veil-blog/veil/internal/par"
)

// layoutNames are the templates a theme must provide, under layouts/. Each of
// them defines the block "main" (and may define "head") for baseof.html.
// Files under layouts/partials/ are parsed into every layout and called as
// {{ template "partials/name.html" . }}.
var layoutNames = []string{"home.html", "single.html", "page.html", "tags.html", "tag.html", "404.html"}

const (
	baseLayout   = "layouts/baseof.html"
	partialsDir  = "layouts/partials"
	staticDir    = "static"
	defaultPaged = 10
	wordsPerMin  = 220
)

// Renderer renders sites with one parsed theme. It is safe for concurrent
// use.
type Renderer struct {
	themeFS  fs.FS
	themeDir string
	conv     *markdown.Converter
	layouts  map[string]*template.Template // by file name, e.g. "single.html"
	memo     *Memo
	// bufs holds the buffers pages are executed into (see execute).
	bufs sync.Pool
}

// Option configures a Renderer.
type Option func(*Renderer)

// WithThemeDir sets the directory name that template errors are reported
// under (default "theme", the site's theme directory): an error in
// layouts/single.html reads "theme/layouts/single.html:12: ...".
func WithThemeDir(dir string) Option {
	return func(r *Renderer) { r.themeDir = dir }
}

// WithConverter sets the Markdown converter (default markdown.New()).
func WithConverter(c *markdown.Converter) Option {
	return func(r *Renderer) { r.conv = c }
}

// New parses every layout of themeFS up front. A template error names the
// file and line, e.g. "theme/layouts/single.html:12: function "x" not
// defined".
func New(themeFS fs.FS, opts ...Option) (*Renderer, error) {
	r := &Renderer{themeFS: themeFS, themeDir: "theme"}
	for _, o := range opts {
		o(r)
	}
	if r.conv == nil {
		r.conv = markdown.New()
	}

	base, err := r.readTemplate(baseLayout)
	if err != nil {
		return nil, err
	}
	partials, err := fs.Glob(themeFS, partialsDir+"/*.html")
	if err != nil {
		return nil, fmt.Errorf("read %s/%s: %w", r.themeDir, partialsDir, err)
	}
	slices.Sort(partials)
	partialSrc := make([]string, len(partials))
	for i, p := range partials {
		if partialSrc[i], err = r.readTemplate(p); err != nil {
			return nil, err
		}
	}

	r.layouts = make(map[string]*template.Template, len(layoutNames))
	for _, name := range layoutNames {
		file := "layouts/" + name
		src, err := r.readTemplate(file)
		if err != nil {
			return nil, err
		}
		t := template.New(baseLayout).Funcs(funcs)
		if _, err := t.Parse(base); err != nil {
			return nil, r.templateError(err)
		}
		for i, p := range partials {
			if _, err := t.New(strings.TrimPrefix(p, "layouts/")).Parse(partialSrc[i]); err != nil {
				return nil, r.templateError(err)
			}
		}
		if _, err := t.New(file).Parse(src); err != nil {
			return nil, r.templateError(err)
		}
		// html/template escapes lazily, on first execution; run it once now
		// so contextual-escaping errors are reported here, with the theme,
		// not halfway through a build. Errors of execution on this empty
		// page are expected and ignored.
		if err := t.Execute(io.Discard, samplePage()); err != nil {
			var escErr *template.Error
			if errors.As(err, &escErr) {
				return nil, r.templateError(err)
			}
		}
		// The summary partial too, which the layouts may reach only
		// through SummaryCard.
		if t.Lookup(summaryPartial) != nil {
			if err := t.ExecuteTemplate(io.Discard, summaryPartial, samplePage().Post); err != nil {
				var escErr *template.Error
				if errors.As(err, &escErr) {
					return nil, r.templateError(err)
				}
			}
		}
		r.layouts[name] = t
	}
	// The partials that layouts reach only through the data's methods
	// (SiteData.Partial, Page.Nav, PostData.Partial, TagRef.Partial,
	// SummaryCard) are escaped when first executed: run every layout once
	// more on a sample page whose data have them, so that their errors too
	// are reported here.
	for _, name := range layoutNames {
		if err := r.layouts[name].Execute(io.Discard, r.plannedSample()); err != nil {
			var escErr *template.Error
			if errors.As(err, &escErr) {
				return nil, r.templateError(escErr)
			}
		}
	}
	return r, nil
}

// plannedSample is samplePage with the kept partials of a planned site's
// data.
func (r *Renderer) plannedSample() *Page {
	pg := samplePage()
	pg.Site.parts = &siteParts{r: r}
	p := pg.Post
	p.parts, p.card = &siteParts{r: r}, &card{r: r}
	p.Categories = []*TagRef{{Name: "category", Slug: "category", RelPermalink: "/categories/category/"}}
	for _, t := range append(p.Tags, p.Categories...) {
		t.parts = &siteParts{r: r}
	}
	return pg
}

func (r *Renderer) readTemplate(name string) (string, error) {
	b, err := fs.ReadFile(r.themeFS, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s/%s: missing template", r.themeDir, name)
		}
		return "", fmt.Errorf("read %s/%s: %w", r.themeDir, name, err)
	}
	return string(b), nil
}

// funcs are the few template functions beyond the builtins. Most helpers
// are methods of the data (.Site.RelURL), so they need no per-site state.
var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
}

// templatePos matches the "template: NAME:LINE" or "html/template:NAME:LINE"
// prefix that text/template and html/template put on their errors. Those
// packages expose the position only inside the message, so it is taken from
// there once, at the boundary.
var templatePos = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+\.html)(?::(\d+))?(?::\d+)?: ?`)

// templateError rewrites a template error to lead with the theme file and
// line: "theme/layouts/single.html:12: ...".
func (r *Renderer) templateError(err error) error {
	msg := err.Error()
	if m := templatePos.FindStringSubmatchIndex(msg); m != nil {
		file := msg[m[2]:m[3]]
		if !strings.HasPrefix(file, "layouts/") {
			file = "layouts/" + file // partials are named "partials/x.html"
		}
		line := 0
		if m[4] >= 0 {
			line = atoi(msg[m[4]:m[5]])
		}
		return &TemplateError{File: r.themeDir + "/" + file, Line: line, Msg: msg[m[1]:], Err: err}
	}
	return fmt.Errorf("%s: %w", r.themeDir, err)
}

// TemplateError is a parse or execution error of a theme template.
type TemplateError struct {
	File string // e.g. "theme/layouts/single.html"
	Line int    // 0 if the template package gave none
	Msg  string
	Err  error
}

func (e *TemplateError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}
func (e *TemplateError) Unwrap() error { return e.Err }

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// samplePage is a fully populated page used to run the templates once at
// parse time.
func samplePage() *Page {
	tag := &TagData{Name: "tag", Slug: "tag", RelPermalink: "/tags/tag/"}
	p := &PostData{Title: "t", Permalink: "/posts/t/", RelPermalink: "/posts/t/", Tags: []*TagRef{{Name: "tag", Slug: "tag", RelPermalink: "/tags/tag/"}}, ReadingTime: 1}
	tag.Posts = []*PostData{p}
	return &Page{
		Site: SiteData{Lang: "en", Menu: []*PostData{p}},
		Kind: "home", Post: p, Posts: []*PostData{p}, Pager: &Pager{Number: 1, Total: 1},
		Tags: []*TagData{tag}, Tag: tag,
	}
}

// converted is one post after Markdown conversion (or its error).
type converted struct {
	res conversion
	err error
}

// convertAll converts every post's Markdown once, in parallel, keeping the
// results in input order.
func (r *Renderer) convertAll(ctx context.Context, posts []Post) ([]conversion, error) {
	out := make([]converted, len(posts))
	if err := par.Do(ctx, len(posts), 0, nil, func(i int) {
		if c := posts[i].converted; c != nil {
			out[i] = *c
			return
		}
		res, err := r.convert(posts[i].Markdown)
		out[i] = converted{res, err}
	}); err != nil {
		return nil, err
	}
	results := make([]conversion, len(posts))
	for i, c := range out {
		if c.err != nil {
			return nil, fmt.Errorf("convert %s: %w", posts[i].Permalink, c.err)
		}
		results[i] = c.res
	}
	return results, nil
}

// execute runs one layout for page. The template writes into a buffer
// kept from earlier pages, and the page is one copy of it: a buffer that
// starts empty grows by doubling, zeroing and copying each time (a tenth
// of template execution in a build's profile).
func (r *Renderer) execute(layout string, page *Page) ([]byte, error) {
	return r.executeTemplate(layout, "", page)
}

// cardLayout is the layout whose template set SummaryCard executes the
// summary partial of (every layout's set holds every partial).
const cardLayout = "home.html"

// executeTemplate runs the template named name of layout's set (the
// layout itself when name is "") on data.
func (r *Renderer) executeTemplate(layout, name string, data any) ([]byte, error) {
	var out []byte
	err := r.executeTemplateTo(layout, name, data, func(b []byte) error {
		out = bytes.Clone(b)
		return nil
	})
	return out, err
}

// executeTemplateTo is executeTemplate for a caller that only reads the
// bytes: use gets the buffer they were executed into, valid until use
// returns (the buffer then serves a later page), so that a page written
// to a file is not first copied out of it. use's error is returned as it
// is; use is not called when the template fails.
func (r *Renderer) executeTemplateTo(layout, name string, data any, use func([]byte) error) error {
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		// A buffer grown by one huge page is not kept for every later one.
		if buf.Cap() <= maxPooledPage {
			buf.Reset()
			r.bufs.Put(buf)
		}
	}()
	t := r.layouts[layout]
	var err error
	if name == "" {
		err = t.Execute(buf, data)
	} else {
		err = t.ExecuteTemplate(buf, name, data)
	}
	if err != nil {
		return r.templateError(err)
	}
	return use(buf.Bytes())
}

// maxPooledPage is the largest buffer execute keeps for the next page.
const maxPooledPage = 4 << 20

// outputPath turns a site-relative URL path into an output file path:
// "/posts/x/" and "/posts/x" -> "posts/x/index.html", "/x.html" -> "x.html".
func outputPath(permalink string) (string, error) {
	if !strings.HasPrefix(permalink, "/") || strings.HasPrefix(permalink, "//") ||
		strings.ContainsAny(permalink, "\\?#\x00") {
		return "", fmt.Errorf("permalink %q: want a site-relative path such as /posts/slug/", permalink)
	}
	p := strings.TrimPrefix(permalink, "/")
	switch {
	case p == "" || strings.HasSuffix(p, "/"):
		p += "index.html"
	case !strings.Contains(path.Base(p), "."):
		p += "/index.html" // "/posts/x" is served as a directory too
	}
	if !fs.ValidPath(p) || path.Clean(p) != p {
		return "", fmt.Errorf("permalink %q: not a clean path", permalink)
	}
	return p, nil
}
