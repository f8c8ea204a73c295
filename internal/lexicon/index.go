package lexicon

import (
	"fmt"
	"hash/maphash"
	"math/bits"
)

// index is a read-only hash index over the first column of a TSV table, for the big tables
// that map a lower-case word to one or two numbers (first names, surnames, words, ranks).
// Rows hold the offsets of their key in the decompressed file and their numbers, and an
// open-addressed table of row numbers finds them: building it hashes each key once and
// allocates two slices, where a Go map of 250,000 string keys spends most of a table's load
// time growing and rehashing, and holds no pointers, so that the garbage collector, which
// scanned every key of those maps at each cycle, skips it.
type index struct {
	text  string     // the decompressed table; keys are substrings of it
	rows  []indexRow // in file order, but a repeated key keeps its first row (see add)
	slots []uint32   // row number + 1, or 0 for an empty slot; len is a power of two
	seed  maphash.Seed
}

type indexRow struct {
	start, end uint32 // the key, text[start:end]
	a, b       int32  // the row's numbers
}

// indexTable reads a table into an index: key is the first of nfields fields, and val parses
// the row's numbers. A key that occurs again takes the later row's numbers, as a map would.
func (l *Lexicon) indexTable(name string, nfields, sizeHint int, val func(f []string) (a, b int32, err error)) (*index, error) {
	text, err := l.tableText(name)
	if err != nil {
		return nil, err
	}
	if len(text) >= 1<<32 {
		return nil, fmt.Errorf("%s: too large", name)
	}
	ix := newIndex(text, sizeHint)
	err = eachRow(name, text, nfields, func(start int, f []string) error {
		a, b, err := val(f)
		if err != nil {
			return err
		}
		ix.add(indexRow{uint32(start), uint32(start + len(f[0])), a, b})
		return nil
	})
	return ix, err
}

// newIndex returns an empty index over text with room for about sizeHint keys.
func newIndex(text string, sizeHint int) *index {
	return &index{text: text, rows: make([]indexRow, 0, sizeHint), seed: maphash.MakeSeed(),
		slots: make([]uint32, 1<<bits.Len(uint(2*sizeHint)))}
}

// insert returns the row of the key text[start:end], adding a row with zero numbers if
// there was none (added).
func (ix *index) insert(start, end uint32) (row *indexRow, added bool) {
	if 2*(len(ix.rows)+1) > len(ix.slots) {
		ix.grow()
	}
	k := ix.text[start:end]
	mask := uint64(len(ix.slots) - 1)
	for i := maphash.String(ix.seed, k) & mask; ; i = (i + 1) & mask {
		s := ix.slots[i]
		if s == 0 {
			ix.rows = append(ix.rows, indexRow{start: start, end: end})
			ix.slots[i] = uint32(len(ix.rows))
			return &ix.rows[len(ix.rows)-1], true
		}
		if old := &ix.rows[s-1]; ix.text[old.start:old.end] == k {
			return old, false
		}
	}
}

// add inserts r, or gives r's numbers to the row that already has its key.
func (ix *index) add(r indexRow) {
	row, _ := ix.insert(r.start, r.end)
	row.a, row.b = r.a, r.b
}

// grow doubles the slot table (sizeHint was too small).
func (ix *index) grow() {
	ix.slots = make([]uint32, 2*len(ix.slots))
	mask := uint64(len(ix.slots) - 1)
	for n, r := range ix.rows {
		i := maphash.String(ix.seed, ix.text[r.start:r.end]) & mask
		for ix.slots[i] != 0 {
			i = (i + 1) & mask
		}
		ix.slots[i] = uint32(n + 1)
	}
}

// get returns the numbers of key k.
func (ix *index) get(k string) (a, b int32, ok bool) {
	mask := uint64(len(ix.slots) - 1)
	for i := maphash.String(ix.seed, k) & mask; ; i = (i + 1) & mask {
		s := ix.slots[i]
		if s == 0 {
			return 0, 0, false
		}
		if r := &ix.rows[s-1]; ix.text[r.start:r.end] == k {
			return r.a, r.b, true
		}
	}
}
