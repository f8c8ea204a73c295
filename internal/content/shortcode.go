package content

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// RefToken is what stands in a post's body for its i-th entry of Refs
// (a Hugo ref/relref shortcode, a Jekyll post_url or link tag) until the
// target's permalink is known. It is a site-relative path that no
// recognizer reads as a detail and that no real post has.
func RefToken(i int) string { return "/veil-ref-" + strconv.Itoa(i) + "/" }

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// rewriteBody turns Hugo shortcodes (and, for a Jekyll file, Liquid tags)
// in the body into Markdown, so that what they show passes
// de-identification with the rest of the body and nothing reaches the page
// raw. Each replacement keeps the lines of what it replaces where it can,
// so that messages about the body still point at the right line. Source is
// rebuilt around the new body.
func (p *Post) rewriteBody(liquid bool) {
	// Every shortcode begins "{{" and every Liquid tag "{{" or "{%": a
	// body with neither (most posts) has nothing to rewrite, and is not
	// copied into a string to be scanned.
	if !bytes.Contains(p.Body, []byte("{{")) && (!liquid || !bytes.Contains(p.Body, []byte("{%"))) {
		p.bodyLines = nil
		return
	}
	p.rewriteBodyScan(liquid)
}

// rewriteBodyScan is rewriteBody's scan and rewrite.
func (p *Post) rewriteBodyScan(liquid bool) {
	body := string(p.Body)
	var edits []edit
	defer func() { p.bodyLines = nil }()
	edits = append(edits, p.shortcodeEdits(body)...)
	if liquid {
		edits = append(edits, p.liquidEdits(body, edits)...)
	}
	if len(edits) == 0 {
		return
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue // inside an earlier edit (a comment, a raw block)
		}
		b.WriteString(body[last:e.start])
		text := e.text
		if pad := strings.Count(body[e.start:e.end], "\n") - strings.Count(text, "\n"); pad > 0 {
			text += strings.Repeat("\n", pad)
		}
		b.WriteString(text)
		last = e.end
	}
	b.WriteString(body[last:])
	src := make([]byte, 0, p.BodyOffset+b.Len())
	src = append(src, p.Source[:p.BodyOffset]...)
	src = append(src, b.String()...)
	p.Source = src
	p.Body = src[p.BodyOffset:]
}

// note records a remark about byte off of the body, with its file line.
// The body's line index is made once, on the first note.
func (p *Post) note(body string, off int, format string, a ...any) {
	if p.bodyLines == nil {
		p.bodyLines = NewLineIndex(body)
	}
	line := strings.Count(string(p.Source[:p.BodyOffset]), "\n") + p.bodyLines.Line(off)
	p.Notes = append(p.Notes, fmt.Sprintf("%s:%d: %s", p.Path, line, fmt.Sprintf(format, a...)))
}

// shortcode is one {{< name args >}}, {{% name args %}} or closing tag.
type shortcode struct {
	start, end int
	name       string
	closing    bool
	selfClose  bool
	pos        []string          // positional arguments
	named      map[string]string // named arguments
}

func (s *shortcode) arg(name string, i int) string {
	if v, ok := s.named[name]; ok {
		return v
	}
	if i >= 0 && i < len(s.pos) {
		return s.pos[i]
	}
	return ""
}

