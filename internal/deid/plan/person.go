package plan

import (
	"cmp"
	"encoding/binary"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// personOp replaces a person's name by a keyed pseudonym (see pseudonym)
// or, with generalise or redact, by "[name]".
type personOp struct{}

func (personOp) replace(d *document, f deid.Finding, action deid.Action) string {
	if action == deid.Replace {
		return d.pseudonym(f.Text)
	}
	return "[name]"
}

// pseudonym maps a person's name to a pseudonym word by word: the first
// word to a first name of the same sex, later words to surnames, so that
// "Odette" and "Odette Marchand" share a first name. Honorifics are kept;
// initials are replaced by keyed initials. A pseudonym that occurs as a word
// in the original text is skipped, so a pseudonym is never a real name of
// the post.
func (d *document) pseudonym(name string) string {
	// "Dr.Vorn": a title glued to the name by its full stop stays so.
	if i := strings.IndexByte(name, '.'); i > 0 && i+1 < len(name) && vocab.Honorifics().Has(strings.ToLower(name[:i])) && unicode.IsLetter(rune(name[i+1])) {
		return name[:i+1] + d.pseudonym(name[i+1:])
	}
	words := strings.Fields(name)
	titled, nameWords := false, 0
	for _, w := range words {
		core := strings.ToLower(strings.TrimRight(w, ".,"))
		if vocab.Honorifics().Has(core) {
			titled = true
		} else if utf8.RuneCountInString(core) > 1 && !(vocab.FamiliarTitles().Has(core) && nameWords == 0) {
			nameWords++
		}
	}
	// A lone word is a first name unless a title goes with it ("Dr. Okafor").
	loneSurname := nameWords == 1 && (titled || d.surname[strings.ToLower(strings.Trim(name, ". ,"))] || d.afterHonorific(name))
	out := make([]string, 0, len(words))
	seen := 0
	for _, w := range words {
		core := strings.TrimRight(w, ".,")
		lw := strings.ToLower(core)
		switch {
		case vocab.Honorifics().Has(lw), vocab.FamiliarTitles().Has(lw) && seen == 0:
			out = append(out, w)
		case utf8.RuneCountInString(core) <= 1:
			out = append(out, string(rune('A'+d.mac("initial", lw)%26))+w[len(core):])
		default:
			var pick string
			if seen == 0 && !loneSurname {
				pick = d.firstName(lw)
			} else {
				pick = d.pick(surnames, "last", lw)
			}
			seen++
			out = append(out, pick+w[len(core):])
		}
	}
	return strings.Join(out, " ")
}

// firstName picks a pseudonymous first name of the sex the lexicon gives.
func (d *document) firstName(lw string) string {
	switch d.s.Gazetteer.Sex(lw) {
	case deid.Female:
		return d.pick(femaleNames, "first", lw)
	case deid.Male:
		return d.pick(maleNames, "first", lw)
	}
	return d.pick(unisexNames, "first", lw)
}

// afterHonorific reports whether a single-word name is written after a title
// somewhere in the text ("Dr. Okafor"), in which case it is a surname.
func (d *document) afterHonorific(name string) bool {
	if d.titled == nil {
		// An ASCII text is read as it is, each byte lowered where it is
		// compared (what strings.ToLower does to ASCII); any other is
		// lowered whole first, which may move its offsets.
		d.lower = d.doc.Text
		switch {
		case !isASCII(d.lower):
			d.lower = strings.ToLower(d.lower)
			d.titled = titledPositions(d.lower)
		case titlesAreLetters && d.doc.Analysis().WordsMade():
			// The words the detectors made tell where titles may end.
			d.titled = titledPositionsOf(d.lower, d.doc.Analysis().Words())
		default:
			d.titled = titledPositions(d.lower)
		}
	}
	n := strings.ToLower(name)
	key := n[:min(len(n), titledKey)]
	i := sort.Search(len(d.titled), func(i int) bool { return compareLowered(titledAt(d.lower, d.titled[i]), key) >= 0 })
	for ; i < len(d.titled) && hasLoweredPrefix(titledAt(d.lower, d.titled[i]), key); i++ {
		if q := d.titled[i]; len(d.lower)-q >= len(n) && equalLower(d.lower[q:q+len(n)], n) {
			return true
		}
	}
	return false
}

// titledKey is how many bytes after a title titledPositions sorts by.
const titledKey = 64

// honorificsByLast holds the titles by their last byte (a title listed
// twice, twice), built at initialisation.
var honorificsByLast = func() (t [256][]string) {
	for _, h := range vocab.Honorifics().Words() {
		if h != "" {
			t[h[len(h)-1]] = append(t[h[len(h)-1]], h)
		}
	}
	return t
}()

// honorificsBefore has, for each last byte of a title, the bit of the byte
// before it in each title ending so (bit 256 for a title of one byte, which
// has none): most words end in a byte no title ends in, or in one no title
// has before it, and are passed over without comparing titles.
var honorificsBefore = func() (t [256][5]uint64) {
	for _, h := range vocab.Honorifics().Words() {
		if h == "" {
			continue
		}
		b := 256
		if len(h) > 1 {
			b = int(h[len(h)-2])
		}
		t[h[len(h)-1]][b>>6] |= 1 << (b & 63)
	}
	return t
}()

// titledPositions returns every offset of text that follows a title and
// its separator ("dr. ", "dr ", "dr."), sorted by the lower-case text from
// there (titledKey bytes of it, its ASCII capitals lowered), so that afterHonorific
// finds whether a name follows a title by binary search rather than by
// searching the whole text once for each name. It reads the text once: at
// each space or full stop it asks whether a title ends just before (or
// just before a full stop and the space). text is in lower case or in
// ASCII: its bytes are compared lowered (lowerByte).
func titledPositions(text string) (qs []int) {
	qs = []int{}
	for i := 1; i < len(text); i++ { // no title ends at 0
		// Pass over the bytes up to the next space or full stop in a loop
		// of its own, which keeps its few values in registers.
		for i < len(text) && !titleStop[text[i]] {
			i++
		}
		if i == len(text) {
			break
		}
		c := text[i]
		n := 0
		if titleLast[text[i-1]] && mayEndTitle(text, i) {
			n = titlesEndingAt(text, i) // "dr " and "dr."
		}
		if c == ' ' && i > 1 && text[i-1] == '.' && titleLast[text[i-2]] && mayEndTitle(text, i-1) {
			n += titlesEndingAt(text, i-1) // "dr. "
		}
		for ; n > 0; n-- {
			qs = append(qs, i+1)
		}
	}
	sortTitled(text, qs)
	return qs
}

// titlesAreLetters reports whether every title is ASCII letters, which
// titledPositionsOf needs.
var titlesAreLetters = func() bool {
	for _, h := range vocab.Honorifics().Words() {
		if h == "" {
			return false
		}
		for i := 0; i < len(h); i++ {
			if !isLetterByte(h[i]) {
				return false
			}
		}
	}
	return true
}()

// titledPositionsOf is titledPositions of an ASCII text whose words
// (deid.Tokenize) are words, when every title is ASCII letters: a title
// then ends only where a word does, just before its space or full stop,
// so only the ends of words are read, not every byte. It gives the same
// offsets in the same order: those after the title and its space or full
// stop, and after the title, its full stop and a space.
func titledPositionsOf(text string, words []deid.Word) (qs []int) {
	qs = []int{}
	for k := range words {
		w := &words[k]
		p := w.End // the end of the word with its possessive ending
		if w.Poss {
			if text[p] == '\'' {
				p += len("'s")
			} else {
				p += len("’s")
			}
		}
		if p >= len(text) || !titleStop[text[p]] || !titleLast[text[p-1]] || !mayEndTitle(text, p) {
			continue
		}
		n := titlesEndingAt(text, p)
		for range n {
			qs = append(qs, p+1) // "dr " and "dr."
		}
		if text[p] == '.' && p+1 < len(text) && text[p+1] == ' ' {
			for range n {
				qs = append(qs, p+2) // "dr. "
			}
		}
	}
	sortTitled(text, qs)
	return qs
}

// sortTitled sorts the titled offsets qs by the text from each (titledKey
// bytes of it) with its ASCII capitals lowered, compared in place
// (compareLowered) rather than copied lowered: the comparisons are those
// of sorting the lowered copies, so equal keys keep the order that gave.
func sortTitled(text string, qs []int) {
	sort.Sort(byLowered{text, qs})
}

// compareLowered is strings.Compare(lowerASCII(s), key) for a key
// without ASCII capitals, without the copy: lowerASCII maps each byte on
// its own, so the lowered strings compare as their bytes lowered one by
// one.
func compareLowered(s, key string) int {
	for k := 0; k < len(s) && k < len(key); k++ {
		if a, b := lowerByte(s[k]), key[k]; a != b {
			if a < b {
				return -1
			}
			return 1
		}
	}
	return cmp.Compare(len(s), len(key))
}

// hasLoweredPrefix is strings.HasPrefix(lowerASCII(s), key) for a key
// without ASCII capitals.
func hasLoweredPrefix(s, key string) bool {
	return len(s) >= len(key) && equalLower(s[:len(key)], key)
}

// titleStop holds the bytes after which titledPositions asks whether a
// title ends before: a space and a full stop.
var titleStop = [256]bool{' ': true, '.': true}

// titleLast holds the bytes a title ends in, in either case: a byte
// without it makes mayEndTitle false, and is known so without the call.
var titleLast = func() (t [256]bool) {
	for c := range 256 {
		before := &honorificsBefore[lowerByte(byte(c))]
		t[c] = before[0]|before[1]|before[2]|before[3]|before[4] != 0
	}
	return t
}()

// mayEndTitle reports whether a title may end at end > 0 of text: most
// words end in a byte no title ends in, or in one no title has before it,
// and are passed over without comparing titles.
func mayEndTitle(text string, end int) bool {
	before := &honorificsBefore[lowerByte(text[end-1])]
	if before[4]&1 != 0 {
		return true // a title of one byte ends so
	}
	if end < 2 {
		return false
	}
	b := lowerByte(text[end-2])
	return before[b>>6]&(1<<(b&63)) != 0
}

// titlesEndingAt returns how many titles end at end > 0 of text.
func titlesEndingAt(text string, end int) int {
	n := 0
	for _, h := range honorificsByLast[lowerByte(text[end-1])] {
		if len(h) <= end && equalLower(text[end-len(h):end], h) {
			n++
		}
	}
	return n
}

// byLowered sorts titled offsets of text by the text from each, its ASCII
// capitals lowered.
type byLowered struct {
	text string
	qs   []int
}

func (b byLowered) Len() int { return len(b.qs) }
func (b byLowered) Less(i, j int) bool {
	return lessLowered(titledAt(b.text, b.qs[i]), titledAt(b.text, b.qs[j]))
}
func (b byLowered) Swap(i, j int) { b.qs[i], b.qs[j] = b.qs[j], b.qs[i] }

// lessLowered is lowerASCII(s) < lowerASCII(t), without the copies.
func lessLowered(s, t string) bool {
	for k := 0; k < len(s) && k < len(t); k++ {
		if a, b := lowerByte(s[k]), lowerByte(t[k]); a != b {
			return a < b
		}
	}
	return len(s) < len(t)
}

func titledAt(lower string, q int) string { return lower[q:min(len(lower), q+titledKey)] }

// lowerByte lowers an ASCII capital; other bytes are kept.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalLower reports whether s, its ASCII capitals lowered, is t.
func equalLower(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != t[i] {
			return false
		}
	}
	return true
}

// isASCII reports whether s is all ASCII, reading eight bytes at a time
// (a byte beyond ASCII has its top bit set).
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
