package deid

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// BenchmarkSplitWords splits 32 different texts of about 8 KB into words in
// turn (see BenchmarkStages in internal/cli for the other stages).
func BenchmarkSplitWords(b *testing.B) {
	sentences := []string{
		"On Tuesday I met Halvard Queensby at the Brightwater Family Centre.",
		"He is 52, a retired welder from Ostfield, and he called 0161 496 0723 twice.",
		"We talked about his daughter Mireille’s move to Caldermouth in March.",
		"The team’s plan, agreed on 14/02/2023, was reviewed by Dr. Ashworth-Lyle.",
	}
	r := rand.New(rand.NewSource(1))
	texts := make([]string, 32)
	for i := range texts {
		var sb strings.Builder
		for sb.Len() < 8000 {
			fmt.Fprintf(&sb, "%s %d ", sentences[r.Intn(len(sentences))], r.Intn(1000))
		}
		texts[i] = sb.String()
	}
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		splitWords(texts[i%len(texts)])
		i++
	}
}
