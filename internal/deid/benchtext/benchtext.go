// Package benchtext makes varied invented text for the recognizers'
// benchmarks, so that each stage is measured on the same inputs and no
// per-text cache makes a benchmark under-report.
package benchtext

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sentences are invented: names, places, numbers and contacts of the kinds
// the recognizers look for, with ordinary prose between them.
var sentences = []string{
	"On Tuesday I met Halvard Queensby at the Brightwater Family Centre.",
	"He is 52, a retired welder from Ostfield, and he called 0161 496 0723 twice.",
	"We talked about his daughter Mireille’s move to Caldermouth in March.",
	"The team’s plan, agreed on 14/02/2023, was reviewed by Dr. Ashworth-Lyle.",
	"I noticed how quiet the session felt; he waited, then said it was \"fine\".",
	"Her e-mail (m.okonkwo@example.org) arrived after the meeting at St Aldric's.",
}

// Texts returns n texts of about 8 KB, each a different shuffle of the
// sentences with varied numbers; the same n gives the same texts.
func Texts(n int) []string {
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

// Run benchmarks f on 32 of the texts in turn, reporting bytes and
// allocations, so that each package's tokenizer is measured the same way.
func Run(b *testing.B, f func(string)) {
	texts := Texts(32)
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		f(texts[i%len(texts)])
		i++
	}
}

// SitePosts returns the bodies, without their front matter, of up to n
// posts of the site at root (one made by ../shared/bench/gen_corpus.py,
// whose prose and identifiers vary far more than Texts').
func SitePosts(tb testing.TB, root string, n int) []string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(root, "content", "posts", "*.md"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no posts under %s: %v", root, err)
	}
	var out []string
	for _, p := range paths[:min(n, len(paths))] {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		s := string(src)
		if rest, ok := strings.CutPrefix(s, "---\n"); ok {
			if _, body, ok := strings.Cut(rest, "\n---\n"); ok {
				s = body
			}
		}
		out = append(out, s)
	}
	return out
}

// SiteOrTexts returns the bodies of the first n posts of the site in
// VEIL_BENCH_SITE when it is set, or else 32 of Texts: the texts a
// benchmark of one step of the engine reads.
func SiteOrTexts(tb testing.TB, n int) []string {
	if root := os.Getenv("VEIL_BENCH_SITE"); root != "" {
		return SitePosts(tb, root, n)
	}
	return Texts(32)
}
