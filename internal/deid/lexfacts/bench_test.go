package lexfacts

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

// BenchmarkSharedAnalysis is the per-document layer every recognizer
// shares, on 32 different texts of about 8 KB in turn: the words and
// vocabulary of the analysis, then the lexicon facts of each word with
// letters, as the dictionary recognizers ask for them.
func BenchmarkSharedAnalysis(b *testing.B) {
	lex := lexicon.Default()
	lex.Facts("warm") // load the tables outside the timing
	benchtext.Run(b, func(s string) {
		an := (&deid.Doc{Text: s}).Analysis()
		w := Of(an, lex)
		for _, t := range an.Words() {
			if t.Shape != deid.ShapeNone {
				w.Facts(t.ID)
			}
		}
	})
}
