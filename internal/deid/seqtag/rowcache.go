package seqtag

import "hash/maphash"

// rowCache keeps, from one text to the next, the rows a tagger found of the
// features that name common words (rows and tagRows of a wtype): a row is
// the model's slot for a feature, which depends on nothing but the model
// and the word's lower case, so a word found in an earlier text needs
// neither hashing nor a probe of the model's table (megabytes, which a
// build's other stages evict between two posts) in the next. Only words
// the word lists rank among the 10,000 commonest and single marks are kept
// ("the", "in", ",", "."), in lower case of at most 15 bytes: about half
// the features a text names are theirs, and they are few, so the cache
// stays small and needs no eviction. The words whose text the infoCache
// keeps have their rows kept there, beside their info (tagger.cached), so
// that finding them needs no second lookup: this cache keeps the rows of
// marks and of the other common words. It belongs to one scratch, so to
// one text at a time.
type rowCache struct {
	m       *Model // the model whose rows these are
	seed    maphash.Seed
	entries []rowEntry // open addressing; len a power of two
	n       int
}

// rowEntry is a word's rows, in one cache line.
type rowEntry struct {
	n    uint8 // the word's length; 0: an empty entry
	word [maxCachedWord]byte
	rowSet
}

// rowSet is the rows of the features that name a word: in each role, and
// after each tag (rowUnknown until found).
type rowSet struct {
	rows    [numRoles]int32
	tagRows [numTags]int32
}

// unknownRows is a rowSet whose rows are all unknown, written out
// (TestUnknownRows).
func unknownRows() rowSet {
	const u = rowUnknown
	return rowSet{rows: [numRoles]int32{u, u, u, u, u}, tagRows: [numTags]int32{u, u, u, u, u, u, u}}
}

// maxCachedWord is the longest lower case rowCache keeps.
const maxCachedWord = 15

// Sizes of rowCache: its first table, and the most words it keeps (in a
// table of twice as many entries, 64 bytes each, 1 MB).
const (
	rowCacheFirst = 1 << 10
	rowCacheMax   = 1 << 13
)

// cacheable reports whether rowCache keeps the rows of type ty.
func cacheable(ty *wtype) bool {
	if len(ty.lower) > maxCachedWord || len(ty.lower) == 0 {
		return false
	}
	return ty.shape == shPunct && len(ty.lower) == 1 || ty.info.wr >= 1 && ty.info.wr <= 3
}

// begin readies the cache for a text tagged with model m: a cache of
// another model's rows is emptied, and a table a quarter full doubles. It
// grows only between texts, so that the entries of a text's types stay
// where they are while it is tagged.
func (c *rowCache) begin(m *Model) {
	if c.m != m {
		*c = rowCache{m: m, seed: maphash.MakeSeed(), entries: make([]rowEntry, rowCacheFirst)}
	}
	if 4*c.n >= len(c.entries) && len(c.entries) < 2*rowCacheMax {
		c.grow()
	}
}

// entry returns the index of the entry of word w, made (with every row
// unknown) if there is none and the table is less than half full, or -1.
func (c *rowCache) entry(w string) int {
	mask := len(c.entries) - 1
	for i := int(maphash.String(c.seed, w)) & mask; ; i = (i + 1) & mask {
		e := &c.entries[i]
		if e.n == 0 {
			if 2*(c.n+1) > len(c.entries) {
				return -1
			}
			e.n = uint8(len(w))
			copy(e.word[:], w)
			e.rowSet = unknownRows()
			c.n++
			return i
		}
		if int(e.n) == len(w) && string(e.word[:e.n]) == w {
			return i
		}
	}
}

// grow doubles the table.
func (c *rowCache) grow() {
	old := c.entries
	c.entries = make([]rowEntry, 2*len(old))
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

// cached looks the rows of type ty up in the caches the first time: a
// word whose text the infoCache keeps has its rows beside its info (a
// function of its text, whose lower case the rows name), in the first
// line of its entry (wtype.islot; its rows after B-LOC and I-LOC, in the
// second, are read by tagRow when asked for), others the rowCache's entry
// of its lower case (wtype.set), if it keeps one.
func (t *tagger) cached(ty *wtype) {
	if ty.looked {
		return
	}
	ty.looked = true
	switch {
	case ty.islot > 0 && t.info != nil:
		e := &t.info.entries[ty.islot-1]
		ty.rows = e.rows
		ty.tagRows[0], ty.tagRows[1], ty.tagRows[2] = e.tagLo[0], e.tagLo[1], e.tagLo[2]
	case t.cache != nil && cacheable(ty):
		if i := t.cache.entry(ty.lower); i >= 0 {
			ty.set = &t.cache.entries[i].rowSet
			ty.rows, ty.tagRows = ty.set.rows, ty.set.tagRows
		}
	}
}

// keepRow keeps r, the row of the feature naming type ty in role, in the
// cache that keeps ty's rows (cached), if any.
func (t *tagger) keepRow(ty *wtype, role int, r int32) {
	switch {
	case ty.islot > 0 && t.info != nil:
		t.info.entries[ty.islot-1].rows[role] = r
	case ty.set != nil:
		ty.set.rows[role] = r
	}
}
