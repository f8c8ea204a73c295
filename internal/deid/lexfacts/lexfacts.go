// Package lexfacts keeps what the lexicons say of the words of one document
// (lexicon.Facts), by the words' ids in the document's vocabulary
// (deid.Analysis): each distinct word of a document is looked up once,
// however many recognizers ask and however often it recurs. It sits between
// deid and the recognizers so that deid itself, and the planner, need not
// know the lexicons.
package lexfacts

import (
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Words holds the facts of a document's words for one lexicon. They are
// looked up all at once when it is made, so that reading them needs no
// lock: it is safe for concurrent use.
type Words struct {
	an    *deid.Analysis
	lex   *lexicon.Lexicon
	facts []lexicon.Facts // by id
}

type key struct{ lex *lexicon.Lexicon }

// factsKey names the array of Words.facts among the document's
// (deid.AnalysisArray): a Words is kept with its document (AnalysisValue)
// and by the recognizers only while they read it, never past it.
type factsKey struct{ lex *lexicon.Lexicon }

// Of returns the facts of the words of the document an according to lex,
// made once per document and lexicon and kept with the document. Every
// distinct word is looked up: the recognizers that share them (the
// dictionary's, the sequence tagger) ask about nearly all of a text's
// words between them.
func Of(an *deid.Analysis, lex *lexicon.Lexicon) *Words {
	return deid.AnalysisValue(an, key{lex}, func() *Words {
		vocab := an.Vocab()
		// Every element is written: the array may be an earlier
		// document's.
		facts := deid.AnalysisArray[lexicon.Facts](an, factsKey{lex}, len(vocab))
		for id, w := range vocab {
			facts[id] = lex.Facts(w)
		}
		return &Words{an: an, lex: lex, facts: facts}
	})
}

// Facts returns lex.Facts of the word whose id is id (Vocab()[id]).
func (w *Words) Facts(id int32) lexicon.Facts { return w.facts[id] }

// FactsOf is Facts of any word: by id when it is a word of the text (in its
// lookup form, deid.LookupForm), looked up directly otherwise.
func (w *Words) FactsOf(word string) lexicon.Facts {
	if id, ok := w.an.WordID(word); ok {
		return w.facts[id]
	}
	return w.lex.Facts(word)
}
