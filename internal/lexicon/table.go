package lexicon

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"unsafe"
)

// Table is a read-only hash table laid out in one string, built by TableBuilder and read in
// place: opening it reads a header, and a lookup hashes the key with a fixed function (see
// hashKey) and reads the slots and rows where they lie, so that a table embedded in the
// binary costs neither decompression nor indexing at start-up, and its memory is the
// binary's own read-only pages, which the garbage collector never scans.
//
// Layout, every number a little-endian uint32:
//
//	header: "VTB1", rows, slots, words, text length, aux, flags
//	slots:  [slots] row number + 1 in the low 24 bits and the top 8 bits of the key's hash
//	        above them, or 0 for empty; slots is 0 or a power of two
//	rows:   [rows] key offset, key length (if flags&keyed), then words value words
//	text:   the strings values point at (see TableBuilder.String), then the keys
//
// A table without slots is an array: its rows are read by number only.
type Table struct {
	b                    []byte // the table, a view of the string it was opened on
	text                 string
	nrows, nslots, words int
	slots, rows          int // offsets in b
	stride, valOff       int // bytes per row; offset of the value words in a row
	keyed                bool
	aux                  uint32
}

const (
	rowBits     = 24 // a slot's bits for the row number; the rest hold a tag of the hash
	rowMask     = 1<<rowBits - 1
	tableMagic  = "VTB1"
	tableHeader = 7 * 4
	flagKeyed   = 1
)

// OpenTable reads the header of a table made by TableBuilder.Bytes.
func OpenTable(data string) (*Table, error) {
	if len(data) < tableHeader || data[:4] != tableMagic {
		return nil, errors.New("not a table")
	}
	b := unsafe.Slice(unsafe.StringData(data), len(data))
	u := func(i int) int { return int(binary.LittleEndian.Uint32(b[4*i:])) }
	t := &Table{b: b, nrows: u(1), nslots: u(2), words: u(3), aux: uint32(u(5)), keyed: u(6)&flagKeyed != 0}
	textLen := u(4)
	if t.nslots&(t.nslots-1) != 0 || t.nslots != 0 && !t.keyed {
		return nil, errors.New("table: bad slot count")
	}
	t.stride = 4 * t.words
	if t.keyed {
		t.stride += 8
		t.valOff = 8
	}
	t.slots = tableHeader
	t.rows = t.slots + 4*t.nslots
	end := t.rows + t.stride*t.nrows
	if end+textLen != len(data) {
		return nil, fmt.Errorf("table: %d bytes, want %d", len(data), end+textLen)
	}
	t.text = data[end:]
	return t, nil
}

// Len is the number of rows.
func (t *Table) Len() int { return t.nrows }

// Aux is the number the builder stored with the table (see TableBuilder.SetAux).
func (t *Table) Aux() uint32 { return t.aux }

// Find returns the row of key k.
func (t *Table) Find(k string) (row int, ok bool) { return t.findHashed(k, hashKey(k)) }

// findHashed is Find of a key whose hashKey is h, for a caller looking one key up in
// several tables.
func (t *Table) findHashed(k string, h uint64) (row int, ok bool) {
	if t.nslots == 0 {
		return 0, false
	}
	mask := uint64(t.nslots - 1)
	slots := t.b[t.slots:t.rows]
	tag := uint32(h>>56) << rowBits
	for i := h & mask; ; i = (i + 1) & mask {
		s := binary.LittleEndian.Uint32(slots[4*i:])
		if s == 0 {
			return 0, false
		}
		if s&^rowMask != tag {
			continue // another key's: its row need not be read
		}
		r := int(s&rowMask - 1)
		p := t.rows + t.stride*r
		if int(binary.LittleEndian.Uint32(t.b[p+4:])) == len(k) {
			off := binary.LittleEndian.Uint32(t.b[p:])
			if t.text[off:off+uint32(len(k))] == k {
				return r, true
			}
		}
	}
}

// Key returns the key of row r ("" in a table without keys).
func (t *Table) Key(r int) string {
	if !t.keyed {
		return ""
	}
	p := t.rows + t.stride*r
	off := binary.LittleEndian.Uint32(t.b[p:])
	return t.text[off : off+binary.LittleEndian.Uint32(t.b[p+4:])]
}

// Word returns value word i of row r.
func (t *Table) Word(r, i int) uint32 {
	return binary.LittleEndian.Uint32(t.b[t.rows+t.stride*r+t.valOff+4*i:])
}

