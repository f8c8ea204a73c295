package deid

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// word is one word of a text: the byte span of its core (without leading
// or trailing apostrophes, hyphens and full stops) and its lower-case key.
// The offsets are 32 bits (splitWords refuses longer texts), so that a word
// is 24 bytes, not 40: a post's words were a tenth of the bytes its
// de-identification allocated.
type word struct {
	start, end int32
	key        string
}

// isWordRune reports whether r belongs to a word: letters, digits, and the
// apostrophes, hyphens and full stops inside names ("O'Neill", "Lou-Bette",
// "Dr.").
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWordRune[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-' || r == '.' || r == '_'
}

// asciiWordRune is isWordRune of each ASCII character, most of any text.
var asciiWordRune = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isWordRuneSlow(rune(r))
	}
	return t
}()

func isTrim(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '.' || r == '_' }

// splitWords returns the words of text in order. It is linear in the text.
func splitWords(text string) []word {
	return splitWordsInto(nil, text)
}

// splitWordsInto is splitWords, writing the words into buf's array (of an
// earlier text) when it has room.
func splitWordsInto(buf []word, text string) []word {
	if len(text) > math.MaxInt32 {
		panic("deid: text too long for splitWords' offsets")
	}
	// About one word in six bytes of text; a slice grown from nil would
	// be copied a dozen times for a long text.
	out := emptied(buf, len(text)/6+1)
	lw := lowerWords{text: text}
	for i := 0; i < len(text); {
		switch splitClass[text[i]] {
		case 0:
			i++
			continue
		case splitWide:
			if r, n := utf8.DecodeRuneInString(text[i:]); !isWordRuneSlow(r) {
				i += n
				continue
			}
		}
		j := i
		// What the bytes of the word are, read while passing over them, so
		// that most words' keys need no second pass (see below): the
		// classes of its ASCII bytes or'ed together.
		var seen uint8
		other := false
		for {
			// The ASCII bytes of the word in a loop without a call, which
			// keeps its values in registers; a byte beyond ASCII after
			// them is decoded below.
			for j < len(text) {
				c := splitClass[text[j]]
				if c&splitWord == 0 {
					break
				}
				seen |= c
				j++
			}
			if j == len(text) || splitClass[text[j]] != splitWide {
				break
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if !isWordRuneSlow(r) {
				break
			}
			other = true
			j += n
		}
		upper := seen&splitUpper != 0
		s, e := i, j
		for s < e {
			if c := splitClass[text[s]]; c&splitWide == 0 {
				if c&splitTrim == 0 {
					break
				}
				s++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !isTrim(r) {
				break
			}
			s += n
		}
		for e > s {
			if c := splitClass[text[e-1]]; c&splitWide == 0 {
				if c&splitTrim == 0 {
					break
				}
				e--
				continue
			}
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !isTrim(r) {
				break
			}
			e -= n
		}
		if s < e {
			// The trimmed bytes are no capitals: an ASCII word without
			// capitals is its own key and one with them lw's lower case
			// (what lw.key finds for them); any other word asks lw.key.
			var k string
			switch {
			case other:
				k = lw.key(s, e)
			case !upper:
				k = text[s:e]
			default:
				k = lw.lowered(s, e)
			}
			out = append(out, word{start: int32(s), end: int32(e), key: k})
		}
		i = j
	}
	return out
}

// splitClass is how splitWords reads a byte: a byte of a word
// (splitWord, with splitUpper for a capital and splitTrim for the marks
// trimmed from its ends), an ASCII byte between words (0), or a byte of a
// character beyond ASCII (splitWide), which is decoded.
var splitClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = splitWide
		case 'A' <= c && c <= 'Z':
			t[c] = splitWord | splitUpper
		case isTrim(rune(c)):
			t[c] = splitWord | splitTrim
		case asciiWordRune[c]:
			t[c] = splitWord
		}
	}
	return t
}()

const (
	splitWord  = 1
	splitUpper = 2
	splitWide  = 4
	splitTrim  = 8
)

// lowerWords makes the keys of a text's words: strings.ToLower of each.
// An ASCII word's key is written into a buffer of such keys (buf) instead
// of being allocated word by word: only the words with capitals need one,
// a tenth of a post's bytes or so, where a copy of the whole text lowered
// was made before.
type lowerWords struct {
	text string
	// buf holds the keys made so far, one after another. Keys point into
	// it, so it is only ever appended to: when it is full, a new one is
	// made and the old one left to its keys.
	buf []byte
}

func (lw *lowerWords) key(s, e int) string {
	w := lw.text[s:e]
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return w
	}
	return lw.lowered(s, e)
}

// lowered is the lower case of the ASCII word text[s:e] (s < e).
func (lw *lowerWords) lowered(s, e int) string {
	n := e - s
	at := len(lw.buf)
	if cap(lw.buf)-at < n {
		lw.buf, at = make([]byte, 0, max(n, len(lw.text)/8+16)), 0
	}
	lw.buf = lw.buf[:at+n]
	b := lowerASCII(lw.buf[at:], lw.text[s:e])
	// b is not written again: the string is its bytes, not a copy.
	return unsafe.String(&b[0], n)
}

// termID is the key under which a term is matched and looked up: its word
// keys joined by spaces ("Dr. Okafor" and "dr okafor" are both "dr okafor").
func termID(term string) string { return strings.Join(termKeys(term), " ") }

// termKeys splits a term into its word keys.
func termKeys(term string) []string {
	// Terms are short (names): their words fit in an array on the stack.
	var buf [8]word
	ws := splitWordsInto(buf[:0], term)
	keys := make([]string, len(ws))
	for i, w := range ws {
		keys[i] = w.key
	}
	return keys
}

