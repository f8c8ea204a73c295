package deid

import (
	"slices"
	"testing"
)

func TestWithApart(t *testing.T) {
	src := "Ida*s met Ida and *Bo* at Kew*Gate today"
	at := func(s string, nth int) (int, int) {
		i := -1
		for range nth + 1 {
			j := indexFrom(src, s, i+1)
			if j < 0 {
				t.Fatalf("%q not in %q", s, src)
			}
			i = j
		}
		return i, i + len(s)
	}
	f := func(text string, nth int, repl string) Finding {
		s, e := at(text, nth)
		return Finding{Start: s, End: e, Text: text, Kind: Person, Replacement: repl}
	}
	fs := []Finding{f("Ida", 1, "Ann"), f("Kew*Gate", 0, "a town")}
	for _, tt := range []struct {
		name  string
		other []Finding
		want  []Finding
	}{
		{"nothing new", []Finding{f("Ida", 1, "Eve"), f("Gate", 0, "X")}, fs},
		{"the same name apart keeps its pseudonym",
			[]Finding{f("Ida", 0, "Eve")},
			[]Finding{f("Ida", 0, "Ann"), f("Ida", 1, "Ann"), f("Kew*Gate", 0, "a town")}},
		{"a new name apart keeps its own",
			[]Finding{f("Bo", 0, "Al")},
			[]Finding{f("Ida", 1, "Ann"), f("Bo", 0, "Al"), f("Kew*Gate", 0, "a town")}},
		{"overlapping becomes one, with the longest's replacement",
			[]Finding{f("Gate today", 0, "soon")},
			[]Finding{f("Ida", 1, "Ann"), f("Kew*Gate today", 0, "soon")}},
	} {
		got := withApart(src, fs, tt.other)
		for i := range got {
			got[i].Recognizer = ""
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
		for i, g := range got {
			if g.Text != src[g.Start:g.End] || i > 0 && g.Start < got[i-1].End {
				t.Errorf("%s: finding %+v overlaps or misnames its span", tt.name, g)
			}
		}
	}
}

func TestCovered(t *testing.T) {
	fs := []Finding{{Start: 2, End: 5}, {Start: 5, End: 8}, {Start: 10, End: 12}}
	for _, tt := range []struct {
		s, e int
		want bool
	}{{2, 5, true}, {3, 8, true}, {2, 9, false}, {0, 3, false}, {10, 12, true}, {8, 10, false}, {11, 13, false}, {4, 4, true}} {
		if got := covered(fs, tt.s, tt.e); got != tt.want {
			t.Errorf("covered(%d, %d) = %v, want %v", tt.s, tt.e, got, tt.want)
		}
	}
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestAlsoJoinedByCase(t *testing.T) {
	src := "Ann came. helloAnn, 2024Ann and xAnnie; AnnB, Ann's; zAnn"
	fs := []Finding{{Start: 0, End: 3, Text: "Ann", Kind: Person, Replacement: "Eve"}}
	got := alsoJoinedByCase(src, fs)
	var at []string
	for _, f := range got {
		if f.Text != "Ann" || f.Replacement != "Eve" || src[f.Start:f.End] != f.Text {
			t.Errorf("finding %+v: not the name's own", f)
		}
		at = append(at, src[max(0, f.Start-4):f.End])
	}
	want := []string{"Ann", "elloAnn", "2024Ann", "s; zAnn"}
	if !slices.Equal(at, want) {
		t.Errorf("alsoJoinedByCase found %q, want %q", at, want)
	}
	lower := []Finding{{Start: 0, End: 3, Text: "ann", Kind: Person, Replacement: "eve"}}
	if got := alsoJoinedByCase("ann xann", lower); len(got) != 1 {
		t.Errorf("a name in lower case joined a word: %+v", got)
	}
	date := []Finding{{Start: 0, End: 3, Text: "May", Kind: Date, Replacement: "June"}}
	if got := alsoJoinedByCase("May inMay", date); len(got) != 1 {
		t.Errorf("a date was looked for as a name: %+v", got)
	}
}
