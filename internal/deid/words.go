package deid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Shape is the capitalisation of a word.
type Shape uint8

// The shapes.
const (
	ShapeNone  Shape = iota // no letters, or digits mixed in ("3V", "9GAG")
	ShapeLower              // "grace"
	ShapeTitle              // "Orla", "O'Neill", "McAllister", "R"
	ShapeUpper              // "GRACE" (two letters or more)
	ShapeMixed              // "iPhone"
)

// Word is one word of a text, as Tokenize reads it.
type Word struct {
	Start, End int    // the word, without a possessive 's
	Text       string // text[Start:End]
	Lower      string // lookup form: lower case, typographic apostrophes made plain
	ID         int32  // index of Lower in the document's vocabulary (Analysis.Vocab)
	Shape      Shape
	Letters    int  // number of letters
	Poss       bool // followed by 's or ’s (not part of [Start,End))
	Dot        bool // followed directly by '.'
	Handle     bool // preceded directly by '@' or '#'
	SentStart  bool // first word of a sentence (or of a line, or after an opening quote)
	LineStart  bool // first word of a line
	LineEnd    bool // last word of its line
	Caps       bool // in a line written in capitals
	Line       int  // line number, from 0
	// Gap is the text between the previous word (with its possessive) and
	// this one.
	Gap string
}

// IsCap reports whether the word starts with a capital letter.
func (t *Word) IsCap() bool {
	return t.Shape == ShapeTitle || t.Shape == ShapeUpper
}

// IsInitial reports whether the word is one capital letter followed by a
// period ("R.").
func (t *Word) IsInitial() bool {
	return t.Letters == 1 && t.Shape == ShapeTitle && t.Dot
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiLetterRune[r]
	}
	return isLetterRuneSlow(r)
}

func isLetterRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiLetterRune is isLetterRune of each ASCII character, most of any text.
var asciiLetterRune = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isLetterRuneSlow(rune(r))
	}
	return t
}()

// asciiGap holds the ASCII bytes that are not letters (no word starts
// there), and byteClass the class of the ASCII letters and digits (a word
// goes on; 0 for any other byte): tables of every byte value, so that the
// tokenizer's loops over bytes test one entry (other bytes are read as
// runes).
var asciiGap, byteClass = func() (gap [256]bool, class [256]uint8) {
	for c := range utf8.RuneSelf {
		gap[c] = !asciiLetterRune[c]
		switch {
		case 'a' <= c && c <= 'z':
			class[c] = classLower
		case 'A' <= c && c <= 'Z':
			class[c] = classUpper
		case asciiLetterRune[c]:
			class[c] = classDigit
		}
	}
	return gap, class
}()

// The classes of the bytes of a word (byteClass), and classOther for the
// rest of a word: characters beyond ASCII, and inner apostrophes and
// hyphens with the letter after them.
const (
	classLower = 1 << iota
	classUpper
	classDigit
	classOther
)

// IsApostrophe reports whether r is a plain or typographic apostrophe.
func IsApostrophe(r rune) bool { return r == '\'' || r == '’' }

// IsHyphen reports whether r is a hyphen.
func IsHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// Tokenize splits text into words. A word is a run of letters, digits and
// combining marks, with single inner apostrophes and hyphens ("O'Neill",
// "Lou-Bette"); a final possessive 's is recorded, not included. Offsets
// always fall on UTF-8 boundaries. The work is linear in len(text). IDs
// are left at 0: Analysis.Words sets them.
func Tokenize(text string) []Word {
	return tokenize(text, nil)
}

// tokenize is Tokenize; with v, an empty vocabulary, it also gives each
// word the id of its lookup form in v, adding the forms v has not seen, and
// a lower-cased form already in v is shared rather than made again.
func tokenize(text string, v *vocabTable) []Word {
	return tokenizeInto(nil, false, text, v)
}

