package seqtag

import (
	"hash/maphash"

	"github.com/veil-blog/veil/internal/lexicon"
)

// infoCache keeps, from one text to the next, what the lexicons say of
// common token texts (a word's info, which lookup finds with four probes
// of the lexicon's place, country and state tables, some 600 instructions
// a word): it depends on nothing but the lexicons and the text, so a word
// met in an earlier text needs none of that in the next. Only texts of
// words the word lists rank among the 10,000 commonest are kept, of at
// most 21 bytes (about half a post's distinct words); it belongs to one
// scratch, so to one text at a time.
type infoCache struct {
	lex     *lexicon.Lexicon // the lexicons whose info these are
	seed    maphash.Seed
	entries []infoEntry // open addressing; len a power of two
	n       int
}

// infoEntry is the info of a token text, in half a cache line.
type infoEntry struct {
	n    uint8 // the text's length; 0: an empty entry
	word [maxInfoWord]byte
	info info
}

// maxInfoWord is the longest token text infoCache keeps.
const maxInfoWord = 21

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

// find returns the info of token text s if the cache has it; otherwise
// the slot where put may keep it, or -1 when s is too long or the table
// is half full.
func (c *infoCache) find(s string) (info, int, bool) {
	if len(s) > maxInfoWord || len(s) == 0 {
		return info{}, -1, false
	}
	mask := len(c.entries) - 1
	for i := int(maphash.String(c.seed, s)) & mask; ; i = (i + 1) & mask {
		e := &c.entries[i]
		if e.n == 0 {
			if 2*(c.n+1) > len(c.entries) {
				return info{}, -1, false
			}
			return info{}, i, false
		}
		if int(e.n) == len(s) && string(e.word[:e.n]) == s {
			return e.info, i, true
		}
	}
}

// put keeps in at slot i (from find, with no put between) for token text
// s, if its word is common.
func (c *infoCache) put(i int, s string, in info) {
	if i < 0 || in.wr < 1 || in.wr > 3 {
		return
	}
	e := &c.entries[i]
	e.n = uint8(len(s))
	copy(e.word[:], s)
	e.info = in
	c.n++
}
