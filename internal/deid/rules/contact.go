package rules

import (
	"context"
	"net"
	"strings"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// contactDetector is the shared shape of the contact detectors.
type contactDetector struct {
	name  string
	rules *ruleSet
}

func (c *contactDetector) detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, c.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, c.name, deid.Contact, hs), nil
}

// Email finds e-mail addresses (Type "email").
type Email struct{ contactDetector }

var _ deid.Detector = (*Email)(nil)

// NewEmail returns the e-mail detector.
func NewEmail() *Email {
	return &Email{contactDetector{name: "rules/email", rules: newRuleSet(rule{scan: scanEmail})}}
}

var emailRe = anchored(`(?i)[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}\b`)

func emailHit(text string, m []int) []hit {
	if wordRuneBefore(text, m[0]) {
		return nil
	}
	return []hit{{start: m[0], end: m[1], typ: "email", conf: 0.95}}
}

// scanEmail tries the e-mail pattern at the start of the local part before
// each '@'.
func scanEmail(text string) []hit {
	var starts []int
	for i := 0; i < len(text); i++ {
		k := strings.IndexByte(text[i:], '@')
		if k < 0 {
			break
		}
		i += k
		j := i
		for j > 0 && i-j < 64 && (isASCIIAlnum(text[j-1]) || strings.IndexByte("._%+-", text[j-1]) >= 0) {
			j--
		}
		for j < i && !isASCIIAlnum(text[j]) {
			j++
		}
		if j < i && (len(starts) == 0 || starts[len(starts)-1] < j) {
			starts = append(starts, j)
		}
	}
	return scanAt(text, rule{re: emailRe, fn: emailHit, win: 320}, starts)
}

// Name implements deid.Detector.
func (e *Email) Name() string { return e.name }

// Detect implements deid.Detector.
func (e *Email) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	return e.detect(ctx, doc)
}

// URL finds web addresses with a scheme or "www." (Type "url") and bare
// domain names with a known top-level domain (Type "domain"). Trailing
// sentence punctuation and unbalanced closing brackets are left out.
type URL struct{ contactDetector }

var _ deid.Detector = (*URL)(nil)

const reTLD = `com|org|net|edu|gov|mil|int|info|biz|io|co|us|uk|ca|au|nz|ie|de|fr|es|nl|se|dk|fi|no|ch|cz|pl|pt|br|jp|cn|ru|in|it|be|at|me|` +
	`gr|hu|si|sk|ee|lv|lt|cy|uy|ar|mx|cl|za|il|tr|ro|bg|hr|rs|ua|kr|tw|hk|sg|my|ph|th|vn|id|is|lu|li|ly|tv|fm|ai|app|dev|` +
	`xyz|org\.uk|co\.uk|ac\.uk|nhs\.uk|gov\.uk|com\.au|net\.au|org\.au|gov\.au|com\.br|co\.nz|co\.jp|me\.uk`

// NewURL returns the URL and domain detector.
func NewURL() *URL {
	return &URL{contactDetector{name: "rules/url", rules: newRuleSet([]rule{
		{trig: tWords("http", "https", "ftp", "www"), re: anchored(`(?i)\b(?:(?:https?|ftp)://|www\.)[a-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+`), fn: urlHit, win: 2048},
		{scan: scanDomain},
	}...)}}
}

// Name implements deid.Detector.
func (u *URL) Name() string { return u.name }

// Detect implements deid.Detector.
func (u *URL) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	return u.detect(ctx, doc)
}

// trimURL drops trailing punctuation and unbalanced closing brackets.
func trimURL(s string) string {
	for len(s) > 0 {
		last := s[len(s)-1]
		switch last {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '*', '_':
			s = s[:len(s)-1]
			continue
		case ')', ']':
			open := byte('(')
			if last == ']' {
				open = '['
			}
			if strings.Count(s, string(open)) < strings.Count(s, string(last)) {
				s = s[:len(s)-1]
				continue
			}
		}
		break
	}
	return s
}

func urlHit(text string, m []int) []hit {
	s := trimURL(text[m[0]:m[1]])
	if len(s) < 5 || strings.HasSuffix(strings.ToLower(s), "www.") {
		return nil
	}
	if p := shortLinkCode(s); p >= 0 {
		// A link shortener's scheme and host are public and the same in
		// every post; only the code after them points somewhere.
		if p == len(s) {
			return nil
		}
		return []hit{{start: m[0] + p, end: m[0] + len(s), typ: "url", conf: 0.95}}
	}
	return []hit{{start: m[0], end: m[0] + len(s), typ: "url", conf: 0.95}}
}

