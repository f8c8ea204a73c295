package seqtag

import (
	"hash/maphash"

	"github.com/veil-blog/veil/internal/lexicon"
)

// infoCache keeps, from one text to the next, what the lexicons say of
// common token texts (a word's info, which lookup finds with four probes
// of the lexicon's place, country and state tables, some 600 instructions
// a word, with its shape and plainWord): it depends on nothing but the
// lexicons and the text, so a word
// met in an earlier text needs none of that in the next. Only texts of
// words the word lists rank among the 10,000 commonest are kept, of at
// most 19 bytes (about half a post's distinct words); it belongs to one
// scratch, so to one text at a time.
type infoCache struct {
	lex     *lexicon.Lexicon // the lexicons whose info these are
	seed    maphash.Seed
	entries []infoEntry // open addressing; len a power of two
	n       int
	// prefix holds, beside each entry, the summed weights of the word's
	// own features (wtype.prefix) in one register, and rows the rows of
	// the features that name it (wtype.rows and tagRows), for the model m.
	prefix []prefixEntry
	rows   []rowSet
	m      *Model
}

// prefixEntry is wtype.prefix of a token text in register reg, where done.
type prefixEntry struct {
	sums [2][numTags]float32
	reg  uint8
	done [2]bool
}

// infoEntry is the shape, info and plainWord of a token text, in half a
// cache line.
type infoEntry struct {
	n     uint8 // the text's length; 0: an empty entry
	word  [maxInfoWord]byte
	info  info
	shape uint8
	plain bool
}

// maxInfoWord is the longest token text infoCache keeps.
const maxInfoWord = 19

// begin readies the cache for a text whose words lex tells of: a cache of
// other lexicons is emptied, and a table a quarter full doubles (only
// between texts, so that a slot found for a text stays valid while it is
// analysed).
func (c *infoCache) begin(lex *lexicon.Lexicon) {
	if c.lex != lex || c.entries == nil {
		*c = infoCache{lex: lex, seed: maphash.MakeSeed(), entries: make([]infoEntry, rowCacheFirst), prefix: make([]prefixEntry, rowCacheFirst), rows: make([]rowSet, rowCacheFirst)}
	}
	if 4*c.n >= len(c.entries) && len(c.entries) < 2*rowCacheMax {
		old, oldPrefix, oldRows := c.entries, c.prefix, c.rows
		c.entries, c.prefix, c.rows = make([]infoEntry, 2*len(old)), make([]prefixEntry, 2*len(old)), make([]rowSet, 2*len(old))
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
			c.entries[i], c.prefix[i], c.rows[i] = *o, oldPrefix[k], oldRows[k]
		}
	}
}

// model readies the cache's prefix sums and rows for model m: those of
// another model are forgotten.
func (c *infoCache) model(m *Model) {
	if c.m != m {
		clear(c.prefix)
		for i := range c.rows {
			c.rows[i] = unknownRows()
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

// put keeps what type ty knows of its text at slot i (from find, with no
// put between), if its word is common.
func (c *infoCache) put(i int, ty *wtype) bool {
	if i < 0 || ty.info.wr < 1 || ty.info.wr > 3 {
		return false
	}
	c.entries[i] = infoEntry{n: uint8(len(ty.text)), info: ty.info, shape: ty.shape, plain: ty.plain}
	copy(c.entries[i].word[:], ty.text)
	c.prefix[i] = prefixEntry{}
	c.rows[i] = unknownRows()
	c.n++
	return true
}
