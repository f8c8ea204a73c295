package deid

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// randomFindings returns up to n findings of random kinds, types,
// confidences and overlapping spans in a text of length size.
func randomFindings(r *rand.Rand, n, size int) []Finding {
	kinds := []Kind{Person, Place, Organization, Date, Age, Contact, ID, Rare}
	types := []Type{"", TypeSeason, TypeYear, TypeStreet, "first-name"}
	fs := make([]Finding, r.IntN(n+1))
	for i := range fs {
		s := r.IntN(size)
		e := min(size, s+1+r.IntN(12))
		fs[i] = Finding{Start: s, End: e, Kind: kinds[r.IntN(len(kinds))], Type: types[r.IntN(len(types))],
			Confidence: float64(r.IntN(11)) / 10, Recognizer: string(rune('a' + i%26)), Replacement: string(rune('A' + r.IntN(26)))}
	}
	return fs
}

// mergeRef is Merge as it was, growing a new slice of groups.
func mergeRef(text string, fs []Finding) []Finding {
	if len(fs) == 0 {
		return nil
	}
	s := stableSorted(fs, func(f, g *Finding) int {
		if c := cmp.Compare(f.Start, g.Start); c != 0 {
			return c
		}
		return cmp.Compare(g.End, f.End)
	})
	out := []Finding{s[0]}
	mixed := false
	for _, f := range s[1:] {
		last := &out[len(out)-1]
		if f.Start >= last.End {
			out = append(out, f)
			mixed = false
			continue
		}
		mixed = mixed || f.Kind != last.Kind
		start, end := last.Start, max(last.End, f.End)
		if better(f, *last) {
			*last = f
		}
		if mixed && (last.Start != start || last.End != end) {
			last.Type = grownType(last.Type)
		}
		last.Start, last.End, last.Text = start, end, text[start:end]
	}
	return out
}

// applyRef is Apply as it was, with a byte slice copied to a string.
func applyRef(text string, fs []Finding) string {
	b := make([]byte, 0, len(text))
	prev := 0
	for _, f := range fs {
		b = append(b, text[prev:f.Start]...)
		b = append(b, f.Replacement...)
		prev = f.End
	}
	return string(append(b, text[prev:]...))
}

// TestMergeInPlaceIsRef compares Merge, which merges the groups into its
// sorted copy in place, and Apply with their former forms on random
// overlapping findings, and checks that Merge leaves its input alone.
func TestMergeInPlaceIsRef(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	text := "Odette Okafor met Lou-Bette O'Neill at 14 Alder Row on 3 May 2021, aged 52; call 0161 496 0723."
	for range 30000 {
		fs := randomFindings(r, 14, len(text))
		before := slices.Clone(fs)
		got, want := Merge(text, fs), mergeRef(text, fs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Merge(%+v)\n got %+v\nwant %+v", fs, got, want)
		}
		if !reflect.DeepEqual(fs, before) {
			t.Fatalf("Merge changed its input %+v to %+v", before, fs)
		}
		if got, want := Apply(text, got), applyRef(text, want); got != want {
			t.Fatalf("Apply = %q, want %q", got, want)
		}
	}
}

// TestDeleteFuncIsRef compares deleteFunc with slices.DeleteFunc of a
// clone: the same findings, the predicate called on the same findings in
// the same order, nil for nil, and the input left alone.
func TestDeleteFuncIsRef(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	for i := range 30000 {
		fs := randomFindings(r, 10, 60)
		switch i % 50 {
		case 0:
			fs = nil
		case 1:
			fs = []Finding{}
		}
		mod := 1 + r.IntN(6) // delete one finding in mod, by its start
		var gotCalls, wantCalls []Finding
		before := slices.Clone(fs)
		got := deleteFunc(fs, func(f Finding) bool { gotCalls = append(gotCalls, f); return f.Start%mod == 0 })
		want := slices.DeleteFunc(slices.Clone(fs), func(f Finding) bool { wantCalls = append(wantCalls, f); return f.Start%mod == 0 })
		if !reflect.DeepEqual(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("deleteFunc(%+v, %d) = %+v, want %+v", fs, mod, got, want)
		}
		if !reflect.DeepEqual(gotCalls, wantCalls) {
			t.Fatalf("deleteFunc asked about %+v, DeleteFunc %+v", gotCalls, wantCalls)
		}
		if !reflect.DeepEqual(fs, before) || (fs == nil) != (before == nil) {
			t.Fatalf("deleteFunc changed its input")
		}
	}
}

// wholePhrasesRef is wholePhrases as it was: a copy of fs whose joined
// findings are emptied.
func (e *Engine) wholePhrasesRef(text string, fs []Finding) []Finding {
	fs = append([]Finding(nil), fs...)
	out := make([]Finding, 0, len(fs))
	for i, f := range fs {
		if f.Start >= f.End {
			continue
		}
		if f.Kind == Age {
			lo, hi := 0, len(text)
			if i > 0 {
				lo = fs[i-1].End
			}
			if i+1 < len(fs) {
				hi = fs[i+1].Start
			}
			f = widenAge(text, f, lo, hi)
		}
		if f.Kind == Place && i+1 < len(fs) {
			if g := fs[i+1]; g.Kind == Place && e.isState(g.Text) && strings.TrimSpace(text[f.End:g.Start]) == "," && !e.isState(f.Text) {
				f.End, f.Text = g.End, text[f.Start:g.End]
				fs[i+1].Start = g.End
			}
		}
		out = append(out, f)
	}
	return out
}

// TestWholePhrasesIsRef compares wholePhrases, which marks a joined finding
// in a variable instead of emptying it in a copy, with its former form on
// random sorted, non-overlapping findings of cities, states and ages in
// random texts, and checks that its input is left alone.
func TestWholePhrasesIsRef(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	pieces := []string{"Springfield", "IL", "Illinois", "Ohio", ", ", " ", ",", "34", "-year-old", " years old", " y/o", "the age of ", "at ", "her ", "in her ", "90s", "43", "rd", "Ama", "\n"}
	e := New(WithGazetteer(fakeGaz{}))
	joins := 0
	for range 30000 {
		var b strings.Builder
		var fs []Finding
		for range 1 + r.IntN(10) {
			p := pieces[r.IntN(len(pieces))]
			start := b.Len()
			b.WriteString(p)
			if p == " " || p == ", " || p == "," || p == "\n" || r.IntN(4) == 0 {
				continue
			}
			k := Place
			age := 0
			if p[0] >= '0' && p[0] <= '9' {
				k, age = Age, int(p[0]-'0')*10+int(p[1]-'0')
			} else if r.IntN(3) == 0 {
				k = Person
			}
			fs = append(fs, Finding{Start: start, End: b.Len(), Kind: k, Age: age, Text: p})
		}
		text := b.String()
		before := slices.Clone(fs)
		got, want := e.wholePhrases(text, fs), e.wholePhrasesRef(text, fs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("wholePhrases(%q, %+v)\n got %+v\nwant %+v", text, fs, got, want)
		}
		if !reflect.DeepEqual(fs, before) {
			t.Fatalf("wholePhrases changed its input")
		}
		if len(want) < len(fs) {
			joins++
		}
	}
	if joins < 100 {
		t.Errorf("only %d texts joined a city and a state", joins)
	}
}
