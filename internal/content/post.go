package content

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Post is one Markdown file of the content directory, parsed but not yet
// de-identified. Nothing in a Post may be published as is.
type Post struct {
	// Path is the file's path as given to the loader (for messages).
	Path string
	// Rel is the slash-separated path relative to the content directory
	// (for a Jekyll site, _posts/x.md is read as posts/x.md).
	Rel string
	// Section is the first directory under content ("posts", "blog",
	// "notes"), or "" for a file at the top of the content directory or a
	// section's _index.md, which are standalone pages.
	Section string
	Meta    FrontMatter
	// Format is the notation of the front matter.
	Format Format
	// Source is the whole file, with Hugo shortcodes and Liquid tags in the
	// body already turned into Markdown (line by line, so lines still
	// match the file); Body is the Markdown after the front matter,
	// starting at byte BodyOffset of Source.
	Source     []byte
	Body       []byte
	BodyOffset int
	// Unknown lists front-matter keys veil does not know, with their lines.
	Unknown []UnknownKey
	// Notes are non-fatal remarks on the file ("path:line: ..."), such as
	// an unknown shortcode whose tags were removed.
	Notes []string
	// Refs are the targets of Hugo ref/relref shortcodes and Jekyll
	// post_url/link tags, in the order of the tokens RefToken(i) that
	// stand for them in Body until permalinks are known.
	Refs []string
	// Resources are the files of a leaf bundle (my-post/index.md and the
	// images beside it), each with the neutral name the body now uses.
	Resources []Resource
	// SectionIndex marks a section's _index.md.
	SectionIndex bool
	// Headless marks a Hugo page that is never rendered on its own
	// (headless: true, or build: {render: never}).
	Headless bool

	// bodyLines indexes the body while it is rewritten (for notes).
	bodyLines *LineIndex
	// spaceLists reads tags and categories written as one string as
	// space-separated words (Jekyll).
	spaceLists bool
}

// Resource is a file of a leaf bundle: Path is where it is on disk, Name
// the neutral file name it is published under, beside the post's page.
type Resource struct {
	Path string
	Name string
}

// UnknownKey is a front-matter key veil ignores.
type UnknownKey struct {
	Key  string
	Line int
}

// WithoutText returns a copy of p without its Source and Body: what a
// build still reads of a post once it is de-identified (its path, front
// matter, refs and bundle files).
func (p *Post) WithoutText() *Post {
	cp := *p
	cp.Source, cp.Body = nil, nil
	return &cp
}

// IsPage reports whether the post is a standalone page rather than a dated
// entry of a section.
func (p *Post) IsPage() bool { return p.Section == "" }

// FrontMatter holds the recognised keys of a post's front matter. Key
// names are matched without regard to case, as Hugo does (publishDate, publishdate).
type FrontMatter struct {
	Title   string
	Date    time.Time
	Lastmod time.Time
	// PublishDate and ExpiryDate bound when a post is live (Hugo): a post
	// before its publish date or after its expiry is left out of a build
	// unless drafts are included.
	PublishDate time.Time
	ExpiryDate  time.Time
	Draft       bool
	Tags        []string
	// Categories are a second taxonomy (Hugo, Jekyll, WordPress).
	Categories []string
	// Aliases are earlier URL paths of the post (Hugo): redirect pages.
	Aliases     []string
	Description string
	Slug        string
	Summary     string
	// Veil holds per-post de-identification knowledge:
	//   veil: { known: [...], allow: [...] }
	Veil VeilMeta
	// Lines gives the 1-based line in the file of each key that was set,
	// by veil's name of the key ("publishDate" for pubdate too).
	Lines map[string]int
}

// Live reports whether a post is due by now: its publish date, if any, has
// come and its expiry date, if any, has not.
func (m *FrontMatter) Live(now time.Time) bool {
	if !m.PublishDate.IsZero() && m.PublishDate.After(now) {
		return false
	}
	if !m.ExpiryDate.IsZero() && !m.ExpiryDate.After(now) {
		return false
	}
	return true
}

// VeilMeta is the per-post `veil:` front-matter section.
type VeilMeta struct {
	// Accept lists the author's decisions to publish a rare detail:
	//   veil: { accept: [{text: "...", reason: "..."}] }
	Accept []AcceptEntry `yaml:"accept"`
	Known  []string      `yaml:"known"`
	Allow  []string      `yaml:"allow"`
}

// Limits on what a post may be. Larger or stranger files are refused with a
// message rather than half-processed.
const (
	MaxPostBytes = 4 << 20
)

// dateLayouts are the accepted forms of date and lastmod.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02T15:04:05-0700",
	"2006-01-02 15:04:05 MST",
}

// Kind tells Parse where a file sits in its site, which decides what it
// may fall back on.
type Kind int

const (
	// Native is a veil or Hugo content file.
	Native Kind = iota
	// JekyllPost is a file of a Jekyll site's _posts: its title and date
	// default to the ones in its file name, and Liquid tags are read.
	JekyllPost
	// JekyllPage is a Markdown page of a Jekyll site (Liquid is read).
	JekyllPage
	// JekyllDraft is a file of _drafts: as a post, but its file name has
	// no date and the loader dates it when the front matter does not.
	JekyllDraft
)

