package deid

import (
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/markdown"
)

// TestAlsoWhereHidden: an occurrence of a replaced name that the view
// joined to the letters beyond markup it set aside is replaced too, with
// the name's replacement; occurrences the view showed as the word (its
// own pipeline decided those), parts of longer words and occurrences
// already inside a finding are left as they are.
func TestAlsoWhereHidden(t *testing.T) {
	src := "Vesna came. Vesna*x* left; Vesna's too, XVesna no, Vesna`y` and [Vesna] here."
	name := Finding{Start: 0, End: 5, Kind: Person, Text: "Vesna", Replacement: "Ada", Recognizer: "dict/person"}
	at := strings.LastIndex(src, "here")
	place := Finding{Start: at, End: at + 4, Kind: Place, Text: "here", Replacement: "there"}
	view := markdown.Visible(src)
	if view.Same() {
		t.Fatal("the view sets nothing aside; the test needs markup between letters")
	}
	got := alsoWhereHidden(src, view, []Finding{name, place})
	var added []string
	for i, f := range got {
		if i > 0 && f.Start < got[i-1].End {
			t.Fatalf("findings overlap or are out of order: %+v then %+v", got[i-1], f)
		}
		if f.Start == name.Start || f.Start == place.Start {
			continue
		}
		if src[f.Start:f.End] != "Vesna" || f.Replacement != "Ada" || f.Kind != Person {
			t.Errorf("added %+v", f)
		}
		added = append(added, src[f.Start:f.End+1])
	}
	// "Vesna*" and "Vesna`" are joined in the view ("Vesnax*", "Vesnay");
	// "Vesna's" and "[Vesna]" are words there; "XVesna" is no word.
	if want := []string{"Vesna*", "Vesna`"}; len(added) != len(want) || added[0] != want[0] || added[1] != want[1] {
		t.Errorf("added before %q, want %q", added, want)
	}

	plain := "Vesna came. Vesna * left."
	if fs := []Finding{name}; len(alsoWhereHidden(plain, markdown.Visible(plain), fs)) != 1 {
		t.Errorf("a view the same as the source gained findings")
	}
}
