package deid

import (
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

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
	vocab     vocabTable
	made      atomic.Bool // words and vocab are made
	// lent holds the arrays the engine lent for the words and vocab
	// (Engine.lend), or nil: they are made in new ones.
	lent *scratch
	// spent is set when the engine has taken its arrays back: the words
	// are no longer there to read (Engine.release).
	spent bool

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
	a.made1()
	return a.words
}

// Vocab returns the distinct lookup forms of the words (Word.Lower), in
// order of first appearance: Word.ID indexes it, so that what a lexicon
// says of a word can be looked up once per distinct word and kept in a
// slice by id.
func (a *Analysis) Vocab() []string {
	a.made1()
	if len(a.vocab.forms) == 0 {
		return nil // as before its room was made ahead (vocabTable.sized)
	}
	return a.vocab.forms
}

// ID returns the id of a lookup form among the words of the text.
func (a *Analysis) ID(lower string) (int32, bool) {
	a.made1()
	return a.vocab.find(hashForm(a.vocab.seed, lower), lower)
}

// WordID is ID(LookupForm(w)), without making the lookup form of an ASCII
// word with capitals.
func (a *Analysis) WordID(w string) (int32, bool) {
	a.made1()
	if len(w) <= 64 && asciiForm(w, false) == formASCIIUpper {
		var buf [64]byte
		b := lowerASCII(buf[:len(w)], w)
		return a.vocab.find(hashForm(a.vocab.seed, unsafe.String(&b[0], len(b))), unsafe.String(&b[0], len(b)))
	}
	lower := LookupForm(w)
	return a.vocab.find(hashForm(a.vocab.seed, lower), lower)
}

// made1 makes the words and the vocabulary the first time it is called.
// To read them after the engine took their arrays back (a recognizer or
// planner that kept the analysis past Detect or Plan) is a mistake that
// would read another document's words: it panics, and the engine holds
// the text back.
func (a *Analysis) made1() {
	if a.spent {
		panic("deid: a document's words read after the engine was done with it")
	}
	a.wordsOnce.Do(a.tokenize)
}

func (a *Analysis) tokenize() {
	var words []Word
	if a.lent != nil {
		words, a.vocab = a.lent.words, a.lent.vocab
	}
	a.vocab.seed = rand.Uint64()
	a.words = tokenizeInto(words, a.lent != nil, a.text, &a.vocab)
	a.made.Store(true)
}

// WordsMade reports whether the words and the vocabulary have been made
// (by a call of Words, Vocab, ID or WordID), so that a reader that can also
// do without them (the planner, which reads the text otherwise) uses them
// only when they cost nothing more.
func (a *Analysis) WordsMade() bool { return a.made.Load() }

// vocabTable is the vocabulary of a document: its distinct lookup forms, in
// order of first appearance, found by an open-addressing table of their
// hashes. Unlike a map from forms to ids, it can be asked about a form
// still in a buffer (a capitalised word lower-cased on the stack), so that
// the lookup form of a capitalised word is made once per distinct word
// rather than once per use.
type vocabTable struct {
	seed   uint64   // of hashForm, drawn for each document
	forms  []string // by id
	hashes []uint64 // of forms, by id
	slots  []int32  // id + 1, or 0 for empty; len is 0 or a power of two
}

// sized makes room for the vocabulary of a text of at most n words
// (wordsAtMost), so that it is not grown and copied while tokenizing: texts
// hold about one distinct word in four or five (a fifth on 8 KB posts), more
// when short; 2/7 of the words was short on 5 of the 1,000 generated posts.
// The arrays v holds (lent by the engine, of an earlier document) are
// reused, emptied, when they are large enough.
func (v *vocabTable) sized(n int) {
	n = n*2/7 + 16
	v.forms = emptied(v.forms, n)
	v.hashes = emptied(v.hashes, n)
	slots := 64
	for slots < 2*n {
		slots *= 2
	}
	if cap(v.slots) >= slots {
		v.slots = v.slots[:slots]
		clear(v.slots)
	} else {
		v.slots = make([]int32, slots)
	}
}

// emptied returns s emptied if it can hold n elements, or a new empty slice
// that can (never nil, as make's).
func emptied[T any](s []T, n int) []T {
	if s != nil && cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, n)
}

// find returns the id of form, whose hash is h.
func (v *vocabTable) find(h uint64, form string) (int32, bool) {
	if len(v.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			return 0, false
		}
		if id := s - 1; v.hashes[id] == h && v.forms[id] == form {
			return id, true
		}
	}
}

// add adds form, whose hash is h and which find did not find, and returns
// its id.
func (v *vocabTable) add(h uint64, form string) int32 {
	id := int32(len(v.forms))
	v.forms = append(v.forms, form)
	v.hashes = append(v.hashes, h)
	if 2*len(v.forms) > len(v.slots) {
		v.slots = make([]int32, max(64, 4*len(v.slots)))
		for id := range v.forms {
			v.place(v.hashes[id], int32(id))
		}
		return id
	}
	v.place(h, id)
	return id
}

func (v *vocabTable) place(h uint64, id int32) {
	mask := uint64(len(v.slots) - 1)
	i := h & mask
	for v.slots[i] != 0 {
		i = (i + 1) & mask
	}
	v.slots[i] = id + 1
}

// intern returns the lookup form of word w, whose form (wordShape) is
// form, and its id, adding it if it is new.
func (v *vocabTable) intern(w string, form int) (string, int32) {
	switch {
	case form == formSelf:
	case form == formASCIIUpper && len(w) <= 64:
		var buf [64]byte
		b := lowerASCII(buf[:len(w)], w)
		h := hashForm(v.seed, unsafe.String(&b[0], len(b)))
		if id, ok := v.find(h, unsafe.String(&b[0], len(b))); ok {
			return v.forms[id], id
		}
		lower := string(b)
		return lower, v.add(h, lower)
	case form == formASCIIUpper:
		w = strings.ToLower(w)
	default:
		w = lookupForm(w)
	}
	h := hashForm(v.seed, w)
	if id, ok := v.find(h, w); ok {
		return v.forms[id], id
	}
	return w, v.add(h, w)
}

// hashForm is a seeded hash of a lookup form for vocabTable (see
// vocab.HashForm). Only which slot a form takes depends on it; ids are
// given in order of first appearance.
func hashForm(seed uint64, s string) uint64 { return vocab.HashForm(seed, s) }

func load64(s string) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s), 8))
}

func load32(s string) uint32 {
	return binary.LittleEndian.Uint32(unsafe.Slice(unsafe.StringData(s), 4))
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

// lowerASCII writes the lower case of the ASCII word w into b, of w's
// length, and returns b.
func lowerASCII(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}
