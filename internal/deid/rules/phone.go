package rules

import (
	"context"
	"regexp"
	"strings"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Phone finds telephone and fax numbers (Type "phone" or "fax"): US numbers
// in every punctuation, "+" international numbers, zero-leading national
// numbers, dotted or dashed groups, seven-digit local numbers, extensions,
// and any digit run right after a phone cue word ("cell#", "Fax:").
type Phone struct{ contactDetector }

var _ deid.Detector = (*Phone)(nil)

// hasPhoneCue reports whether w (the bytes before a number) holds a phone
// cue word starting at a word boundary. It does not allocate.
func hasPhoneCue(w string) bool {
	for k := 0; k < len(w); k++ {
		if !isASCIIAlnum(w[k]) || k > 0 && isASCIIAlnum(w[k-1]) {
			continue
		}
		// Only a cue whose first byte is this one, in lower case, can
		// match here (hasPrefixFold lowers the letters of w).
		for _, c := range cuesByFirst[w[k]|0x20] {
			if len(w)-k < len(c) || !hasPrefixFold(w[k:], c) {
				continue
			}
			if e := k + len(c); len(c) > 2 || e == len(w) || !isASCIIAlnum(w[e]) {
				return true
			}
		}
	}
	return false
}

// cuesByFirst holds the phone cues by their first byte.
var cuesByFirst = func() (m [256][]string) {
	for c := range vocab.PhoneCues().All() {
		m[c[0]] = append(m[c[0]], c)
	}
	return m
}()

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix p,
// ignoring the case of s.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		b := s[i]
		if b >= 'A' && b <= 'Z' {
			b |= 0x20
		}
		if b != p[i] {
			return false
		}
	}
	return true
}

// NewPhone returns the phone and fax detector.
func NewPhone() *Phone { return newPhone(true) }

// newPhone is NewPhone; with sevenFirst, a pattern whose matches phoneHit
// takes is tried only where its window holds seven digits: phoneHit takes
// no number of fewer, and most numbers in prose (dates, ages, counts) have
// fewer.
func newPhone(sevenFirst bool) *Phone {
	const ext = `(?:\s*(?:x|ext\.?|extension|#)\s*\d{1,6})?\b`
	var rs []rule
	c := func(shape *trig, pat string, conf float64, needCue bool) {
		trig := shape
		if needCue {
			trig = custom(digits+"(", false, func(text string, t token) bool {
				return shape.accepts(text, t) && (hasPhoneCue(window(text, t.start, 32)) || hasPhoneCue(text[t.start:min(len(text), t.start+28)]))
			})
			trig.run, trig.after = shape.run, shape.after // accepts only what shape does
		}
		if sevenFirst {
			g := trig
			trig = custom("", false, func(text string, t token) bool {
				return g.accepts(text, t) && t.digitsWithin(text, defaultWindow, 7)
			})
			trig.first, trig.run, trig.after = g.first, g.run, g.after
		}
		rs = append(rs, rule{re: anchored(pat), trig: trig, fn: func(text string, m []int) []hit {
			return phoneHit(text, m, conf, needCue)
		}})
	}
	c(tOr(tByte("+("), tDigits("3-3[ .-]3-3"), tTrunkOne), `(?:(?:\+|\b00?)1[\s.\-]?)?(?:\(\d{3}\)[\s.\-]?|\b\d{3}[\s.\-])\d{3}[\s.\-]\d{4}`+ext, 0.9, false)
	c(tByte("+"), `\+\d{1,3}(?:[\s.\-]?\(0\))?(?:[\s.\-]?\(?\d{1,5}\)?){1,6}`+ext, 0.85, false)
	c(tLeadingZero(tDigits("2-5[ .-]1-4")), `\b0\d{1,4}(?:[\s.\-]\d{2,4}){1,4}`+ext, 0.6, false)
	c(tByte("("), `\(\d{2,4}\)\s?\d{2,4}[\s.\-]\d{3,4}`+ext, 0.8, false)
	c(tDigits("2-4[.-]2-4[.-]1-4"), `\b\d{2,4}(?:\.\d{2,4}){2,4}\b|\b\d{2,4}(?:-\d{2,4}){2,4}`+ext, 0.6, false)
	c(tDigits("3-3[.-]4-4"), `\b\d{3}[.\-]\d{4}`+ext, 0.5, false)
	c(tOr(tByte("("), tDigits("2-4{)}[ .-]1-8")), `(?:\b|\()\d{2,4}\)?(?:[\s.\-]\d{2,8}){1,4}`+ext, 0.7, true)
	c(tShape(7, 12, ""), `\b\d{7,12}`+ext, 0.7, true)
	// A US number with loose separators: slashes ("617/555/0199") or a
	// space after each dash ("617- 555- 0199").
	c(tOr(tByte("("), tDigits("3-3[/-]")), `\(?\b\d{3}(?:/|-\s?)\d{3}(?:/|-\s?)\d{4}\b\)?`, 0.8, false)
	// A pager's number, also as hospitals write internal ones: "beeper
	// 5-4412", "pgr 2-7319".
	rs = append(rs, rule{trig: tWords("pager", "beeper", "pgr", "bleep"), re: anchored(`(?i)\b(?:pager|beeper|pgr|bleep)\s*(?:#|no\.?|number|num)?\s*[:#=]?\s*(\d{4,6}|\d{1,2}-\d{4})\b`), fn: pagerHit})
	return &Phone{contactDetector{name: "rules/phone", rules: newRuleSet(rs...)}}
}

