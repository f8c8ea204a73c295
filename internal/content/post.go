package content

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Post is one Markdown file of the content directory, parsed but not yet
// de-identified. Nothing in a Post may be published as is.
type Post struct {
	// Path is the file's path as given to the loader (for messages).
	Path string
	// Rel is the slash-separated path relative to the content directory.
	Rel string
	// Section is the first directory under content ("posts"), or "" for a
	// file at the top of the content directory, which is a standalone page.
	Section string
	Meta    FrontMatter
	// Source is the whole file; Body is the Markdown after the front matter,
	// starting at byte BodyOffset of Source.
	Source     []byte
	Body       []byte
	BodyOffset int
	// Unknown lists front-matter keys veil does not know, with their lines.
	Unknown []UnknownKey
}

// UnknownKey is a front-matter key veil ignores.
type UnknownKey struct {
	Key  string
	Line int
}

// IsPage reports whether the post is a standalone page rather than a dated
// entry of a section.
func (p *Post) IsPage() bool { return p.Section == "" }

// FrontMatter holds the recognised keys of a post's YAML front matter.
type FrontMatter struct {
	Title       string
	Date        time.Time
	Lastmod     time.Time
	Draft       bool
	Tags        []string
	Description string
	Slug        string
	Summary     string
	// Veil holds per-post de-identification knowledge:
	//   veil: { known: [...], allow: [...] }
	Veil VeilMeta
	// Lines gives the 1-based line in the file of each key that was set.
	Lines map[string]int
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
}

// Parse parses a post's bytes. path is used in messages; rel is the path
// relative to the content directory (slash-separated).
func Parse(path, rel string, src []byte) (*Post, error) {
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
	fm, body, bodyOff, fmLine, err := split(src)
	if err != nil {
		return nil, &Error{Path: path, Line: 1, Msg: err.Error()}
	}
	p.Body, p.BodyOffset = body, bodyOff
	if err := p.parseFrontMatter(fm, fmLine); err != nil {
		return nil, err
	}
	if strings.TrimSpace(p.Meta.Title) == "" {
		return nil, &Error{Path: path, Line: 1, Msg: "front matter has no title"}
	}
	if !p.IsPage() && p.Meta.Date.IsZero() {
		return nil, &Error{Path: path, Line: 1, Msg: "front matter has no date (write date: YYYY-MM-DD)"}
	}
	return p, nil
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
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return ""
}

// split separates "---\n<yaml>\n---\n<body>". It returns the YAML, the body,
// the body's byte offset and the line on which the YAML starts. A file
// without front matter is all body.
func split(src []byte) (fm, body []byte, bodyOff, fmLine int, err error) {
	// A byte-order mark (Windows editors write one) is not part of the fence.
	start0 := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		start0 = len("\ufeff")
	}
	rest, ok := cutLine(src, start0)
	if !ok {
		return nil, src[start0:], start0, 0, nil
	}
	start := rest
	for off := start; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		var line []byte
		next := len(src)
		if end >= 0 {
			line, next = src[off:off+end], off+end+1
		} else {
			line = src[off:]
		}
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
			return src[start:off], src[next:], next, 2, nil
		}
		off = next
	}
	return nil, nil, 0, 0, fmt.Errorf("front matter opened with --- is never closed")
}

// cutLine reports whether the line at off is a front-matter fence and, if
// so, where the next line starts.
func cutLine(src []byte, off int) (int, bool) {
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		return 0, false
	}
	if string(bytes.TrimRight(src[off:off+end], " \t\r")) != "---" {
		return 0, false
	}
	return off + end + 1, true
}

func (p *Post) parseFrontMatter(fm []byte, firstLine int) error {
	p.Meta.Lines = map[string]int{}
	if len(bytes.TrimSpace(fm)) == 0 {
		return nil
	}
	// at turns a YAML line into a file line. YAML also breaks lines at a
	// lone \r, which this file does not count: keep it inside the front
	// matter.
	last := bytes.Count(fm, []byte("\n")) + 1
	at := func(yamlLine int) int { return firstLine + min(max(yamlLine, 1), last) - 1 }
	var root yaml.Node
	if err := yaml.Unmarshal(fm, &root); err != nil {
		line, msg := yamlErrorLine(err)
		return &Error{Path: p.Path, Line: at(line), Msg: "front matter: " + msg, Err: err}
	}
	if len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return &Error{Path: p.Path, Line: at(m.Line), Msg: "front matter must be a mapping of keys to values"}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		line := at(k.Line)
		if err := p.setKey(k.Value, v, line); err != nil {
			return &Error{Path: p.Path, Line: line, Msg: fmt.Sprintf("front matter key %s: %s", k.Value, err)}
		}
		p.Meta.Lines[k.Value] = line
		if k.Value == "veil" {
			acceptLines(v, p.Meta.Veil.Accept, firstLine-1)
		}
	}
	return nil
}

func (p *Post) setKey(key string, v *yaml.Node, line int) error {
	fmm := &p.Meta
	switch key {
	case "title":
		return decodeScalar(v, &fmm.Title)
	case "description":
		return decodeScalar(v, &fmm.Description)
	case "summary":
		return decodeScalar(v, &fmm.Summary)
	case "slug":
		return decodeScalar(v, &fmm.Slug)
	case "draft":
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("must be true or false")
		}
		if err := v.Decode(&fmm.Draft); err != nil {
			return fmt.Errorf("must be true or false, not %q", v.Value)
		}
	case "date", "lastmod":
		t, err := parseDate(v)
		if err != nil {
			return err
		}
		if key == "date" {
			fmm.Date = t
		} else {
			fmm.Lastmod = t
		}
	case "tags":
		switch v.Kind {
		case yaml.ScalarNode:
			if s := strings.TrimSpace(v.Value); s != "" {
				fmm.Tags = []string{s}
			}
		case yaml.SequenceNode:
			for _, t := range v.Content {
				if t.Kind != yaml.ScalarNode {
					return fmt.Errorf("must be a list of words")
				}
				if s := strings.TrimSpace(t.Value); s != "" {
					fmm.Tags = append(fmm.Tags, s)
				}
			}
		default:
			return fmt.Errorf("must be a list of words")
		}
	case "veil":
		if err := v.Decode(&fmm.Veil); err != nil {
			return fmt.Errorf("must be a mapping with known:, allow: and accept: lists")
		}
	default:
		p.Unknown = append(p.Unknown, UnknownKey{Key: key, Line: line})
	}
	return nil
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

func decodeScalar(v *yaml.Node, dst *string) error {
	if v.Kind != yaml.ScalarNode {
		return fmt.Errorf("must be text")
	}
	*dst = strings.TrimSpace(v.Value)
	return nil
}

func parseDate(v *yaml.Node) (time.Time, error) {
	if v.Kind != yaml.ScalarNode {
		return time.Time{}, fmt.Errorf("must be a date such as 2024-03-05")
	}
	s := strings.TrimSpace(v.Value)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unknown date format %q (write YYYY-MM-DD or RFC 3339)", s)
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
