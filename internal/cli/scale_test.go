package cli

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// hostileProse returns about n bytes of case-note prose dense with names,
// ages, dates, phones and organisations: every sentence carries something
// a recognizer must look at, the worst case for any stage whose cost grows
// with the findings before it. It is deterministic.
func hostileProse(n int) string {
	r := rand.New(rand.NewSource(int64(n)))
	first := []string{"Odette", "Bram", "Ilse", "Tomasz", "Wren", "Perpetua", "Casimir", "Yusra", "Linnea", "Ottoline"}
	last := []string{"Marchand", "Okafor", "Vantongeren", "Halloran", "Szczepan", "Ruddock", "Abernethy", "Kowalczuk"}
	months := []string{"March", "June", "October", "January"}
	sentences := []string{
		"%[1]s %[2]s, a %[3]d-year-old carer, came in on %[5]s %[4]d, 2021 with her son.",
		"Ms. %[2]s said she was %[3]d years old when she moved to Springfield.",
		"We talked about the plan; %[1]s agreed to call 555-01%02[4]d on %[4]d %[5]s.",
		"The team met again and the client, aged %[3]d, seemed calmer than before.",
		"Dr. %[2]s reviewed the notes with %[1]s and the supervisor at St. Wilfrida's Hospital.",
		"It was a quiet session about boundaries, trust and what had changed since the spring.",
	}
	var b strings.Builder
	b.Grow(n + 200)
	for b.Len() < n {
		s := sentences[r.Intn(len(sentences))]
		fmt.Fprintf(&b, s, first[r.Intn(len(first))], last[r.Intn(len(last))], 18+r.Intn(70), 1+r.Intn(28), months[r.Intn(len(months))])
		if r.Intn(10) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkScaling de-identifies hostile prose of growing size. Every stage
// is meant to be linear in its input: MB/s and cpu-s/MB should stay flat
// from 10 KB to 4 MB (compare the sub-benchmarks).
func BenchmarkScaling(b *testing.B) {
	eng := engineForTest(b)
	if _, err := eng.Deidentify(context.Background(), &deid.Doc{Text: hostileProse(1000)}); err != nil { // load models and lexicons
		b.Fatal(err)
	}
	for _, size := range []int{10 << 10, 100 << 10, 1 << 20, 4 << 20} {
		text := hostileProse(size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			doc := &deid.Doc{Text: text}
			b.SetBytes(int64(len(text)))
			cpu := processCPU()
			for b.Loop() {
				if _, err := eng.Deidentify(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			// CPU seconds per MB, all threads: on a shared machine this
			// is steadier than MB/s, which counts time spent waiting.
			if used := processCPU() - cpu; used > 0 {
				b.ReportMetric(used.Seconds()/float64(b.N)/(float64(len(text))/1e6), "cpu-s/MB")
			}
		})
	}
}
