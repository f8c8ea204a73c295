package site

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/markdown"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/risk"
)

// Cleared is a post that passed de-identification and the risk gate: the
// only form in which post text reaches the renderer.
type Cleared struct {
	// Path is the source file (for messages); Rel its path under the
	// content folder. Neither is ever published.
	Path, Rel string
	Post      render.Post
	Findings  []Finding
	Verdict   risk.Verdict
	// Warnings are about this post (an accept entry that matched nothing,
	// an alias that is not redirected).
	Warnings []string
	// Spans locate the body's replacements in Post.Markdown, for the
	// preview's highlights.
	Spans []Span
	// Aliases are the post's earlier URL paths that de-identification
	// left unchanged (exported so that a cached post keeps them).
	Aliases []string

	// src is the post as loaded (its refs and bundle files); a build sets
	// it again on a post that comes from a cache.
	src *content.Post
}

// Span is where one replacement lies in a cleared post's Markdown.
type Span struct {
	Start, End int
	// Finding indexes Cleared.Findings.
	Finding int
}

// PrepareFunc de-identifies and scores one post: it returns the cleared post,
// or why it is held back. Its result depends only on the post's file (path
// and bytes) and on the build's Options (engine and its key, knowledge,
// configuration), never on other posts: pseudonyms are keyed hashes of the
// names, so a cache keyed by those inputs keeps them consistent.
type PrepareFunc func(ctx context.Context, p *content.Post) (*Cleared, *Held)