// shortLinkCode returns the offset in the URL s of the code after a link
// shortener's host ("http://t.co/" + code), len(s) when the link has no
// code, or -1 when s is not a short link.
func shortLinkCode(s string) int {
	i := strings.Index(s, "://")
	if i < 0 {
		return -1
	}
	host := s[i+3:]
	e := strings.IndexAny(host, "/?#")
	if e < 0 {
		e = len(host)
	}
	if !vocab.LinkShorteners().Has(strings.ToLower(host[:e])) {
		return -1
	}
	p := i + 3 + e
	for p < len(s) && (s[p] == '/' || s[p] == '?' || s[p] == '#') {
		p++
	}
	return p
}

// tldSet holds the one-part domains of reTLD: in a leftmost-first
// alternation "co" always wins over "co.uk", so only they decide.
var tldSet = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Split(reTLD, "|") {
		if !strings.Contains(t, `\.`) {
			m[t] = true
		}
	}
	return m
}()

// matchDomain matches what
// (?i)(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+(TLD)\b(?:/[a-z0-9-._~/?#&=%+]*)?
// matches at the start of w, with the top-level domain as submatch 1.
func matchDomain(w string) []int {
	var parts [128]int // starts of the labels that follow a dot
	n := 0
	for i := 0; n < len(parts); {
		j := i
		for j < len(w) && j-i < 63 && (isASCIIAlnum(w[j]) || w[j] == '-') {
			j++
		}
		if j == i || w[i] == '-' || w[j-1] == '-' || j >= len(w) || w[j] != '.' {
			break
		}
		i = j + 1
		parts[n] = i
		n++
	}
	for k := n - 1; k >= 0; k-- {
		p := parts[k]
		e := p
		for e < len(w) && isASCIIAlnum(w[e]) {
			e++
		}
		if e == p || e < len(w) && w[e] == '_' || !tldSet[strings.ToLower(w[p:e])] {
			continue
		}
		end := e
		if end < len(w) && w[end] == '/' {
			end++
			for end < len(w) && (isASCIIAlnum(w[end]) || strings.IndexByte("-._~/?#&=%+", w[end]) >= 0) {
				end++
			}
		}
		return []int{0, end, p, e}
	}
	return nil
}

// scanDomain tries the domain pattern at the start of each dotted run of
// letters and digits that has a letter after a dot.
func scanDomain(text string) []hit {
	var starts []int
	last := -1
	for i := 1; i+1 < len(text); i++ {
		k := strings.IndexByte(text[i:len(text)-1], '.')
		if k < 0 {
			break
		}
		i += k
		if !isASCIIAlnum(text[i-1]) || text[i+1]|0x20 < 'a' || text[i+1]|0x20 > 'z' {
			continue
		}
		j := i
		for j > 0 && i-j < 253 && (isASCIIAlnum(text[j-1]) || text[j-1] == '.' || text[j-1] == '-') {
			j--
		}
		for j < i && !isASCIIAlnum(text[j]) {
			j++
		}
		if j > last {
			starts = append(starts, j)
			last = j
		}
	}
	return scanAt(text, rule{match: matchDomain, fn: domainHit, win: 400}, starts)
}

func domainHit(text string, m []int) []hit {
	st, e := m[0], m[1]
	if st > 0 && (text[st-1] == '@' || text[st-1] == '.' || text[st-1] == '/' || text[st-1] == '-') {
		return nil // part of an e-mail or URL, found by those rules
	}
	if e < len(text) && (text[e] == '@' || text[e] == '-') {
		return nil
	}
	s := trimURL(text[st:e])
	tld := strings.ToLower(group(text, m, 1))
	host := s
	if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	hasPath := len(s) > len(host)
	if host != strings.ToLower(host) && !vocab.GenericTLD().Has(tld) && !strings.Contains(tld, ".") && !hasPath {
		return nil // "HELD.PT", "needed.Pt": a missing space after a full stop
	}
	if vocab.WordTLD().Has(tld) && !hasPath && strings.Count(host, ".") == 1 {
		return nil // "liquid.no", "pt.is"
	}
	// "e.g", "i.e", "U.S": single letters before the TLD are abbreviations.
	labels := strings.Split(host, ".")
	if (vocab.WordTLD().Has(tld) || host != strings.ToLower(host)) && strings.Trim(host[:len(host)-len(tld)], "0123456789.") == "" {
		return nil // "=78.3.no changes", "11.CO/ci": a number, then a word after a missing space
	}
	if len(labels[0]) < 2 || countDigits(host) == len(host)-strings.Count(host, ".") {
		return nil
	}
	if wordRuneBefore(text, st) {
		return nil
	}
	return []hit{{start: st, end: st + len(s), typ: "domain", conf: 0.7}}
}

// Handle finds social-media handles such as "@name" (Type "handle").
type Handle struct{ contactDetector }

var _ deid.Detector = (*Handle)(nil)

