package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"
	"gopkg.in/yaml.v3"
)

// Format is the notation of a post's front matter. Hugo accepts all three;
// Jekyll and veil's own posts use YAML.
type Format string

// The front-matter formats, told apart by the file's first line: "---"
// opens YAML, "+++" TOML, and "{" a JSON object.
const (
	NoFrontMatter Format = ""
	YAML          Format = "yaml"
	TOML          Format = "toml"
	JSON          Format = "json"
)

// field is one top-level front-matter key with its value and the line it is
// on. Values are plain Go values: string, bool, a number, time.Time, []any
// or map[string]any. YAML scalars stay the text as written, so that a title
// "2024" or "no" is read as words.
type field struct {
	key  string
	val  any
	line int
	// node and offset are set for YAML: the value's node, and what turns
	// its lines into file lines (for the lines of veil.accept entries).
	node   *yaml.Node
	offset int
}

// split separates the front matter from the body. It returns the format,
// the front matter's text, the body, the body's byte offset and the line on
// which the front matter's text starts. A file without front matter is all
// body.
func split(src []byte) (f Format, fm, body []byte, bodyOff, fmLine int, err error) {
	// A byte-order mark (Windows editors write one) is not part of the
	// fence; offsets still count it.
	start0 := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		start0 = len("\ufeff")
	}
	first, rest, ok := firstLine(src[start0:])
	switch {
	case ok && first == "---":
		return closeFence(YAML, src, start0+rest, "---")
	case ok && first == "+++":
		return closeFence(TOML, src, start0+rest, "+++")
	case bytes.HasPrefix(src[start0:], []byte("{")):
		// A JSON object, ended where its closing brace is.
		src := src[start0:]
		dec := json.NewDecoder(bytes.NewReader(src))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			line := 1
			var se *json.SyntaxError
			if errors.As(err, &se) {
				line += bytes.Count(src[:min(int(se.Offset), len(src))], []byte("\n"))
			}
			return JSON, nil, nil, 0, 0, &lineError{line, "front matter (JSON): " + jsonMessage(err)}
		}
		end := int(dec.InputOffset())
		// The body starts on the line after the object.
		if nl := bytes.IndexByte(src[end:], '\n'); nl >= 0 {
			if strings.TrimSpace(string(src[end:end+nl])) == "" {
				end += nl + 1
			}
		}
		return JSON, src[:dec.InputOffset()], src[end:], start0 + end, 1, nil
	}
	return NoFrontMatter, nil, src[start0:], start0, 0, nil
}

// lineError is a front-matter problem on a known line.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return e.msg }

// firstLine returns the first line of src without its line ending and
// where the next line starts; ok is false when src has no line break.
func firstLine(src []byte) (string, int, bool) {
	end := bytes.IndexByte(src, '\n')
	if end < 0 {
		return "", 0, false
	}
	return string(bytes.TrimRight(src[:end], " \t\r")), end + 1, true
}

func closeFence(f Format, src []byte, start int, fence string) (Format, []byte, []byte, int, int, error) {
	for off := start; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		var line []byte
		next := len(src)
		if end >= 0 {
			line, next = src[off:off+end], off+end+1
		} else {
			line = src[off:]
		}
		if string(bytes.TrimRight(line, " \t\r")) == fence {
			return f, src[start:off], src[next:], next, 2, nil
		}
		off = next
	}
	return f, nil, nil, 0, 0, fmt.Errorf("front matter opened with %s is never closed", fence)
}

// decodeFields decodes front matter into its top-level fields, in the
// order of their lines. The error is a message and the line it is on.
func decodeFields(f Format, fm []byte, firstLine int) ([]field, int, error) {
	if len(bytes.TrimSpace(fm)) == 0 {
		return nil, 0, nil
	}
	switch f {
	case TOML:
		return decodeTOML(fm, firstLine)
	case JSON:
		return decodeJSON(fm)
	default:
		return decodeYAML(fm, firstLine)
	}
}

func decodeYAML(fm []byte, firstLine int) ([]field, int, error) {
	if out, ok := flatYAML(fm, firstLine); ok {
		return out, 0, nil
	}
	return parseYAML(fm, firstLine)
}

// parseYAML is decodeYAML by the YAML parser.
func parseYAML(fm []byte, firstLine int) ([]field, int, error) {
	// at turns a YAML line into a file line. YAML also breaks lines at a
	// lone \r, which this file does not count: keep it inside the front
	// matter.
	last := bytes.Count(fm, []byte("\n")) + 1
	at := func(yamlLine int) int { return firstLine + min(max(yamlLine, 1), last) - 1 }
	var root yaml.Node
	if err := yaml.Unmarshal(fm, &root); err != nil {
		line, msg := yamlErrorLine(err)
		return nil, at(line), fmt.Errorf("front matter: %s: %w", msg, err)
	}
	if len(root.Content) == 0 {
		return nil, 0, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, at(m.Line), errors.New("front matter must be a mapping of keys to values")
	}
	var out []field
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		out = append(out, field{key: k.Value, val: yamlValue(v), line: at(k.Line), node: v, offset: firstLine - 1})
	}
	return out, 0, nil
}