// Finding is a de-identification finding placed in its source file.
type Finding struct {
	deid.Finding
	// Field is the front-matter key ("title", "tags"...) or "body".
	Field string `json:"field"`
	// Line and Col locate the finding in the source file (1-based).
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Held is a post that is not published, with why.
type Held struct {
	Path   string
	Reason string
	// Verdict is set when the risk gate held the post back; Err when a stage
	// failed.
	Verdict  *risk.Verdict
	Err      error
	Findings []Finding
	Warnings []string
	// Post is the de-identified post the risk gate held back, for the
	// preview; never rendered into the site.
	Post *Cleared
}

// segment is one front-matter field or the body inside the combined text
// that is de-identified in one pass, so that a name found in the title is
// also found in the body and replaced the same way.
type segment struct {
	field      string
	start, end int // in the combined text
	// src is the field as written, when the combined text reads it
	// otherwise (a slug's or tag's hyphens read as spaces); the same length.
	src string
}

// separator keeps fields apart: a blank line ends a sentence and a Markdown
// block, so no recognizer reads across two fields.
const separator = "\n\n"

// combine joins the post's public fields and body into one text; body is
// the post's body with the info strings of its fenced code blocks (infos,
// in document order) to be turned into spaces (see withoutInfo). The text
// is written once, into a builder of about its size: neither the body nor
// the text is copied on the way.
func combine(p *content.Post, body []byte, infos []markdown.FenceInfo) (string, []segment) {
	var b strings.Builder
	var segs []segment
	m := p.Meta
	size := len(m.Title) + len(m.Description) + len(m.Summary) + len(m.Slug) + len(body) + 5*len(separator)
	for _, l := range [][]string{m.Tags, m.Categories, m.Aliases} {
		for _, s := range l {
			size += len(s) + len(separator)
		}
	}
	b.Grow(size)
	add := func(field, s string) {
		start := b.Len()
		b.WriteString(s)
		segs = append(segs, segment{field: field, start: start, end: b.Len()})
		b.WriteString(separator)
	}
	// A slug or tag is often written as one word joined by hyphens,
	// underscores or dots ("first-last"); it is read as the words it joins,
	// and what is found is replaced in the value as written.
	// Such a value is mostly lower case, where a name is hard to tell, so
	// the words a name could be are read capitalised, as the same name in
	// the title would be.
	addWords := func(field, s string) {
		words := strings.Map(func(r rune) rune {
			if r == '-' || r == '_' || r == '.' || r == '+' {
				return ' '
			}
			return r
		}, s)
		if c := capitaliseNameLike(words); len(c) == len(words) {
			words = c
		}
		add(field, words)
		segs[len(segs)-1].src = s
	}
	add("title", m.Title)
	add("description", m.Description)
	add("summary", m.Summary)
	for _, t := range m.Tags {
		addWords("tags", t)
	}
	for _, c := range m.Categories {
		addWords("categories", c)
	}
	for _, a := range m.Aliases {
		add("aliases", aliasWords(a))
	}
	// A slug is written with hyphens; as words it reads like the title.
	addWords("slug", m.Slug)
	start := b.Len()
	writeWithoutInfo(&b, body, infos)
	segs = append(segs, segment{field: "body", start: start, end: b.Len()})
	b.WriteString(separator)
	return b.String(), segs
}

// withoutInfo returns body with the info strings of its fenced code blocks
// ("```ruby") turned into spaces, byte for byte. An info string is markup,
// not text a reader sees: it reaches the page only as the class of the
// code, and then only as a known language (see withLanguages). Read as
// text it was taken for a name ("ruby" became "language-<a pseudonym>").
func withoutInfo(body string, infos []markdown.FenceInfo) string {
	if len(infos) == 0 {
		return body
	}
	b := []byte(body)
	for _, in := range infos {
		for i := in.Start; i < in.End; i++ {
			if b[i] != '\n' && b[i] != '\r' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// writeWithoutInfo writes withoutInfo(string(body), infos) to b without
// copying body first, when infos are in order and apart, as FenceInfos
// returns them.
func writeWithoutInfo(b *strings.Builder, body []byte, infos []markdown.FenceInfo) {
	end := 0
	for _, in := range infos {
		if in.Start < end || in.End < in.Start || in.End > len(body) {
			b.WriteString(withoutInfo(string(body), infos))
			return
		}
		end = in.End
	}
	prev := 0
	for _, in := range infos {
		b.Write(body[prev:in.Start])
		for _, c := range body[in.Start:in.End] {
			if c != '\n' && c != '\r' {
				c = ' '
			}
			b.WriteByte(c)
		}
		prev = in.End
	}
	b.Write(body[prev:])
}

// fenceInfo marks the findings of withLanguages, which are no findings.
const fenceInfo = "markdown/fence-info"

// withLanguages adds to the body's findings (sorted, offsets into the
// body) one that writes back each blanked info string as the language it
// names, or leaves it blank when it names none. An info string that a
// finding overlaps stays blank.
func withLanguages(fs []deid.Finding, infos []markdown.FenceInfo) []deid.Finding {
	if len(infos) == 0 {
		return fs
	}
	out := make([]deid.Finding, 0, len(fs)+len(infos))
	i := 0
	for _, in := range infos {
		for i < len(fs) && fs[i].End <= in.Start {
			out = append(out, fs[i])
			i++
		}
		if in.Language == "" || i < len(fs) && fs[i].Start < in.End {
			continue
		}
		out = append(out, deid.Finding{Start: in.Start, End: in.End, Replacement: in.Language, Recognizer: fenceInfo})
	}
	return append(out, fs[i:]...)
}

// prepare de-identifies and scores one post. Any error or panic holds the
// post back: its text never reaches the renderer.
func (b *builder) prepare(ctx context.Context, p *content.Post) (c *Cleared, held *Held) {
	defer func() {
		if r := recover(); r != nil {
			c, held = nil, &Held{Path: p.Path, Reason: "internal error while de-identifying; held back", Err: fmt.Errorf("panic: %v\n%s", r, debug.Stack())}
		}
	}()
	if line, err := markdown.CheckCost(p.Body); err != nil {
		bodyLine, _ := content.NewLineIndex(string(p.Source)).Position(p.BodyOffset)
		return nil, &Held{Path: p.Path, Reason: "cannot be parsed in reasonable time; held back", Err: &content.Error{Path: p.Path, Line: bodyLine + line - 1, Msg: err.Error()}}
	}
	infos := b.md.FenceInfos(p.Body)
	text, segs := combine(p, p.Body, infos)
	know := b.knowledge.With(p.Meta.Veil.Known, p.Meta.Veil.Allow)
	var labels []deid.Label
	for _, s := range segs {
		switch s.field {
		case "tags", "categories", "slug", "aliases":
			// Words in slug case, one label to a line (see deid.Label).
			labels = append(labels, deid.Label{Start: s.start, End: s.end})
		}
	}
	res, err := b.engine.Deidentify(ctx, &deid.Doc{Text: text, Known: know.Known, Allow: know.Allow, Labels: labels})
	if err != nil {
		return nil, &Held{Path: p.Path, Reason: "de-identification failed; held back", Err: err}
	}
	fields := map[string][]string{}
	// The post's findings, and one field's (in its offsets; the slice is
	// reused field after field): every finding lies in a field, so they
	// are allocated once at about their size instead of grown by doubling.
	var findings []Finding
	var local []deid.Finding
	if n := len(res.Findings); n > 0 {
		findings = make([]Finding, 0, n)
		local = make([]deid.Finding, 0, n)
	}
	var spans []Span
	var body []byte // the de-identified body
	lines := newLineCursor(p.Source)
	for _, s := range segs {
		local = local[:0]
		// The findings are sorted and do not overlap: those of this
		// field start at the first that ends inside it. Searching, rather
		// than reading every finding for every field, keeps a post with
		// thousands of tags linear.
		first := sort.Search(len(res.Findings), func(i int) bool { return res.Findings[i].End > s.start })
		for _, f := range res.Findings[first:] {
			if f.Start >= s.end {
				break
			}
			// Clip a finding that runs over the separator to this field.
			lf := f
			lf.Start, lf.End = max(f.Start, s.start)-s.start, min(f.End, s.end)-s.start
			lf.Text = text[s.start+lf.Start : s.start+lf.End]
			local = append(local, lf)
			findings = append(findings, b.place(p, lines, s.field, lf))
		}
		src := text[s.start:s.end]
		if s.src != "" {
			src = s.src
		}
		firstFinding := len(findings) - len(local)
		if s.field == "body" {
			local = withLanguages(local, infos)
			body = applyBytes(src, local)
			spans = bodySpans(local, firstFinding)
			continue
		}
		fields[s.field] = append(fields[s.field], deid.Apply(src, local))
	}
	if len(findings) == 0 {
		findings = nil // as before: no findings, no slice
	}
	policy := b.policy
	for i, a := range p.Meta.Veil.Accept {
		if strings.TrimSpace(a.Reason) == "" || strings.TrimSpace(a.Text) == "" {
			return nil, &Held{Path: p.Path, Reason: "front matter veil.accept", Err: &content.Error{Path: p.Path, Line: a.Line,
				Msg: fmt.Sprintf("veil.accept[%d]: an accepted detail needs both text: and a reason:", i)}}
		}
		policy.Accept = append(policy.Accept, risk.Accept{Text: a.Text, Reason: a.Reason})
	}
	policy.People = risk.PersonStarts(res.Findings)
	verdict := risk.Assess(res.Text, policy)
	b.placeDetails(p, lines, text, segs, res.Findings, &verdict)
	// As for findings: the details keep copies of their words, not the
	// whole de-identified text they were found in.
	for i := range verdict.Details {
		verdict.Details[i].Text = strings.Clone(verdict.Details[i].Text)
	}
	var warns []string
	for _, u := range verdict.Unmatched {
		line := p.Meta.Lines["veil"]
		for _, a := range p.Meta.Veil.Accept {
			if a.Text == u {
				line = a.Line
			}
		}
		warns = append(warns, fmt.Sprintf("%s:%d: veil.accept %q matches no rare detail", p.Path, line, u))
	}
	flagged := 0
	for _, f := range findings {
		if policy.Flags(string(f.Kind)) && flagged < 3 {
			verdict.FlagIdentifier(string(f.Kind), f.Line, f.Col)
			flagged++
		}
	}
	title := fields["title"][0]
	slug := render.Slugify(fields["slug"][0])
	if slug == "" {
		slug = render.Slugify(title)
	}
	if slug == "" {
		slug = "post"
	}
	rp := render.Post{
		Title:       title,
		Description: fields["description"][0],
		Slug:        slug,
		Section:     p.Section,
		Date:        p.Meta.Date,
		Lastmod:     p.Meta.Lastmod,
		Tags:        fields["tags"],
		Categories:  fields["categories"],
		Markdown:    body,
		IsPage:      p.IsPage(),
	}
	if s := fields["summary"][0]; s != "" {
		rp.Summary = template.HTML(html.EscapeString(s))
	}
	c = &Cleared{Path: p.Path, Rel: p.Rel, Post: rp, Findings: findings, Verdict: verdict, Warnings: warns, Spans: spans, src: p}
	c.keepAliases(fields["aliases"], func(a string) bool { return b.nameLeaks(ctx, a) != "" })
	if verdict.Blocked {
		return nil, &Held{Path: p.Path, Reason: verdict.Reasons[0], Verdict: &verdict, Findings: findings, Warnings: warns, Post: c}
	}
	return c, nil
}

// applyBytes is []byte(deid.Apply(text, fs)): the body, which the
// renderer reads as bytes, is written once into a slice of its size,
// rather than into a string that grows when a replacement is longer than
// what it replaces, and then copied.
func applyBytes(text string, fs []deid.Finding) []byte {
	n := len(text)
	for _, f := range fs {
		n += len(f.Replacement) - (f.End - f.Start)
	}
	out := make([]byte, 0, max(n, 0))
	prev := 0
	for _, f := range fs {
		out = append(out, text[prev:f.Start]...)
		out = append(out, f.Replacement...)
		prev = f.End
	}
	return append(out, text[prev:]...)
}

// bodySpans places each replacement of the body's findings (sorted, in
// body offsets) in the de-identified body; first is the index of the first
// of them in the post's findings.
func bodySpans(local []deid.Finding, first int) []Span {
	spans := make([]Span, 0, len(local))
	shift := 0 // bytes the output has grown by so far
	n := 0
	for _, f := range local {
		start := f.Start + shift
		shift += len(f.Replacement) - (f.End - f.Start)
		if f.Recognizer == fenceInfo {
			continue // a code block's language, written back: no finding
		}
		spans = append(spans, Span{Start: start, End: start + len(f.Replacement), Finding: first + n})
		n++
	}
	return spans
}

// placeDetails gives each rare detail its line and column in the source file: published
// offset -> offset in the combined text -> field -> file.
func (b *builder) placeDetails(p *content.Post, lines *lineCursor, text string, segs []segment, findings []deid.Finding, v *risk.Verdict) {
	for i := range v.Details {
		d := &v.Details[i]
		off := risk.InputOffset(findings, d.Start)
		for _, s := range segs {
			if off < s.start || off > s.end {
				continue
			}
			if s.field == "body" {
				d.Line, d.Col = lines.Position(off - s.start + p.BodyOffset)
			} else {
				d.Line, d.Col = p.Meta.Lines[s.field], 1
			}
			break
		}
	}
	// The reasons were written before the positions were known.
	if len(v.Details) > 0 {
		*v = risk.Explained(*v)
	}
}

// place turns a finding in a field into a finding located in the file: the
// body maps back byte for byte; a front-matter field points at its key's
// line.
func (b *builder) place(p *content.Post, lines *lineCursor, field string, f deid.Finding) Finding {
	out := Finding{Finding: f, Field: field}
	// A copy of the few words found, not a window into the post's whole
	// text: a report keeps every post's findings, and would otherwise
	// keep every post's text with them.
	out.Text = strings.Clone(f.Text)
	out.Replacement = strings.Clone(f.Replacement)
	if field == "body" {
		out.Start, out.End = f.Start+p.BodyOffset, f.End+p.BodyOffset
		out.Line, out.Col = lines.Position(out.Start)
		return out
	}
	out.Line, out.Col = p.Meta.Lines[field], 1
	return out
}