// scanShortcodes finds every shortcode tag of body, in order. Hugo's
// escaped form {{</* x */>}} is returned with name "" and the literal text.
func scanShortcodes(body string) ([]shortcode, []edit) {
	var out []shortcode
	var literal []edit
	for i := 0; ; {
		j := strings.Index(body[i:], "{{")
		if j < 0 {
			break
		}
		start := i + j
		if start+2 >= len(body) || (body[start+2] != '<' && body[start+2] != '%') {
			i = start + 2
			continue
		}
		delim := body[start+2]
		closeDelim := delim
		if delim == '<' {
			closeDelim = '>'
		}
		closer := string(closeDelim) + "}}"
		rest := body[start+3:]
		if t := strings.TrimLeft(rest, " \t"); strings.HasPrefix(t, "/*") {
			end := strings.Index(rest, "*/"+closer)
			if end < 0 {
				i = start + 3
				continue
			}
			inner := strings.TrimPrefix(strings.TrimLeft(rest[:end], " \t"), "/*")
			stop := start + 3 + end + 2 + len(closer)
			literal = append(literal, edit{start, stop, "{{" + string(delim) + inner + string(closeDelim) + "}}"})
			i = stop
			continue
		}
		end := strings.Index(rest, closer)
		if end < 0 {
			i = start + 3
			continue
		}
		sc := shortcode{start: start, end: start + 3 + end + len(closer), named: map[string]string{}}
		inner := strings.TrimSpace(rest[:end])
		if strings.HasPrefix(inner, "/") {
			sc.closing = true
			inner = strings.TrimSpace(inner[1:])
		}
		if strings.HasSuffix(inner, "/") {
			sc.selfClose = true
			inner = strings.TrimSpace(strings.TrimSuffix(inner, "/"))
		}
		args := splitArgs(inner)
		if len(args) > 0 {
			sc.name = args[0]
			for _, a := range args[1:] {
				if k, v, ok := strings.Cut(a, "="); ok && isIdent(k) {
					sc.named[k] = unquote(v)
				} else {
					sc.pos = append(sc.pos, unquote(a))
				}
			}
		}
		out = append(out, sc)
		i = sc.end
	}
	return out, literal
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// splitArgs splits shortcode or Liquid arguments at spaces outside quotes.
func splitArgs(s string) []string {
	var out []string
	var cur strings.Builder
	var quote rune
	in := false
	for _, r := range s {
		switch {
		case quote != 0:
			cur.WriteRune(r)
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '`' || r == '\'':
			quote = r
			cur.WriteRune(r)
			in = true
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '`' || s[0] == '\'') && s[len(s)-1] == s[0] {
		if s[0] == '"' {
			if u, err := strconv.Unquote(s); err == nil {
				return u
			}
		}
		return s[1 : len(s)-1]
	}
	return s
}

// shortcodeEdits renders the shortcodes veil knows and removes the tags of
// the others, keeping the text between them.
func (p *Post) shortcodeEdits(body string) []edit {
	tags, edits := scanShortcodes(body)
	paired := map[int]bool{} // index of an opening tag that has a closing one
	var stack []int
	for i, t := range tags {
		switch {
		case t.closing:
			for k := len(stack) - 1; k >= 0; k-- {
				if tags[stack[k]].name == t.name {
					paired[stack[k]] = true
					stack = stack[:k]
					break
				}
			}
		case !t.selfClose:
			stack = append(stack, i)
		}
	}
	for i, t := range tags {
		e := edit{start: t.start, end: t.end}
		switch {
		case t.closing && t.name == "highlight":
			e.text = "\n```"
			if t.start > 0 && body[t.start-1] == '\n' {
				e.text = "```"
			}
		case t.closing:
			// The closing tag of another shortcode: removed.
		case t.name == "highlight" && paired[i]:
			e.text = "```" + fenceLang(t.arg("lang", 0))
			if t.end < len(body) && body[t.end] != '\n' {
				e.text += "\n"
			}
		case t.name == "figure":
			e.text = figureMarkdown(&t)
		case t.name == "youtube":
			if id := t.arg("id", 0); id != "" {
				e.text = "[Watch the video](https://www.youtube.com/watch?v=" + urlPart(id) + ")"
			}
		case t.name == "vimeo" || t.name == "vimeo_simple":
			if id := t.arg("id", 0); id != "" {
				e.text = "[Watch the video](https://vimeo.com/" + urlPart(id) + ")"
			}
		case t.name == "ref" || t.name == "relref":
			target := t.arg("path", 0)
			e.text = RefToken(len(p.Refs))
			p.Refs = append(p.Refs, target)
		case t.name == "":
			p.note(body, t.start, "empty shortcode removed")
		default:
			if paired[i] {
				p.note(body, t.start, "Hugo shortcode %q is not known to veil: its tags were removed and the text between them kept", t.name)
			} else {
				p.note(body, t.start, "Hugo shortcode %q is not known to veil: removed", t.name)
			}
		}
		edits = append(edits, e)
	}
	return edits
}

// fenceLang keeps a code language name only if it is one word.
func fenceLang(s string) string {
	if isIdent(s) || strings.Trim(s, "+#.-_abcdefghijklmnopqrstuvwxyz0123456789") == "" {
		return s
	}
	return ""
}

// urlPart keeps the characters a video id may have.
func urlPart(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// figureMarkdown renders Hugo's figure shortcode as a Markdown image with
// its title and caption after a line break. Alt text, title and caption are
// body text like any other and are de-identified with it. (Markdown rather
// than a figure element: the recognizers read Markdown text best.)
func figureMarkdown(t *shortcode) string {
	src := t.arg("src", 0)
	if src == "" {
		return ""
	}
	alt := t.arg("alt", -1)
	if alt == "" {
		alt = t.arg("caption", -1)
	}
	esc := strings.NewReplacer("[", "\\[", "]", "\\]", "\n", " ")
	out := "![" + esc.Replace(alt) + "](" + strings.ReplaceAll(src, " ", "%20") + ")"
	var caption []string
	for _, s := range []string{t.arg("title", -1), t.arg("caption", -1)} {
		if s = strings.TrimSpace(strings.ReplaceAll(s, "\n", " ")); s != "" {
			caption = append(caption, s)
		}
	}
	if len(caption) > 0 {
		// On the same line, so lines of the file still match; spaced
		// from the markup so that a name opening the caption is read as
		// a word.
		out += " <br> " + strings.Join(caption, ". ")
	}
	return out
}

// liquidEdits turns the Liquid tags of a Jekyll file that have a meaning
// here into Markdown and removes the others with a note: none is printed
// raw. skip are edits already made (Hugo shortcodes).
func (p *Post) liquidEdits(body string, skip []edit) []edit {
	var edits []edit
	sorted := append([]edit(nil), skip...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].start < sorted[j].start })
	inside := func(off int) bool {
		// The last edit starting at or before off is the only one that
		// can hold it (shortcode tags do not overlap).
		i := sort.Search(len(sorted), func(i int) bool { return sorted[i].start > off }) - 1
		return i >= 0 && off < sorted[i].end
	}
	for i := 0; i < len(body); {
		j := strings.Index(body[i:], "{")
		if j < 0 || i+j+1 >= len(body) {
			break
		}
		start := i + j
		open := body[start+1]
		if (open != '%' && open != '{') || inside(start) {
			i = start + 1
			continue
		}
		if open == '{' && start+2 < len(body) && (body[start+2] == '<' || body[start+2] == '%') {
			i = start + 2 // a Hugo shortcode, handled above
			continue
		}
		closer := "%}"
		if open == '{' {
			closer = "}}"
		}
		end := strings.Index(body[start+2:], closer)
		if end < 0 {
			i = start + 2
			continue
		}
		stop := start + 2 + end + 2
		inner := strings.TrimSpace(strings.Trim(body[start+2:stop-2], "-"))
		if open == '{' {
			edits = append(edits, p.liquidOutput(body, start, stop, inner))
			i = stop
			continue
		}
		args := splitArgs(inner)
		name := ""
		if len(args) > 0 {
			name = args[0]
		}
		e := edit{start: start, end: stop}
		switch name {
		case "highlight":
			lang := ""
			if len(args) > 1 {
				lang = fenceLang(args[1])
			}
			e.text = "```" + lang
			if stop < len(body) && body[stop] != '\n' {
				e.text += "\n"
			}
		case "endhighlight":
			e.text = "```"
			if start > 0 && body[start-1] != '\n' {
				e.text = "\n```"
			}
		case "raw", "comment":
			endTag := "end" + name
			k := liquidTagIndex(body[stop:], endTag)
			if k < 0 {
				p.note(body, start, "Liquid tag %q is never closed: the rest of the file is left as text", name)
				break
			}
			closeStart := stop + k
			closeEnd := closeStart + 2 + strings.Index(body[closeStart+2:], "%}") + 2
			if name == "comment" {
				e.end = closeEnd // a comment is dropped, as HTML comments are
			} else {
				// The raw text is kept as written (still de-identified);
				// only the two tags go.
				edits = append(edits, e, edit{start: closeStart, end: closeEnd})
				i = closeEnd
				continue
			}
		case "post_url", "link":
			if len(args) > 1 {
				target := unquote(args[1])
				if name == "post_url" {
					target = "posts/" + target
				}
				e.text = RefToken(len(p.Refs))
				p.Refs = append(p.Refs, target)
			}
		default:
			p.note(body, start, "Liquid tag %q has no meaning in veil: removed", name)
		}
		edits = append(edits, e)
		i = e.end
	}
	return edits
}

// liquidTagIndex finds {% name %} (with optional trim dashes) in s.
func liquidTagIndex(s, name string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], "{%")
		if j < 0 {
			return -1
		}
		k := strings.Index(s[i+j+2:], "%}")
		if k < 0 {
			return -1
		}
		if strings.TrimSpace(strings.Trim(s[i+j+2:i+j+2+k], "-")) == name {
			return i + j
		}
		i += j + 2
	}
}

// liquidOutput handles {{ expression }}: the site's own URL prefix is
// dropped (veil's links are site-relative already), a quoted path piped
// through relative_url or absolute_url is kept, anything else is removed
// with a note.
func (p *Post) liquidOutput(body string, start, stop int, inner string) edit {
	e := edit{start: start, end: stop}
	expr, filter, _ := strings.Cut(inner, "|")
	expr, filter = strings.TrimSpace(expr), strings.TrimSpace(filter)
	switch {
	case expr == "site.baseurl" || expr == "site.url" || expr == "site.url | append: site.baseurl":
	case (filter == "relative_url" || filter == "absolute_url") && len(expr) > 1 && (expr[0] == '"' || expr[0] == '\''):
		e.text = unquote(expr)
	default:
		// Only Jekyll's own objects are named in the note; anything else
		// could be a word of the post.
		name, _, _ := strings.Cut(expr, ".")
		switch name {
		case "site", "page", "post", "content", "paginator", "layout", "include", "jekyll", "forloop":
		default:
			name = "expression"
		}
		p.note(body, start, "Liquid output {{ %s… }} has no meaning in veil: removed", name)
	}
	return e
}
