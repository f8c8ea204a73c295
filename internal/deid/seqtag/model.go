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
// their low bits pick the slot. The low 32 bits of each slot's key are in
// los, 4 bytes a slot (0: an empty slot), and its weights with the high
// 32 bits in slots, 32 bytes a slot, which never straddle two cache lines.
// Finding a feature reads a line of los (a probe's run of slots lies in
// one, and about half the features a text asks for are unknown to the
// model: that line is all they cost) and, when the low bits match, the
// one line of its slot, which the weights are then read from. A key whose
// low 32 bits are 0 is kept apart (zeroLo); key 0 is left out.
type table struct {
	los   []uint32
	slots []slot
	mask  uint64
	n     int // features
	// zeroLo holds the keys whose low 32 bits are 0 (los cannot tell them
	// from an empty slot) and zeroSlot their slots, past the hash table's
	// end: rare (none in the embedded model), and found by a scan.
	zeroLo   []uint64
	zeroSlot []int32
}

// slot is the weights of a feature and the high 32 bits of its hash: 32
// bytes.
type slot struct {
	w  [numTags]float32
	hi uint32
}

// newTable returns a table for n features, at most half full.
func newTable(n int) table {
	size := 1
	for size < 2*n+1 {
		size <<= 1
	}
	// Room past the end for the copies copyHot makes, so that making them
	// does not copy the whole table (megabytes, at every start).
	return table{los: make([]uint32, size), slots: make([]slot, size, size+hotRoom), mask: uint64(size - 1)}
}

// put sets the weights of feature k.
func (t *table) put(k uint64, w *[numTags]float32) {
	if k == 0 {
		return
	}
	lo, hi := uint32(k), uint32(k>>32)
	if lo == 0 {
		for j, z := range t.zeroLo {
			if z == k {
				t.slots[t.zeroSlot[j]].w = *w
				return
			}
		}
		t.zeroLo = append(t.zeroLo, k)
		t.zeroSlot = append(t.zeroSlot, int32(len(t.slots)))
		t.slots = append(t.slots, slot{w: *w, hi: hi})
		t.n++
		return
	}
	i := k & t.mask
	for ; t.los[i] != 0; i = (i + 1) & t.mask {
		if t.los[i] == lo && t.slots[i].hi == hi {
			t.slots[i].w = *w
			return
		}
	}
	t.los[i] = lo
	t.slots[i] = slot{w: *w, hi: hi}
	t.n++
}

// get returns the slot of feature k.
func (t *table) get(k uint64) (int32, bool) {
	if len(t.los) == 0 || k == 0 {
		return 0, false
	}
	lo, hi := uint32(k), uint32(k>>32)
	if lo == 0 {
		return t.getZeroLo(k)
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch l := t.los[i]; {
		case l == lo:
			if t.slots[i].hi == hi {
				return int32(i), true
			}
		case l == 0:
			return 0, false
		}
	}
}

// getZeroLo is get of a key whose low 32 bits are 0.
func (t *table) getZeroLo(k uint64) (int32, bool) {
	for j, z := range t.zeroLo {
		if z == k {
			return t.zeroSlot[j], true
		}
	}
	return 0, false
}

// keys returns the table's keys and their slots, in no order.
func (t *table) keys() ([]uint64, []int32) {
	keys := make([]uint64, 0, t.n)
	at := make([]int32, 0, t.n)
	for i, lo := range t.los {
		if lo != 0 {
			keys = append(keys, uint64(t.slots[i].hi)<<32|uint64(lo))
			at = append(at, int32(i))
		}
	}
	return append(keys, t.zeroLo...), append(at, t.zeroSlot...)
}

// copyHot gives the features whose rows are rows (the ones over small
// domains, which Model.finish finds once and the tagger reads for nearly
// every word it scores) slots of their own past the end of the hash table,
// side by side, and points the rows at them: a word's sum then reads a few
// of some 130 KB of slots rather than lines spread over megabytes. The
// copies lie past the hash table (los), so get never finds them, and
// WriteTo, which writes the keys of los and zeroLo, does not write them.
func (t *table) copyHot(rows []*int32) {
	size := int32(len(t.los))
	moved := make(map[int32]int32, len(rows)) // a slot of the table -> its copy
	for _, r := range rows {
		o := *r
		if o >= size {
			continue
		}
		c, ok := moved[o]
		if !ok {
			c = int32(len(t.slots))
			moved[o] = c
			t.slots = append(t.slots, slot{w: t.slots[o].w})
		}
		*r = c
	}
}

// hotRoom is the room newTable leaves past a table's end for copyHot's
// copies: more than the rows Model.finish finds (TestHotRoomSuffices).
const hotRoom = 8192

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
	keys, at := m.table.keys()
	weights := make(map[uint64]*[numTags]float32, len(keys))
	for j, k := range keys {
		weights[k] = &m.table.slots[at[j]].w
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