// yamlValue turns a node into a plain value, keeping scalars as written.
func yamlValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		return n.Value
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			out[i] = yamlValue(c)
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = yamlValue(n.Content[i+1])
		}
		return out
	case yaml.AliasNode:
		// Only a scalar is taken through an alias (yaml decodes it): a
		// list or mapping could refer to itself, or expand without bound.
		var s string
		if err := n.Decode(&s); err == nil {
			return s
		}
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return yamlValue(n.Content[0])
		}
	}
	return nil
}

// tomlKeyLine finds "key =" (bare or quoted) at the start of a line.
var tomlKeyLine = regexp.MustCompile(`(?m)^[ \t]*["']?([A-Za-z0-9_-]+)["']?[ \t]*=`)

func decodeTOML(fm []byte, firstLine int) ([]field, int, error) {
	var m map[string]any
	if err := toml.Unmarshal(fm, &m); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			return nil, firstLine + row - 1, fmt.Errorf("front matter (TOML): %s", de.Error())
		}
		return nil, firstLine, fmt.Errorf("front matter (TOML): %w", err)
	}
	lines := keyLines(fm, tomlKeyLine, firstLine)
	// Tables ([params]) have no "key =" line; they point at their header.
	for _, loc := range regexp.MustCompile(`(?m)^[ \t]*\[+[ \t]*["']?([A-Za-z0-9_-]+)`).FindAllSubmatchIndex(fm, -1) {
		k := string(fm[loc[2]:loc[3]])
		if _, ok := lines[k]; !ok {
			lines[k] = firstLine + bytes.Count(fm[:loc[0]], []byte("\n"))
		}
	}
	return fieldsOf(m, lines, firstLine), 0, nil
}

// jsonKeyLine finds a "key": at any place; the first one of a name wins.
var jsonKeyLine = regexp.MustCompile(`"([^"\\]+)"[ \t]*:`)

func decodeJSON(fm []byte) ([]field, int, error) {
	dec := json.NewDecoder(bytes.NewReader(fm))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		line := 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = 1 + bytes.Count(fm[:min(int(se.Offset), len(fm))], []byte("\n"))
		}
		return nil, line, fmt.Errorf("front matter (JSON): %s", jsonMessage(err))
	}
	return fieldsOf(m, keyLines(fm, jsonKeyLine, 1), 1), 0, nil
}

func jsonMessage(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF") {
		return "the object opened with { is never closed"
	}
	return err.Error()
}

// keyLines maps each key name to the first line it appears on.
func keyLines(fm []byte, re *regexp.Regexp, firstLine int) map[string]int {
	lines := map[string]int{}
	for _, loc := range re.FindAllSubmatchIndex(fm, -1) {
		k := string(fm[loc[2]:loc[3]])
		if _, ok := lines[k]; !ok {
			lines[k] = firstLine + bytes.Count(fm[:loc[0]], []byte("\n"))
		}
	}
	return lines
}

func fieldsOf(m map[string]any, lines map[string]int, firstLine int) []field {
	out := make([]field, 0, len(m))
	for k, v := range m {
		line, ok := lines[k]
		if !ok {
			line = firstLine
		}
		out = append(out, field{key: k, val: v, line: line})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].line != out[j].line {
			return out[i].line < out[j].line
		}
		return out[i].key < out[j].key
	})
	return out
}

// scalarText returns a scalar value as text; ok is false for lists and
// mappings.
func scalarText(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", true
	case string:
		return strings.TrimSpace(v), true
	case time.Time:
		return v.Format(time.RFC3339), true
	case []any, map[string]any:
		return "", false
	case fmt.Stringer:
		return strings.TrimSpace(v.String()), true
	default:
		return strings.TrimSpace(fmt.Sprintf("%v", v)), true
	}
}

