package plan

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// pseudonymsInRef is pseudonymsIn as first written, rune by rune and
// looking every word up.
func pseudonymsInRef(text string) map[string]bool {
	used := map[string]bool{}
	var buf [32]byte
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		start, ascii := i, true
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = ascii && r < utf8.RuneSelf
			i += n
		}
		w := text[start:i]
		if !ascii {
			// strings.ToLower may turn other letters into ASCII ones (the
			// Kelvin sign into "k").
			if l := strings.ToLower(w); pseudonymWords[l] {
				used[l] = true
			}
			continue
		}
		if len(w) > maxPseudonymWord || len(w) > len(buf) {
			continue
		}
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if pseudonymWords[string(buf[:len(w)])] {
			used[string(buf[:len(w)])] = true
		}
	}
	return used
}

func TestPseudonymsInIsRef(t *testing.T) {
	pieces := []string{" ", " ", ".", ",", "-", "'", "\n", "é", "\xff", "K", "ſ", "Okafor", "Odette", "the", "a", "x1"}
	// Pseudonyms from each list, as written, in capitals, in lower case
	// and with a possessive or a letter after them.
	for _, list := range [][]string{femaleNames, maleNames, unisexNames, surnames, placeNames} {
		// Every pseudonym: pseudonymsIn compares a word with those of its
		// hash bit, which each must be listed under.
		for _, n := range list {
			pieces = append(pieces, n, strings.ToUpper(n), strings.ToLower(n), n+"'s", n+"s", n[1:], n[:len(n)-1])
		}
	}
	r := rand.New(rand.NewSource(8))
	found := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		got, want := pseudonymsIn(text), pseudonymsInRef(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("pseudonymsIn(%q)\n got %v\nwant %v", text, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d pseudonyms found", found)
	}
	for w := range pseudonymWords {
		if strings.ContainsRune(w, ' ') {
			continue // no run of letters holds a space
		}
		for _, v := range []string{w, strings.ToUpper(w), capitalise(w)} {
			if got := pseudonymsIn("(" + v + ")"); !got[w] || len(got) != 1 {
				t.Errorf("pseudonymsIn(%q) = %v", v, got)
			}
		}
	}
}

// bareBandRef is bareBand as first written, a strings.Replacer over
// ageBand.
func bareBandRef(n int) string {
	switch {
	case n < 5:
		return "under 5"
	case n < 13:
		return "school age"
	case n < 20:
		return "teenage"
	}
	return strings.NewReplacer("early-", "early ", "late-", "late ").Replace(ageBand(n))
}

func TestBareBandIsRef(t *testing.T) {
	for n := -1; n <= 130; n++ {
		if got, want := bareBand(n), bareBandRef(n); got != want {
			t.Errorf("bareBand(%d) = %q, want %q", n, got, want)
		}
	}
}

// titledPositionsRef is titledPositions as first written, asking the set
// at every length of a title.
func titledPositionsRef(lower string) []int {
	var lengths []int // the lengths of the titles, each once
	for _, h := range vocab.Honorifics().Words() {
		if !slices.Contains(lengths, len(h)) {
			lengths = append(lengths, len(h))
		}
	}
	titleEndsAt := func(end int) int { // how many titles end at end
		n := 0
		for _, l := range lengths {
			if l <= end && vocab.Honorifics().Has(lower[end-l:end]) {
				n++
			}
		}
		return n
	}
	qs := []int{}
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		if c != ' ' && c != '.' {
			continue
		}
		n := titleEndsAt(i) // "dr " and "dr."
		if c == ' ' && i > 0 && lower[i-1] == '.' {
			n += titleEndsAt(i - 1) // "dr. "
		}
		for ; n > 0; n-- {
			qs = append(qs, i+1)
		}
	}
	sort.Slice(qs, func(i, j int) bool { return titledAt(lower, qs[i]) < titledAt(lower, qs[j]) })
	return qs
}

// afterHonorificRef is afterHonorific as first written, on the text in
// lower case and its titled positions.
func afterHonorificRef(lower string, titled []int, name string) bool {
	n := strings.ToLower(name)
	key := n[:min(len(n), titledKey)]
	i := sort.Search(len(titled), func(i int) bool { return titledAt(lower, titled[i]) >= key })
	for ; i < len(titled) && strings.HasPrefix(titledAt(lower, titled[i]), key); i++ {
		if strings.HasPrefix(lower[titled[i]:], n) {
			return true
		}
	}
	return false
}

func TestTitledPositionsIsRef(t *testing.T) {
	pieces := []string{" ", " ", ".", ". ", "dr", "mr", "mrs", "miss", "prof", "of", "st", "rev", "x", "okafor", "ms", "\n", "é"}
	r := rand.New(rand.NewSource(10))
	found := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		if r.Intn(2) == 0 { // capitals, which an ASCII text keeps
			text = strings.Map(func(c rune) rune {
				if r.Intn(3) == 0 {
					return unicode.ToUpper(c)
				}
				return c
			}, text)
		}
		lower := strings.ToLower(text)
		in := lower
		if isASCII(text) {
			in = text
		}
		got := titledPositions(in)
		want := titledPositionsRef(lower)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("titledPositions(%q)\n got %v\nwant %v", in, got, want)
		}
		// afterHonorific against its first form, for every word of the text.
		d := &document{doc: &deid.Doc{Text: text}}
		for _, w := range strings.Fields(text) {
			if got, want := d.afterHonorific(w), afterHonorificRef(lower, want, w); got != want {
				t.Fatalf("afterHonorific(%q) in %q = %v, want %v", w, text, got, want)
			}
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d titled positions", found)
	}
}

