package deid

import (
	"reflect"
	"unsafe"
)

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
	// arrays are the recognizers' (AnalysisArray), by key.
	arrays map[any]lentArray
}

// lentArray is an array of AnalysisArray's.
type lentArray interface {
	size() int // its capacity
	returned() // the document is done: it may be given again
	spoil()    // junk written over its elements
}

// lentSlice is a lentArray of Ts.
type lentSlice[T any] struct {
	s     []T
	taken bool // given for the document being read
}

func (l *lentSlice[T]) size() int { return cap(l.s) }
func (l *lentSlice[T]) returned() { l.taken = false }

// spoil sets every byte of a pointer-free T (as the arrays lent are) to
// 0xa5, which no recognizer writes; other Ts are cleared.
func (l *lentSlice[T]) spoil() {
	s := l.s[:cap(l.s)]
	if len(s) == 0 {
		return
	}
	if !pointerFree(reflect.TypeFor[T]()) {
		clear(s)
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(s[0])))
	for i := range b {
		b[i] = 0xa5
	}
}

// pointerFree reports whether values of t hold no pointers.
func pointerFree(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	case reflect.Array:
		return t.Len() == 0 || pointerFree(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if !pointerFree(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}

// AnalysisArray returns n elements of an array for a recognizer to keep
// what it derives from the document a analyses, one element per word or
// per vocabulary id, say. When the engine lent a's arrays (it does for
// every document it reads), the array is one an earlier document had under
// the same key, and its elements hold what was left there: the caller must
// write each element before reading it. Otherwise the elements are new
// (zero). Neither the caller nor anything it gives the slice to may keep
// it past the document: the engine gives the array to the next document
// once it is done with this one. key names the array among the document's,
// as AnalysisValue's keys name values: a value of a type private to the
// caller's package. A second call with the same key for the same document
// gets a new array.
func AnalysisArray[T any](a *Analysis, key any, n int) []T {
	a.mu.Lock()
	defer a.mu.Unlock()
	sc := a.lent
	if sc == nil {
		return make([]T, n)
	}
	l, _ := sc.arrays[key].(*lentSlice[T])
	if l == nil {
		l = new(lentSlice[T])
		if sc.arrays == nil {
			sc.arrays = map[any]lentArray{}
		}
		sc.arrays[key] = l
	} else if l.taken {
		return make([]T, n)
	}
	l.taken = true
	if l.s == nil || cap(l.s) < n {
		l.s = make([]T, n) // never nil, as make's
	}
	l.s = l.s[:n]
	return l.s
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
	for key, l := range sc.arrays {
		l.returned()
		if e.freshScratch {
			l.spoil()
		} else if l.size() > maxLentWords {
			delete(sc.arrays, key)
		}
	}
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
