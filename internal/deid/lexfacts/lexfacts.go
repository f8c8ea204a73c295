// Package lexfacts keeps what the lexicons say of the words of one document
// (lexicon.Facts), by the words' ids in the document's vocabulary
// (deid.Analysis): each distinct word of a document is looked up once,
// however many recognizers ask and however often it recurs. It sits between
// deid and the recognizers so that deid itself, and the planner, need not
// know the lexicons.
package lexfacts

import (
	"sync"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Words holds the facts of a document's words for one lexicon. It is safe
// for concurrent use.
type Words struct {
	an  *deid.Analysis
	lex *lexicon.Lexicon

	mu     sync.Mutex
	facts  []lexicon.Facts
	looked []bool
}

type key struct{ lex *lexicon.Lexicon }

// Of returns the facts of the words of the document an according to lex,
// made once per document and lexicon and kept with the document.
func Of(an *deid.Analysis, lex *lexicon.Lexicon) *Words {
	return deid.AnalysisValue(an, key{lex}, func() *Words {
		n := len(an.Vocab())
		return &Words{an: an, lex: lex, facts: make([]lexicon.Facts, n), looked: make([]bool, n)}
	})
}

// Facts returns lex.Facts of the word whose id is id (Vocab()[id]).
func (w *Words) Facts(id int32) lexicon.Facts {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.looked[id] {
		w.looked[id] = true
		w.facts[id] = w.lex.Facts(w.an.Vocab()[id])
	}
	return w.facts[id]
}

// FactsOf is Facts of any word: by id when it is a word of the text (in its
// lookup form, deid.LookupForm), looked up directly otherwise.
func (w *Words) FactsOf(word string) lexicon.Facts {
	if id, ok := w.an.ID(deid.LookupForm(word)); ok {
		return w.Facts(id)
	}
	return w.lex.Facts(word)
}
