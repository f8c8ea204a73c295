package cache

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"testing"
	"testing/quick"

	"github.com/veil-blog/veil/internal/cache/gobstream"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/site"
)

// randomFindings returns n findings with the values a build's have and
// the edges of each field: no date, a date with every field zero, empty
// and non-ASCII strings, negative and huge numbers, special floats.
func randomFindings(r *rand.Rand, n int) []site.Finding {
	strs := []string{"", "Odette", "Marchand Street", "7 June 2023", "dr-name", "[PERSON-3]", "Café Ñandú", "a\x00b", "\xff\xfe", "line\nbreak"}
	floats := []float64{0, math.NaN(), 1, 0.5, 0.9375, -2.5, math.Inf(1), math.Inf(-1), math.SmallestNonzeroFloat64, math.MaxFloat64, math.Copysign(0, -1)}
	ints := []int{0, 1, -1, 17, 1 << 20, math.MaxInt64, math.MinInt64, 300}
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	in := func() int { return ints[r.Intn(len(ints))] }
	out := make([]site.Finding, n)
	for i := range out {
		f := &out[i]
		f.Start, f.End, f.Age, f.Line, f.Col = in(), in(), in(), in(), in()
		f.Kind, f.Type = deid.Kind(pick(strs)), deid.Type(pick(strs))
		f.Text, f.Replacement, f.Recognizer, f.Field = pick(strs), pick(strs), pick(strs), pick(strs)
		f.Confidence = floats[r.Intn(len(floats))]
		switch r.Intn(3) {
		case 1:
			f.Date = &deid.DateValue{}
		case 2:
			f.Date = &deid.DateValue{Year: in(), Month: in(), Day: in(), Relative: r.Intn(2) == 0, Length: in(), Unit: pick(strs)}
		}
	}
	return out
}

// gobRoundTrip is what gob made of findings before findingList: the
// findings encoded and decoded by gob in a struct.
func gobRoundTrip(t *testing.T, fs []site.Finding) []site.Finding {
	t.Helper()
	type holder struct{ F []site.Finding }
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(holder{fs}); err != nil {
		t.Fatal(err)
	}
	var h holder
	if err := gob.NewDecoder(&b).Decode(&h); err != nil {
		t.Fatal(err)
	}
	return h.F
}

func listRoundTrip(t *testing.T, fs []site.Finding) []site.Finding {
	t.Helper()
	b, err := findingList{list: fs}.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	if enc := appendFindings([]byte("earlier"), fs); !bytes.Equal(enc[len("earlier"):], b) {
		t.Fatal("appendFindings after other bytes differs from GobEncode")
	}
	var l findingList
	if err := l.GobDecode(b); err != nil {
		t.Fatal(err)
	}
	return l.list
}

// sameFindings compares as reflect.DeepEqual does, with floats by their
// bits (so that -0 and 0 differ).
func sameFindings(a, b []site.Finding) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if math.Float64bits(x.Confidence) != math.Float64bits(y.Confidence) {
			return false
		}
		x.Confidence, y.Confidence = 0, 0
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// TestFindingListAsGob: findings written and read by findingList are
// what gob gave, on 2,000 random lists (none, one, many; the edges of
// every field), and a list read back after a round trip through a whole
// entry equals the gob round trip of the entry as it was written before.
func TestFindingListAsGob(t *testing.T) {
	r := rand.New(rand.NewSource(12))
	for i := range 2000 {
		n := []int{0, 1, 2, 5, 40}[i%5]
		fs := randomFindings(r, n)
		if i%7 == 0 && n == 0 {
			fs = []site.Finding{} // empty, not nil: gob gives nil
		}
		want, got := gobRoundTrip(t, fs), listRoundTrip(t, fs)
		if !sameFindings(got, want) {
			t.Fatalf("list %d (%d findings): findingList gives\n%#v\ngob gave\n%#v", i, n, got, want)
		}
	}
	// Whole entries: stored, encoded, decoded and restored, as gob gave
	// the entry with its findings in place.
	for i := range 200 {
		e := &entry{Cleared: &site.Cleared{Path: "content/posts/p.md", Rel: "posts/p.md", Post: render.Post{Title: fmt.Sprint("Post ", i), Markdown: []byte("Text.\n")},
			Findings: randomFindings(r, i%4*3), Warnings: []string{"w"}, Spans: []site.Span{{Start: 1, End: 3}}}}
		var old bytes.Buffer
		if err := gob.NewEncoder(&old).Encode(e); err != nil {
			t.Fatal(err)
		}
		var want entry
		if err := gob.NewDecoder(&old).Decode(&want); err != nil {
			t.Fatal(err)
		}
		var enc, dec bytes.Buffer
		if err := gob.NewEncoder(&enc).Encode(e.stored(nil)); err != nil {
			t.Fatal(err)
		}
		dec.Write(enc.Bytes())
		var got entry
		if err := gob.NewDecoder(&dec).Decode(&got); err != nil || !got.restore() {
			t.Fatalf("entry %d: decoding the stored form: %v", i, err)
		}
		if !sameFindings(got.Cleared.Findings, want.Cleared.Findings) {
			t.Fatalf("entry %d: findings differ from gob's", i)
		}
		got.Cleared.Findings, want.Cleared.Findings = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("entry %d: restored\n%#v\nwant\n%#v", i, got, want)
		}
		if len(e.Cleared.Findings) > 0 && e.stored(nil) == e {
			t.Fatalf("entry %d: stored kept the findings in the post", i)
		}
	}
}

