package risk

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/risk/phrase"
)

// token is one word of the published text. It holds no pointer (its text is the span of
// the published text, its key a word of the document's vocabulary), so that the slice of a
// post's tokens is neither scanned by the garbage collector nor copied with write barriers
// as it grows.
type token struct {
	start, end int
	sent       int32  // sentence number
	clause     int32  // clause number (commas, semicolons, colons, brackets and dashes split clauses)
	id         int32  // the word's index in the document's vocabulary (vocab.words)
	upper      bool   // starts with an upper-case letter
	cands      uint16 // the finders whose first test may let the token through (tokenCands)
	// cls and bits are the word's vocabWord.cls and .bits, which the finders read at
	// nearly every token.
	cls, bits uint32
}

// vocabWord is one distinct key of a document, with what the tables say of it, looked up
// once per document instead of once per use.
type vocabWord struct {
	key  string // phrase.Key form
	row  int32  // the key's row in the phrase table (-1: none)
	cls  uint32 // the key's closed classes (wordClasses)
	bits uint32 // the row's kinds and marks (Tables.bits)
	// facts: what the lexicon says of the key, looked up on first use (fact*).
	facts uint16
	cands uint16 // wordCands
	num   int    // see factDigits and factNumberWord
	// placeStart and placeEnd: the spelling mayBePlace asked the lexicon about.
	placeStart, placeEnd int32
}

// Bits of vocabWord.facts: each fact has a bit saying it was looked up and one for its
// value.
const (
	factPersonKnown uint16 = 1 << iota
	factPerson
	factCondKnown
	factCond
	factNumKnown
	factDigits     // num is the word read as digits (atoi)
	factNumberWord // num is the number the word names (numberWords)
	factPlaceKnown
	factPlace // see mayBePlace
)

// vocab is a document's distinct keys, in an open-addressing hash table of their ids: a
// word's key is hashed as it is built, in a reused buffer, and compared only with keys of
// the same hash, which costs less than a Go map's lookup of a string at every word.
type vocab struct {
	slots  []int32 // id+1 of the key whose probe sequence passes here; 0: empty
	hashes []uint32
	words  []vocabWord
	buf    []byte // the key of a word being looked up
}

func newVocab(capacity int, s *scratch) vocab {
	n := 64
	for n < 2*capacity {
		n *= 2
	}
	v := vocab{slots: s.slots, hashes: s.hashes[:0], words: s.words[:0], buf: s.keyBuf[:0]}
	if cap(v.slots) >= n {
		v.slots = v.slots[:n]
		clear(v.slots)
	} else {
		v.slots = make([]int32, n)
	}
	if cap(v.hashes) < capacity {
		v.hashes = make([]uint32, 0, capacity)
	}
	if cap(v.words) < capacity {
		v.words = make([]vocabWord, 0, capacity)
	}
	return v
}

// scratch is the buffers of one assessment, reused from post to post (Tables.scratch):
// only what a post writes of them is read.
type scratch struct {
	toks    []token
	slots   []int32
	hashes  []uint32
	words   []vocabWord
	flags   []bool
	cands   [numCands][]int32 // the candidate lists (cands.go)
	authors []bool            // markAuthor's flags
	// keyBuf, wordBuf and phraseBuf: vocab.buf, finder.wordBuf and finder.keyBuf.
	keyBuf    []byte
	wordBuf   []string
	phraseBuf []byte
	pairs     []int32 // finder.pairs
}

// getScratch returns buffers for an assessment; putScratch gives them back.
func (t *Tables) getScratch() *scratch {
	if s, ok := t.scratch.Get().(*scratch); ok {
		return s
	}
	return new(scratch)
}

func (t *Tables) putScratch(s *scratch) { t.scratch.Put(s) }

// author returns n false flags for markAuthor, cleared, from a buffer of its own.
func (s *scratch) author(n int) []bool {
	if cap(s.authors) < n {
		s.authors = make([]bool, n)
	}
	b := s.authors[:n]
	clear(b)
	return b
}

// pairRows returns n zeros for finder.pairs, from a buffer of its own.
func (s *scratch) pairRows(n int) []int32 {
	if cap(s.pairs) < n {
		s.pairs = make([]int32, n)
	}
	b := s.pairs[:n]
	clear(b)
	return b
}

// falses returns n false flags from s, cleared.
func (s *scratch) falses(n int) []bool {
	if cap(s.flags) < n {
		s.flags = make([]bool, n)
	}
	b := s.flags[:n]
	clear(b)
	return b
}

