package cli

import (
	"errors"
	"fmt"
	"html"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/preview"
	"github.com/veil-blog/veil/internal/risk"
	"github.com/veil-blog/veil/internal/site"
)

// snapshot is one build as veil serve shows it. Pages are rendered when
// first asked for and kept.
type snapshot struct {
	root      string
	base      string // the site's path, "/" or "/blog/"
	threshold float64
	rep       *site.Report
	posts     map[string]*postPage // by output name: published, draft, held back
	bySource  map[string][]string  // source file -> output names
	fallback  map[string]*snapshot // names served from the last good build
	errors    []string
	notes     []string
	links     []preview.PageLink

	rendered sync.Map // name -> rendered
}

type postPage struct {
	c        *site.Cleared
	unlisted bool
	banner   string
	reasons  []string
}

type rendered struct {
	body []byte
	info *preview.Info
	ok   bool
}

func newSnapshot(root, base string, threshold float64, rep *site.Report, good *snapshot) *snapshot {
	n := len(rep.Published) + len(rep.DraftPosts) + len(rep.Held)
	s := &snapshot{root: root, base: base, threshold: threshold, rep: rep, posts: make(map[string]*postPage, n),
		bySource: make(map[string][]string, n), fallback: map[string]*snapshot{}}
	add := func(pp *postPage) {
		name := pageName(pp.c.Post.Permalink)
		s.posts[name] = pp
		s.bySource[pp.c.Path] = append(s.bySource[pp.c.Path], name)
	}
	for _, c := range rep.Published {
		add(&postPage{c: c})
	}
	var unlisted []*postPage
	for _, c := range rep.DraftPosts {
		pp := &postPage{c: c, unlisted: true, banner: "draft: not published (draft: true in its front matter; veil build --drafts would publish it)"}
		if c.Verdict.Blocked {
			pp.banner = "draft, and held back: would not be published"
			pp.reasons = c.Verdict.Reasons
		}
		unlisted = append(unlisted, pp)
	}
	failed := map[string]bool{}
	for _, h := range rep.Held {
		if h.Err != nil {
			failed[h.Path] = true
			continue
		}
		if h.Post == nil {
			continue
		}
		reasons := []string{h.Reason}
		if h.Verdict != nil && len(h.Verdict.Reasons) > 0 {
			reasons = h.Verdict.Reasons // the first is the reason given
		}
		unlisted = append(unlisted, &postPage{c: h.Post, unlisted: true, banner: "held back: would not be published", reasons: reasons})
	}
	sort.SliceStable(unlisted, func(i, j int) bool { return unlisted[i].c.Post.Permalink < unlisted[j].c.Post.Permalink })
	for _, pp := range unlisted {
		add(pp)
		label := pp.c.Post.Title + " (draft)"
		if pp.banner[0] == 'h' {
			label = pp.c.Post.Title + " (held back)"
		}
		s.links = append(s.links, preview.PageLink{Label: label, Href: strings.TrimSuffix(base, "/") + pp.c.Post.Permalink})
	}
	for _, err := range rep.Errors {
		s.errors = append(s.errors, relMessage(root, firstLine(err.Error())))
		var ce *content.Error
		if errors.As(err, &ce) {
			failed[ce.Path] = true
		}
	}
	// A post that fails now keeps the pages it had in the last good build.
	if good != nil {
		for path := range failed {
			for _, name := range good.bySource[path] {
				if _, ok := s.posts[name]; !ok && !rep.Pages.Has(name) {
					s.fallback[name] = good
				}
			}
		}
	}
	if n := len(rep.DraftPosts); n > 0 {
		s.notes = append(s.notes, fmt.Sprintf("%d drafts", n))
	}
	if n := len(rep.Held); n > 0 {
		s.notes = append(s.notes, fmt.Sprintf("%d held back", n))
	}
	return s
}

func (s *snapshot) preview() preview.Snapshot {
	return preview.Snapshot{Lookup: s.lookup, Errors: s.errors, Notes: s.notes, Links: s.links, Base: s.base}
}

func (s *snapshot) lookup(name string) ([]byte, *preview.Info, bool) {
	if r, ok := s.rendered.Load(name); ok {
		r := r.(*rendered)
		return r.body, r.info, r.ok
	}
	r := s.render(name)
	s.rendered.Store(name, r)
	return r.body, r.info, r.ok
}

