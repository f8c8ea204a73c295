package seqtag

import (
	"hash/maphash"

	"github.com/veil-blog/veil/internal/lexicon"
)

// infoCache keeps, from one text to the next, what the lexicons say of
// common token texts (a word's info, which lookup finds from the word's
// facts, with its shape and plainWord) and what the tagger derives from
// it with the model (the summed weights of the word's own features and
// the rows of the features that name it): it depends on nothing but the
// lexicons, the model and the text, so a word met in an earlier text needs
// none of that in the next. Texts of at most 15 bytes are kept: those of
// words the word lists rank among the 10,000 commonest always (about half
// a post's distinct words), others (names, rarer words, which cost the
// most probes of the model's table: their rows are in no other cache)
// while the cache keeps fewer than rareMax texts, the room left being the
// common words'. Nothing is evicted. It belongs to one scratch, so to one
// text at a time.
//
// A build's other stages empty the processor's caches between two posts,
// so each entry read in a post costs a miss: an entry keeps all a text
// has in two adjacent cache lines (infoEntry), so that the text's info
// found in the first (analyseInto) brings its rows with it, and its prefix
// sums, in the second, are read only for the words scored.
type infoCache struct {
	lex     *lexicon.Lexicon // the lexicons whose info these are
	seed    maphash.Seed
	entries []infoEntry // open addressing; len a power of two
	n       int
	m       *Model // the model of the entries' prefix sums and rows
}

// infoEntry is what infoCache keeps of a token text, in two cache lines
// (128 bytes; the table, a large allocation, starts on a page): in the
// first, the text, its info, shape and plainWord, and the rows of the
// features that name it (wtype.rows, and tagRows after O, B-PER and
// I-PER); in the second, its prefix sums (wtype.prefix) in register reg,
// where done, and its rows after B-LOC and I-LOC. Its rows after B-ORG and
// I-ORG, rare, are not kept.
type infoEntry struct {
	n     uint8 // the text's length; 0: an empty entry
	word  [maxInfoWord]byte
	info  info
	shape uint8
	plain bool
	reg   uint8   // the register of sums
	done  [2]bool // sums[k] is known
	_     uint8
	rows  [numRoles]int32
	tagLo [3]int32 // tagRows[0:3]
	// The second line.
	sums  [2][numTags]float32
	tagHi [2]int32 // tagRows[3:5]
}

// maxInfoWord is the longest token text infoCache keeps.
const maxInfoWord = 15

// rareMax is the most texts infoCache keeps before it keeps only those of
// common words: the room left (rowCacheMax - rareMax) is theirs.
const rareMax = rowCacheMax / 2

// tagRow returns the row kept of the feature naming the text after tag p,
// or rowUnknown.
func (e *infoEntry) tagRow(p uint8) int32 {
	switch {
	case p < 3:
		return e.tagLo[p]
	case p < 5:
		return e.tagHi[p-3]
	}
	return rowUnknown
}

// keepTagRow keeps r as the row of the feature naming the text after tag
// p, when the entry keeps that tag's.
func (e *infoEntry) keepTagRow(p uint8, r int32) {
	switch {
	case p < 3:
		e.tagLo[p] = r
	case p < 5:
		e.tagHi[p-3] = r
	}
}

// forget forgets the entry's prefix sums and rows (of another model).
func (e *infoEntry) forget() {
	const u = rowUnknown
	e.reg, e.done = 0, [2]bool{}
	e.rows = [numRoles]int32{u, u, u, u, u}
	e.tagLo, e.tagHi = [3]int32{u, u, u}, [2]int32{u, u}
}

// begin readies the cache for a text whose words lex tells of: a cache of
// other lexicons is emptied, and a table a quarter full doubles (only
// between texts, so that a slot found for a text stays valid while it is
// analysed).
func (c *infoCache) begin(lex *lexicon.Lexicon) {
	if c.lex != lex || c.entries == nil {
		*c = infoCache{lex: lex, seed: maphash.MakeSeed(), entries: make([]infoEntry, rowCacheFirst)}
	}
	if 4*c.n >= len(c.entries) && len(c.entries) < 2*rowCacheMax {
		old := c.entries
		c.entries = make([]infoEntry, 2*len(old))
		mask := len(c.entries) - 1
		for k := range old {
			o := &old[k]
			if o.n == 0 {
				continue
			}
			i := int(maphash.String(c.seed, string(o.word[:o.n]))) & mask
			for c.entries[i].n != 0 {
				i = (i + 1) & mask
			}
			c.entries[i] = *o
		}
	}
}

// model readies the cache's prefix sums and rows for model m: those of
// another model are forgotten.
func (c *infoCache) model(m *Model) {
	if c.m != m {
		for i := range c.entries {
			c.entries[i].forget()
		}
		c.m = m
	}
}

// find returns the slot of token text s, and whether the cache has it
// there; otherwise the slot where put may keep it, or -1 when s is too
// long or the table is half full.
func (c *infoCache) find(s string) (int, bool) {
	if len(s) > maxInfoWord || len(s) == 0 {
		return -1, false
	}
	mask := len(c.entries) - 1
	for i := int(maphash.String(c.seed, s)) & mask; ; i = (i + 1) & mask {
		e := &c.entries[i]
		if e.n == 0 {
			if 2*(c.n+1) > len(c.entries) {
				return -1, false
			}
			return i, false
		}
		if int(e.n) == len(s) && string(e.word[:e.n]) == s {
			return i, true
		}
	}
}

// touch reads the entry where each of forms would be found first, so that
// the cache misses of a text's finds (one for each distinct word: a
// build's other stages empty the processor's caches between two posts)
// are taken here, many at once, rather than one after another in
// analyseInto's loop. What it returns means nothing: the caller keeps it,
// so that the reads are not left out.
func (c *infoCache) touch(forms []string) uint8 {
	mask := len(c.entries) - 1
	var x uint8
	for _, w := range forms {
		if len(w) <= maxInfoWord {
			x |= c.entries[int(maphash.String(c.seed, w))&mask].n
		}
	}
	return x
}

// put keeps what type ty knows of its text at slot i (from find, with no
// put between): always if its word is common, otherwise while the cache
// keeps fewer than rareMax texts.
func (c *infoCache) put(i int, ty *wtype) bool {
	if i < 0 || (ty.info.wr < 1 || ty.info.wr > 3) && c.n >= rareMax {
		return false
	}
	e := &c.entries[i]
	e.n, e.info, e.shape, e.plain = uint8(len(ty.text)), ty.info, ty.shape, ty.plain
	copy(e.word[:], ty.text)
	e.forget()
	c.n++
	return true
}