// Parse parses a post's bytes. path is used in messages; rel is the path
// relative to the content directory (slash-separated).
func Parse(path, rel string, src []byte) (*Post, error) {
	return ParseKind(path, rel, src, Native)
}

// ParseKind is Parse for a file of the given kind.
func ParseKind(path, rel string, src []byte, kind Kind) (*Post, error) {
	if len(src) > MaxPostBytes {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes; posts are limited to %d", len(src), MaxPostBytes)}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &Error{Path: path, Line: NewLineIndex(string(src[:i])).Line(i), Msg: "binary file (NUL byte); posts must be UTF-8 text"}
	}
	if !utf8.Valid(src) {
		off := firstInvalid(src)
		return nil, &Error{Path: path, Line: NewLineIndex(string(src)).Line(off), Msg: fmt.Sprintf("invalid UTF-8 at byte %d", off)}
	}
	p := &Post{Path: path, Rel: rel, Source: src, Section: section(rel)}
	format, fm, body, bodyOff, fmLine, err := split(src)
	if err != nil {
		line := 1
		var le *lineError
		if errors.As(err, &le) {
			line = le.line
		}
		return nil, &Error{Path: path, Line: line, Msg: err.Error()}
	}
	p.Format = format
	p.Body, p.BodyOffset = body, bodyOff
	p.spaceLists = kind != Native
	if err := p.parseFrontMatter(format, fm, fmLine); err != nil {
		return nil, err
	}
	base := pathBase(rel)
	if base == "_index.md" || base == "_index.markdown" {
		// A section's own page (Hugo): its text is published as a page.
		p.SectionIndex = true
		if p.Meta.Title == "" {
			p.Meta.Title = titleize(p.Section)
		}
		p.Section = ""
	}
	if kind == JekyllPage && p.Meta.Title == "" {
		stem := strings.TrimSuffix(base, filepath.Ext(base))
		p.Meta.Title = titleize(stem)
	}
	if p.Headless {
		// Not published, so not held to a title or a date.
		return p, nil
	}
	if kind == JekyllPost || kind == JekyllDraft {
		date, title := datedName(base)
		if kind == JekyllDraft {
			title = strings.TrimSuffix(base, filepath.Ext(base))
			title = titleize(title)
		}
		if p.Meta.Date.IsZero() {
			p.Meta.Date = date
		}
		if p.Meta.Title == "" {
			// Jekyll makes the title from the file name; it is
			// de-identified with the rest of the post.
			p.Meta.Title = title
		}
	}
	p.rewriteBody(kind != Native)
	if strings.TrimSpace(p.Meta.Title) == "" {
		return nil, &Error{Path: path, Line: 1, Msg: "front matter has no title"}
	}
	if !p.IsPage() && p.Meta.Date.IsZero() && kind != JekyllDraft {
		return nil, &Error{Path: path, Line: 1, Msg: "front matter has no date (write date: YYYY-MM-DD)"}
	}
	return p, nil
}

func pathBase(rel string) string {
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		return rel[i+1:]
	}
	return rel
}

// datedName reads a Jekyll post's file name, YYYY-MM-DD-words.md.
func datedName(name string) (time.Time, string) {
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if len(stem) < 11 || stem[10] != '-' {
		return time.Time{}, ""
	}
	t, err := time.Parse("2006-01-02", stem[:10])
	if err != nil {
		return time.Time{}, ""
	}
	return t, titleize(stem[11:])
}