// TestFindingListCoversFinding: a finding with every field set to random
// values (by reflection, so that a field added to site.Finding, to
// deid.Finding or to deid.DateValue is set too) reads back whole: a field
// findingList does not write would come back zero.
func TestFindingListCoversFinding(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	typ := reflect.TypeFor[site.Finding]()
	for i := range 500 {
		v, ok := quick.Value(typ, r)
		if !ok {
			t.Fatalf("quick.Value cannot make a %s", typ)
		}
		f := v.Interface().(site.Finding)
		if f.Date == nil {
			f.Date = &deid.DateValue{}
		}
		// Every field non-zero, so that one not written reads back zero
		// and differs.
		setNonZero(reflect.ValueOf(&f).Elem(), r)
		got := listRoundTrip(t, []site.Finding{f})
		if !sameFindings(got, []site.Finding{f}) {
			t.Fatalf("finding %d: read back\n%#v\nwant\n%#v", i, got[0], f)
		}
	}
}

// setNonZero gives every zero field of v, recursively, a non-zero value.
func setNonZero(v reflect.Value, r *rand.Rand) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				setNonZero(v.Field(i), r)
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		setNonZero(v.Elem(), r)
	case reflect.String:
		if v.Len() == 0 {
			v.SetString("x")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.Int() == 0 {
			v.SetInt(1 + r.Int63n(100))
		}
	case reflect.Float32, reflect.Float64:
		if v.Float() == 0 {
			v.SetFloat(0.25)
		}
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic("setNonZero: a field of kind " + v.Kind().String() + "; findingList (and this test) must learn it")
	}
}

// TestFindingListRefusesDamage: a truncated or altered encoding is an
// error (the entry is then a miss), never findings made up.
func TestFindingListRefusesDamage(t *testing.T) {
	fs := randomFindings(rand.New(rand.NewSource(5)), 6)
	b, err := findingList{list: fs}.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	var l findingList
	for n := range len(b) {
		if err := l.GobDecode(b[:n]); err == nil {
			t.Errorf("decoding the first %d of %d bytes: no error", n, len(b))
		}
	}
	if err := l.GobDecode(append(bytes.Clone(b), 0)); err == nil {
		t.Error("decoding with a byte more: no error")
	}
	other := bytes.Clone(b)
	other[0] = findingListVersion + 1
	if err := l.GobDecode(other); err == nil {
		t.Error("decoding another version: no error")
	}
	var e entry
	e.Findings = findingList{list: fs}
	if e.restore() {
		t.Error("restore of findings without a post: ok")
	}
}

// BenchmarkEncodeEntry encodes a cleared post's entry with 60 findings,
// as a cold build saves each post: "gob", as before findingList (the
// findings in the post), and "list", as put writes it now.
func BenchmarkEncodeEntry(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	fs := make([]site.Finding, 60)
	for i := range fs {
		fs[i] = site.Finding{Finding: deid.Finding{Start: 100 * i, End: 100*i + 12, Kind: deid.Person, Type: "first-name", Text: fmt.Sprintf("Name%d", r.Intn(100)),
			Replacement: fmt.Sprintf("Other%d", r.Intn(100)), Recognizer: "dict", Confidence: 0.875, Age: 0}, Field: "body", Line: 3 + i, Col: 7}
		if i%5 == 0 {
			fs[i].Kind, fs[i].Date = deid.Date, &deid.DateValue{Year: 2023, Month: 6, Day: 7}
		}
	}
	e := &entry{Cleared: &site.Cleared{Path: "content/posts/p.md", Rel: "posts/p.md", Post: render.Post{Title: "A visit", Markdown: bytes.Repeat([]byte("Some text of the post. "), 400)},
		Findings: fs, Spans: make([]site.Span, 60)}}
	for _, bc := range []struct {
		name string
		v    *entry
	}{{"gob", e}, {"list", nil}} {
		b.Run(bc.name, func(b *testing.B) {
			var enc gobstream.Encoders[*entry]
			var buf []byte
			b.ReportAllocs()
			for b.Loop() {
				v := bc.v
				if v == nil { // as put: the findings encoded into a reused buffer
					v = e.stored(buf[:0])
					buf = v.Findings.enc
				}
				enc.EncodeParts(v, func(a, b []byte) {})
			}
		})
	}
}
