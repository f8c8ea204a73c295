package deid

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkSplitWords splits 32 different texts of about 8 KB into words in
// turn (see BenchmarkStages in internal/cli for the other stages).
func BenchmarkSplitWords(b *testing.B) {
	texts := benchtext.Texts(32)
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		splitWords(texts[i%len(texts)])
		i++
	}
}
