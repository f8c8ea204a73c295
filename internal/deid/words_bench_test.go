package deid

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkSplitWords splits 32 different texts of about 8 KB into words in
// turn (see BenchmarkStages in internal/cli for the other stages).
func BenchmarkSplitWords(b *testing.B) {
	benchtext.Run(b, func(s string) { splitWords(s) })
}
