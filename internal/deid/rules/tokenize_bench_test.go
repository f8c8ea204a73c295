package rules

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// BenchmarkTokenize tokenizes 32 different texts of about 8 KB in turn (see
// BenchmarkStages in internal/cli for the other stages).
func BenchmarkTokenize(b *testing.B) {
	texts := benchTexts(32)
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tokenize(texts[i%len(texts)])
		i++
	}
}

// benchTexts returns n texts of about 8 KB, each a different shuffle of
// invented sentences with varied numbers.
func benchTexts(n int) []string {
	sentences := []string{
		"On Tuesday I met Halvard Queensby at the Brightwater Family Centre.",
		"He is 52, a retired welder from Ostfield, and he called 0161 496 0723 twice.",
		"We talked about his daughter Mireille’s move to Caldermouth in March.",
		"The team’s plan, agreed on 14/02/2023, was reviewed by Dr. Ashworth-Lyle.",
		"I noticed how quiet the session felt; he waited, then said it was \"fine\".",
		"Her e-mail (m.okonkwo@example.org) arrived after the meeting at St Aldric's.",
	}
	r := rand.New(rand.NewSource(1))
	out := make([]string, n)
	for i := range out {
		var sb strings.Builder
		for sb.Len() < 8000 {
			fmt.Fprintf(&sb, "%s %d ", sentences[r.Intn(len(sentences))], r.Intn(1000))
		}
		out[i] = sb.String()
	}
	return out
}
