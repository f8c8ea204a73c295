package deid

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The word splitter and the term matcher as they were first written, to
// compare the quicker forms with.

func findRef(ts *termSet, text string, ws []word) []termMatch {
	if ts.empty() {
		return nil
	}
	var out []termMatch
	for i := 0; i < len(ws); {
		end, keys := ts.matchAt(text, ws, i)
		if keys == nil {
			i++
			continue
		}
		out = append(out, termMatch{start: int(ws[i].start), end: end, id: strings.Join(keys, " ")})
		i += len(keys)
	}
	return out
}

func splitWordsRef(text string) []word {
	// About one word in six bytes of text; a slice grown from nil would
	// be copied a dozen times for a long text.
	out := make([]word, 0, len(text)/6+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		s, e := i, j
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !isTrim(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !isTrim(r) {
				break
			}
			e -= n
		}
		if s < e {
			out = append(out, word{start: int32(s), end: int32(e), key: strings.ToLower(text[s:e])})
		}
		i = j
	}
	return out
}

// exactPieces are invented words, names and marks that the splitter and
// the matchers meet in every order.
var exactPieces = []string{
	" ", " ", " ", "  ", "\n", "\t", ".", ",", "-", "_", "'", "’", "'s", "’s", "é", "\xff", "\xe2\x80", "ü", "٣", "K",
	"Dr.", "dr", "Okafor", "Odette", "Marchand", "Mill", "Lane", "the", "State", "Board", "of", "Nursing", "Social",
	"Work", "nhs", "NHS", "Lou-Bette", "O'Neill", "12", "x", "a", "Ostfield", "Family", "Centre", "court", "ODETTE",
}

func TestSplitWordsIsRef(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(40); n > 0; n-- {
			b.WriteString(exactPieces[r.Intn(len(exactPieces))])
		}
		text := b.String()
		if got, want := splitWords(text), splitWordsRef(text); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Fatalf("splitWords(%q)\n got %v\nwant %v", text, got, want)
		}
	}
}

func TestFindIsRef(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	text := func(n int) string {
		var b strings.Builder
		for ; n > 0; n-- {
			b.WriteString(exactPieces[r.Intn(len(exactPieces))])
		}
		return b.String()
	}
	sets := []*termSet{publicTermSet()}
	for k := 0; k < 200; k++ {
		var terms []string
		for n := r.Intn(6); n > 0; n-- {
			var t []string
			for m := 1 + r.Intn(3); m > 0; m-- {
				t = append(t, exactPieces[20+r.Intn(9)])
			}
			terms = append(terms, strings.Join(t, " "))
		}
		sets = append(sets, newTermSet(terms))
	}
	found := 0
	for i := 0; i < 20000; i++ {
		s := text(r.Intn(60))
		ws := splitWords(s)
		ts := sets[r.Intn(len(sets))]
		got, want := ts.find(s, ws), findRef(ts, s, ws)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("find(%q)\n got %v\nwant %v", s, got, want)
		}
		found += len(want)
	}
	if found < 500 {
		t.Errorf("only %d matches", found)
	}
}

// shapeOfRef is ShapeOf read rune by rune, as first written.
func shapeOfRef(s string) (Shape, int) {
	upper, lower, letters := 0, 0, 0
	firstUpper, first := false, true
	partUpper, partLower := false, false
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
	switch {
	case letters == 0:
		return ShapeNone, 0
	case upper == 0:
		return ShapeLower, letters
	case !firstUpper || (partLower && (partUpper || upper > 0)):
		return ShapeMixed, letters
	case lower == 0 && letters >= 2:
		return ShapeUpper, letters
	}
	return ShapeTitle, letters
}

func TestShapeOfIsRef(t *testing.T) {
	pieces := []string{"a", "b", "Z", "Q", "-", "'", "’", "1", "é", "É", "ǅ", "‐", "x", "Mc", "GU", "\xff"}
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for n := r.Intn(8); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		w := b.String()
		gs, gn := ShapeOf(w)
		ws, wn := shapeOfRef(w)
		if gs != ws || gn != wn {
			t.Fatalf("ShapeOf(%q) = %v, %d; want %v, %d", w, gs, gn, ws, wn)
		}
	}
}

func TestLookupFormIsRef(t *testing.T) {
	ref := func(s string) string {
		if strings.ContainsRune(s, '’') {
			s = strings.ReplaceAll(s, "’", "'")
		}
		return strings.ToLower(s)
	}
	for _, w := range []string{"", "a", "Odette", "ODETTE", "o'neill", "O’Neill", "Ölçer", "K", "x’s", "Lou-Bette", "\xff"} {
		if got, want := LookupForm(w), ref(w); got != want {
			t.Errorf("LookupForm(%q) = %q, want %q", w, got, want)
		}
	}
}
