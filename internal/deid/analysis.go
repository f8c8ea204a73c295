package deid

import (
	"hash/maphash"
	"strings"
	"sync"
	"unsafe"
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
	if len(a.vocab.forms) == 0 {
		return nil // as before its room was made ahead (vocabTable.sized)
	}
	return a.vocab.forms
}

// ID returns the id of a lookup form among the words of the text.
func (a *Analysis) ID(lower string) (int32, bool) {
	a.wordsOnce.Do(a.tokenize)
	return a.vocab.find(maphash.String(a.vocab.seed, lower), lower)
}

// WordID is ID(LookupForm(w)), without making the lookup form of an ASCII
// word with capitals.
func (a *Analysis) WordID(w string) (int32, bool) {
	a.wordsOnce.Do(a.tokenize)
	if len(w) <= 64 && asciiForm(w, false) == formASCIIUpper {
		var buf [64]byte
		b := lowerASCII(buf[:len(w)], w)
		return a.vocab.find(maphash.Bytes(a.vocab.seed, b), unsafe.String(&b[0], len(b)))
	}
	lower := LookupForm(w)
	return a.vocab.find(maphash.String(a.vocab.seed, lower), lower)
}

func (a *Analysis) tokenize() {
	a.vocab.seed = maphash.MakeSeed()
	a.vocab.sized(wordsAtMost(a.text))
	a.words = tokenize(a.text, &a.vocab)
}

// vocabTable is the vocabulary of a document: its distinct lookup forms, in
// order of first appearance, found by an open-addressing table of their
// hashes. Unlike a map from forms to ids, it can be asked about a form
// still in a buffer (a capitalised word lower-cased on the stack), so that
// the lookup form of a capitalised word is made once per distinct word
// rather than once per use.
type vocabTable struct {
	seed   maphash.Seed
	forms  []string // by id
	hashes []uint64 // of forms, by id
	slots  []int32  // id + 1, or 0 for empty; len is 0 or a power of two
}

// sized makes room for the vocabulary of a text of about n words, so that
// it is not grown and copied while tokenizing: texts hold about one
// distinct word in four or five (a fifth on 8 KB posts), more when short.
func (v *vocabTable) sized(n int) {
	n = n/4 + 16
	v.forms = make([]string, 0, n)
	v.hashes = make([]uint64, 0, n)
	slots := 64
	for slots < 2*n {
		slots *= 2
	}
	v.slots = make([]int32, slots)
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
		h := maphash.Bytes(v.seed, b)
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
	h := maphash.String(v.seed, w)
	if id, ok := v.find(h, w); ok {
		return v.forms[id], id
	}
	return w, v.add(h, w)
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
