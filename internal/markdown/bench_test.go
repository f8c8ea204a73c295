package markdown

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// benchDocs returns Markdown bodies for the benchmarks: the posts of
// VEIL_BENCH_SITE (a site made by ../shared/bench/gen_corpus.py) when it
// is set, otherwise documents generated here with the constructs a post
// uses (headings, emphasis, links, lists, task lists, tables, fenced and
// indented code, quotes, footnotes, raw HTML), so that no run sees one
// text over and over.
func benchDocs(b *testing.B) [][]byte {
	b.Helper()
	if root := os.Getenv("VEIL_BENCH_SITE"); root != "" {
		var out [][]byte
		for _, s := range benchtext.SitePosts(b, root, 64) {
			out = append(out, []byte(s))
		}
		return out
	}
	return genDocs(64)
}

// genDocs returns n varied Markdown documents, the same every time.
func genDocs(n int) [][]byte {
	r := rand.New(rand.NewSource(1))
	words := strings.Fields(`the session client colleague supervisor team plan review boundary decision
pattern practice conversation referral assessment note goal feedback meeting family carer student
shift reflection lesson routine silence trust rapport consent context careful difficult quiet honest
it's "quoted" -- & uncertain thoughtful small familiar awkward useful clear noticed asked waited`)
	sentence := func(b *strings.Builder) {
		n := 6 + r.Intn(14)
		for i := 0; i < n; i++ {
			w := words[r.Intn(len(words))]
			switch r.Intn(30) {
			case 0:
				w = "**" + w + "**"
			case 1:
				w = "_" + w + "_"
			case 2:
				w = "[" + w + "](/posts/" + w + "/)"
			case 3:
				w = "`" + w + "`"
			case 4:
				w = "<https://example.org/" + w + ">"
			}
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		b.WriteString(".")
	}
	para := func(b *strings.Builder) {
		for i := 0; i < 2+r.Intn(5); i++ {
			sentence(b)
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	var out [][]byte
	for d := 0; d < n; d++ {
		var b strings.Builder
		for blk := 0; blk < 30; blk++ {
			switch r.Intn(14) {
			case 0:
				fmt.Fprintf(&b, "## Part %d\n\n", blk)
			case 1:
				for i := 0; i < 3; i++ {
					b.WriteString("- ")
					sentence(&b)
					b.WriteByte('\n')
				}
				b.WriteByte('\n')
			case 2:
				b.WriteString("- [x] done\n- [ ] ")
				sentence(&b)
				b.WriteString("\n\n")
			case 3:
				b.WriteString("| a | b |\n|:--|--:|\n| one | two |\n\n")
			case 4:
				fmt.Fprintf(&b, "```%s\nx := %d\n```\n\n", []string{"go", "", "text", "notes from today"}[r.Intn(4)], blk)
			case 5:
				b.WriteString("> ")
				sentence(&b)
				b.WriteString("\n\n")
			case 6:
				b.WriteString("A note[^n")
				fmt.Fprintf(&b, "%d].\n\n[^n%d]: ", blk, blk)
				sentence(&b)
				b.WriteString("\n\n")
			case 7:
				b.WriteString("<details><summary>more</summary>\n\n")
				sentence(&b)
				b.WriteString("\n\n</details>\n\n")
			default:
				para(&b)
			}
		}
		out = append(out, []byte(b.String()))
	}
	return out
}

func benchBytes(docs [][]byte) int64 {
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	return int64(n / len(docs))
}

// BenchmarkConvert converts one post (HTML, headings, words, summary).
func BenchmarkConvert(b *testing.B) {
	docs := benchDocs(b)
	c := New()
	b.SetBytes(benchBytes(docs))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := c.Convert(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkFenceInfos finds the info strings of one post's fenced code
// blocks, which the build does before de-identifying the post.
func BenchmarkFenceInfos(b *testing.B) {
	docs := benchDocs(b)
	c := New()
	b.SetBytes(benchBytes(docs))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.FenceInfos(docs[i%len(docs)])
		i++
	}
}

// BenchmarkVisible makes the view of one post, which de-identification
// reads (once per document).
func BenchmarkVisible(b *testing.B) {
	docs := benchDocs(b)
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = string(d)
	}
	b.SetBytes(benchBytes(docs))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Visible(texts[i%len(texts)])
		i++
	}
}