// words returns a scalar or a list of scalars as a list of non-empty
// strings.
func words(v any) ([]string, error) {
	if s, ok := scalarText(v); ok {
		if s == "" {
			return nil, nil
		}
		return []string{s}, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, errors.New("must be a list of words")
	}
	var out []string
	for _, e := range list {
		s, ok := scalarText(e)
		if !ok {
			return nil, errors.New("must be a list of words")
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// boolValue reads true/false in any of the notations.
func boolValue(v any) (bool, error) {
	switch v := v.(type) {
	case bool:
		return v, nil
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true", "yes", "on":
			return true, nil
		case "false", "no", "off", "":
			return false, nil
		}
		return false, fmt.Errorf("must be true or false, not %q", v)
	}
	return false, errors.New("must be true or false")
}

// dateValue reads a date written as text or decoded by TOML.
func dateValue(v any) (time.Time, error) {
	if t, ok := v.(time.Time); ok {
		return t, nil
	}
	s, ok := scalarText(v)
	if !ok {
		return time.Time{}, errors.New("must be a date such as 2024-03-05")
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unknown date format %q (write YYYY-MM-DD or RFC 3339)", s)
}

// flatYAML decodes the front matter most posts have without the YAML
// parser (a fifth of loading a post): one "key: value" per line, each
// value a plain word or phrase, a quoted one without escapes, or a list
// of words in brackets. ok is false for anything else (comments, nested
// or multi-line values, escapes, anchors, tags, tabs, CR, non-ASCII, a
// repeated key, the veil key whose node is read), which decodeYAML leaves
// to the parser; what flatYAML returns is what the parser's way returns
// but for the nodes (TestFlatYAMLAsParser).
func flatYAML(fm []byte, firstLine int) ([]field, bool) {
	out := make([]field, 0, 8)
	for line := 1; len(fm) > 0; line++ {
		end := bytes.IndexByte(fm, '\n')
		var l []byte
		if end < 0 {
			l, fm = fm, nil
		} else {
			l, fm = fm[:end], fm[end+1:]
		}
		k := 0
		for k < len(l) && (l[k] >= 'a' && l[k] <= 'z' || l[k] >= 'A' && l[k] <= 'Z' || k > 0 && (l[k] >= '0' && l[k] <= '9' || l[k] == '_' || l[k] == '-')) {
			k++
		}
		if k == 0 || k > 64 || k == len(l) || l[k] != ':' || k+1 < len(l) && l[k+1] != ' ' {
			return nil, false
		}
		key := string(l[:k])
		if strings.EqualFold(key, "veil") { // setKey reads its node
			return nil, false
		}
		for _, f := range out {
			if f.key == key {
				return nil, false
			}
		}
		val, ok := flatValue(bytes.TrimLeft(l[k+1:], " "))
		if !ok {
			return nil, false
		}
		out = append(out, field{key: key, val: val, line: firstLine + line - 1, offset: firstLine - 1})
	}
	return out, true
}

// flatValue reads one value of flatYAML's kinds, ok false for others.
func flatValue(v []byte) (any, bool) {
	v = bytes.TrimRight(v, " ")
	if len(v) == 0 {
		return nil, true // null
	}
	switch v[0] {
	case '"', '\'':
		return flatQuoted(v)
	case '[':
		if v[len(v)-1] != ']' {
			return nil, false
		}
		inner := bytes.Trim(v[1:len(v)-1], " ")
		list := []any{}
		if len(inner) == 0 {
			return list, true
		}
		for len(inner) > 0 {
			var item []byte
			if i := bytes.IndexByte(inner, ','); i >= 0 {
				item, inner = bytes.Trim(inner[:i], " "), inner[i+1:]
				if len(bytes.Trim(inner, " ")) == 0 {
					return nil, false // a trailing comma
				}
			} else {
				item, inner = bytes.Trim(inner, " "), nil
			}
			var e any
			var ok bool
			if len(item) > 0 && (item[0] == '"' || item[0] == '\'') {
				e, ok = flatQuoted(item)
			} else {
				e, ok = flatPlain(item, true)
			}
			if !ok || e == nil {
				return nil, false
			}
			list = append(list, e)
		}
		return list, true
	}
	return flatPlain(v, false)
}

// flatQuoted reads a quoted value without escapes or inner quotes.
func flatQuoted(v []byte) (any, bool) {
	q := v[0]
	if len(v) < 2 || v[len(v)-1] != q {
		return nil, false
	}
	inner := v[1 : len(v)-1]
	for _, c := range inner {
		if c < ' ' || c >= 0x7f || c == q || c == '\\' {
			return nil, false
		}
	}
	return string(inner), true
}

// flatPlain reads a plain value that starts with a letter or digit and
// holds only ASCII letters, digits, spaces and punctuation that means
// nothing inside a plain scalar (in a list, fewer: ". - _ + /"). The
// words YAML reads as null are nil.
func flatPlain(v []byte, inList bool) (any, bool) {
	if len(v) == 0 || !(v[0] >= 'a' && v[0] <= 'z' || v[0] >= 'A' && v[0] <= 'Z' || v[0] >= '0' && v[0] <= '9') {
		return nil, false
	}
	for i, c := range v {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ' || c == '.' || c == '-' || c == '_' || c == '+' || c == '/':
		case !inList && (c == '(' || c == ')' || c == '?' || c == '!' || c == '\'' || c == ','):
		case c == ':':
			if i+1 == len(v) || v[i+1] == ' ' || inList {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	switch s := string(v); s {
	case "null", "Null", "NULL":
		return nil, true
	default:
		return s, true
	}
}
