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
	index   map[uint64]int32 // feature -> offset into weights
	table   table            // the same, for lookups while tagging
	weights []float32
	// Margins are the operating points, by register (0: other text, 1: a
	// clinical note) and kind (PER, LOC, ORG, as Kinds lists them): a name
	// is reported when each of its words' tags beats the next best by at
	// least its margin; +Inf reports none of that kind there. The training
	// tool chooses them on folds held out by patient, author or template.
	Margins [2][3]float32
	// rows are offsets found once per model (finish).
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

// table is an open-addressing hash table from features to offsets into
// the weights, about twice as fast as a Go map for this: the keys are
// hashes already, so their low bits pick the slot. Key 0 marks an empty
// slot (a feature whose hash is 0 is left out).
type table struct {
	keys []uint64
	offs []int32
	mask uint64
}

func newTable(index map[uint64]int32) table {
	n := 1
	for n < 2*len(index)+1 {
		n <<= 1
	}
	t := table{keys: make([]uint64, n), offs: make([]int32, n), mask: uint64(n - 1)}
	for k, o := range index {
		if k == 0 {
			continue
		}
		i := k & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.offs[i] = k, o
	}
	return t
}

func (t *table) get(k uint64) (int32, bool) {
	if len(t.keys) == 0 || k == 0 {
		return 0, false
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.offs[i], true
		case 0:
			return 0, false
		}
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
// of its hash, the hash and numTags weights as float32, little-endian;
// gzip-compressed.
const magic = "VSEQ3"

// WriteTo writes m in the model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	keys := make([]uint64, 0, len(m.index))
	for k := range m.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, m.Margins)
	binary.Write(bw, binary.LittleEndian, uint32(len(keys)))
	for _, k := range keys {
		binary.Write(bw, binary.LittleEndian, k)
	}
	for _, k := range keys {
		o := m.index[k]
		binary.Write(bw, binary.LittleEndian, m.weights[o:o+numTags])
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
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
	m := &Model{index: make(map[uint64]int32, n), weights: make([]float32, n*numTags), Margins: margins}
	for i := 0; i < n; i++ {
		m.index[binary.LittleEndian.Uint64(data[i*8:])] = int32(i * numTags)
	}
	data = data[n*8:]
	for i := range m.weights {
		m.weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[i*4:]))
	}
	m.table = newTable(m.index)
	m.finish()
	return m, nil
}

// Features reports how many features the model weighs.
func (m *Model) Features() int { return len(m.index) }
