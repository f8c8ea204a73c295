package lexfacts

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestWords: the facts of a document's words are the lexicon's, kept once
// per document and lexicon, and words outside the text are looked up too.
func TestWords(t *testing.T) {
	lex := lexicon.Default()
	doc := &deid.Doc{Text: "Marisol met the Hartwell nurse’s aide in June; marisol waved."}
	an := doc.Analysis()
	w := Of(an, lex)
	if Of(an, lex) != w {
		t.Errorf("two tables of facts for one document")
	}
	if Of((&deid.Doc{Text: doc.Text}).Analysis(), lex) == w {
		t.Errorf("two documents share their facts")
	}
	for _, word := range an.Words() {
		if got, want := w.Facts(word.ID), lex.Facts(word.Lower); got != want {
			t.Errorf("Facts(%q) = %+v, want %+v", word.Lower, got, want)
		}
		if got, want := w.FactsOf(word.Text), lex.Facts(word.Text); got != want {
			t.Errorf("FactsOf(%q) = %+v, want %+v", word.Text, got, want)
		}
	}
	if got, want := w.FactsOf("harbour"), lex.Facts("harbour"); got != want {
		t.Errorf("FactsOf(harbour) = %+v, want %+v", got, want)
	}
	if !w.FactsOf("June").In(lexicon.DateWord) || !w.FactsOf("Marisol").First {
		t.Errorf("June is no date word or Marisol no first name")
	}
}