// titleize makes a title of a file or folder name as Jekyll does: words
// split at hyphens and underscores, each capitalised. Capitals matter
// here: a name in a file name ("visiting-maria") is then read as a name by
// de-identification, like the rest of the title.
func titleize(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func section(rel string) string {
	parts := strings.Split(rel, "/")
	if len(parts) == 1 || len(parts) == 2 && isBundleIndex(parts[1]) {
		// A file at the top, or a bundle folder at the top: a page.
		return ""
	}
	return parts[0]
}

func (p *Post) parseFrontMatter(f Format, fm []byte, firstLine int) error {
	p.Meta.Lines = map[string]int{}
	fields, line, err := decodeFields(f, fm, firstLine)
	if err != nil {
		msg := err.Error()
		if i := strings.Index(msg, ": yaml: "); i >= 0 {
			msg = msg[:i]
		}
		return &Error{Path: p.Path, Line: line, Msg: msg, Err: err}
	}
	for _, fd := range fields {
		name, err := p.setKey(fd.key, fd.val, fd.line)
		if err != nil {
			return &Error{Path: p.Path, Line: fd.line, Msg: fmt.Sprintf("front matter key %s: %s", fd.key, err)}
		}
		if name != "" {
			p.Meta.Lines[name] = fd.line
		}
		if name == "veil" && fd.node != nil {
			acceptLines(fd.node, p.Meta.Veil.Accept, fd.offset)
		}
	}
	// Hugo's default order for a post's date: date, publishDate, lastmod.
	for _, k := range []string{"publishDate", "lastmod"} {
		if !p.Meta.Date.IsZero() {
			break
		}
		if k == "publishDate" {
			p.Meta.Date = p.Meta.PublishDate
		} else {
			p.Meta.Date = p.Meta.Lastmod
		}
		if !p.Meta.Date.IsZero() {
			p.Meta.Lines["date"] = p.Meta.Lines[k]
		}
	}
	return nil
}

// setKey stores one front-matter key and returns veil's name for it, or ""
// for a key veil does not know.
func (p *Post) setKey(key string, v any, line int) (string, error) {
	fmm := &p.Meta
	text := func(dst *string) error {
		s, ok := scalarText(v)
		if !ok {
			return errors.New("must be text")
		}
		*dst = s
		return nil
	}
	date := func(dst *time.Time) error {
		t, err := dateValue(v)
		if err != nil {
			return err
		}
		*dst = t
		return nil
	}
	list := func(dst *[]string) error {
		if s, ok := v.(string); ok && p.spaceLists && key != "aliases" {
			*dst = append(*dst, strings.Fields(s)...)
			return nil
		}
		w, err := words(v)
		*dst = append(*dst, w...)
		return err
	}
	switch strings.ToLower(key) {
	case "title":
		return "title", text(&fmm.Title)
	case "description":
		return "description", text(&fmm.Description)
	case "summary", "excerpt":
		return "summary", text(&fmm.Summary)
	case "slug":
		return "slug", text(&fmm.Slug)
	case "draft":
		b, err := boolValue(v)
		fmm.Draft = fmm.Draft || b
		return "draft", err
	case "published":
		// Jekyll: published: false keeps a post back; Hugo: a date.
		if b, err := boolValue(v); err == nil {
			fmm.Draft = fmm.Draft || !b
			return "draft", nil
		}
		return "publishDate", date(&fmm.PublishDate)
	case "date":
		return "date", date(&fmm.Date)
	case "lastmod", "modified":
		return "lastmod", date(&fmm.Lastmod)
	case "publishdate", "pubdate":
		return "publishDate", date(&fmm.PublishDate)
	case "expirydate", "unpublishdate":
		return "expiryDate", date(&fmm.ExpiryDate)
	case "tags":
		return "tags", list(&fmm.Tags)
	case "categories", "category":
		return "categories", list(&fmm.Categories)
	case "aliases":
		return "aliases", list(&fmm.Aliases)
	case "headless":
		b, err := boolValue(v)
		p.Headless = p.Headless || b
		return "headless", err
	case "_build", "build":
		if m, ok := v.(map[string]any); ok {
			if r, ok := m["render"]; ok {
				if s, _ := scalarText(r); s == "never" || s == "false" {
					p.Headless = true
				}
			}
		}
		return "build", nil
	case "comments":
		// Imported comments (veil import wordpress --comments), already
		// de-identified; kept for the author, not published.
		return "comments", nil
	case "veil":
		m, ok := v.(map[string]any)
		bad := errors.New("must be a mapping with known:, allow: and accept: lists")
		if !ok {
			return "", bad
		}
		for k, val := range m {
			switch k {
			case "known", "allow":
				w, err := words(val)
				if err != nil {
					return "", bad
				}
				if k == "known" {
					fmm.Veil.Known = append(fmm.Veil.Known, w...)
				} else {
					fmm.Veil.Allow = append(fmm.Veil.Allow, w...)
				}
			case "accept":
				// A list of {text, reason}; each entry's line is set from
				// the YAML nodes when there are any (acceptLines), else
				// the veil: key's line.
				list, ok := val.([]any)
				if !ok && val != nil {
					return "", bad
				}
				for _, item := range list {
					e, ok := item.(map[string]any)
					if !ok {
						return "", bad
					}
					text, _ := scalarText(e["text"])
					reason, _ := scalarText(e["reason"])
					fmm.Veil.Accept = append(fmm.Veil.Accept, AcceptEntry{Text: text, Reason: reason, Line: line})
				}
			}
		}
		return "veil", nil
	}
	p.Unknown = append(p.Unknown, UnknownKey{Key: key, Line: line})
	return "", nil
}

// yamlErrorLine pulls the line number out of a yaml.v3 error message
// ("yaml: line 3: ...").
func yamlErrorLine(err error) (int, string) {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
		return line, msg
	}
	return 1, msg
}

// AcceptEntry is one accepted rare detail and why; Line is its line in the file.
type AcceptEntry struct {
	Text   string `yaml:"text"`
	Reason string `yaml:"reason"`
	Line   int    `yaml:"-"`
}

// acceptLines sets the line of each accept entry from the veil: mapping node.
func acceptLines(v *yaml.Node, acc []AcceptEntry, offset int) {
	if v.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		if v.Content[i].Value != "accept" || v.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for j, item := range v.Content[i+1].Content {
			if j < len(acc) {
				acc[j].Line = item.Line + offset
			}
		}
	}
}
