package seqtag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model holds the weights of the tagger: for each feature (a 64-bit hash),
// one weight per tag. It is read-only once made.
type Model struct {
	table table // feature -> weights
	// Margins are the operating points, by register (0: other text, 1: a
	// clinical note) and kind (PER, LOC, ORG, as Kinds lists them): a name
	// is reported when each of its words' tags beats the next best by at
	// least its margin; +Inf reports none of that kind there. The training
	// tool chooses them on folds held out by patient, author or template.
	Margins [2][3]float32
	// rows are slots found once per model (finish).
	rows *rows
}

// Kinds are the kinds of name the model tags, in the order of Margins.
func Kinds() [3]string { return [3]string{"PER", "LOC", "ORG"} }

// Margin returns the operating point for names of kind in a note or not.
func (m *Model) Margin(note bool, kind string) float32 {
	r := 0
	if note {
		r = 1
	}
	for k, name := range Kinds() {
		if name == kind {
			return m.Margins[r][k]
		}
	}
	return float32(math.Inf(1))
}

// table is an open-addressing hash table from features to their weights,
// about twice as fast as a Go map for this: the keys are hashes already, so
// their low bits pick the slot. A slot holds the key and the weights
// together, so that finding a feature's weights reads one or two cache
// lines of a table of a few megabytes, where a table of keys beside an
// array of weights read three. Key 0 marks an empty slot (a feature whose
// hash is 0 is left out).
type table struct {
	slots []slot
	mask  uint64
	n     int // features
	// filter has a bit set for each feature's key (filterBit): a clear
	// bit proves a feature absent from a read of 128 KB, which stays in
	// the processor's cache, where the slots (megabytes) often are not.
	// About half the words a text names are unknown to the model.
	filter []uint64
}

// filterBit is the bit of key k in table.filter: 20 of its high bits (the
// slot comes from the low ones).
func filterBit(k uint64) uint64 { return k >> 44 }

// slot is a feature's hash, in two halves so that a slot takes 36 bytes
// and not 40, and its weights.
type slot struct {
	lo, hi uint32
	w      [numTags]float32
}

func (s *slot) key() uint64 { return uint64(s.hi)<<32 | uint64(s.lo) }

// newTable returns a table for n features, at most half full.
func newTable(n int) table {
	size := 1
	for size < 2*n+1 {
		size <<= 1
	}
	return table{slots: make([]slot, size), mask: uint64(size - 1), filter: make([]uint64, 1<<20/64)}
}

// put sets the weights of feature k.
func (t *table) put(k uint64, w *[numTags]float32) {
	if k == 0 {
		return
	}
	i := k & t.mask
	for ; t.slots[i].key() != 0; i = (i + 1) & t.mask {
		if t.slots[i].key() == k {
			t.slots[i].w = *w
			return
		}
	}
	t.slots[i] = slot{lo: uint32(k), hi: uint32(k >> 32), w: *w}
	t.n++
	b := filterBit(k)
	t.filter[b/64] |= 1 << (b % 64)
}

// get returns the slot of feature k.
func (t *table) get(k uint64) (int32, bool) {
	if len(t.slots) == 0 || k == 0 {
		return 0, false
	}
	if b := filterBit(k); t.filter[b/64]&(1<<(b%64)) == 0 {
		return 0, false
	}
	lo, hi := uint32(k), uint32(k>>32)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		switch {
		case s.lo == lo && s.hi == hi:
			return int32(i), true
		case s.lo == 0 && s.hi == 0:
			return 0, false
		}
	}
}

// copyHot gives the features whose rows are rows (the ones over small
// domains, which Model.finish finds once and the tagger reads for nearly
// every word it scores) slots of their own past the end of the hash table,
// side by side, and points the rows at them: a word's sum then reads a few
// of some 150 KB of slots rather than lines spread over megabytes. The
// copies have key 0 and lie beyond the slots get probes (k & mask), so
// get never finds them, and WriteTo, which writes the slots with a key,
// does not write them.
func (t *table) copyHot(rows []*int32) {
	size := int32(t.mask + 1)
	moved := make([]int32, size) // a slot of the table -> its copy, or 0
	for _, r := range rows {
		o := *r
		if o >= size {
			continue
		}
		if moved[o] == 0 {
			moved[o] = int32(len(t.slots))
			t.slots = append(t.slots, slot{w: t.slots[o].w})
		}
		*r = moved[o]
	}
}

// allowed reports whether tag t may follow tag p (an I- only after a B- or
// I- of the same kind).
func allowed(p, t uint8) bool {
	if t == tagIPer || t == tagILoc || t == tagIOrg {
		return p == t || p == t-1
	}
	return true
}

// The model file: "VSEQ3", the six margins (float32, Margins in order), the number of features, then for each, in order
// of its hash, the hash and numTags weights as float32, little-endian.
// It is stored as it is, not compressed: decompressing its 2 MB took more
// time than anything else in reading it at the start of every run.
const magic = "VSEQ3"

// WriteTo writes m in the model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	keys := make([]uint64, 0, m.table.n)
	weights := make(map[uint64]*[numTags]float32, m.table.n)
	for i := range m.table.slots {
		if k := m.table.slots[i].key(); k != 0 {
			keys = append(keys, k)
			weights[k] = &m.table.slots[i].w
		}
	}
	slices.Sort(keys)
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, m.Margins)
	binary.Write(bw, binary.LittleEndian, uint32(len(keys)))
	for _, k := range keys {
		binary.Write(bw, binary.LittleEndian, k)
	}
	for _, k := range keys {
		binary.Write(bw, binary.LittleEndian, weights[k])
	}
	return 0, bw.Flush()
}

// ReadModel reads a model written by WriteTo, or one gzip-compressed (as
// trainseq wrote them before).
func ReadModel(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return parseModel(data)
}

// parseModel reads a model file from data.
func parseModel(data []byte) (*Model, error) {
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, err
		}
	}
	if !bytes.HasPrefix(data, []byte(magic)) || len(data) < len(magic)+6*4+4 {
		return nil, errors.New("seqtag: not a model file")
	}
	data = data[len(magic):]
	var margins [2][3]float32
	for r := range margins {
		for k := range margins[r] {
			margins[r][k] = math.Float32frombits(binary.LittleEndian.Uint32(data))
			data = data[4:]
		}
	}
	n := int(binary.LittleEndian.Uint32(data))
	data = data[4:]
	if len(data) != n*8+n*numTags*4 {
		return nil, fmt.Errorf("seqtag: model of %d features has %d bytes", n, len(data))
	}
	m := &Model{table: newTable(n), Margins: margins}
	keys, weights := data[:n*8], data[n*8:]
	for i := 0; i < n; i++ {
		var w [numTags]float32
		for t := range w {
			w[t] = math.Float32frombits(binary.LittleEndian.Uint32(weights[(i*numTags+t)*4:]))
		}
		m.table.put(binary.LittleEndian.Uint64(keys[i*8:]), &w)
	}
	m.finish()
	return m, nil
}

// Features reports how many features the model weighs.
func (m *Model) Features() int { return m.table.n }