// Name implements deid.Detector.
func (p *Phone) Name() string { return p.name }

// Detect implements deid.Detector.
func (p *Phone) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	return p.detect(ctx, doc)
}

func phoneHit(text string, m []int, conf float64, needCue bool) []hit {
	s, e := m[0], m[1]
	if s > 0 && (isDigit(text[s-1]) || (text[s-1] == '-' || text[s-1] == '.' || text[s-1] == '/' || text[s-1] == ':') && s > 1 && isDigit(text[s-2]) || text[s-1] == '$' || text[s-1] == '/') {
		return nil
	}
	if e < len(text) && (text[e] == '/' || text[e] == '%' || (text[e] == '-' || text[e] == '.' || text[e] == ':' || text[e] == ',') && e+1 < len(text) && isDigit(text[e+1])) {
		return nil
	}
	if s > 0 && text[s-1] == '.' && (s == 1 || !isASCIIAlnum(text[s-2])) {
		return nil // ".015 1800": a decimal
	}
	cand := text[s:e]
	nd := countDigits(cand)
	if nd < 7 || nd > 15 {
		return nil
	}
	if timeRange(cand) {
		return nil // "0700-1930", "0000 1135": a shift or a period
	}
	before := window(text, s, 32)
	after := text[e:min(len(text), e+10)]
	cue := hasPhoneCue(before) || hasPhoneCue(after)
	if needCue && !cue {
		return nil
	}
	// Leave dates, SSNs and decimal numbers to their own detectors.
	if looksLikeDate(cand) || ssnShape.MatchString(cand) {
		return nil
	}
	if strings.Count(cand, " ") > 0 && !cue && !strings.ContainsAny(cand, "+()-.") && cand[0] != '0' {
		return nil // bare space-separated numbers need a cue
	}
	if !cue && conf < 0.8 && vocab.MeasureLabels().Has(prevWord(text, s)) {
		return nil // "SVR 954-1183", "HR 100-1112": a range of a reading
	}
	if !cue && roundRange(cand) {
		return nil // "SVR in the 900-1300", "TV IMPROVED TO 900-1000"
	}
	if cue && conf < 0.8 {
		conf = 0.8
	}
	typ := "phone"
	if hasFax(before) || hasFax(after) {
		typ = "fax"
	}
	return []hit{{start: s, end: e, typ: typ, conf: conf}}
}