// tokenizeInto is tokenize, writing the words into buf's array (buf's words
// are of an earlier text: every field of every word is written), and v's
// into its arrays (vocabTable.sized). With lent (buf is lent by the engine
// for document after document), the words of a text up to 64 KB are not
// counted first (wordsAtMost): they go into buf when it has room for a
// word in four bytes (a post has one in six or seven), else into a new
// array with that room, which goes back with buf; if they do not fit,
// the slice grows.
func tokenizeInto(buf []Word, lent bool, text string, v *vocabTable) []Word {
	var toks []Word
	var most int
	switch room := len(text)/4 + 1; {
	case lent && cap(buf) >= room:
		toks, most = buf[:0], room
	case lent && len(text) <= 1<<16:
		toks, most = make([]Word, 0, room), room
	default:
		most = wordsAtMost(text)
		toks = emptied(buf, most)
	}
	if v != nil {
		v.sized(most)
	}
	prevEnd := 0 // end of the previous word with its possessive
	line := 0
	dup, dother := 0, 0 // words in capitals and others, for markCaps
	for i := 0; i < len(text); {
		if asciiGap[text[i]] {
			i++ // most bytes between words: no rune to decode
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !isLetterRune(r) {
			i += sz
			continue
		}
		start := i
		j := i + sz
		// The classes of the bytes after the first, or'ed: a word of
		// lower-case ASCII letters after an ASCII letter (most words) has
		// its shape known without reading it again (wordShape's first case).
		var rest uint8
		for j < len(text) {
			if c := byteClass[text[j]]; c != 0 {
				rest |= c
				j++ // most bytes of a word
				continue
			}
			r, sz := utf8.DecodeRuneInString(text[j:])
			if isLetterRune(r) {
				rest |= classOther
				j += sz
				continue
			}
			if IsApostrophe(r) || IsHyphen(r) && !dashSeparates(text, start, j, j+sz) {
				if r2, sz2 := utf8.DecodeRuneInString(text[j+sz:]); j+sz < len(text) && unicode.IsLetter(r2) {
					rest |= classOther
					j += sz + sz2
					continue
				}
			}
			break
		}
		end, rawEnd := j, j
		poss := false
		if text[end-1] == 's' { // both suffixes end so; most words end otherwise
			for _, suf := range [...]string{"'s", "’s"} {
				if strings.HasSuffix(text[start:end], suf) && end-len(suf) > start {
					end -= len(suf)
					poss = true
					break
				}
			}
		}
		gap := text[prevEnd:start]
		nl := 0 // line breaks in the gap, most often one blank
		if len(gap) == 1 {
			if gap[0] == '\n' {
				nl = 1
			}
		} else {
			nl = strings.Count(gap, "\n")
		}
		line += nl
		n := len(toks)
		if n > 0 && nl > 0 {
			toks[n-1].LineEnd = true
		}
		// A gap of one blank, most gaps, opens no sentence (opensSentence
		// says so first): known here without the call.
		sent := n == 0 || nl > 0 || (len(gap) != 1 || gap[0] != ' ') && opensSentence(gap, toks)
		if n == cap(toks) {
			toks = append(toks, Word{})
		}
		// The word is written in place: a Word copied in whole is moved
		// under the collector's bulk write barrier.
		toks = toks[:n+1]
		t := &toks[n]
		t.Start, t.End, t.Text, t.Poss, t.Gap = start, end, text[start:end], poss, gap
		// Set below, or later (the last word of a line, the words of a
		// line in capitals): buf's word may hold them.
		t.LineEnd, t.Caps = false, false
		if v == nil {
			t.Lower, t.Shape, t.Letters = wordForms(t.Text)
			t.ID = 0
		} else {
			var form int
			switch first := byteClass[text[start]]; {
			case rest&^classLower != 0 || first&(classLower|classUpper) == 0:
				t.Shape, t.Letters, form = wordShape(t.Text)
			case first == classLower: // as wordShape finds it
				t.Shape, t.Letters, form = ShapeLower, end-start, formSelf
			default:
				t.Shape, t.Letters, form = ShapeTitle, end-start, formASCIIUpper
			}
			t.Lower, t.ID = v.intern(t.Text, form)
		}
		if t.Letters >= 2 { // markCaps's count of the words of the text
			switch t.Shape {
			case ShapeUpper:
				dup++
			case ShapeNone:
			default:
				dother++
			}
		}
		t.Dot = rawEnd < len(text) && text[rawEnd] == '.'
		t.Handle = start > 0 && (text[start-1] == '@' || text[start-1] == '#')
		t.Line = line
		t.LineStart = n == 0 || nl > 0
		t.SentStart = sent
		prevEnd = rawEnd
		i = rawEnd
	}
	if n := len(toks); n > 0 {
		toks[n-1].LineEnd = true
	}
	markCaps(toks, dup, dother)
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
	if e == next || e < len(text) && (IsHyphen(rune(text[e])) || text[e] == '\'' || text[e] >= '0' && text[e] <= '9' || text[e] >= 0x80) {
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
func opensSentence(gap string, toks []Word) bool {
	if len(gap) == 1 && gap[0] == ' ' {
		return false // most gaps: no mark, no full stop
	}
	if gapOpens(gap) {
		return true
	}
	if strings.IndexByte(gap, '.') < 0 {
		return false
	}
	prev := &toks[len(toks)-1]
	// "R. Kowal", "Dr. Okafor", "St. Louis": the period closes an abbreviation.
	if strings.HasPrefix(gap, ".") && prev.Dot && (prev.Letters == 1 || vocab.AbbrevDot().Has(prev.Lower)) {
		return strings.Contains(gap[1:], ".")
	}
	return true
}

// gapOpens is strings.ContainsAny(gap, "!?:;\"“«"), reading ASCII bytes
// itself: gaps are short and nearly always ASCII, and ContainsAny takes
// every rune through the whole set when the set goes beyond ASCII.
func gapOpens(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; {
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(gap[i:], "!?:;\"“«")
		case c == '!' || c == '?' || c == ':' || c == ';' || c == '"':
			return true
		}
	}
	return false
}

// LookupForm is the lexicon key of a word: lower case with plain apostrophes.
func LookupForm(s string) string {
	// An ASCII word has no typographic apostrophe, and one without
	// capitals is its own lookup form.
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return lookupForm(s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	return strings.ToLower(s)
}

// lookupForm is LookupForm of any word.
func lookupForm(s string) string {
	if strings.ContainsRune(s, '’') {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return strings.ToLower(s)
}

// ShapeOf classifies the capitalisation of a word and counts its letters.
func ShapeOf(s string) (Shape, int) {
	sh, letters, _ := wordShape(s)
	return sh, letters
}

// wordForms returns LookupForm(s) and ShapeOf(s) in one pass over an ASCII
// word.
func wordForms(s string) (lookup string, sh Shape, letters int) {
	sh, letters, form := wordShape(s)
	switch form {
	case formSelf:
		return s, sh, letters
	case formASCIIUpper:
		return strings.ToLower(s), sh, letters
	}
	return lookupForm(s), sh, letters
}

// What a word's lookup form is (wordShape).
const (
	formSelf       = iota // the word itself: ASCII without capitals
	formASCIIUpper        // ASCII with capitals: strings.ToLower
	formOther             // beyond ASCII: lookupForm
)

// wordShape returns ShapeOf(s) and which of the forms s's lookup form is,
// in one pass over an ASCII word.
func wordShape(s string) (sh Shape, letters, form int) {
	// Most words are ASCII letters, all lower case or a capital then
	// lower case: read those in one plain loop.
	if len(s) > 0 {
		if c := s[0]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			i := 1
			for i < len(s) && 'a' <= s[i] && s[i] <= 'z' {
				i++
			}
			if i == len(s) {
				if c >= 'a' {
					return ShapeLower, len(s), formSelf
				}
				return ShapeTitle, len(s), formASCIIUpper
			}
		}
	}
	return wordShapeAny(s)
}

// wordShapeAny is wordShape of any word.
func wordShapeAny(s string) (sh Shape, letters, form int) {
	upper, lower := 0, 0
	firstUpper, first := false, true
	partUpper, partLower := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			sh, letters = shapeOfRunes(s)
			return sh, letters, formOther
		case '0' <= c && c <= '9':
			return ShapeNone, 0, asciiForm(s[i:], upper > 0)
		case c == '-':
			first = true
		case 'A' <= c && c <= 'Z':
			upper++
			letters++
			if first && letters == 1 {
				firstUpper = true
			} else if first {
				partUpper = true
			}
			first = false
		case 'a' <= c && c <= 'z':
			lower++
			letters++
			if first && letters > 1 {
				partLower = true
			}
			first = false
		}
	}
	sh, letters = shapeFrom(upper, lower, letters, firstUpper, partUpper, partLower)
	if upper == 0 {
		return sh, letters, formSelf
	}
	return sh, letters, formASCIIUpper
}

// asciiForm is the form of a word whose rest is s, capitals having been
// seen before it if upper.
func asciiForm(s string, upper bool) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return formOther
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if upper {
		return formASCIIUpper
	}
	return formSelf
}

