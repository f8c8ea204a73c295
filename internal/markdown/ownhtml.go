package markdown

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// sanitizeOwn returns what the sanitiser (newPolicy(keepIDs)) makes of b,
// HTML that goldmark wrote for a document without raw HTML, without
// tokenising it in general: goldmark's own HTML has only the elements and
// attributes it writes, every attribute double-quoted, and no '<' in
// text. The sanitiser keeps all of it but rewrites text (entities
// decoded, then & ' < > " and CR escaped as the html package does),
// attribute values (likewise, and URLs as net/url writes them back),
// drops the attributes the policy does not allow (an ordered list's
// start that is not digits, alt and title text with characters outside
// bluemonday.Paragraph) and adds rel="nofollow noreferrer" to links with
// a host. ok is false for anything else (an element, attribute or value
// the sanitiser would drop or change otherwise, a tag or an entity not
// of goldmark's forms, CR or NUL): the caller then sanitises b with
// bluemonday. TestSanitizeOwnAsBluemonday and FuzzSanitizeOwn compare the
// two on random documents.
func sanitizeOwn(b []byte, keepIDs bool) (out []byte, ok bool) {
	out = make([]byte, 0, len(b)+len(b)/8)
	var skip []string // bluemonday's closing tags to skip
	for len(b) > 0 {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			i = len(b)
		}
		if out, ok = ownText(out, b[:i]); !ok {
			return nil, false
		}
		b = b[i:]
		if len(b) == 0 {
			break
		}
		var n int
		if out, n = ownTag(out, b, keepIDs, &skip); n == 0 {
			return nil, false
		}
		b = b[n:]
	}
	return out, true
}

// textSpecial marks the bytes of text that the sanitiser may write
// otherwise than they are.
var textSpecial = func() (t [256]bool) {
	for _, c := range "&'\">\r\x00" {
		t[c] = true
	}
	return t
}()