func (s *snapshot) render(name string) *rendered {
	if pp, ok := s.posts[name]; ok {
		md, marks := markedMarkdown(pp.c)
		var body []byte
		var err error
		if pp.unlisted {
			post := pp.c.Post
			post.Markdown = md
			body, err = s.rep.Pages.Unlisted(post)
		} else {
			body, err = s.rep.Pages.Variant(name, md)
		}
		if err != nil {
			body = errorPage(err)
		}
		rel, _ := filepath.Rel(s.root, pp.c.Path)
		return &rendered{body: body, ok: true, info: &preview.Info{
			Source: filepath.ToSlash(rel), Banner: pp.banner, Reasons: pp.reasons, Marks: marks,
			Risk: riskPanel(pp.c.Verdict),
		}}
	}
	if s.rep.Pages.Has(name) {
		body, _, err := s.rep.Pages.File(name)
		if err != nil {
			body = errorPage(err)
		}
		return &rendered{body: body, ok: true}
	}
	if b, ok := s.rep.Files[name]; ok {
		return &rendered{body: b, ok: true}
	}
	if good, ok := s.fallback[name]; ok {
		body, info, ok := good.lookup(name)
		return &rendered{body: body, info: info, ok: ok}
	}
	return &rendered{}
}

// markedMarkdown returns a copy of the cleared post's Markdown with each
// replacement between preview markers, and what each marker stands for.
func markedMarkdown(c *site.Cleared) ([]byte, []preview.Highlight) {
	md := c.Post.Markdown
	out := make([]byte, 0, len(md)+len(c.Spans)*12)
	marks := make([]preview.Highlight, 0, len(c.Spans))
	prev := 0
	for _, sp := range c.Spans {
		if sp.Start < prev || sp.End > len(md) || sp.Finding >= len(c.Findings) {
			continue
		}
		f := c.Findings[sp.Finding]
		out = append(out, md[prev:sp.Start]...)
		out = append(out, preview.MarkOpen(len(marks))...)
		out = append(out, md[sp.Start:sp.End]...)
		out = append(out, preview.MarkClose...)
		prev = sp.End
		marks = append(marks, preview.Highlight{Kind: string(f.Kind), Rule: f.Recognizer, Original: f.Text, Replacement: f.Replacement, Line: f.Line})
	}
	return append(out, md[prev:]...), marks
}

// riskPanel adapts a risk verdict to the preview's panel: the score, the
// crowd estimate against its minimum, the area, then one row per rare
// detail (what it is as published, where, how many it fits, why) and the
// suggested edits. The details are the published text, never originals.
func riskPanel(v risk.Verdict) *preview.Risk {
	r := &preview.Risk{Score: v.Score, Blocked: v.Blocked, Reasons: v.Reasons}
	r.Rows = append(r.Rows,
		[2]string{"score", fmt.Sprintf("%.2f", v.Score)},
		[2]string{"crowd estimate", fmt.Sprintf("%s (held back under %s)", risk.Num(v.Crowd), risk.Num(v.MinCrowd))})
	if v.Area != "" {
		r.Rows = append(r.Rows, [2]string{"area", fmt.Sprintf("%s (%s people)", v.Area, risk.Num(v.AreaPopulation))})
	}
	for _, d := range v.Details {
		label := d.Kind
		if !d.Counted {
			label += " (not counted)"
		}
		val := fmt.Sprintf("%q", d.Text)
		if d.Line > 0 {
			val += fmt.Sprintf(" line %d", d.Line)
		}
		if d.Factor > 0 && d.Factor < 1 {
			val += fmt.Sprintf(" · fits 1 in %s", risk.Num(1/d.Factor))
		}
		if d.Why != "" {
			val += " · " + d.Why
		}
		r.Rows = append(r.Rows, [2]string{label, val})
	}
	for _, e := range v.Edits {
		r.Rows = append(r.Rows, [2]string{"suggestion", fmt.Sprintf("say %q: crowd %s", e.Say, risk.Num(e.CrowdAfterAbove))})
	}
	return r
}

// errorPage is a page that says a page could not be rendered.
func errorPage(err error) []byte {
	return []byte("<!doctype html><html><head><title>render error</title></head><body><h1>This page could not be rendered</h1><pre>" +
		html.EscapeString(firstLine(err.Error())) + "</pre></body></html>")
}

// relMessage shortens a message that starts with a path inside root to
// the path relative to root, as the author thinks of the site's files.
func relMessage(root, msg string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		return msg
	}
	for _, prefix := range []string{filepath.Clean(root) + string(filepath.Separator), abs + string(filepath.Separator)} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok && prefix != "."+string(filepath.Separator) {
			return filepath.ToSlash(rest)
		}
	}
	return msg
}