// Rows returns the bytes of rows [from, to) from the first value word of
// from to the last of to-1, and the distance between two rows: value word i
// of row from+k is at stride*k+4*i. A loop over many rows reads them without
// working out each row's place again.
func (t *Table) Rows(from, to int) (vals []byte, stride int) {
	if from >= to {
		return nil, t.stride
	}
	start := t.rows + t.stride*from + t.valOff
	return t.b[start : t.rows+t.stride*(to-1)+t.valOff+4*t.words], t.stride
}

// Int32 returns value word i of row r as a signed number.
func (t *Table) Int32(r, i int) int32 { return int32(t.Word(r, i)) }

// Float64 returns the float stored in value words i and i+1 of row r.
func (t *Table) Float64(r, i int) float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(t.b[t.rows+t.stride*r+t.valOff+4*i:]))
}

// String returns the string that value words i and i+1 of row r point at (see
// TableBuilder.String).
func (t *Table) String(r, i int) string {
	off := t.Word(r, i)
	return t.text[off : off+t.Word(r, i+1)]
}

// hashKey is the tables' hash: the key read eight bytes at a time (little-endian), each
// word multiplied into the state and rotated, then the finaliser of MurmurHash3 so that the
// low bits the slot mask keeps depend on every byte. It is fixed, unlike maphash, so that a
// table built by the generator can be read by any run.
func hashKey(s string) uint64 {
	h := hashStart(len(s))
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	for len(b) >= 8 {
		h = hashMix(h, binary.LittleEndian.Uint64(b))
		b = b[8:]
	}
	var tail uint64
	for i := len(b) - 1; i >= 0; i-- {
		tail = tail<<8 | uint64(b[i])
	}
	return hashEnd(hashMix(h, tail))
}

// hashBuf is hashKey of buf[:n] for a buf whose bytes from n up to the next multiple of
// 8 are zero: its last word is read whole, not byte by byte.
func hashBuf(buf *[64]byte, n int) uint64 {
	h := hashStart(n)
	i := 0
	for ; i+8 <= n; i += 8 {
		h = hashMix(h, binary.LittleEndian.Uint64(buf[i:]))
	}
	var tail uint64
	if i < n {
		tail = binary.LittleEndian.Uint64(buf[i:])
	}
	return hashEnd(hashMix(h, tail))
}

// hashStart, hashMix and hashEnd are the steps of hashKey: the state for a key of n
// bytes; the state after word x (eight bytes, little-endian; the last, zero-padded word
// of the key, zero if it has no bytes left, is mixed in too); the hash of the final state.
func hashStart(n int) uint64 { return uint64(n) * hashM1 }

func hashMix(h, x uint64) uint64 { return bits.RotateLeft64(h^x*hashM2, 31) * hashM1 }

