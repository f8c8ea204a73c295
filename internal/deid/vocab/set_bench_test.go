package vocab

import (
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkHas asks eight sets the recognizers read word by word about
// every word of 32 different 8 KB texts, in lower case and as written.
func BenchmarkHas(b *testing.B) {
	var words []string
	for _, t := range benchtext.Texts(32) {
		for _, w := range strings.Fields(t) {
			w = strings.Trim(w, ".,;:!?\"()")
			words = append(words, w, strings.ToLower(w))
		}
	}
	sets := []Set{PublicBodyWords(), PublicBodyJoiners(), PublicBodyHeads(), Honorifics(), KinRelations(), StrongTitles(), NotNames(), AbbrevDot()}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range sets {
			for _, w := range words[:2000] {
				if s.Has(w) {
					n++
				}
			}
		}
	}
	if n == 0 {
		b.Fatal("no word found")
	}
}
