package preview

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
)

// Replaced spans travel through Markdown conversion as private-use
// characters around the replacement: MarkOpen(i) before it, MarkClose
// after. The Markdown converter passes them through as text; the server
// turns them into <mark> elements in text and strips them from attributes
// (a replacement inside a link's address, say). They are never in a built
// site: the caller adds them to a copy of a post's Markdown for the
// preview only.
const (
	markOpen  = '\uE000'
	markSep   = '\uE001'
	markClose = '\uE002'
	markDigit = '\uE010' // digits 0-9 are U+E010..U+E019
)

// MarkOpen is the marker that opens the replacement with index i in
// Info.Marks.
func MarkOpen(i int) string {
	var b strings.Builder
	b.WriteRune(markOpen)
	for _, d := range strconv.Itoa(i) {
		b.WriteRune(markDigit + (d - '0'))
	}
	b.WriteRune(markSep)
	return b.String()
}

// MarkClose is the marker that closes a replacement.
const MarkClose = string(markClose)

// markerRE matches any marker character, raw or percent-encoded (as in an
// href): U+E000..U+E0FF are EE 80 80..EE 83 BF in UTF-8.
var markerRE = regexp.MustCompile(`\x{E000}|\x{E001}|\x{E002}|[\x{E010}-\x{E019}]|(?i:%EE%8[0-3]%[89AB][0-9A-F])`)

// openRE matches an opening marker with its index.
var openRE = regexp.MustCompile(`\x{E000}([\x{E010}-\x{E019}]+)\x{E001}`)

// hasMarkers reports whether b holds any marker.
func hasMarkers(b []byte) bool { return bytes.Contains(b, []byte{0xEE, 0x80}) || markerRE.Match(b) }

// decodeMarks turns markers in page into <mark> elements describing marks,
// where an opening and its closing marker are in one run of text; every
// other marker is removed.
func decodeMarks(page []byte, marks []Highlight) []byte {
	if !hasMarkers(page) {
		return page
	}
	var out bytes.Buffer
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt != xhtml.TextToken {
			out.Write(markerRE.ReplaceAll(raw, nil))
			continue
		}
		out.Write(markText(raw, marks))
	}
	return out.Bytes()
}

// markText replaces the markers in one raw text run.
func markText(raw []byte, marks []Highlight) []byte {
	s := string(raw)
	var b strings.Builder
	for {
		loc := openRE.FindStringSubmatchIndex(s)
		if loc == nil {
			break
		}
		end := strings.IndexRune(s[loc[1]:], markClose)
		if end < 0 {
			break
		}
		var digits strings.Builder
		for _, r := range s[loc[2]:loc[3]] {
			digits.WriteRune('0' + (r - markDigit))
		}
		i, _ := strconv.Atoi(digits.String())
		b.WriteString(strip(s[:loc[0]]))
		inner := strip(s[loc[1] : loc[1]+end])
		if i >= 0 && i < len(marks) {
			b.WriteString(marks[i].open(i))
			b.WriteString(inner)
			b.WriteString("</mark>")
		} else {
			b.WriteString(inner)
		}
		s = s[loc[1]+end+len(MarkClose):]
	}
	b.WriteString(strip(s))
	return []byte(b.String())
}

func strip(s string) string { return markerRE.ReplaceAllString(s, "") }

// open is the opening tag of a mark's highlight. Its original is in
// data-original for the toggle; this is served on loopback only.
func (m Highlight) open(i int) string {
	title := m.Kind
	if m.Rule != "" {
		title += " · " + m.Rule
	}
	if m.Line > 0 {
		title += fmt.Sprintf(" · line %d", m.Line)
	}
	return fmt.Sprintf(`<mark class="veil-r veil-k-%s" data-veil-i="%d" data-kind="%s" data-rule="%s" data-original="%s" title="%s">`,
		html.EscapeString(cssName(m.Kind)), i, html.EscapeString(m.Kind), html.EscapeString(m.Rule),
		html.EscapeString(m.Original), html.EscapeString(title))
}

// cssName keeps letters, digits and hyphens.
func cssName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}