// wordsAtMost is a bound on the words Tokenize finds in text, so that its
// slice of words is made once, neither grown nor much larger than needed
// (the words are 96 bytes each: the slice is the largest allocation of a
// document's analysis). It counts the places a word can start: an ASCII
// letter or digit that does not follow one, and the first byte of every
// character beyond ASCII. No word starts elsewhere: a word starts at a
// letter, digit or mark; an ASCII one is not preceded by an ASCII letter
// or digit, since a word takes all of those that follow it and the
// tokenizer passes over gaps byte by byte or rune by rune; any other
// starts at the lead byte of its character. Eight bytes are read at a
// time (see asciiAlnum).
func wordsAtMost(text string) int {
	n := 0
	var prev uint64 // asciiAlnum of the eight bytes before
	s := text
	for ; len(s) >= 8; s = s[8:] {
		x := load64(s)
		a := asciiAlnum(x)
		// Starts and lead bytes are apart (below 0x80, from 0xc0): one
		// mask of top bits, counted by multiplying.
		m := a&^(a<<8|prev>>56) | x&(x<<1)&top8
		n += int((m >> 7) * 0x0101010101010101 >> 56)
		prev = a
	}
	after := prev>>63 != 0 // the byte before s is an ASCII letter or digit
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := byteClass[c] != 0
		if alnum && !after || c >= 0xc0 {
			n++
		}
		after = alnum
	}
	return n
}

