package plan

import (
	"slices"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// TestTitledPositions compares the one-pass reading with the plain one:
// every place where a title and a separator end, found title by title.
func TestTitledPositions(t *testing.T) {
	for _, text := range []string{
		"",
		"dr. vell saw mrs quarry; prof.ashdown and rev fenwick.",
		"the first patient, st. brennock's, most items came. dr",
		"mr.  double space, dr.. two stops, ms.mr. ms",
	} {
		var want []int
		for _, h := range vocab.Honorifics().Words() {
			for _, sep := range []string{". ", " ", "."} {
				for from := 0; ; {
					i := strings.Index(text[from:], h+sep)
					if i < 0 {
						break
					}
					want = append(want, from+i+len(h+sep))
					from += i + 1
				}
			}
		}
		got := titledPositions(text)
		slices.Sort(want)
		sorted := slices.Sorted(slices.Values(got))
		if !slices.Equal(sorted, want) {
			t.Errorf("titledPositions(%q) at %v, want %v", text, sorted, want)
		}
		if !slices.IsSortedFunc(got, func(a, b int) int { return strings.Compare(titledAt(text, a), titledAt(text, b)) }) {
			t.Errorf("titledPositions(%q) not sorted by the text after each", text)
		}
	}
}
