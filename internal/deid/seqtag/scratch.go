package seqtag

import "hash/maphash"

// scratch holds the buffers that tagging one text needs (its tokens,
// words, word types and the tables that find them, tags and margins), so
// that a Detector tags text after text in the same memory: about 150 KB a
// post of a blog, which a build would otherwise allocate and clear for
// each post. Nothing the tagger returns points into it.
type scratch struct {
	toks    []span
	ws      []word
	types   []wtype
	byID    []int32
	seed    maphash.Seed
	seeded  bool
	slots   []int32
	tags    []uint8
	margins []float32
	rowBuf  []int32
	capsBuf []int32 // capsLower's counts by vocabulary id
	found   []Found // findIn's names
	// cache keeps the rows of common words from one text to the next,
	// when keepRows (a Detector's scratch, used for text after text).
	cache    rowCache
	keepRows bool
	// info keeps the info of common words from one text to the next, when
	// keepRows.
	info infoCache
	// sink keeps what infoCache.touch returns.
	sink uint8
}

// maxKept bounds the tokens of a text whose buffers a Detector keeps for
// the next text: a rare huge text's are left to the collector.
const maxKept = 1 << 16

// grow returns (*buf)[:n], reallocated when it is too short; what it
// holds is not cleared.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// typeTable returns an empty typeTable for a text of tokens tokens (at
// least 64 slots, and at least half as many as tokens) in the slots of sc.
func (sc *scratch) typeTable(tokens int) typeTable {
	size := 64
	for size < tokens/2 {
		size <<= 1
	}
	if !sc.seeded {
		sc.seed, sc.seeded = maphash.MakeSeed(), true
	}
	slots := grow(&sc.slots, size)
	clear(slots)
	return typeTable{seed: sc.seed, slots: slots}
}