// termSet finds terms (sequences of words) in a text: case-insensitively,
// with any whitespace between the words, on word boundaries, and with a
// possessive ("Odette's") matching the term before the apostrophe.
type termSet struct {
	root *termNode
	// first has the bit keyHash(k) set for the first key k of every
	// term: a word whose key (and key without a possessive) misses it
	// starts no term, and is passed over without a lookup.
	first [64]uint64
}

// keyHash is a cheap hash of a word key for termSet.first.
func keyHash(k string) uint {
	return (uint(k[0])*31 + uint(k[len(k)-1])*7 + uint(len(k))*131 + uint(k[len(k)/2])) & 4095
}

// mayStart reports whether a term of ts may start with the key k.
func (ts *termSet) mayStart(k string) bool {
	if k == "" {
		return ts.root.next[k] != nil
	}
	h := keyHash(k)
	return ts.first[h>>6]&(1<<(h&63)) != 0
}

// termNode is a node of the trie of term keys: the words after it, and the
// term that ends at it (term < 0 when none), numbered in insertion order.
type termNode struct {
	next map[string]*termNode
	term int
	keys []string
}

func newTermSet(terms []string) *termSet {
	keys := make([][]string, len(terms))
	for i, t := range terms {
		keys[i] = termKeys(t)
	}
	return newTermSetOfKeys(keys)
}

// newTermSetOfKeys is newTermSet of terms already split into their keys
// (termKeys).
func newTermSetOfKeys(terms [][]string) *termSet {
	ts := &termSet{root: &termNode{term: -1}}
	n := 0
	for _, keys := range terms {
		if len(keys) == 0 {
			continue
		}
		if k := keys[0]; k != "" {
			h := keyHash(k)
			ts.first[h>>6] |= 1 << (h & 63)
		}
		node := ts.root
		for _, k := range keys {
			c := node.next[k]
			if c == nil {
				c = &termNode{term: -1}
				if node.next == nil {
					node.next = map[string]*termNode{}
				}
				node.next[k] = c
			}
			node = c
		}
		if node.term < 0 { // the first of equal terms counts
			node.term, node.keys = n, keys
			n++
		}
	}
	return ts
}

func (ts *termSet) empty() bool { return ts == nil || len(ts.root.next) == 0 }

// possessive strips a trailing 's or ’s from a key.
func possessive(key string) (string, int, bool) {
	if len(key) < 3 || key[len(key)-1] != 's' {
		return "", 0, false
	}
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(key, suf) && len(key) > len(suf) {
			return key[:len(key)-len(suf)], len(suf), true
		}
	}
	return "", 0, false
}

// termMatch is one occurrence of a term: its byte span and the termID of
// the term that matched.
type termMatch struct {
	start, end int
	id         string
}

// find returns the occurrences of the longest terms in text, whose words
// are ws, left to right and not overlapping.
func (ts *termSet) find(text string, ws []word) []termMatch {
	if ts.empty() {
		return nil
	}
	var out []termMatch
	for i := 0; i < len(ws); {
		// Pass over the words that start no term in a loop of its own,
		// which keeps its few values in registers: a word whose key misses
		// ts.first, and that has no possessive ending (a key of three bytes
		// or more ending in 's') whose stripped key could hit it. (The
		// keys of splitWords are never empty: mayStart's case of "" does
		// not arise.)
		for ; i < len(ws); i++ {
			k := ws[i].key
			if h := keyHash(k); ts.first[h>>6]&(1<<(h&63)) != 0 {
				break
			}
			if len(k) >= 3 && k[len(k)-1] == 's' {
				if stripped, _, ok := possessive(k); ok && ts.mayStart(stripped) {
					break
				}
			}
		}
		if i == len(ws) {
			break
		}
		end, keys := ts.matchAt(text, ws, i)
		if keys == nil {
			i++
			continue
		}
		out = append(out, termMatch{start: int(ws[i].start), end: end, id: strings.Join(keys, " ")})
		i += len(keys)
	}
	return out
}

// matchAt returns the end of the longest term starting at word i and the
// keys of that term (nil when none matches). It walks the trie of keys
// along the words, so its cost is the length of the longest term, however
// many terms share a first word. Of two terms of the same length, one
// matched whole wins over one matched by its first and only word without
// a possessive ("Odette's"); otherwise the one added first wins.
func (ts *termSet) matchAt(text string, ws []word, i int) (end int, best []string) {
	bestTerm, bestStripped := 0, false
	consider := func(c *termNode, stripped bool, e int) {
		switch {
		case best == nil, len(c.keys) > len(best):
		case len(c.keys) < len(best):
			return
		case stripped != bestStripped:
			if stripped {
				return
			}
		case c.term > bestTerm:
			return
		}
		end, best, bestTerm, bestStripped = e, c.keys, c.term, stripped
	}
	node := ts.root
	for k := 0; i+k < len(ws); k++ {
		w := ws[i+k]
		if k > 0 && strings.Trim(text[ws[i+k-1].end:w.start], " \t\r\n.") != "" {
			break
		}
		// The last word of a term may carry a possessive.
		if stripped, n, ok := possessive(w.key); ok {
			if c := node.next[stripped]; c != nil && c.term >= 0 {
				consider(c, k == 0, int(w.end)-n)
			}
		}
		c := node.next[w.key]
		if c == nil {
			break
		}
		if c.term >= 0 {
			consider(c, false, int(w.end))
		}
		node = c
	}
	return end, best
}

// wordSet returns the lower-case words (runs of letters) of text.
func wordSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		m[strings.ToLower(w)] = true
	}
	return m
}