// id returns the id of the key of raw (a word as tokenize cuts it), adding it when new.
// When raw is ASCII (ascii), h is hashBytes of its key and plain tells whether the key is
// raw itself, as tokenize worked out while reading the word.
func (v *vocab) id(t *Tables, raw string, h uint32, plain, ascii bool) int32 {
	switch {
	case !ascii:
		b := append(v.buf[:0], phrase.Key(raw)...)
		v.buf = b
		return v.lookup(t, b, raw, hashBytes(b), false)
	case plain:
		return v.lookup(t, nil, raw, h, true)
	}
	b, _ := appendWordKey(v.buf[:0], raw)
	v.buf = b
	return v.lookup(t, b, raw, h, true)
}

// lookup returns the id of the key (b, or raw itself when b is nil) whose hash is h, adding
// it when new. The key of an ASCII word is ASCII letters and digits: whether a condition of
// the lexicon begins with it is a bit of its row (bitLexCondition).
func (v *vocab) lookup(t *Tables, b []byte, raw string, h uint32, ascii bool) int32 {
	mask := uint32(len(v.slots) - 1)
	i := h & mask
	for ; v.slots[i] != 0; i = (i + 1) & mask {
		if id := v.slots[i] - 1; v.hashes[id] == h {
			if w := v.words[id].key; b == nil && w == raw || b != nil && w == string(b) {
				return id
			}
		}
	}
	// A new word: its key is the word itself when that is its key, or a copy.
	key := raw
	if b != nil && string(b) != raw {
		key = string(b)
	}
	id := int32(len(v.words))
	row := -1
	if t.mayHaveWord(h) {
		row = t.phrase(key)
	}
	w := vocabWord{key: key, row: int32(row), cls: classesOf(key, h), bits: t.bits(row)}
	if ascii {
		w.facts = factCondKnown
		if w.bits&bitLexCondition != 0 {
			w.facts |= factCond
		}
	}
	w.cands = wordCands(&w)
	v.words = append(v.words, w)
	v.hashes = append(v.hashes, h)
	v.slots[i] = id + 1
	if 2*len(v.words) > len(v.slots) {
		v.grow()
	}
	return id
}

// grow doubles the slots (at most half of them are used) and places every id again.
func (v *vocab) grow() {
	v.slots = make([]int32, 2*len(v.slots))
	mask := uint32(len(v.slots) - 1)
	for id, h := range v.hashes {
		i := h & mask
		for v.slots[i] != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = int32(id) + 1
	}
}

// hashBytes is FNV-1a with a final mix (MurmurHash3's), so that the low bits the slot mask
// keeps depend on every byte.
func hashBytes(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return mix32(h)
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func mix32(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// tokenize splits text into words with their byte spans, sentences and clauses, and gives
// each the id of its key in the document's vocabulary. A word is a run of letters and
// digits with inner apostrophes; a hyphen or dash ends a word, as in phrase.Key, so
// "Brightwater–Lowe" is two words.
func tokenize(t *Tables, text string, s *scratch) ([]token, []vocabWord) {
	// About one word in five to six bytes of prose; a guess that is short costs a growth.
	toks := s.toks[:0]
	if cap(toks) < len(text)/5+8 {
		toks = make([]token, 0, len(text)/5+8)
	}
	// A short text has a new word every seven bytes or so, a long post every thirty.
	v := newVocab(min(len(text)/7, 256+len(text)/32), s)
	defer func() { s.slots, s.hashes, s.keyBuf = v.slots, v.hashes, v.buf }()
	var sent, clause int32
	i := 0
	gapStart := 0
	for i = skipASCIIGap(text, 0); i < len(text); {
		if c := text[i]; c >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(text[i:]); !isWord(r) {
				i = skipASCIIGap(text, i+n)
				continue
			}
		}
		start := i
		// The word's key is hashed as the word is read (wordKey's ASCII form: lower case,
		// apostrophes dropped); plain: the key is the word itself. next: where the next
		// word may start.
		h, plain, ascii := uint32(fnvOffset), true, true
		next := -1
		for {
			var lower bool
			i, next, h, lower = scanASCIIWordGap(text, i, h)
			plain = plain && lower
			if next >= 0 {
				break // the word ended at an ASCII byte or the end of the text
			}
			c := text[i]
			r, n := rune(c), 1
			if c >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:])
				if isWord(r) {
					ascii = false
					i += n
					continue
				}
			}
			if (r == '\'' || r == '’') && i+n < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[i+n:]); unicode.IsLetter(r2) {
					plain, ascii = false, ascii && r == '\''
					i += n
					continue
				}
			}
			break
		}
		if next < 0 {
			next = skipASCIIGap(text, i)
		}
		if len(toks) > 0 {
			if start-gapStart != 1 || text[gapStart] != ' ' { // the gap is not one space
				s, c := boundaryASCII(text[gapStart:start])
				if s {
					sent++
					clause++
				} else if c {
					clause++
				}
			}
		}
		raw := text[start:i]
		upper := 'A' <= raw[0] && raw[0] <= 'Z'
		if raw[0] >= utf8.RuneSelf {
			first, _ := utf8.DecodeRuneInString(raw)
			upper = unicode.IsUpper(first)
		}
		var id int32
		if plain && ascii {
			id = v.lookup(t, nil, raw, mix32(h), true) // v.id's case of a plain ASCII word, without its call
		} else {
			id = v.id(t, raw, mix32(h), plain, ascii)
		}
		w := &v.words[id]
		// A word that is its own key (plain ASCII, lower case) adds to its word's candidate
		// bits only when it starts with a digit (tokenCands).
		cands := w.cands
		if !(plain && ascii) || raw[0] <= '9' {
			cands = tokenCands(cands, raw, upper)
		}
		toks = append(toks, token{start: start, end: i, sent: sent, clause: clause, id: id, upper: upper, cands: cands, cls: w.cls, bits: w.bits})
		gapStart, i = i, next
	}
	return toks, v.words
}

