package deid

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkTokenize tokenizes 32 different texts of about 8 KB in turn (see
// BenchmarkStages in internal/cli for the other stages).
func BenchmarkTokenize(b *testing.B) {
	benchtext.Run(b, func(s string) { Tokenize(s) })
}
