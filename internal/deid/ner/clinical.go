package ner

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// A drug order names a drug next to its dose, route or frequency ("Ativan
// 1mg IV", "Flovent bid", "propofol gtt at 20 mcg/kg/min"). Brand names
// ("Tylenol", "Lopressor") are in no word list, so to the lexicon filter
// they look like surnames no list knows; the order around them says what
// they are.

// isDoseToken reports whether w, a run of letters, digits, dots and
// slashes that follows prev, belongs to a drug order: a route or frequency
// ("IV", "prn", "q4h"), or a unit after a number ("4mg", "1 mg",
// "2.5mcg/kg/min").
func isDoseToken(prev, w string) bool {
	w = trimDots(w)
	if w == "" {
		return false
	}
	if len(w) >= 2 && isASCIILetter(w[0]) && isASCIILetter(w[1]) &&
		dosePairs()[(w[0]|0x20)-'a']&(1<<((w[1]|0x20)-'a')) == 0 {
		// A word that starts with two letters is a route or a unit, or
		// neither (it is no q4h, and has no number in front): its first
		// two letters are those of no route and no unit.
		return false
	}
	var buf [32]byte
	lw := lowerASCII(buf[:0], w)
	if i := strings.IndexByte(lw, '/'); i > 0 {
		lw = lw[:i] // "mcg/kg/min", "cc/hr"
	}
	lim := doseLengths()
	if len(lw) <= lim.route && vocab.RouteWords().Has(lw) {
		return true
	}
	if len(lw) >= 2 && lw[0] == 'q' && lw[1] >= '0' && lw[1] <= '9' {
		// q4h, q6hr, q12hrs, q2
		rest := strings.TrimLeft(lw[1:], "0123456789")
		return rest == "" || rest == "h" || rest == "hr" || rest == "hrs"
	}
	unit := trimLeftNumber(lw)
	if len(unit) > lim.unit {
		return false
	}
	if unit == lw { // no number in front: the number must be the previous token
		prev = trimDots(prev)
		if prev == "" || trimLeftNumber(prev) != "" {
			return false
		}
	}
	return vocab.Units().Has(unit)
}

// dosePairs holds the first two letters of each route word and unit of two
// letters or more: bit b of dosePairs()[a] for the letters 'a'+a, 'a'+b.
// (A pointer: isDoseToken asks it of every word of a text, and the array
// was copied at each call.)
var dosePairs = sync.OnceValue(func() *[26]uint32 {
	p := new([26]uint32)
	for _, s := range []vocab.Set{vocab.RouteWords(), vocab.Units()} {
		for w := range s.All() {
			if len(w) >= 2 {
				if !('a' <= w[0] && w[0] <= 'z' && 'a' <= w[1] && w[1] <= 'z') {
					// Another kind of word: every pair may start one.
					for a := range p {
						p[a] = 1<<26 - 1
					}
					return p
				}
				p[w[0]-'a'] |= 1 << (w[1] - 'a')
			}
		}
	}
	return p
})

// doseLengths are the lengths in bytes of the longest route word and the
// longest unit: a longer word is neither, which isDoseToken knows without
// looking it up.
var doseLengths = sync.OnceValue(func() (l struct{ route, unit int }) {
	for w := range vocab.RouteWords().All() {
		l.route = max(l.route, len(w))
	}
	for w := range vocab.Units().All() {
		l.unit = max(l.unit, len(w))
	}
	return l
})

// trimDots is strings.Trim(w, "./").
func trimDots(w string) string {
	for w != "" && (w[0] == '.' || w[0] == '/') {
		w = w[1:]
	}
	for w != "" && (w[len(w)-1] == '.' || w[len(w)-1] == '/') {
		w = w[:len(w)-1]
	}
	return w
}

// trimLeftNumber is strings.TrimLeft(w, "0123456789.").
func trimLeftNumber(w string) string {
	for w != "" && (w[0] == '.' || '0' <= w[0] && w[0] <= '9') {
		w = w[1:]
	}
	return w
}

// lowerASCII returns strings.ToLower(w): w itself when it has no capital,
// an ASCII word's lower case written in buf (valid while buf is), or else
// strings.ToLower's.
func lowerASCII(buf []byte, w string) string {
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || len(w) > cap(buf) {
			return strings.ToLower(w)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return w
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// doseTokenFields splits text into the runs isDoseToken looks at.
func doseTokenFields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '/')
	})
}

// clinicalOrders is the number of drug-order tokens from which a text is
// taken for clinical notes, where prose calls drugs, devices and headings
// names: a reflection that mentions a dose once or twice stays prose.
const clinicalOrders = 3

// clinical reports whether text holds at least clinicalOrders drug-order
// tokens.
func clinical(text string) bool { return doseTokens(text, clinicalOrders) >= clinicalOrders }

// doseTokens counts the drug-order tokens of text (isDoseToken of each
// field of doseTokenFields after the one before it), up to most.
func doseTokens(text string, most int) int {
	n, prev := 0, ""
	lim := doseLengths()
	longest := max(lim.route, lim.unit)
	eachDoseField(text, func(w string) bool {
		// A word of ASCII letters longer than every route and unit is
		// neither, in any case: isDoseToken need not lower it.
		dose := !(len(w) > longest && asciiLetters(w)) && isDoseToken(prev, w)
		prev = w
		if dose {
			n++
		}
		return n < most
	})
	return n
}

