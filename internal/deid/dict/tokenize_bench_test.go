package dict

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkTokenize tokenizes 32 different texts of about 8 KB in turn (see
// BenchmarkStages in internal/cli for the other stages).
func BenchmarkTokenize(b *testing.B) {
	texts := benchtext.Texts(32)
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tokenize(texts[i%len(texts)])
		i++
	}
}
