package rules

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
)

// Default returns every rule detector in a stable order.
func Default() []deid.Detector {
	return []deid.Detector{
		NewEmail(),
		NewURL(),
		NewHandle(),
		NewIP(),
		NewPhone(),
		NewSSN(),
		NewIDNumber(),
		NewDate(),
		NewTime(),
		NewAge(),
		NewStreet(),
		NewPOBox(),
		NewPostalCode(),
	}
}

// hit is a candidate finding before it becomes a deid.Finding.
type hit struct {
	start, end int
	typ        string
	conf       float64
	date       *deid.DateValue
	age        int
}

// rule pairs an anchored pattern with a trigger that says at which tokens
// to try it, and the function that turns one match (submatch indices into
// the whole text) into hits. A rule may instead be a plain scanner.
//
// Go's RE2 engine is linear but slow when it must try every position, so
// each pattern is only tried at tokens its trigger accepts, on a window of
// at most maxWindow bytes: the total work stays linear in the input.
type rule struct {
	re   *regexp.Regexp
	trig func(text string, t token) bool
	fn   func(text string, m []int) []hit
	scan func(text string) []hit
}

const maxWindow = 320

// anchored compiles p so that it only matches at the start of its input.
func anchored(p string) *regexp.Regexp { return regexp.MustCompile(`^(?:` + p + `)`) }

// token is a candidate start position: the start of a run of letters or
// digits, or one of the punctuation marks some patterns start with.
type token struct {
	start int
	word  string // the lower-cased ASCII letters at start ("" for digits)
}

func tokenize(text string) []token {
	var ts []token
	prevWord := false
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			w := isASCIIAlnum(b) || b == '_'
			if w && !prevWord || b == '+' || b == '(' || b == '@' || b == '\'' || b == '#' {
				ts = append(ts, token{start: i, word: lowerWord(text, i)})
			}
			prevWord = w
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		w := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if w && !prevWord || r == '’' {
			ts = append(ts, token{start: i})
		}
		prevWord = w
		i += size
	}
	return ts
}

// lowerWord returns the lower-cased run of ASCII letters at i (at most 24).
func lowerWord(text string, i int) string {
	j := i
	upper := false
	for j < len(text) && j-i < 24 && (text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z') {
		if text[j] <= 'Z' {
			upper = true
		}
		j++
	}
	if !upper {
		return text[i:j]
	}
	return strings.ToLower(text[i:j])
}

// Triggers.
func tDigit(text string, t token) bool { return isDigit(text[t.start]) }

func tWords(words ...string) func(string, token) bool {
	s := set(words...)
	return func(_ string, t token) bool { return t.word != "" && s[t.word] }
}

func tOr(fs ...func(string, token) bool) func(string, token) bool {
	return func(text string, t token) bool {
		for _, f := range fs {
			if f(text, t) {
				return true
			}
		}
		return false
	}
}

func tByte(bs string) func(string, token) bool {
	return func(text string, t token) bool { return strings.IndexByte(bs, text[t.start]) >= 0 }
}

// runRules applies every rule to text and returns the hits.
func runRules(ctx context.Context, text string, rules []rule) ([]hit, error) {
	var hs []hit
	var toks []token
	for ri, r := range rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if r.scan != nil {
			hs = append(hs, r.scan(text)...)
			continue
		}
		if toks == nil && ri >= 0 {
			toks = tokenize(text)
		}
		next := 0
		for _, t := range toks {
			if t.start < next || !r.trig(text, t) {
				continue
			}
			hs, next = tryAt(text, t.start, r, hs, next)
		}
	}
	return hs, nil
}

// tryAt runs r's anchored pattern at i and records what its function makes
// of the match; next moves past an accepted match.
func tryAt(text string, i int, r rule, hs []hit, next int) ([]hit, int) {
	end := min(len(text), i+maxWindow)
	m := r.re.FindStringSubmatchIndex(text[i:end])
	if m == nil || m[1] == 0 {
		return hs, next
	}
	if end < len(text) && m[1] == end-i {
		return hs, next // cut by the window: do not trust it
	}
	for k := range m {
		if m[k] >= 0 {
			m[k] += i
		}
	}
	got := r.fn(text, m)
	if len(got) > 0 {
		hs = append(hs, got...)
		next = m[1]
	}
	return hs, next
}