// eachDoseField calls f with each field of doseTokenFields(s), in order,
// until f returns false.
func eachDoseField(s string, f func(w string) bool) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		in, size := false, 1
		if k := doseKinds[c]; k != doseNonASCII {
			in = k == doseIn
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			in = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if in {
			if start < 0 {
				start = i
			}
			i += size
			// The ASCII bytes of a field after it continue it.
			for i < len(s) && doseKinds[s[i]] == doseIn {
				i++
			}
			continue
		}
		if start >= 0 {
			if !f(s[start:i]) {
				return
			}
			start = -1
		}
		i += size
		// Nor do other ASCII bytes after a byte outside a field change
		// anything.
		for i < len(s) && doseKinds[s[i]] == 0 {
			i++
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// The kinds of bytes eachDoseField tells apart (doseKinds): other ASCII
// bytes are 0.
const (
	doseIn       = 1 // an ASCII letter or digit, '.' or '/'
	doseNonASCII = 2 // a byte of a longer UTF-8 sequence, or invalid
)

// doseKinds is the kind of each byte (read only).
var doseKinds = func() (k [256]uint8) {
	for c := range k {
		switch b := byte(c); {
		case c >= utf8.RuneSelf:
			k[c] = doseNonASCII
		case 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9' || b == '.' || b == '/':
			k[c] = doseIn
		}
	}
	return k
}()

// doseReach is how many tokens after an entity, and before it, a dose,
// route or frequency makes it a drug ("Propofol increased to 80 mcg").
const doseReach = 4

// inDoseContext reports whether the entity text[start:end] holds, or has
// within doseReach tokens after it or two tokens before it, a word of a
// drug order, or has an amount two tokens before it ("a dose of").
func inDoseContext(text string, start, end int) bool {
	prev := ""
	for _, w := range doseTokenFields(text[start:end]) {
		if isDoseToken(prev, w) {
			return true
		}
		prev = w
	}
	after := text[end:min(len(text), end+80)]
	if i := strings.IndexAny(after, "\n;:"); i >= 0 {
		after = after[:i] // the order ends with its line or clause
	}
	for i, w := range doseTokenFields(after) {
		if i >= doseReach {
			break
		}
		if isDoseToken(prev, w) {
			return true
		}
		prev = w
	}
	before := text[max(0, start-32):start]
	for !utf8.ValidString(before) && before != "" {
		before = before[1:]
	}
	if i := strings.LastIndexAny(before, "\n;:"); i >= 0 {
		before = before[i+1:]
	}
	ws := doseTokenFields(before)
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-2; i-- {
		// "morphine gtt", "40mg of Lasix", "2 boluses of Propofol"
		prev := ""
		if i > 0 {
			prev = ws[i-1]
		}
		if isDoseToken(prev, ws[i]) || vocab.DoseNouns().Has(strings.ToLower(ws[i])) {
			return true
		}
	}
	return false
}

// clinicalVocab reports whether w, a word of the entity name that prose
// found in a text written in shorthand, is clinical vocabulary rather than
// a name, given what the lexicons say about it (e): a listed clinical term
// ("Carevue", "Aline", "Neuro"), a plural acronym ("PVCs", "ABGs"), a word
// written against a number ("Spo2"), or, for a word no list knows, a drug
// ending ("Mesalamine") or a misspelling of a common word ("Ptient").
func (d *Detector) clinicalVocab(name, w string, e evidence) bool {
	lw := strings.ToLower(w)
	if stem, ok := cutClitic(lw); ok {
		lw = stem // "Cont'd"
	}
	if vocab.ClinicalTerm(lw) || vocab.CapsThenLower(w) {
		return true // "Carevue", "PMed", "DEline"
	}
	if stem, ok := strings.CutSuffix(w, "s"); ok && len(stem) >= 2 && len(stem) <= 5 && stem == strings.ToUpper(stem) {
		return true
	}
	if nextToDigit(name, w) || !strings.ContainsAny(lw, "aeiouy") {
		return true // "Spo2", "Dsg", "Ntg"
	}
	if e.nameList {
		return false
	}
	if utf8.RuneCountInString(lw) <= 3 {
		return true // "Tyl", "Nif": a short word no list knows is an abbreviation
	}
	return utf8.RuneCountInString(lw) >= 6 && vocab.MedicalShape(lw) || d.misspelt != nil && d.misspelt(lw)
}

// nextToDigit reports whether the word w of name is written against a
// digit ("Spo2", "2lnc"): a name is not.
func nextToDigit(name, w string) bool {
	for at := 0; ; {
		i := strings.Index(name[at:], w)
		if i < 0 {
			return false
		}
		i += at
		j := i + len(w)
		if i > 0 && name[i-1] >= '0' && name[i-1] <= '9' || j < len(name) && name[j] >= '0' && name[j] <= '9' {
			return true
		}
		at = j
	}
}

// noteTitleOut leaves a leading personal title out of a person found in a
// clinical note ("Dr. Quayle" becomes "Quayle"), as the dictionary
// recognizer does: the note still reads "Dr. [name]", and notes' labels
// name the person without the title. Initials stay with the name.
func noteTitleOut(f deid.Finding) deid.Finding {
	w := f.Text
	i := 0
	for i < len(w) && isASCIILetter(w[i]) {
		i++
	}
	if i == 0 || !vocab.ProseTitles().Has(strings.ToLower(w[:i])) {
		return f
	}
	j := i
	if j < len(w) && w[j] == '.' {
		j++
	}
	if j == i && (j >= len(w) || w[j] != ' ') || j >= len(w) {
		return f
	}
	k := j
	for k < len(w) && w[k] == ' ' {
		k++
	}
	if k == j || k >= len(w) {
		return f // "Dr.Quayle": the title glued to the name stays
	}
	return cutTo(f, w[k:])
}