// scanASCIIWordGap reads the ASCII letters and digits of text from i, hashing their lower
// case into h (FNV-1a): it returns where they end, h and whether each was lower case
// already. When they end at an ASCII byte that is not an apostrophe (which ends the word)
// or at the end of the text, it also skips the ASCII gap after them (skipASCIIGap): next
// is where the next word may start, or -1 when the word may go on (a letter that is not
// ASCII, an apostrophe), which tokenize reads itself. A function of its own, not inlined,
// so that its few variables stay in registers (inlined into tokenize, such a loop reloaded
// them at every byte: 26 instructions a byte against 7), and one call a word.
//
//go:noinline
func scanASCIIWordGap(text string, i int, h uint32) (end, next int, _ uint32, lower bool) {
	lower = true
	for ; i < len(text); i++ {
		c := text[i]
		k := wordByte[c]
		if k == 0 {
			if c >= utf8.RuneSelf || c == '\'' {
				return i, -1, h, lower
			}
			end = i
			for i++; i < len(text); i++ {
				if c := text[i]; c >= utf8.RuneSelf || wordByte[c] != 0 {
					break
				}
			}
			return end, i, h, lower
		}
		if k != c {
			lower = false
		}
		h = (h ^ uint32(k)) * fnvPrime
	}
	return i, i, h, lower
}

// skipASCIIGap returns the index of the first byte of text from i that is an ASCII letter
// or digit or not ASCII (len(text) when none is): the ASCII spaces and punctuation between
// words. A loop of its own, not inlined, like scanASCIIWordGap.
//
//go:noinline
func skipASCIIGap(text string, i int) int {
	for ; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf || wordByte[c] != 0 {
			return i
		}
	}
	return i
}

// wordByte maps an ASCII letter or digit to its lower case, and every other byte (ASCII
// or not) to 0.
var wordByte = func() (w [256]byte) {
	for c := range utf8.RuneSelf {
		if isWord(rune(c)) {
			w[c] = byte(unicode.ToLower(rune(c)))
		}
	}
	return w
}()

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// boundary reports whether the text between two words ends a sentence or a clause.
func boundary(gap string) (sentence, clause bool) {
	if strings.ContainsAny(gap, ".!?|#") || strings.Contains(gap, "\n\n") {
		// A full stop after a one-letter initial or a title ("Dr.") does not end a
		// sentence often enough to matter here.
		return true, true
	}
	if i := strings.IndexByte(gap, '\n'); i >= 0 {
		rest := strings.TrimLeft(gap[i+1:], " \t")
		// A wrapped line goes on with a word; a list item or quote starts a new sentence.
		if rest != "" && strings.ContainsAny(rest[:1], "-*+>0123456789") {
			return true, true
		}
	}
	return false, strings.ContainsAny(gap, ",;:()[]–—\"“”")
}

// boundaryASCII is boundary, read in one pass over a gap of ASCII punctuation and spaces
// without a line break (most are); any other gap is left to boundary.
func boundaryASCII(gap string) (sentence, clause bool) {
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; c {
		case '.', '!', '?', '|', '#':
			return true, true
		case ',', ';', ':', '(', ')', '[', ']', '"':
			clause = true
		case '\n':
			return boundary(gap)
		default:
			if c >= utf8.RuneSelf {
				return boundary(gap)
			}
		}
	}
	return false, clause
}

// wordKey is phrase.Key of a word (letters, digits and inner apostrophes), without its
// Unicode normalisation when the word is ASCII (most are): lower case, apostrophes
// dropped, and the word itself when that changes nothing.
func wordKey(raw string) string {
	b, ascii := appendWordKey(nil, raw)
	switch {
	case !ascii:
		return phrase.Key(raw)
	case string(b) == raw:
		return raw
	}
	return string(b)
}

// appendWordKey appends wordKey(raw) to b when raw is ASCII; ascii is false (and b
// undefined) otherwise.
func appendWordKey(b []byte, raw string) (_ []byte, ascii bool) {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c >= utf8.RuneSelf:
			return b, false
		case c == '\'':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return b, true
}
