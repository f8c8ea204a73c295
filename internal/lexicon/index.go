package lexicon

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"math/bits"
	"unicode/utf8"
)

// The tables are built from the gzip'd TSV files of data/ by Freeze (go generate runs
// tools/genfrozen) into one pack of Tables, lexicon.pack, which is embedded uncompressed and
// read in place: a lookup hashes the key and reads the table where the binary holds it, so
// start-up decompresses and indexes nothing (it took half a second of CPU) and the garbage
// collector has nothing to scan. TestFrozenIsFresh checks that the pack is what Freeze
// makes of data/ today, and the other tests check the pack's answers against maps built
// from the TSV files.

// tableDefs lists the pack's tables and how each is built from the source files, in an
// order where a table is built after those it reads.
func (l *Lexicon) tableDefs() []tableDef {
	defs := []tableDef{
		{name: "word_facts", bytes: l.buildWordTable}, // a wordTable (wordtable.go), not a Table
		{name: "place_list", build: func() (*TableBuilder, error) { return second2(l.buildPlaces()) }},
		{name: "places", build: func() (*TableBuilder, error) { return first2(l.buildPlaces()) }},
		{name: "countries", build: l.buildCountries},
		{name: "states_code", build: func() (*TableBuilder, error) { return first2(l.buildStates()) }},
		{name: "states_name", build: func() (*TableBuilder, error) { return second2(l.buildStates()) }},
		{name: "prefixes", build: l.buildPrefixes},
	}
	for c := Category(1); c < numCategories; c++ {
		defs = append(defs, tableDef{name: "cat_" + categoryNames[c], build: func() (*TableBuilder, error) { return l.buildCategory(c) }})
	}
	return defs
}

// tableDef is a table of the pack and how it is built: a Table (build), or bytes of
// another layout.
type tableDef struct {
	name  string
	build func() (*TableBuilder, error)
	bytes func() ([]byte, error)
}

func first2(a, _ *TableBuilder, err error) (*TableBuilder, error)  { return a, err }
func second2(_, b *TableBuilder, err error) (*TableBuilder, error) { return b, err }

// Freeze builds every table from the gzip'd TSV files under src (a directory holding
// data/) and returns their pack, the bytes of lexicon.pack. Two runs give the same bytes.
func Freeze(src fs.FS) ([]byte, error) {
	l := &Lexicon{src: src}
	tables := map[string][]byte{}
	for _, d := range l.tableDefs() {
		var err error
		if d.bytes != nil {
			tables[d.name], err = d.bytes()
		} else {
			var b *TableBuilder
			if b, err = d.build(); err == nil {
				tables[d.name], err = b.Bytes()
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.name, err)
		}
	}
	return Pack(tables), nil
}

// open returns the named table: read in place from the pack, or, for a Lexicon over the
// source files (see Freeze), built from them.
func (l *Lexicon) open(name string) (*Table, error) {
	if l.src == nil {
		data, ok := l.pack[name]
		if !ok {
			return nil, fmt.Errorf("table %s missing from the pack", name)
		}
		return OpenTable(data)
	}
	for _, d := range l.tableDefs() {
		if d.name != name || d.build == nil {
			continue
		}
		b, err := d.build()
		if err != nil {
			return nil, err
		}
		data, err := b.Bytes()
		if err != nil {
			return nil, err
		}
		return OpenTable(string(data))
	}
	return nil, fmt.Errorf("no table %s", name)
}

// opener returns a loader of the named table for a lazy field.
func (l *Lexicon) opener(name string) func() (*Table, error) {
	return func() (*Table, error) { return l.open(name) }
}

// tab returns the table of the lazy field z, opening the named table on first use.
func (l *Lexicon) tab(z *lazy[*Table], name string) *Table {
	return z.get(func() (*Table, error) { return l.open(name) })
}

// cutPossessive returns k without a final "'s", the suffix WordLevel and ProperLevel
// ignore.
func cutPossessive(k []byte) ([]byte, bool) {
	if n := len(k); n >= 2 && k[n-2] == '\'' && k[n-1] == 's' {
		return k[:n-2], true
	}
	return k, false
}

// findKey looks up the lookup form of s (see key), building it on the stack: a lookup of a
// capitalised word then allocates nothing.
func findKey(t *Table, s string) (int, bool) {
	var buf [64]byte
	return t.Find(keyOf(&buf, s))
}