// NewHandle returns the handle detector.
func NewHandle() *Handle {
	return &Handle{contactDetector{name: "rules/handle", rules: newRuleSet(rule{
		trig: tByte("@"),
		re:   anchored(`@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)`),
		fn: func(text string, m []int) []hit {
			s, e := m[0], m[1]
			if s > 0 && (isASCIIAlnum(text[s-1]) || strings.IndexByte("._%+-/@", text[s-1]) >= 0 || wordRuneBefore(text, s)) {
				return nil // an e-mail address or something else
			}
			if e < len(text) && (text[e] == '@' || text[e] == '.' && e+1 < len(text) && isASCIIAlnum(text[e+1])) {
				return nil
			}
			name := group(text, m, 1)
			if countDigits(name) == len(name) {
				return nil // "@0930" is a time
			}
			if isDigit(name[0]) && (strings.IndexByte(name, '.') >= 0 || isMeasure(name)) {
				return nil // "@27.87MCG", "@100CC", "@2pm": a rate or a time
			}
			if e < len(text) && text[e] == '.' && e+1 < len(text) && isDigit(text[e+1]) {
				return nil
			}
			if len(name) <= 6 && strings.Trim(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" && atAsWord(text) {
				return nil // "IVF @KVO", "diminished @BASES" where "@" is written for "at"
			}
			return []hit{{start: s, end: e, typ: "handle", conf: 0.8}}
		},
	})}}
}

// atAsWord reports whether text writes "@" for "at" before a time or an
// amount ("@ 2000", "@1900", "@ 21").
func atAsWord(text string) bool {
	for i := strings.IndexByte(text, '@'); i >= 0; {
		j := i + 1
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j < len(text) && isDigit(text[j]) {
			return true
		}
		k := strings.IndexByte(text[i+1:], '@')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// Name implements deid.Detector.
func (h *Handle) Name() string { return h.name }

// Detect implements deid.Detector.
func (h *Handle) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	return h.detect(ctx, doc)
}

// IP finds IPv4 and IPv6 addresses (Type "ip").
type IP struct{ contactDetector }

var _ deid.Detector = (*IP)(nil)

// NewIP returns the IP address detector.
func NewIP() *IP {
	return &IP{contactDetector{name: "rules/ip", rules: newRuleSet([]rule{
		{trig: tShape(1, 3, "."), re: anchored(`\b(?:\d{1,3}\.){3}\d{1,3}\b`), fn: ipv4Hit, need: needDottedQuad},
		{trig: tHexColonTrig, re: anchored(`(?i)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}`), fn: ipv6Hit},
	}...)}}
}

// Name implements deid.Detector.
func (ip *IP) Name() string { return ip.name }

// Detect implements deid.Detector.
func (ip *IP) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	return ip.detect(ctx, doc)
}

func ipv4Hit(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (text[s-1] == '.' || isDigit(text[s-1])) || e+1 < len(text) && text[e] == '.' && isDigit(text[e+1]) {
		return nil
	}
	if net.ParseIP(text[s:e]) == nil {
		return nil
	}
	return []hit{{start: s, end: e, typ: "ip", conf: 0.9}}
}

func ipv6Hit(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (isASCIIAlnum(text[s-1]) || text[s-1] == ':') || e < len(text) && (isASCIIAlnum(text[e]) || text[e] == ':') {
		return nil
	}
	cand := text[s:e]
	// Clock times like 10:30:00 parse as nothing, but 1:2::3 would: require
	// either eight groups or "::" with at least a hex letter or three groups.
	if strings.Count(cand, ":") < 2 || net.ParseIP(cand) == nil {
		return nil
	}
	if !strings.Contains(cand, "::") && strings.Count(cand, ":") != 7 {
		return nil
	}
	if countDigits(cand)+strings.Count(cand, ":") == len(cand) && strings.Count(cand, ":") < 4 {
		return nil
	}
	return []hit{{start: s, end: e, typ: "ip", conf: 0.85}}
}

// tHexColonTrig is the IPv6 rule's trigger, tHexColon. The colon it
// needs comes after the token's letters, and the bytes before it are hex:
// so the byte after the letters is the colon or a digit.
var tHexColonTrig = func() *trig {
	g := custom("0123456789abcdefABCDEF", false, tHexColon)
	g.next = new([256]bool)
	for _, b := range []byte(":" + digits) {
		g.next[b] = true
	}
	return g
}()

// tHexColon accepts a hex token with a colon within its first five bytes.
func tHexColon(text string, t token) bool {
	for j := t.start; j < len(text) && j-t.start <= 4; j++ {
		b := text[j]
		if b == ':' {
			return j > t.start
		}
		if !(isDigit(b) || b|0x20 >= 'a' && b|0x20 <= 'f') {
			return false
		}
	}
	return false
}