// shoutLine is one line of a text (end at its newline or the text's end)
// and whether it is written in capitals.
type shoutLine struct {
	end   int
	shout bool
}

// shoutingLinesRef is how shouting first read a text: every line, rune by
// rune, before the first finding asked.
func shoutingLinesRef(text string) []shoutLine {
	var out []shoutLine
	for start := 0; ; {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		upper, letters := 0, 0
		for _, r := range text[start:end] {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		out = append(out, shoutLine{end: end, shout: letters > 0 && upper*10 >= letters*7})
		if end == len(text) {
			return out
		}
		start = end + 1
	}
}

// shoutingRef is shouting as first written, on the lines of the whole text.
func shoutingRef(lines []shoutLine, off int) bool {
	i := sort.Search(len(lines), func(i int) bool { return lines[i].end >= off })
	return i < len(lines) && lines[i].shout
}

// TestShoutingIsRef asks shouting about every offset of random texts, in a
// random order (so that lines are read and remembered in any order), and
// compares it with the lines of the whole text read rune by rune.
func TestShoutingIsRef(t *testing.T) {
	pieces := []string{" ", "\n", "A", "b", "QUIET", "quiet", "É", "é", "ǅ", "1", ".", "\xff", "Ω", "ω", "K"}
	r := rand.New(rand.NewSource(11))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(40); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		lines := shoutingLinesRef(text)
		d := &document{doc: &deid.Doc{Text: text}}
		for _, off := range r.Perm(len(text) + 1) {
			if got, want := d.shouting(off), shoutingRef(lines, off); got != want {
				t.Fatalf("shouting(%q, %d) = %v, want %v", text, off, got, want)
			}
		}
	}
}

// macRef is mac as first written: a new keyed hash for every value.
func macRef(key []byte, parts ...string) uint64 {
	m := hmac.New(sha256.New, key)
	for _, s := range parts {
		m.Write([]byte(s))
		m.Write([]byte{0})
	}
	return binary.BigEndian.Uint64(m.Sum(nil))
}

// TestMacIsRef checks that mac, which reuses one keyed hash per document,
// gives what a new hash gives, call after call, with the date shift it
// remembers among them.
func TestMacIsRef(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	words := []string{"", "first", "last", "initial", "Quillon", "é", "0", "a\x00b"}
	for k := 0; k < 20; k++ {
		key := make([]byte, r.Intn(80))
		r.Read(key)
		d := &document{s: deid.Settings{Key: key}}
		for i := 0; i < 50; i++ {
			parts := make([]string, r.Intn(4))
			for j := range parts {
				parts[j] = words[r.Intn(len(words))]
			}
			if got, want := d.mac(parts...), macRef(key, parts...); got != want {
				t.Fatalf("mac(%q) = %d, want %d", parts, got, want)
			}
			n := int(macRef(key, "date-shift")%114) + 7
			if macRef(key, "date-shift-sign")%2 == 0 {
				n = -n
			}
			if got := d.shiftDays(); got != n {
				t.Fatalf("shiftDays() = %d, want %d", got, n)
			}
		}
	}
}

// TestIsASCII compares isASCII, which reads eight bytes at a time, with a
// byte loop on random strings of every length up to 40, each byte ASCII
// or not.
func TestIsASCII(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 20000; i++ {
		b := make([]byte, r.Intn(41))
		for k := range b {
			b[k] = byte(r.Intn(128))
			if r.Intn(len(b)*2+1) == 0 {
				b[k] = byte(128 + r.Intn(128))
			}
		}
		want := true
		for _, c := range b {
			want = want && c < utf8.RuneSelf
		}
		if got := isASCII(string(b)); got != want {
			t.Fatalf("isASCII(%q) = %v", b, got)
		}
	}
}

