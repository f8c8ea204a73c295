package cache

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/site"
)

// findingList is a published post's findings as a cache entry keeps
// them: written by hand rather than by gob, whose reflection over each
// finding's fields (a struct embedded in a struct, a pointer to a third)
// was most of the time a cold build spent encoding entries. It reads back
// exactly what gob gave (TestFindingListAsGob); TestFindingListCoversFinding
// fails when site.Finding gains a field this does not write.
//
// A list about to be written carries its encoding (enc, made by
// Cache.put in a buffer it reuses: gob copies what GobEncode returns).
type findingList struct {
	list []site.Finding
	enc  []byte
}

// findingListVersion begins the encoding; another first byte is an
// unreadable entry (a miss).
const findingListVersion = 1

// GobEncode returns the list's encoding (see appendFindings).
func (l findingList) GobEncode() ([]byte, error) {
	if l.enc != nil {
		return l.enc, nil
	}
	return appendFindings(nil, l.list), nil
}

// appendFindings appends the encoding of l to b: the findings' count,
// then each one's fields in order, integers as varints, strings with
// their length, the confidence as its IEEE bits, the date after a byte
// saying whether there is one.
func appendFindings(b []byte, l []site.Finding) []byte {
	n := 1 + binary.MaxVarintLen64
	for i := range l {
		f := &l[i]
		n += 11*binary.MaxVarintLen64 + 8 + 1 + len(f.Kind) + len(f.Type) + len(f.Text) + len(f.Replacement) + len(f.Recognizer) + len(f.Field)
		if f.Date != nil {
			n += 6*binary.MaxVarintLen64 + len(f.Date.Unit)
		}
	}
	b = slices.Grow(b, n)
	b = append(b, findingListVersion)
	b = binary.AppendUvarint(b, uint64(len(l)))
	for i := range l {
		f := &l[i]
		b = binary.AppendVarint(b, int64(f.Start))
		b = binary.AppendVarint(b, int64(f.End))
		b = appendString(b, string(f.Kind))
		b = appendString(b, string(f.Type))
		b = appendString(b, f.Text)
		b = appendString(b, f.Replacement)
		b = appendString(b, f.Recognizer)
		conf := f.Confidence
		if conf == 0 {
			conf = 0 // -0 reads back as 0, as gob, which does not send a zero, gives it
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(conf))
		if d := f.Date; d == nil {
			b = append(b, 0)
		} else {
			b = append(b, 1)
			b = binary.AppendVarint(b, int64(d.Year))
			b = binary.AppendVarint(b, int64(d.Month))
			b = binary.AppendVarint(b, int64(d.Day))
			rel := byte(0)
			if d.Relative {
				rel = 1
			}
			b = append(b, rel)
			b = binary.AppendVarint(b, int64(d.Length))
			b = appendString(b, d.Unit)
		}
		b = binary.AppendVarint(b, int64(f.Age))
		b = appendString(b, f.Field)
		b = binary.AppendVarint(b, int64(f.Line))
		b = binary.AppendVarint(b, int64(f.Col))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

var errFindingList = errors.New("cache: unreadable findings")

// GobDecode reads what GobEncode wrote; anything else is an error. The
// strings are copies: b is gob's buffer.
func (l *findingList) GobDecode(b []byte) error {
	r := listReader{b: b}
	if r.byte() != findingListVersion {
		return errFindingList
	}
	n := r.uvarint()
	if r.err || n > uint64(len(b)) {
		return errFindingList
	}
	out := make([]site.Finding, n)
	for i := range out {
		f := &out[i]
		f.Start = r.int()
		f.End = r.int()
		f.Kind = deid.Kind(r.string())
		f.Type = deid.Type(r.string())
		f.Text = r.string()
		f.Replacement = r.string()
		f.Recognizer = r.string()
		f.Confidence = math.Float64frombits(r.uint64())
		switch r.byte() {
		case 0:
		case 1:
			d := &deid.DateValue{}
			d.Year = r.int()
			d.Month = r.int()
			d.Day = r.int()
			switch r.byte() {
			case 0:
			case 1:
				d.Relative = true
			default:
				r.err = true
			}
			d.Length = r.int()
			d.Unit = r.string()
			f.Date = d
		default:
			r.err = true
		}
		f.Age = r.int()
		f.Field = r.string()
		f.Line = r.int()
		f.Col = r.int()
		if r.err {
			return errFindingList
		}
	}
	if r.err || len(r.b) != 0 {
		return errFindingList
	}
	if n == 0 {
		out = nil // as gob gives an empty slice
	}
	*l = findingList{list: out}
	return nil
}

// listReader reads findingList's encoding; err is set at the first
// problem, after which every read gives zero.
type listReader struct {
	b   []byte
	err bool
}

func (r *listReader) byte() byte {
	if r.err || len(r.b) == 0 {
		r.err = true
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *listReader) uvarint() uint64 {
	if r.err {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *listReader) int() int {
	if r.err {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 || int64(int(v)) != v {
		r.err = true
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *listReader) uint64() uint64 {
	if r.err || len(r.b) < 8 {
		r.err = true
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

func (r *listReader) string() string {
	n := r.uvarint()
	if r.err || n > uint64(len(r.b)) {
		r.err = true
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