func hashEnd(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

const hashM1, hashM2 = 0x9e3779b97f4a7c15, 0xc2b2ae3d27d4eb4f

// TableBuilder makes a Table. Rows keep the order of their keys' first insertion; a key
// inserted again finds its row, whose value words the caller may change.
type TableBuilder struct {
	words   int
	keyed   bool
	keys    []string
	vals    []uint32
	rows    map[string]int
	strs    []byte
	strOffs map[string]uint32
	aux     uint32
}

// NewTableBuilder returns a builder of a hash table whose rows hold words value words each.
func NewTableBuilder(words int) *TableBuilder {
	return &TableBuilder{words: words, keyed: true, rows: map[string]int{}, strOffs: map[string]uint32{}}
}

// NewArrayBuilder returns a builder of a table without keys, whose rows are read by number.
func NewArrayBuilder(words int) *TableBuilder {
	return &TableBuilder{words: words, strOffs: map[string]uint32{}}
}

// Insert returns the row of key k, adding one with zero value words if there was none.
func (b *TableBuilder) Insert(k string) (row int, added bool) {
	if r, ok := b.rows[k]; ok {
		return r, false
	}
	r := b.Append()
	b.keys[r] = k
	b.rows[k] = r
	return r, true
}

// Append adds a row (without a key, in an array) and returns its number.
func (b *TableBuilder) Append() int {
	b.keys = append(b.keys, "")
	b.vals = append(b.vals, make([]uint32, b.words)...)
	return len(b.keys) - 1
}

// Len is the number of rows so far.
func (b *TableBuilder) Len() int { return len(b.keys) }

// Vals returns the value words of row r, to read or set.
func (b *TableBuilder) Vals(r int) []uint32 { return b.vals[r*b.words : (r+1)*b.words] }

// SetFloat64 stores f in value words i and i+1 of row r.
func (b *TableBuilder) SetFloat64(r, i int, f float64) {
	v, u := b.Vals(r), math.Float64bits(f)
	v[i], v[i+1] = uint32(u), uint32(u>>32)
}

// SetString stores s, kept once in the table's text, in value words i and i+1 of row r.
func (b *TableBuilder) SetString(r, i int, s string) {
	off, ok := b.strOffs[s]
	if !ok {
		off = uint32(len(b.strs))
		b.strs = append(b.strs, s...)
		b.strOffs[s] = off
	}
	v := b.Vals(r)
	v[i], v[i+1] = off, uint32(len(s))
}

// SetAux stores a number with the table, read back by Table.Aux.
func (b *TableBuilder) SetAux(n uint32) { b.aux = n }

// Bytes lays the table out. The same inserts give the same bytes.
func (b *TableBuilder) Bytes() ([]byte, error) {
	nslots := 0
	if b.keyed && len(b.keys) > 0 {
		nslots = 1 << bits.Len(uint(2*len(b.keys)))
	}
	text := slices.Clone(b.strs)
	keyOff := make([]uint32, len(b.keys))
	for r, k := range b.keys {
		keyOff[r] = uint32(len(text))
		text = append(text, k...)
	}
	if len(text) >= math.MaxUint32 || len(b.keys) >= rowMask {
		return nil, errors.New("table too large")
	}
	flags := uint32(0)
	if b.keyed {
		flags = flagKeyed
	}
	out := []byte(tableMagic)
	for _, n := range []uint32{uint32(len(b.keys)), uint32(nslots), uint32(b.words), uint32(len(text)), b.aux, flags} {
		out = binary.LittleEndian.AppendUint32(out, n)
	}
	slots := make([]uint32, nslots)
	mask := uint64(nslots - 1)
	for r, k := range b.keys {
		if nslots == 0 {
			break
		}
		h := hashKey(k)
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = uint32(r+1) | uint32(h>>56)<<rowBits
	}
	for _, s := range slots {
		out = binary.LittleEndian.AppendUint32(out, s)
	}
	for r, k := range b.keys {
		if b.keyed {
			out = binary.LittleEndian.AppendUint32(out, keyOff[r])
			out = binary.LittleEndian.AppendUint32(out, uint32(len(k)))
		}
		for _, v := range b.Vals(r) {
			out = binary.LittleEndian.AppendUint32(out, v)
		}
	}
	return append(out, text...), nil
}

// A pack holds several named tables in one string, so that one embedded file holds them all.
// Layout: "VPK1", count, then for each table its name length, name, offset and length
// (little-endian uint32), then the tables.

// Pack lays out the named tables in name order.
func Pack(tables map[string][]byte) []byte {
	names := make([]string, 0, len(tables))
	for n := range tables {
		names = append(names, n)
	}
	slices.Sort(names)
	dir := 8
	for _, n := range names {
		dir += 12 + len(n)
	}
	out := binary.LittleEndian.AppendUint32([]byte("VPK1"), uint32(len(names)))
	off := dir
	for _, n := range names {
		out = binary.LittleEndian.AppendUint32(out, uint32(len(n)))
		out = append(out, n...)
		out = binary.LittleEndian.AppendUint32(out, uint32(off))
		out = binary.LittleEndian.AppendUint32(out, uint32(len(tables[n])))
		off += len(tables[n])
	}
	for _, n := range names {
		out = append(out, tables[n]...)
	}
	return out
}

// Unpack returns the named tables of a pack, each a substring of data.
func Unpack(data string) (map[string]string, error) {
	bad := errors.New("malformed table pack")
	if len(data) < 8 || data[:4] != "VPK1" {
		return nil, bad
	}
	u := func(i int) int { return int(binary.LittleEndian.Uint32([]byte(data[i : i+4]))) }
	n, p := u(4), 8
	out := make(map[string]string, n)
	for range n {
		if p+4 > len(data) {
			return nil, bad
		}
		l := u(p)
		if p+4+l+8 > len(data) {
			return nil, bad
		}
		name := data[p+4 : p+4+l]
		off, size := u(p+4+l), u(p+8+l)
		if off+size > len(data) || off+size < off {
			return nil, bad
		}
		out[name] = data[off : off+size]
		p += 12 + l
	}
	return out, nil
}
