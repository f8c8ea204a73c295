package seqtag

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/dict"
	"github.com/veil-blog/veil/internal/lexicon"
)

// BenchmarkFind tags the texts of benchTexts.
func BenchmarkFind(b *testing.B) {
	texts := benchTexts()
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	lex := lexicon.Default()
	lex.LoadAll()
	b.ResetTimer()
	for range b.N {
		for _, t := range texts {
			m.Find(lex, t, false)
		}
	}
}

// benchTexts reads the texts of the JSONL file SEQ_BENCH (the dev sets,
// say); without it, a paragraph of invented prose.
func benchTexts() []string {
	texts := []string{"Last Tuesday my client Tavi Orlund came to the clinic with her son Mateo. " +
		"She moved to Alder Creek from New Bedford after Dr. Zanetti at Winstead Hospital retired; " +
		"omg lol thanks @quillon see u in brookvale #fun"}
	if f, err := os.Open(os.Getenv("SEQ_BENCH")); err == nil {
		texts = texts[:0]
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var d struct{ Text string }
			json.Unmarshal(sc.Bytes(), &d)
			texts = append(texts, d.Text)
		}
		f.Close()
	}
	return texts
}

// BenchmarkDetect runs the detector as veil does, clinical notes told apart.
func BenchmarkDetect(b *testing.B) {
	texts := benchTexts()
	lex := lexicon.Default()
	lex.LoadAll()
	d := New(lex, WithNote(dict.ClinicalNote))
	b.ResetTimer()
	for range b.N {
		for _, t := range texts {
			d.Detect(context.Background(), &deid.Doc{Text: t})
		}
	}
}