var (
	dateShape = regexp.MustCompile(`^(\d{1,4})([/.\-])(\d{1,2})([/.\-])(\d{2,4})$`)
	ssnShape  = regexp.MustCompile(`^\d{3}[- ]\d{2}[- ]\d{4}$`)
)

func looksLikeDate(s string) bool {
	m := dateShapeIndex(s)
	return m != nil && numericDate(s, m) != nil
}

// dateShapeIndex is dateShape.FindStringSubmatchIndex(s) without the
// pattern: it is anchored at both ends, and each of its runs of digits is
// followed by a separator or the end, which no digit is, so a string has
// at most one way through it: each run whole.
func dateShapeIndex(s string) []int {
	a := digitRunEnd(s, 0)
	if a < 1 || a > 4 || a == len(s) || !isDateSep(s[a]) {
		return nil
	}
	b := digitRunEnd(s, a+1)
	if n := b - (a + 1); n < 1 || n > 2 || b == len(s) || !isDateSep(s[b]) {
		return nil
	}
	c := digitRunEnd(s, b+1)
	if n := c - (b + 1); n < 2 || n > 4 || c != len(s) {
		return nil
	}
	return []int{0, len(s), 0, a, a, a + 1, a + 1, b, b, b + 1, b + 1, c}
}

// digitRunEnd returns the end of the run of ASCII digits at i.
func digitRunEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func isDateSep(b byte) bool { return b == '/' || b == '.' || b == '-' }

// hasFax reports whether strings.ToLower(s) holds "fax": whether s holds
// it in any case of its ASCII letters. strings.ToLower maps each
// character to one, and no character beyond ASCII (nor an invalid byte,
// which becomes U+FFFD) to 'f', 'a' or 'x' (TestHasFaxIsLower reads
// every rune), so the letters of "fax" are ASCII bytes of s, next to each
// other there as in the lowered text.
func hasFax(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		if s[i]|0x20 == 'f' && s[i+1]|0x20 == 'a' && s[i+2]|0x20 == 'x' {
			return true
		}
	}
	return false
}

// tTrunkOne accepts the country code of a North American number written
// "1 555 ...", "1-555", "001 (555)".
var tTrunkOne = custom("01", false, func(text string, t token) bool {
	i := t.start
	for _, p := range []string{"1", "01", "001"} {
		if strings.HasPrefix(text[i:], p) && i+len(p) < len(text) && strings.IndexByte(" \t\n.-(", text[i+len(p)]) >= 0 {
			return true
		}
	}
	return false
})

// tLeadingZero narrows g to tokens that start with a zero.
func tLeadingZero(g *trig) *trig {
	z := custom("0", false, g.fn)
	z.run, z.after = g.run, g.after
	return z
}

// pagerHit takes the short number after a pager cue: "Pager # 98765".
func pagerHit(text string, m []int) []hit {
	e := m[3]
	if e < len(text) && (text[e] == '.' || text[e] == '/' || text[e] == '-') && e+1 < len(text) && isDigit(text[e+1]) {
		return nil
	}
	return []hit{{start: m[2], end: e, typ: "phone", conf: 0.85}}
}

// timeRange reports whether s is two 24-hour clock times joined by a dash
// or a blank: "0700-1930".
func timeRange(s string) bool {
	if len(s) != 9 || s[4] != '-' && s[4] != ' ' {
		return false
	}
	clock := func(t string) bool {
		n := atoi(t)
		return n >= 0 && n/100 < 24 && n%100 < 60
	}
	return clock(s[:4]) && clock(s[5:])
}

// roundRange reports whether cand, "ddd-dddd", is a rising range of round
// hundreds ("900-1300"): a range of readings, not a local number.
func roundRange(cand string) bool {
	a, b, ok := strings.Cut(cand, "-")
	if !ok || len(a) != 3 || len(b) != 4 || !strings.HasSuffix(a, "00") || !strings.HasSuffix(b, "00") {
		return false
	}
	return atoi(a) < atoi(b)
}
