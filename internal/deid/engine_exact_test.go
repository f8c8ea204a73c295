package deid

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
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
