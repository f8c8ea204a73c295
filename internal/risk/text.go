package risk

import (
	"slices"
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
	key string // phrase.Key form
	// pre is keyPre(key): the key itself when it has at most 8 bytes, so that a word of
	// the text is matched to its key by two integer compares, without a string compare.
	pre  uint64
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

// keyPre packs the last eight bytes of a key into an integer, the first of them highest
// (each byte shifted in from the right, as tokenize reads a word): a key of at most eight
// bytes is given exactly by its length and keyPre, so two such keys are equal exactly when
// both are. A longer key's keyPre is only a hash.
func keyPre[S string | []byte](key S) uint64 {
	var pre uint64
	for i := 0; i < len(key); i++ {
		pre = pre<<8 | uint64(key[i])
	}
	return pre
}

// vocab is a document's distinct keys, in an open-addressing hash table of their ids: a
// word's key is packed (keyPre) as the word is read, its slot found by a multiplicative
// hash of that, and a key of at most eight bytes compared as two integers (longer ones
// as strings), which costs less than a Go map's lookup of a string at every word.
type vocab struct {
	slots []int32 // id+1 of the key whose probe sequence passes here; 0: empty
	shift uint    // 64 - log2(len(slots)): slotOf keeps the top bits of the product
	words []vocabWord
	buf   []byte // the key of a word being looked up
}

// slotOf is the first slot of the probe sequence of a key of n bytes whose keyPre is pre
// (Fibonacci hashing: the top bits of the product depend on every bit of pre).
func (v *vocab) slotOf(pre uint64, n int) uint32 {
	return uint32((pre + uint64(n)) * 0x9e3779b97f4a7c15 >> v.shift)
}

func newVocab(capacity int, s *scratch) vocab {
	n, shift := 64, uint(64-6)
	for n < 2*capacity {
		n *= 2
		shift--
	}
	v := vocab{slots: s.slots, shift: shift, words: s.words[:0], buf: s.keyBuf[:0]}
	if cap(v.slots) >= n {
		v.slots = v.slots[:n]
		clear(v.slots)
	} else {
		v.slots = make([]int32, n)
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
	words   []vocabWord
	flags   []bool
	cands   [numCands][]int32 // the candidate lists (cands.go)
	authors []bool            // markAuthor's flags
	// keyBuf, wordBuf and phraseBuf: vocab.buf, finder.wordBuf and finder.keyBuf.
	keyBuf    []byte
	wordBuf   []string
	phraseBuf []byte
	pairs     []int32            // finder.pairs
	recs      [wordBatch]wordRec // scanWords' words
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
// ascii: raw is ASCII; plain: its key is raw itself (ASCII, lower case, no apostrophe).
func (v *vocab) id(t *Tables, raw string, plain, ascii bool) int32 {
	switch {
	case !ascii:
		b := append(v.buf[:0], phrase.Key(raw)...)
		v.buf = b
		return v.lookup(t, b, raw, false)
	case plain:
		return v.lookup(t, nil, raw, true)
	}
	b, _ := appendWordKey(v.buf[:0], raw)
	v.buf = b
	return v.lookup(t, b, raw, true)
}

// lookup returns the id of the key (b, or raw itself when b is nil), adding it when new.
// ascii: raw is ASCII (see add).
func (v *vocab) lookup(t *Tables, b []byte, raw string, ascii bool) int32 {
	var pre uint64
	n := len(raw)
	if b == nil {
		pre = keyPre(raw)
	} else {
		pre, n = keyPre(b), len(b)
	}
	mask := uint32(len(v.slots) - 1)
	i := v.slotOf(pre, n) & mask
	for ; v.slots[i] != 0; i = (i + 1) & mask {
		id := v.slots[i] - 1
		if w := &v.words[id]; w.pre == pre && len(w.key) == n && (n <= 8 || b == nil && w.key == raw || b != nil && w.key == string(b)) {
			return id
		}
	}
	// A new word: its key is the word itself when that is its key, or a copy.
	key := raw
	if b != nil && string(b) != raw {
		key = string(b)
	}
	return v.add(t, key, pre, i, ascii)
}

// add adds key, whose keyPre is pre, at the empty slot i of its probe sequence, and
// returns its id. The key of an ASCII word is ASCII letters and digits: whether a
// condition of the lexicon begins with it is a bit of its row (bitLexCondition).
func (v *vocab) add(t *Tables, key string, pre uint64, i uint32, ascii bool) int32 {
	h := hashString(key)
	id := int32(len(v.words))
	row := -1
	if t.mayHaveWord(h) {
		row = t.phrase(key)
	}
	w := vocabWord{key: key, pre: pre, row: int32(row), cls: classesOf(key, h), bits: t.bits(row)}
	if ascii {
		w.facts = factCondKnown
		if w.bits&bitLexCondition != 0 {
			w.facts |= factCond
		}
	}
	w.cands = wordCands(&w)
	v.words = append(v.words, w)
	v.slots[i] = id + 1
	if 2*len(v.words) > len(v.slots) {
		v.grow()
	}
	return id
}

// grow doubles the slots (at most half of them are used) and places every id again.
func (v *vocab) grow() {
	v.slots = make([]int32, 2*len(v.slots))
	v.shift--
	mask := uint32(len(v.slots) - 1)
	for id := range v.words {
		w := &v.words[id]
		i := v.slotOf(w.pre, len(w.key)) & mask
		for v.slots[i] != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = int32(id) + 1
	}
}

// hashBytes is FNV-1a with a final mix (MurmurHash3's), so that the low bits the filters
// keep depend on every byte: the phrase table's Bloom filter (Tables.mayHaveWord) and
// wordClassBits are keyed by it.
func hashBytes(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return mix32(h)
}

// hashString is hashBytes of s.
func hashString(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
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

// wordBatch is the most words scanWords reads in one call.
const wordBatch = 64

// wordRec is a word scanWords read: its span, keyPre of its key and its flags (rec*).
type wordRec struct {
	start, end int
	pre        uint64
	flags      uint8
}

// Flags of wordRec: what the ASCII gap before the word holds (when recGapRead is set:
// scanWords read the gap; recGapMore says it holds a space or other punctuation); the word
// is its own key (lower case); it starts with a capital. The gap flags are also scanByte's
// values for gap bytes, so they stay below '0'.
const (
	recGapMore     uint8 = 1 << iota // ' ' and any ASCII byte that is no letter, digit or mark below
	recGapClause                     // ',', ';', ':', '(', ')', '[', ']', '"'
	recGapSentence                   // '.', '!', '?', '|', '#'
	recGapBreak                      // '\n'
	recGapRead
	recLower
	recUpper
	recSpelling // not lower case, or starts with a digit: tokenCands reads the spelling
)

// scanByte maps an ASCII letter or digit to its lower case ('0' and above), a byte that is
// not ASCII to 0, and any other ASCII byte to the recGap flag it sets (recGapMore for
// spaces and other punctuation).
var scanByte = func() (b [256]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case wordByte[c] != 0:
			b[c] = wordByte[c]
		case strings.IndexByte(".!?|#", byte(c)) >= 0:
			b[c] = recGapSentence
		case strings.IndexByte(",;:()[]\"", byte(c)) >= 0:
			b[c] = recGapClause
		case c == '\n':
			b[c] = recGapBreak
		default:
			b[c] = recGapMore
		}
	}
	return b
}()

// tokenize splits text into words with their byte spans, sentences and clauses, and gives
// each the id of its key in the document's vocabulary. A word is a run of letters and
// digits with inner apostrophes; a hyphen or dash ends a word, as in phrase.Key, so
// "Brightwater–Lowe" is two words.
//
// Most words are ASCII letters and digits between ASCII gaps: scanWords reads up to
// wordBatch of them in a loop of its own, and tokenize finds each in the vocabulary by its
// keyPre. A word that is not ASCII, or ends at an apostrophe, is read one at a time
// (tokenizeWord).
func tokenize(t *Tables, text string, s *scratch) ([]token, []vocabWord) {
	// About one word in five to six bytes of prose; a guess that is short costs a growth.
	toks := s.toks[:0]
	if cap(toks) < len(text)/5+8 {
		toks = make([]token, 0, len(text)/5+8)
	}
	// A short text has a new word every seven bytes or so, a long post every thirty.
	tz := tokenizer{t: t, text: text, v: newVocab(min(len(text)/7, 256+len(text)/32), s), toks: toks}
	recs := &s.recs
	for i := skipASCIIGap(text, 0); i < len(text); {
		if text[i] < utf8.RuneSelf {
			n, next := scanWords(text, i, recs)
			if n > 0 {
				tz.addWords(recs[:n])
				i = next
				continue
			}
		}
		i = tz.word(i)
	}
	s.slots, s.keyBuf = tz.v.slots, tz.v.buf
	return tz.toks, tz.v.words
}

// tokenizer is tokenize's state between words.
type tokenizer struct {
	t            *Tables
	text         string
	v            vocab
	toks         []token
	sent, clause int32
	gapStart     int // where the gap before the next word starts
}

// gap counts the sentence and clause the gap before a word (from tz.gapStart to start)
// ends, if any.
func (tz *tokenizer) gap(start int) {
	if len(tz.toks) > 0 {
		if start-tz.gapStart != 1 || tz.text[tz.gapStart] != ' ' { // the gap is not one space
			s, c := boundaryASCII(tz.text[tz.gapStart:start])
			if s {
				tz.sent++
				tz.clause++
			} else if c {
				tz.clause++
			}
		}
	}
}

// addWords adds the tokens of words scanWords read: ASCII, without apostrophes.
func (tz *tokenizer) addWords(recs []wordRec) {
	text, v := tz.text, &tz.v
	sent, clause, gapStart := tz.sent, tz.clause, tz.gapStart
	// The tokens are written in place, field by field (an append of a token literal
	// built it on the stack and copied it).
	base := len(tz.toks)
	toks := slices.Grow(tz.toks, len(recs))[:base+len(recs)]
	for k := range recs {
		r := &recs[k]
		start, end, f := r.start, r.end, r.flags
		if base+k > 0 {
			// The gap before the word: as boundaryASCII reads it. A sentence mark ends a
			// sentence whatever else the gap holds; a line break without one is read by
			// boundary.
			switch g := f &^ (recLower | recUpper | recSpelling | recGapMore); {
			case g == recGapRead:
			case g&recGapRead == 0:
				if start-gapStart != 1 || text[gapStart] != ' ' {
					if s, c := boundaryASCII(text[gapStart:start]); s {
						sent++
						clause++
					} else if c {
						clause++
					}
				}
			case g&recGapSentence != 0:
				sent++
				clause++
			case g&recGapBreak != 0:
				if s, c := boundary(text[gapStart:start]); s {
					sent++
					clause++
				} else if c {
					clause++
				}
			default: // a clause mark
				clause++
			}
		}
		n := end - start
		var id int32
		if n <= 8 || f&recLower != 0 {
			// Find the key by keyPre and its length; a key of more than eight bytes is
			// compared as a string (the word itself: lower case).
			mask := uint32(len(v.slots) - 1)
			i := v.slotOf(r.pre, n) & mask
			for {
				s := v.slots[i]
				if s == 0 {
					key := text[start:end]
					if f&recLower == 0 {
						b, _ := appendWordKey(v.buf[:0], key)
						v.buf = b
						key = string(b)
					}
					id = v.add(tz.t, key, r.pre, i, true)
					break
				}
				if w := &v.words[s-1]; w.pre == r.pre && len(w.key) == n && (n <= 8 || w.key == text[start:end]) {
					id = s - 1
					break
				}
				i = (i + 1) & mask
			}
		} else {
			id = v.id(tz.t, text[start:end], false, true)
		}
		w := &v.words[id]
		// A word that is its own key (plain ASCII, lower case) adds to its word's candidate
		// bits only when it starts with a digit (tokenCands).
		cands := w.cands
		if f&recSpelling != 0 {
			cands = tokenCands(cands, text[start:end], f&recUpper != 0)
		}
		tk := &toks[base+k]
		tk.start, tk.end, tk.sent, tk.clause, tk.id = start, end, sent, clause, id
		tk.upper, tk.cands, tk.cls, tk.bits = f&recUpper != 0, cands, w.cls, w.bits
		gapStart = end
	}
	tz.toks, tz.sent, tz.clause, tz.gapStart = toks, sent, clause, gapStart
}

// word reads the word at i (or skips a byte sequence that is no letter or digit), adds its
// token and returns where the next word may start.
func (tz *tokenizer) word(i int) int {
	text := tz.text
	if c := text[i]; c >= utf8.RuneSelf {
		if r, n := utf8.DecodeRuneInString(text[i:]); !isWord(r) {
			return skipASCIIGap(text, i+n)
		}
	}
	start := i
	// plain: the key is the word itself; next: where the next word may start.
	plain, ascii := true, true
	next := -1
	for {
		var lower bool
		i, next, lower = scanASCIIWordGap(text, i)
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
	tz.gap(start)
	raw := text[start:i]
	upper := 'A' <= raw[0] && raw[0] <= 'Z'
	if raw[0] >= utf8.RuneSelf {
		first, _ := utf8.DecodeRuneInString(raw)
		upper = unicode.IsUpper(first)
	}
	id := tz.v.id(tz.t, raw, plain, ascii)
	w := &tz.v.words[id]
	cands := w.cands
	if !(plain && ascii) || raw[0] <= '9' {
		cands = tokenCands(cands, raw, upper)
	}
	tz.toks = append(tz.toks, token{start: start, end: i, sent: tz.sent, clause: tz.clause, id: id, upper: upper, cands: cands, cls: w.cls, bits: w.bits})
	tz.gapStart = i
	return next
}

// scanWords reads words of ASCII letters and digits from i (an ASCII byte: a letter or
// digit, or the start of a word that is not ASCII), each followed by a gap of ASCII
// spaces and punctuation, into recs, until it has wordBatch of them, the text ends, or
// the next word starts with a byte that is not ASCII. A word that ends at an apostrophe or
// a byte that is not ASCII (which may go on) is left to tokenizer.word: scanWords stops
// before it. It returns the number of words read and where it stopped (the start of the
// next word). Each word but the first has the flags of the gap before it. A loop of its
// own, not inlined, so that its few variables stay in registers.
//
//go:noinline
func scanWords(text string, i int, recs *[wordBatch]wordRec) (n, next int) {
	// The loops compare unsigned indices, which also proves them in range: no bounds
	// checks per byte.
	tab := &scanByte
	var gap uint8 // the flags of the gap before the word
	for n < len(recs) {
		start := i
		var pre uint64
		var acc byte = 0xff // the AND of the word's bytes: bit 0x20 is clear after a capital
		for ; uint(i) < uint(len(text)); i++ {
			c := text[i]
			k := tab[c]
			if k < '0' {
				if k == 0 || c == '\'' {
					return n, start
				}
				break
			}
			acc &= c
			pre = pre<<8 | uint64(k)
		}
		if i == start || uint(start) >= uint(len(text)) {
			return n, start // not an ASCII letter or digit
		}
		f := gap
		if acc&0x20 != 0 {
			f |= recLower
		} else {
			f |= recSpelling
		}
		if c := text[start]; c <= '9' {
			f |= recSpelling
		} else if c <= 'Z' {
			f |= recUpper
		}
		recs[n] = wordRec{start: start, end: i, pre: pre, flags: f}
		n++
		gap = recGapRead
		for ; uint(i) < uint(len(text)); i++ {
			k := tab[text[i]]
			if k == 0 {
				return n, i
			}
			if k >= '0' {
				break
			}
			gap |= k
		}
		if i >= len(text) {
			return n, i
		}
	}
	return n, i
}

// scanASCIIWordGap reads the ASCII letters and digits of text from i: it returns where they
// end and whether each was lower case already. When they end at an ASCII byte that is not
// an apostrophe (which ends the word) or at the end of the text, it also skips the ASCII
// gap after them (skipASCIIGap): next is where the next word may start, or -1 when the word
// may go on (a letter that is not ASCII, an apostrophe), which tokenizer.word reads itself.
//
//go:noinline
func scanASCIIWordGap(text string, i int) (end, next int, lower bool) {
	lower = true
	for ; i < len(text); i++ {
		c := text[i]
		k := wordByte[c]
		if k == 0 {
			if c >= utf8.RuneSelf || c == '\'' {
				return i, -1, lower
			}
			end = i
			for i++; i < len(text); i++ {
				if c := text[i]; c >= utf8.RuneSelf || wordByte[c] != 0 {
					break
				}
			}
			return end, i, lower
		}
		if k != c {
			lower = false
		}
	}
	return i, i, lower
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
