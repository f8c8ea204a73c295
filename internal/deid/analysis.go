package deid

import "sync"

// Analysis is what the recognizers share of one document: its words, each
// with an id into the document's vocabulary (Words, Vocab), and whatever a
// recognizer derives from them once per document (AnalysisValue). It is
// built on first use and belongs to the document: nothing of one text
// outlives it and nothing is shared between texts, so there is no
// package-level cache to keep coherent. It is safe for concurrent use.
type Analysis struct {
	text string

	wordsOnce sync.Once
	words     []Word
	vocab     []string
	ids       map[string]int32

	mu   sync.Mutex
	vals map[any]any
}

// Analysis returns the analysis of d.Text. The engine makes it before the
// detectors run, so that they all share it; a Doc made by hand gets one on
// the first call (which must then not race with another call on the same
// Doc).
func (d *Doc) Analysis() *Analysis {
	if a := d.analysis; a != nil && a.text == d.Text {
		return a
	}
	a := &Analysis{text: d.Text}
	d.analysis = a
	return a
}

// Text is the text analysed.
func (a *Analysis) Text() string { return a.text }

// Words returns the words of the text in order (see Tokenize). The slice is
// shared: callers must not modify it.
func (a *Analysis) Words() []Word {
	a.wordsOnce.Do(a.tokenize)
	return a.words
}

// Vocab returns the distinct lookup forms of the words (Word.Lower), in
// order of first appearance: Word.ID indexes it, so that what a lexicon
// says of a word can be looked up once per distinct word and kept in a
// slice by id.
func (a *Analysis) Vocab() []string {
	a.wordsOnce.Do(a.tokenize)
	return a.vocab
}

// ID returns the id of a lookup form among the words of the text.
func (a *Analysis) ID(lower string) (int32, bool) {
	a.wordsOnce.Do(a.tokenize)
	id, ok := a.ids[lower]
	return id, ok
}

func (a *Analysis) tokenize() {
	a.words = Tokenize(a.text)
	a.ids = make(map[string]int32, len(a.words)/3+1)
	for i := range a.words {
		w := &a.words[i]
		id, ok := a.ids[w.Lower]
		if !ok {
			id = int32(len(a.vocab))
			a.ids[w.Lower] = id
			a.vocab = append(a.vocab, w.Lower)
		}
		w.ID = id
	}
}

// AnalysisValue returns the value a recognizer derived from the document
// under key, calling build to make it the first time. A key is a value of
// a type private to the recognizer's package (with the lexicon it reads, if
// any), so that recognizers do not see each other's values. build may call
// AnalysisValue for another key.
func AnalysisValue[T any](a *Analysis, key any, build func() T) T {
	a.mu.Lock()
	if v, ok := a.vals[key]; ok {
		a.mu.Unlock()
		return v.(T)
	}
	a.mu.Unlock()
	v := build()
	a.mu.Lock()
	defer a.mu.Unlock()
	if old, ok := a.vals[key]; ok {
		return old.(T)
	}
	if a.vals == nil {
		a.vals = map[any]any{}
	}
	a.vals[key] = v
	return v
}