// numberTable reads a TSV table into a builder of two-word rows: key is the first of nfields
// fields, and val parses the row's numbers. A key that occurs again takes the later row's
// numbers, as a map would, but keeps its first row's place.
func (l *Lexicon) numberTable(name string, nfields int, val func(f []string) (a, b int32, err error)) (*TableBuilder, error) {
	text, err := l.tableText(name)
	if err != nil {
		return nil, err
	}
	tb := NewTableBuilder(2)
	err = eachRow(name, text, nfields, func(_ int, f []string) error {
		a, b, err := val(f)
		if err != nil {
			return err
		}
		r, _ := tb.Insert(f[0])
		v := tb.Vals(r)
		v[0], v[1] = uint32(a), uint32(b)
		return nil
	})
	return tb, err
}

// keyGate is a one-hash Bloom filter of a table's keys, by their length and their first,
// middle and last bytes: a key whose bit is not set is known absent without hashing it
// whole or probing the table. For the small tables asked about nearly every word of a
// text (countries, US states, place-name prefixes) it rules out most words. The empty key
// is never ruled out.
type keyGate struct {
	bits  []uint64
	shift uint // 64 - log2 of the number of bits
}

func newKeyGate(t *Table) *keyGate {
	n := 1024 // bits: at least 16 a key, so that few words share a key's bit
	for n < 16*t.Len() {
		n *= 2
	}
	g := &keyGate{bits: make([]uint64, n/64), shift: uint(64 - bits.TrailingZeros(uint(n)))}
	if !t.keyed {
		return g
	}
	// The rows' key offsets and lengths are read in place (this runs at
	// start-up): the three bytes a bit needs, not
	// the key as a string.
	for p := t.rows; p < t.rows+t.stride*t.nrows; p += t.stride {
		off, n := int(binary.LittleEndian.Uint32(t.b[p:])), int(binary.LittleEndian.Uint32(t.b[p+4:]))
		if n > 0 {
			b := g.bitOf(n, t.text[off], t.text[off+n/2], t.text[off+n-1])
			g.bits[b/64] |= 1 << (b % 64)
		}
	}
	return g
}

// bit is the bit of a non-empty key.
func (g *keyGate) bit(k string) uint64 {
	return g.bitOf(len(k), k[0], k[len(k)/2], k[len(k)-1])
}

// bitOf is the bit of a key of n bytes whose first, middle (n/2) and last
// bytes are first, mid and last.
func (g *keyGate) bitOf(n int, first, mid, last byte) uint64 {
	x := uint64(n) | uint64(first)<<8 | uint64(mid)<<16 | uint64(last)<<24
	return (x * 0x9e3779b97f4a7c15) >> g.shift
}

// may reports whether k may be a key of the table.
func (g *keyGate) may(k string) bool {
	if k == "" {
		return true
	}
	b := g.bit(k)
	return g.bits[b/64]&(1<<(b%64)) != 0
}

// gatedTable is a table with the gate of its keys.
type gatedTable struct {
	*Table
	gate *keyGate
}

// openGated opens the named table and makes its gate.
func (l *Lexicon) openGated(name string) func() (*gatedTable, error) {
	return func() (*gatedTable, error) {
		t, err := l.open(name)
		if err != nil {
			return nil, err
		}
		return &gatedTable{t, newKeyGate(t)}, nil
	}
}

// find is Find(k), asking the gate first.
func (t *gatedTable) find(k string) (int, bool) {
	if !t.gate.may(k) {
		return 0, false
	}
	return t.Find(k)
}

// findKey is find of the lookup form of s. The lookup form of an ASCII word
// is its lower case, of the same length: its bit is read from s, and most
// words are ruled out before their key is made.
func (t *gatedTable) findKey(s string) (int, bool) {
	if s != "" && asciiOnly(s) {
		if b := t.gate.bitOf(len(s), lowerASCIIByte(s[0]), lowerASCIIByte(s[len(s)/2]), lowerASCIIByte(s[len(s)-1])); t.gate.bits[b/64]&(1<<(b%64)) == 0 {
			return 0, false
		}
	}
	var buf [64]byte
	return t.find(keyOf(&buf, s))
}

// asciiOnly reports whether s is ASCII.
func asciiOnly(s string) bool {
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < utf8.RuneSelf
}

// lowerASCIIByte lowers an ASCII capital.
func lowerASCIIByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
