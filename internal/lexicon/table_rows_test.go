package lexicon

import (
	"encoding/binary"
	"math"
	"testing"
)

// TestRows checks that Rows lays out the value words Word and Float64 read,
// in a keyed table and in an array, for every range of rows.
func TestRows(t *testing.T) {
	for _, keyed := range []bool{false, true} {
		var b *TableBuilder
		if keyed {
			b = NewTableBuilder(3)
		} else {
			b = NewArrayBuilder(3)
		}
		for i := range 7 {
			var r int
			if keyed {
				r, _ = b.Insert(string(rune('a' + i)))
			} else {
				r = b.Append()
			}
			b.Vals(r)[0] = uint32(10 * i)
			b.SetFloat64(r, 1, float64(i)/3)
		}
		data, err := b.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		tab, err := OpenTable(string(data))
		if err != nil {
			t.Fatal(err)
		}
		for from := 0; from <= tab.Len(); from++ {
			for to := from; to <= tab.Len(); to++ {
				vals, stride := tab.Rows(from, to)
				n := 0
				for p := 0; p+12 <= len(vals); p += stride {
					r := from + n
					if w := binary.LittleEndian.Uint32(vals[p:]); w != tab.Word(r, 0) {
						t.Errorf("keyed %v, Rows(%d, %d): row %d word 0 = %d, want %d", keyed, from, to, r, w, tab.Word(r, 0))
					}
					if f := math.Float64frombits(binary.LittleEndian.Uint64(vals[p+4:])); f != tab.Float64(r, 1) {
						t.Errorf("keyed %v, Rows(%d, %d): row %d float = %v, want %v", keyed, from, to, r, f, tab.Float64(r, 1))
					}
					n++
				}
				if n != to-from {
					t.Errorf("keyed %v, Rows(%d, %d) holds %d rows", keyed, from, to, n)
				}
			}
		}
	}
}
