package plan

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkPseudonymsIn reads 32 different texts of about 8 KB in turn for
// the pseudonyms they hold, as the planner does once for each document that
// gets a pseudonym.
func BenchmarkPseudonymsIn(b *testing.B) {
	benchtext.Run(b, func(s string) { pseudonymsIn(s) })
}

// BenchmarkTitledPositions finds the offsets after a title in 32 different
// texts of about 8 KB in turn, as afterHonorific does once for each
// document with a one-word name. The texts are made ASCII first (their
// typographic apostrophes made plain), as most posts are: afterHonorific
// lowers any other text whole before.
func BenchmarkTitledPositions(b *testing.B) {
	texts := benchtext.Texts(32)
	for i, s := range texts {
		texts[i] = strings.Map(func(r rune) rune {
			if r >= utf8.RuneSelf {
				return '\''
			}
			return r
		}, s)
	}
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		titledPositions(texts[i%len(texts)])
		i++
	}
}
