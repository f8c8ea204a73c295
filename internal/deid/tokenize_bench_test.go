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

// BenchmarkAnalysisWords makes the words and vocabulary of the analysis of
// 32 different texts of about 8 KB in turn, as every recognizer shares
// them.
func BenchmarkAnalysisWords(b *testing.B) {
	benchtext.Run(b, func(s string) { (&Doc{Text: s}).Analysis().Words() })
}