// top8 is the top bit of each of eight bytes.
const top8 = 0x8080808080808080

// asciiAlnum returns the top bit of each byte of x that is an ASCII letter
// or digit (byteClass's non-zero bytes), and no other bit. Each range test
// adds a constant to the byte's low seven bits, which cannot carry into
// the next byte, so that the top bit says whether the byte reached the
// range's start and not its end; bytes of 0x80 and above are dropped.
func asciiAlnum(x uint64) uint64 {
	const lo7 = 0x7f7f7f7f7f7f7f7f
	t := x & lo7
	u := t | 0x2020202020202020                                    // a capital's lower case
	letter := (u + 0x1f1f1f1f1f1f1f1f) &^ (u + 0x0505050505050505) // 0x61 <= u <= 0x7a
	digit := (t + 0x5050505050505050) &^ (t + 0x4646464646464646)  // 0x30 <= t <= 0x39
	return (letter | digit) &^ x & top8
}

// shapeOfRunes is ShapeOf of any word.
func shapeOfRunes(s string) (Shape, int) {
	upper, lower, letters := 0, 0, 0
	firstUpper, first := false, true
	partUpper, partLower := false, false // parts after a hyphen that start upper, lower
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return ShapeNone, 0
		case IsHyphen(r):
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
	return shapeFrom(upper, lower, letters, firstUpper, partUpper, partLower)
}

// shapeFrom is the shape of a word from its counts of letters.
func shapeFrom(upper, lower, letters int, firstUpper, partUpper, partLower bool) (Shape, int) {
	switch {
	case letters == 0:
		return ShapeNone, 0
	case upper == 0:
		return ShapeLower, letters
	case !firstUpper || (partLower && (partUpper || upper > 0)):
		// "iPhone", "GU-foley": no single shape.
		return ShapeMixed, letters
	case lower == 0 && letters >= 2:
		return ShapeUpper, letters
	}
	return ShapeTitle, letters
}

// markCaps sets Caps on the words of lines written in capitals: where they
// are, capitalisation says nothing about names. A short line takes the
// verdict of the whole text, whose words of two letters or more are dup in
// capitals and dother otherwise (counted by tokenize while it wrote them).
// Each line is read once, and written only if it is in capitals: the words
// come with Caps unset.
func markCaps(toks []Word, dup, dother int) {
	docCaps := dup >= 3 && dup >= 2*dother
	for i := 0; i < len(toks); {
		line := toks[i].Line
		up, other := 0, 0
		j := i
		for ; j < len(toks) && toks[j].Line == line; j++ {
			if toks[j].Letters < 2 {
				continue
			}
			if toks[j].Shape == ShapeUpper {
				up++
			} else if toks[j].Shape != ShapeNone {
				other++
			}
		}
		caps := up >= 2 && up >= 2*other
		if up+other < 4 {
			caps = docCaps || (up >= 2 && other == 0)
		}
		if caps {
			for k := i; k < j; k++ {
				toks[k].Caps = true
			}
		}
		i = j
	}
}
