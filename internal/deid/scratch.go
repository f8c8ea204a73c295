package deid

// scratch holds the arrays of one document's analysis and of the engine's
// own passes over it: the words (96 bytes each, a fifth of all the bytes a
// build allocated when each document made its own), the vocabulary's
// arrays and the glue's words (splitWords). The engine lends one to each
// document it reads (Engine.lend) and takes it back when it is done with
// the document (Engine.release), so that the documents a worker reads one
// after another reuse the same arrays.
//
// That is safe because nothing keeps them past the document: the
// recognizers and the planner read the words and the vocabulary during
// Detect and Plan, and what they keep of them (findings, the values of
// AnalysisValue, their own scratch) holds strings, offsets and ids, never
// the slices or pointers into them (the strings point into the text or
// into forms made for the document, which are never reused). The engine
// passes no Doc it lends to anything that outlives Deidentify or Detect.
// TestScratchReuseIsFresh (internal/cli) de-identifies varied texts with
// reused arrays and with fresh ones overwritten once released, and
// compares the results.
type scratch struct {
	words []Word
	vocab vocabTable // its arrays: forms, hashes, slots
	glue  []word     // splitWords'
	// The findings of detectAnalysed: all of them, and those the
	// detectors have found so far (Doc.Found), merged into the two
	// arrays in turn; seen is the Doc each detector gets.
	all   []Finding
	found [2][]Finding
	seen  Doc
}

// maxLentWords is the most words of a document whose arrays go back to the
// engine: a rare huge document's are left to the collector rather than
// kept for every shorter one after it.
const maxLentWords = 1 << 16

// maxLentFindings is maxLentWords for the arrays of findings.
const maxLentFindings = 1 << 13

// lend returns a copy of doc with a new analysis of its text, as analysed
// does, whose words and vocabulary will be made in arrays lent by e. The
// caller gives them back with release once it is done with the copy.
func (e *Engine) lend(doc *Doc) *Doc {
	d := analysed(doc)
	sc, _ := e.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	d.analysis.lent = sc
	return d
}

// release takes back the arrays lend lent to doc. Nothing may read doc's
// analysis or the words it gave after this: asking it for its words or
// vocabulary panics from then on, and in the arrays the next document's
// are written.
func (e *Engine) release(doc *Doc) {
	a := doc.analysis
	sc := a.lent
	if sc == nil {
		return
	}
	a.lent, a.spent = nil, true
	if a.made.Load() {
		// The arrays the words were made in (or new ones, if the lent
		// ones were too small).
		sc.words, sc.vocab = a.words[:0], a.vocab
		a.words, a.vocab = nil, vocabTable{}
	}
	sc.seen = Doc{}
	if e.freshScratch {
		sc.spoil()
		return
	}
	if cap(sc.words) > maxLentWords {
		sc.words, sc.vocab = nil, vocabTable{}
	}
	if cap(sc.glue) > maxLentWords {
		sc.glue = nil
	}
	for _, fs := range [...]*[]Finding{&sc.all, &sc.found[0], &sc.found[1]} {
		if cap(*fs) > maxLentFindings {
			*fs = nil
		}
	}
	e.scratch.Put(sc)
}

// spoil overwrites what sc holds with words and forms no text has, and
// drops it: with WithFreshScratch, a reader that kept a document's words
// past its release reads those instead of the words, and the results
// differ from the ones with arrays reused.
func (sc *scratch) spoil() {
	words := sc.words[:cap(sc.words)]
	for i := range words {
		words[i] = Word{Start: -7, End: -3, Text: "\x00spoilt", Lower: "\x00spoilt", ID: 1 << 30, Shape: ShapeMixed, Letters: 99,
			Poss: true, Dot: true, Handle: true, SentStart: true, LineStart: true, LineEnd: true, Caps: true, Line: -1, Gap: "\x00"}
	}
	forms := sc.vocab.forms[:cap(sc.vocab.forms)]
	for i := range forms {
		forms[i] = "\x00spoilt"
	}
	glue := sc.glue[:cap(sc.glue)]
	for i := range glue {
		glue[i] = word{start: -5, end: -1, key: "\x00spoilt"}
	}
	for _, fs := range [][]Finding{sc.all, sc.found[0], sc.found[1]} {
		fs = fs[:cap(fs)]
		for i := range fs {
			fs[i] = Finding{Start: -9, End: -8, Kind: "\x00spoilt", Text: "\x00spoilt", Replacement: "\x00spoilt", Recognizer: "\x00spoilt"}
		}
	}
}

// WithFreshScratch makes the engine read every document in arrays of its
// own, overwritten with junk once the document is done, instead of reusing
// them for the next document: a check, for tests, that no recognizer or
// planner keeps a document's words past Deidentify or Detect.
func WithFreshScratch() Option {
	return func(e *Engine) { e.freshScratch = true }
}