// TestPseudonymsInFormsIsRef compares pseudonymsInForms of a text's
// vocabulary with pseudonymsIn of the text on random texts of pseudonyms
// in every case and every mark that ends, joins or splits a word: digits,
// apostrophes plain and typographic, possessives, hyphens and dashes,
// combining marks, letters beyond ASCII and those that lower to ASCII (the
// Kelvin sign, the dotted capital I).
func TestPseudonymsInFormsIsRef(t *testing.T) {
	pieces := []string{" ", " ", "  ", ".", ",", "-", "‐", "'", "’", "'s", "’s", "\n", "é", "É", "\xff", "\u212a", "\u0130",
		"ſ", "\u0301", "ǅ", "٣", "3", "x1", "Rob-who", "W.", "the", "a", "Dr."}
	for _, list := range [][]string{femaleNames, maleNames, unisexNames, surnames, placeNames} {
		for _, n := range list[:6] {
			pieces = append(pieces, n, strings.ToUpper(n), strings.ToLower(n), n+"'s", n[1:], n+"2", "2"+n, "O'"+n, n+"-"+n)
		}
	}
	pieces = append(pieces, "\u212aaren", "\u212aelly", "L\u0130SA", "Ell\u0130s") // Karen, Kelly, Lisa, Ellis lowered
	r := rand.New(rand.NewSource(10))
	found := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		a := (&deid.Doc{Text: text}).Analysis()
		if a.WordsMade() {
			t.Fatal("WordsMade before the words were asked for")
		}
		a.Words()
		if !a.WordsMade() {
			t.Fatal("not WordsMade after Words")
		}
		got, want := pseudonymsInForms(a.Vocab()), pseudonymsIn(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("pseudonymsInForms of %q\n got %v\nwant %v", text, got, want)
		}
		found += len(want)
	}
	if found < 5000 {
		t.Errorf("only %d pseudonyms found", found)
	}
}

// TestLowerKeepsLetters checks, for every rune a word of deid.Tokenize may
// hold, what pseudonymsInForms relies on: lowering it keeps a letter a
// letter and anything else not one, and lowering again changes nothing.
func TestLowerKeepsLetters(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !deid.IsApostrophe(r) && !deid.IsHyphen(r) {
			continue
		}
		l := unicode.ToLower(r)
		if unicode.IsLetter(l) != unicode.IsLetter(r) || unicode.ToLower(l) != l {
			t.Errorf("%U lowers to %U", r, l)
		}
	}
	for w := range pseudonymWords {
		if utf8.RuneCountInString(w) < 2 {
			t.Errorf("pseudonym %q: the s of a possessive is a run of letters outside any word's form", w)
		}
	}
}

// TestTitledPositionsOfIsRef compares titledPositionsOf, which reads the
// ends of the words, with titledPositions, which reads every byte, on
// random ASCII texts of titles in both cases, possessives, apostrophes,
// hyphens, digits and marks; and afterHonorific of every word of a text
// whose words are made (as the engine's are) with its first form.
func TestTitledPositionsOfIsRef(t *testing.T) {
	if !titlesAreLetters {
		t.Skip("a title is not all letters: titledPositionsOf is not used")
	}
	pieces := []string{" ", " ", ".", ". ", "..", "dr", "Dr", "MR", "mrs", "miss", "prof", "of", "st", "rev", "x", "okafor",
		"ms", "\n", "'s", "'", "’s", "-", "3", "Ms.", "ST.", "!", ",", "\t"}
	r := rand.New(rand.NewSource(11))
	found := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := strings.ReplaceAll(b.String(), "’", "'") // ASCII
		want := titledPositions(text)
		got := titledPositionsOf(text, deid.Tokenize(text))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("titledPositionsOf(%q)\n got %v\nwant %v", text, got, want)
		}
		doc := &deid.Doc{Text: text}
		doc.Analysis().Words()
		d := &document{doc: doc}
		for _, w := range strings.Fields(text) {
			if got, want := d.afterHonorific(w), afterHonorificRef(strings.ToLower(text), want, w); got != want {
				t.Fatalf("afterHonorific(%q) in %q = %v, want %v", w, text, got, want)
			}
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d titled positions", found)
	}
}

// lowerASCII returns s with its ASCII capitals lowered (s itself if it has
// none).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				b[j] = lowerByte(b[j])
			}
			return string(b)
		}
	}
	return s
}

// TestComparedLoweredIsCopy compares the comparisons of sortTitled and
// afterHonorific, which lower ASCII capitals in place, with those of the
// lowered copies they stand for, on random strings of letters in both
// cases, marks and bytes beyond ASCII, cut at random lengths.
func TestComparedLoweredIsCopy(t *testing.T) {
	pieces := []string{"a", "A", "b", "B", "z", "Z", "@", "[", "`", "{", " ", ".", "é", "É", "\xff", "st", "ST", "dr"}
	r := rand.New(rand.NewSource(14))
	random := func() string {
		var b strings.Builder
		for n := r.Intn(6); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		return b.String()
	}
	for i := 0; i < 200000; i++ {
		s, u := random(), random()
		if got, want := lessLowered(s, u), lowerASCII(s) < lowerASCII(u); got != want {
			t.Fatalf("lessLowered(%q, %q) = %v, want %v", s, u, got, want)
		}
		key := strings.ToLower(u)
		if got, want := compareLowered(s, key), strings.Compare(lowerASCII(s), key); got != want {
			t.Fatalf("compareLowered(%q, %q) = %d, want %d", s, key, got, want)
		}
		if got, want := hasLoweredPrefix(s, key), strings.HasPrefix(lowerASCII(s), key); got != want {
			t.Fatalf("hasLoweredPrefix(%q, %q) = %v, want %v", s, key, got, want)
		}
	}
}
