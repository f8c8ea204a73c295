package risk

import (
	"os"
	"testing"
)

// BenchmarkAssess scores one 1,500-word post (the CLI's benchmark text, unreplaced: the
// risk gate reads any text).
func BenchmarkAssess(b *testing.B) {
	src, err := os.ReadFile("../cli/testdata/post1500.md")
	if err != nil {
		b.Skip(err)
	}
	text := string(src)
	Assess(text, Policy{}) // load the tables
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Assess(text, Policy{})
	}
}