// scanAt is a rule scanner helper: it tries r at each position starts
// yields, in increasing order.
func scanAt(text string, r rule, starts []int) []hit {
	var hs []hit
	next := 0
	for _, i := range starts {
		if i < next {
			continue
		}
		hs, next = tryAt(text, i, r, hs, next)
	}
	return hs
}

// finish turns hits into findings: it drops invalid spans (out of range,
// empty, not on rune boundaries), trims surrounding space, and removes hits
// contained in a longer or more confident hit of the same detector.
func finish(text, name string, kind deid.Kind, hs []hit) []deid.Finding {
	valid := hs[:0]
	for _, h := range hs {
		for h.start < h.end && h.start < len(text) && isSpaceByte(text[h.start]) {
			h.start++
		}
		for h.end > h.start && h.end <= len(text) && isSpaceByte(text[h.end-1]) {
			h.end--
		}
		if h.start < 0 || h.end > len(text) || h.start >= h.end {
			continue
		}
		if !utf8.RuneStart(text[h.start]) || (h.end < len(text) && !utf8.RuneStart(text[h.end])) {
			continue
		}
		valid = append(valid, h)
	}
	sort.SliceStable(valid, func(i, j int) bool {
		if valid[i].start != valid[j].start {
			return valid[i].start < valid[j].start
		}
		return valid[i].end > valid[j].end
	})
	out := make([]deid.Finding, 0, len(valid))
	maxEnd := -1
	for _, h := range valid {
		if h.end <= maxEnd {
			// Contained in an earlier, longer hit.
			continue
		}
		if h.end > maxEnd {
			maxEnd = h.end
		}
		out = append(out, deid.Finding{
			Start:      h.start,
			End:        h.end,
			Kind:       kind,
			Type:       h.typ,
			Text:       text[h.start:h.end],
			Recognizer: name,
			Confidence: h.conf,
			Date:       h.date,
			Age:        h.age,
		})
	}
	return out
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isASCIIAlnum(b byte) bool {
	return isDigit(b) || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// letterBefore reports whether the rune ending at i is a letter or digit
// (RE2's \b only knows ASCII, so this catches "é12345").
func wordRuneBefore(text string, i int) bool {
	if i <= 0 || i > len(text) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '_'
}

// wordRuneAfter reports whether the rune starting at i is a letter or digit.
func wordRuneAfter(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '_'
}

// prevWord returns the lower-cased word (letters, digits, '/', '#', '@')
// ending before i, skipping at most a few spaces and punctuation bytes.
func prevWord(text string, i int) string {
	j := i
	for k := 0; j > 0 && k < 4; k++ {
		b := text[j-1]
		if isSpaceByte(b) || b == ':' || b == ',' || b == '(' || b == '-' || b == '=' {
			j--
			continue
		}
		break
	}
	e := j
	for j > 0 && e-j < 24 {
		b := text[j-1]
		if isASCIIAlnum(b) || b == '/' || b == '#' || b == '@' || b == '\'' || b == '.' || b == '$' {
			j--
			continue
		}
		break
	}
	return strings.ToLower(strings.TrimRight(text[j:e], "."))
}

// nextWord returns the lower-cased ASCII word starting after i, skipping
// spaces only. It returns "" when the next thing is punctuation or the end.
func nextWord(text string, i int) string {
	j := i
	for j < len(text) && j-i < 4 && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	s := j
	for j < len(text) && j-s < 24 && (isASCIIAlnum(text[j]) || text[j] == '/') {
		j++
	}
	return strings.ToLower(text[s:j])
}

// window returns up to n bytes of text before i.
func window(text string, i, n int) string {
	s := i - n
	if s < 0 {
		s = 0
	}
	return text[s:i]
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// atoi parses a short run of ASCII digits; it returns -1 on anything else.
func atoi(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// group returns submatch g of m in text, or "" when it did not take part.
func group(text string, m []int, g int) string {
	if 2*g+1 >= len(m) || m[2*g] < 0 {
		return ""
	}
	return text[m[2*g]:m[2*g+1]]
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func countLetters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if b := s[i] | 0x20; b >= 'a' && b <= 'z' {
			n++
		}
	}
	return n
}
