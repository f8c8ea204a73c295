package dict

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// shape is the capitalisation of a word.
type shape uint8

const (
	shapeNone  shape = iota // no letters, or digits mixed in ("3V", "9GAG")
	shapeLower              // "grace"
	shapeTitle              // "Orla", "O'Neill", "McAllister", "R"
	shapeUpper              // "GRACE" (two letters or more)
	shapeMixed              // "iPhone"
)

// token is one word of a text.
type token struct {
	start, end int    // the word, without a possessive 's
	text       string // text[start:end]
	lower      string // lookup form: lower case, typographic apostrophes made plain
	shape      shape
	letters    int  // number of letters
	poss       bool // followed by 's or ’s (not part of [start,end))
	dot        bool // followed directly by '.'
	handle     bool // preceded directly by '@' or '#'
	sentStart  bool // first word of a sentence (or of a line, or after an opening quote)
	lineStart  bool // first word of a line
	lineEnd    bool // last word of its line
	caps       bool // in a line written in capitals
	line       int  // line number, from 0
	// gap is the text between the previous word (with its possessive) and
	// this one.
	gap string
}

// isCap reports whether the word starts with a capital letter.
func (t *token) isCap() bool {
	return t.shape == shapeTitle || t.shape == shapeUpper
}

// isInitial reports whether the word is one capital letter followed by a
// period ("R.") or a lone capital that is not the pronoun "I".
func (t *token) isInitial() bool {
	return t.letters == 1 && t.shape == shapeTitle && t.dot
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWordRune[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWordRune is isWordRune of each ASCII character, most of any text.
var asciiWordRune = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isWordRuneSlow(rune(r))
	}
	return t
}()

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// tokenize splits text into words. A word is a run of letters, digits and
// combining marks, with single inner apostrophes and hyphens ("O'Neill",
// "Lou-Bette"); a final possessive 's is recorded, not included. Offsets
// always fall on UTF-8 boundaries. The work is linear in len(text).
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/6+1)
	prevEnd := 0 // end of the previous word with its possessive
	line := 0
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += sz
			continue
		}
		start := i
		j := i + sz
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += sz
				continue
			}
			if isApostrophe(r) || isHyphen(r) && !dashSeparates(text, start, j, j+sz) {
				if r2, sz2 := utf8.DecodeRuneInString(text[j+sz:]); j+sz < len(text) && unicode.IsLetter(r2) {
					j += sz + sz2
					continue
				}
			}
			break
		}
		end, rawEnd := j, j
		poss := false
		for _, suf := range [...]string{"'s", "’s"} {
			if strings.HasSuffix(text[start:end], suf) && end-len(suf) > start {
				end -= len(suf)
				poss = true
				break
			}
		}
		gap := text[prevEnd:start]
		t := token{start: start, end: end, text: text[start:end], poss: poss, gap: gap}
		t.lower = lookupForm(t.text)
		t.shape, t.letters = shapeOf(t.text)
		t.dot = rawEnd < len(text) && text[rawEnd] == '.'
		t.handle = start > 0 && (text[start-1] == '@' || text[start-1] == '#')
		nl := strings.Count(gap, "\n")
		line += nl
		t.line = line
		t.lineStart = len(toks) == 0 || nl > 0
		if n := len(toks); n > 0 && nl > 0 {
			toks[n-1].lineEnd = true
		}
		t.sentStart = t.lineStart || opensSentence(gap, toks)
		toks = append(toks, t)
		prevEnd = rawEnd
		i = rawEnd
	}
	if n := len(toks); n > 0 {
		toks[n-1].lineEnd = true
	}
	markCaps(toks)
	return toks
}

// dashSeparates reports whether the hyphen at text[h:next] after the word
// part text[start:h] is a dash written without spaces between two words,
// as notes do: before a lower-case function word after a capitalised
// word ("son Rob-who states"), or before an initial ("CARAFATE-W.
// CASTELLI"). Hyphenated words and names ("Lou-Bette", "A-fib",
// "son-in-law") are left whole.
func dashSeparates(text string, start, h, next int) bool {
	if c := text[start]; c < 'A' || c > 'Z' || h-start < 2 {
		return false
	}
	e := next
	for e < len(text) && (text[e] >= 'a' && text[e] <= 'z' || text[e] >= 'A' && text[e] <= 'Z') {
		e++
	}
	if e == next || e < len(text) && (isHyphen(rune(text[e])) || text[e] == '\'' || text[e] >= '0' && text[e] <= '9' || text[e] >= 0x80) {
		return false
	}
	w := text[next:e]
	if e-next == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		// An initial: a capital, its full stop, a space, a capital.
		return e+2 < len(text) && text[e] == '.' && text[e+1] == ' ' && text[e+2] >= 'A' && text[e+2] <= 'Z'
	}
	return w[0] >= 'a' && w[0] <= 'z' && vocab.DashFunctionWords().Has(w)
}

// opensSentence reports whether a word after gap starts a sentence.
func opensSentence(gap string, toks []token) bool {
	if strings.ContainsAny(gap, "!?:;\"“«") {
		return true
	}
	if !strings.Contains(gap, ".") {
		return false
	}
	prev := &toks[len(toks)-1]
	// "R. Kowal", "Dr. Okafor", "St. Louis": the period closes an abbreviation.
	if strings.HasPrefix(gap, ".") && prev.dot && (prev.letters == 1 || vocab.AbbrevDot().Has(prev.lower)) {
		return strings.Contains(gap[1:], ".")
	}
	return true
}

// lookupForm is the lexicon key of a word: lower case with plain apostrophes.
func lookupForm(s string) string {
	if strings.ContainsRune(s, '’') {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return strings.ToLower(s)
}

// shapeOf classifies the capitalisation of a word and counts its letters.
func shapeOf(s string) (shape, int) {
	upper, lower, letters := 0, 0, 0
	firstUpper, first := false, true
	partUpper, partLower := false, false // parts after a hyphen that start upper, lower
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return shapeNone, 0
		case isHyphen(r):
			first = true
			continue
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			upper++
			letters++
			if first && letters == 1 {
				firstUpper = true
			} else if first {
				partUpper = true
			}
			first = false
		case unicode.IsLetter(r):
			lower++
			letters++
			if first && letters > 1 {
				partLower = true
			}
			first = false
		}
	}
	switch {
	case letters == 0:
		return shapeNone, 0
	case upper == 0:
		return shapeLower, letters
	case !firstUpper || (partLower && (partUpper || upper > 0)):
		// "iPhone", "GU-foley": no single shape.
		return shapeMixed, letters
	case lower == 0 && letters >= 2:
		return shapeUpper, letters
	}
	return shapeTitle, letters
}

// markCaps sets caps on the words of lines written in capitals: where they
// are, capitalisation says nothing about names. A short line takes the
// verdict of the whole text.
func markCaps(toks []token) {
	count := func(ts []token) (up, other int) {
		for i := range ts {
			if ts[i].letters < 2 {
				continue
			}
			if ts[i].shape == shapeUpper {
				up++
			} else if ts[i].shape != shapeNone {
				other++
			}
		}
		return up, other
	}
	dup, dother := count(toks)
	docCaps := dup >= 3 && dup >= 2*dother
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].line == toks[i].line {
			j++
		}
		up, other := count(toks[i:j])
		caps := up >= 2 && up >= 2*other
		if up+other < 4 {
			caps = docCaps || (up >= 2 && other == 0)
		}
		for k := i; k < j; k++ {
			toks[k].caps = caps
		}
		i = j
	}
}