// ownText appends text as the html package's tokenizer reads it
// (entities decoded) and Token.String writes it (escaped).
func ownText(out, t []byte) ([]byte, bool) {
	special := false
	for _, c := range t {
		if textSpecial[c] {
			special = true
			break
		}
	}
	if !special {
		return append(out, t...), true
	}
	if bytes.IndexByte(t, 0) >= 0 {
		return out, false
	}
	if bytes.IndexByte(t, '\r') >= 0 {
		// The tokenizer reads CR LF and CR as LF.
		t = bytes.ReplaceAll(bytes.ReplaceAll(t, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	return appendEscaped(out, html.UnescapeString(string(t))), true
}

// escapeSpecial marks the bytes html.EscapeString replaces.
var escapeSpecial = func() (t [256]bool) {
	for _, c := range "&'<>\"\r" {
		t[c] = true
	}
	return t
}()

// appendEscaped is html.EscapeString(s) appended to out. (A table, rather
// than strings.IndexAny, which builds its set of bytes on every call.)
func appendEscaped(out []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !escapeSpecial[c] {
			continue
		}
		out = append(out, s[start:i]...)
		switch c {
		case '&':
			out = append(out, "&amp;"...)
		case '\'':
			out = append(out, "&#39;"...)
		case '<':
			out = append(out, "&lt;"...)
		case '>':
			out = append(out, "&gt;"...)
		case '"':
			out = append(out, "&#34;"...)
		case '\r':
			out = append(out, "&#13;"...)
		}
		start = i + 1
	}
	return append(out, s[start:]...)
}

// elementName is name as a string, for the elements goldmark writes, or
// "" (without allocating).
func elementName(name []byte) string {
	switch string(name) {
	case "p":
		return "p"
	case "a":
		return "a"
	case "em":
		return "em"
	case "strong":
		return "strong"
	case "code":
		return "code"
	case "li":
		return "li"
	case "ul":
		return "ul"
	case "ol":
		return "ol"
	case "h1":
		return "h1"
	case "h2":
		return "h2"
	case "h3":
		return "h3"
	case "h4":
		return "h4"
	case "h5":
		return "h5"
	case "h6":
		return "h6"
	case "del":
		return "del"
	case "pre":
		return "pre"
	case "blockquote":
		return "blockquote"
	case "br":
		return "br"
	case "hr":
		return "hr"
	case "img":
		return "img"
	case "input":
		return "input"
	case "table":
		return "table"
	case "thead":
		return "thead"
	case "tbody":
		return "tbody"
	case "tr":
		return "tr"
	case "th":
		return "th"
	case "td":
		return "td"
	case "sup":
		return "sup"
	case "div":
		return "div"
	}
	return ""
}

// attrName is key as a string, for the attributes goldmark writes, or ""
// (without allocating).
func attrName(key []byte) string {
	switch string(key) {
	case "href":
		return "href"
	case "id":
		return "id"
	case "title":
		return "title"
	case "class":
		return "class"
	case "role":
		return "role"
	case "src":
		return "src"
	case "alt":
		return "alt"
	case "start":
		return "start"
	case "style":
		return "style"
	case "type":
		return "type"
	case "checked":
		return "checked"
	case "disabled":
		return "disabled"
	}
	return ""
}

// withAttrs reports whether el, one of elementName's elements, is one
// the policies keep only with an attribute; the others they keep with
// none (and with the attributes ownAttr allows). (Two map lookups a tag
// before; TestElementKinds checks every element against those maps.)
func withAttrs(el string) bool {
	return el == "a" || el == "img" || el == "input"
}

// ownTag appends the sanitised form of the tag at the start of b and
// returns its length in b, or 0 when it is not one sanitizeOwn handles.
// As bluemonday, it drops a link or image left with no attributes (a
// javascript: link) and then the next closing tag of that name if it
// comes while that element is the last one dropped (skip).
func ownTag(out, b []byte, keepIDs bool, skip *[]string) ([]byte, int) {
	i := 1
	end := len(b) > 1 && b[1] == '/'
	if end {
		i++
	}
	start := i
	for i < len(b) && ('a' <= b[i] && b[i] <= 'z' || '0' <= b[i] && b[i] <= '9' && i > start) {
		i++
	}
	name := elementName(b[start:i])
	bare := !withAttrs(name)
	if name == "" || name == "sup" && !keepIDs {
		return out, 0 // the summary's policy drops <sup> with its content
	}
	if end {
		if i >= len(b) || b[i] != '>' {
			return out, 0
		}
		if n := len(*skip); n > 0 && (*skip)[n-1] == name {
			*skip = (*skip)[:n-1]
			return out, i + 1
		}
		return append(out, b[:i+1]...), i + 1
	}
	mark := len(out)
	out = append(out, b[:i]...)
	kept, href := 0, ""
	var seen [4]string // the keys so far: the tokenizer keeps the first of a key
	nattr := 0
	for {
		if i >= len(b) {
			return out[:mark], 0
		}
		if b[i] == '>' {
			i++
			break
		}
		if b[i] != ' ' {
			return out[:mark], 0
		}
		i++
		k := i
		for i < len(b) && ('a' <= b[i] && b[i] <= 'z' || b[i] == '-') {
			i++
		}
		key := attrName(b[k:i])
		if key == "" || i+1 >= len(b) || b[i] != '=' || b[i+1] != '"' {
			return out[:mark], 0
		}
		for _, s := range seen {
			if s == key {
				return out[:mark], 0
			}
		}
		if nattr == len(seen) {
			return out[:mark], 0
		}
		seen[nattr] = key
		nattr++
		i += 2
		q := bytes.IndexByte(b[i:], '"')
		if q < 0 {
			return out[:mark], 0
		}
		raw := b[i : i+q]
		i += q + 1
		val, ok := attrValue(raw)
		if !ok {
			return out[:mark], 0
		}
		val, act := ownAttr(name, key, val, keepIDs)
		switch act {
		case attrFallback:
			return out[:mark], 0
		case attrDrop:
			continue
		}
		if name == "a" && key == "href" {
			href = val
		}
		kept++
		out = append(out, ' ')
		out = append(out, key...)
		out = append(out, '=', '"')
		out = appendEscaped(out, val)
		out = append(out, '"')
	}
	if kept == 0 && !bare {
		// The sanitiser drops the element, and the next closing tag of
		// its name that comes while it is the last dropped.
		*skip = append(*skip, name)
		return out[:mark], i
	}
	if href != "" {
		// bluemonday: rel="nofollow noreferrer" when the URL has a host.
		if u, err := url.Parse(href); err == nil && u.Host != "" {
			out = append(out, ` rel="nofollow noreferrer"`...)
		}
	}
	return append(out, '>'), i
}

// attrValue decodes an attribute value as the tokenizer does, for the
// entities whose reading does not depend on being in an attribute: the
// numeric ones, and named ones that end in ';' and are known by that
// name. (In an attribute, "&copy=" and "&notanentity;" are left as they
// are; in text they are decoded.) false for any other, CR or NUL.
func attrValue(raw []byte) (string, bool) {
	if bytes.IndexByte(raw, '\r') >= 0 || bytes.IndexByte(raw, 0) >= 0 {
		return "", false
	}
	if bytes.IndexByte(raw, '&') < 0 {
		return string(raw), true
	}
	for rest := raw; ; {
		i := bytes.IndexByte(rest, '&')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		if len(rest) > 0 && rest[0] == '#' {
			continue
		}
		n := 0
		for n < len(rest) && ('a' <= rest[n]|0x20 && rest[n]|0x20 <= 'z' || '0' <= rest[n] && rest[n] <= '9') {
			n++
		}
		if n == 0 || n == len(rest) || rest[n] != ';' {
			return "", false
		}
		ref := "&" + string(rest[:n+1])
		// A known name is replaced whole; an unknown one is either left as
		// it is or, in text, read by its longest known prefix, which
		// leaves the rest and its ';' behind.
		if d := html.UnescapeString(ref); d == ref || strings.Contains(d, ";") && string(rest[:n]) != "semi" {
			return "", false
		}
	}
	s := html.UnescapeString(string(raw))
	if strings.ContainsAny(s, "\r\x00") {
		return "", false
	}
	return s, true
}

// What ownAttr decides for an attribute.
const (
	attrFallback = iota // not handled: sanitise with bluemonday
	attrKeep            // kept, with the value returned
	attrDrop            // removed by the policy
)

// The patterns of newPolicy that goldmark's attributes are checked with.
var (
	idPattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,99}$`)
	footnoteID      = regexp.MustCompile(`^(fn|fnref[0-9]*):[0-9]+$`)
	footnoteClass   = regexp.MustCompile(`^(footnote-ref|footnote-backref)$`)
	footnoteRole    = regexp.MustCompile(`^(doc-noteref|doc-backlink)$`)
	footnotesClass  = regexp.MustCompile(`^footnotes$`)
	footnotesRole   = regexp.MustCompile(`^doc-endnotes$`)
	checkboxType    = regexp.MustCompile(`^checkbox$`)
	checkboxBoolean = regexp.MustCompile(`^(|checked|disabled)$`)
)

// ownAttr is what newPolicy(keepIDs) does with one attribute of an
// element goldmark wrote, for the attributes goldmark writes.
func ownAttr(el, key, val string, keepIDs bool) (string, int) {
	keepIf := func(rx *regexp.Regexp) (string, int) {
		if rx.MatchString(val) {
			return val, attrKeep
		}
		return "", attrFallback
	}
	switch key {
	case "title":
		// Global, on every element.
		if bluemonday.Paragraph.MatchString(val) {
			return val, attrKeep
		}
		return "", attrDrop
	case "id":
		if !keepIDs {
			return "", attrFallback
		}
		switch el {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			if isHeadingID(val) {
				return val, attrKeep
			}
		case "sup", "li":
			if isFootnoteID(val) {
				return val, attrKeep
			}
		}
		return "", attrFallback
	}
	switch el {
	case "a":
		switch key {
		case "href":
			if u, ok := standardURL(val); ok {
				return u, attrKeep
			}
			return "", attrDrop
		case "class":
			return keepIf(footnoteClass)
		case "role":
			return keepIf(footnoteRole)
		}
	case "img":
		switch key {
		case "src":
			if u, ok := standardURL(val); ok {
				return u, attrKeep
			}
			return "", attrDrop
		case "alt":
			if bluemonday.Paragraph.MatchString(val) {
				return val, attrKeep
			}
			return "", attrDrop
		}
	case "code":
		if key == "class" {
			if isLangClass(val) {
				return val, attrKeep
			}
			return "", attrFallback
		}
	case "ol":
		if key == "start" {
			return keepIf(bluemonday.Integer)
		}
	case "th", "td":
		if key == "style" {
			// What bluemonday's CSS parser writes back.
			switch val {
			case "text-align:left":
				return "text-align: left", attrKeep
			case "text-align:right":
				return "text-align: right", attrKeep
			case "text-align:center":
				return "text-align: center", attrKeep
			}
		}
	case "input":
		switch key {
		case "type":
			return keepIf(checkboxType)
		case "checked", "disabled":
			return keepIf(checkboxBoolean)
		}
	case "div":
		switch key {
		case "class":
			return keepIf(footnotesClass)
		case "role":
			return keepIf(footnotesRole)
		}
	}
	return "", attrFallback
}

// isHeadingID is idPattern.MatchString(s), without the regexp machine.
func isHeadingID(s string) bool {
	if len(s) == 0 || len(s) > 100 || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isFootnoteID is footnoteID.MatchString(s), without the regexp machine.
func isFootnoteID(s string) bool {
	digits := func(s string) int { // leading ASCII digits
		n := 0
		for n < len(s) && '0' <= s[n] && s[n] <= '9' {
			n++
		}
		return n
	}
	switch {
	case strings.HasPrefix(s, "fnref"):
		s = s[5:]
		s = s[digits(s):]
	case strings.HasPrefix(s, "fn"):
		s = s[2:]
	default:
		return false
	}
	if len(s) < 2 || s[0] != ':' {
		return false
	}
	return digits(s[1:]) == len(s)-1
}

// standardURL is bluemonday's check of a URL under AllowStandardURLs
// (parseable; relative, or http, https or mailto), with the URL as it
// writes it back; false where it would drop the attribute.
func standardURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if strings.ContainsAny(raw, " \t\n") {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	switch u.Scheme {
	case "http", "https", "mailto":
		return u.String(), true
	case "":
		if s := u.String(); s != "" {
			return s, true
		}
	}
	return "", false
}
