package gobstream

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
	"time"
)

// plainRec has no map (so a fresh encoder's bytes are deterministic) and no
// interface; time.Time encodes itself.
type plainRec struct {
	Path   string
	Body   []byte
	Spans  []inner
	Next   *inner
	Score  float64
	When   time.Time
	Tags   [2]string
	Nested [][]inner
	Self   *plainRec
	hidden any // unexported: gob never sees it
	ch     chan int
}

type withIface struct {
	Name string
	V    any
}

func randRec(r *rand.Rand, depth int) plainRec {
	var p plainRec
	if r.IntN(4) > 0 {
		p.Path = fmt.Sprintf("posts/%x.md", r.Uint64())
	}
	if r.IntN(3) > 0 {
		p.Body = make([]byte, r.IntN(300))
		for i := range p.Body {
			p.Body[i] = byte(r.IntN(256))
		}
	}
	for range r.IntN(5) {
		p.Spans = append(p.Spans, inner{Start: r.IntN(1 << 20), End: -r.IntN(9), Kind: string(rune('a' + r.IntN(26)))})
	}
	if r.IntN(2) == 0 {
		p.Next = &inner{Start: r.IntN(5)}
	}
	if r.IntN(2) == 0 {
		p.Score = r.NormFloat64()
	}
	if r.IntN(2) == 0 {
		p.When = time.Unix(r.Int64N(1<<33), r.Int64N(1e9)).UTC()
	}
	p.Tags[r.IntN(2)] = "t"
	for range r.IntN(3) {
		p.Nested = append(p.Nested, p.Spans)
	}
	if depth < 2 && r.IntN(3) == 0 {
		s := randRec(r, depth+1)
		p.Self = &s
	}
	return p
}

func freshEncode(v any) ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(v)
	return b.Bytes(), err
}

// TestEncodeAsFresh: random values encode to a fresh encoder's bytes,
// mostly by kept encoders, and decode back (through Decoders and a fresh
// decoder) to the value.
func TestEncodeAsFresh(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var p Encoders[plainRec]
	var pp Encoders[*plainRec]
	var dec Decoders
	const n = 3000
	for i := range n {
		v := randRec(r, 0)
		want, err := freshEncode(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Encode(v)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("value %d: %v\n got %x\nwant %x", i, err, got, want)
		}
		if got2, err := pp.Encode(&v); err != nil || !bytes.Equal(got2, want) {
			t.Fatalf("pointer %d: %v", i, err)
		}
		var back, fr plainRec
		if err := dec.Decode(got, &back); err != nil {
			t.Fatal(err)
		}
		if err := fresh(want, &fr); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, fr) || back.Path != v.Path || !back.When.Equal(v.When) || len(back.Spans) != len(v.Spans) {
			t.Fatalf("value %d decoded as %+v, want %+v", i, back, v)
		}
	}
	if p.reused < n-1 || p.fallback != 0 {
		t.Errorf("reused %d, fallback %d of %d", p.reused, p.fallback, n)
	}
}

// TestEncodePartsAsEncode: the pieces EncodeParts hands over are, joined,
// a fresh encoder's bytes (as Encode's), for values and pointers, by kept
// encoders and fresh ones (interfaces), and in turn with Encode on the
// same Encoders; an error is returned without a call.
func TestEncodePartsAsEncode(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var p Encoders[plainRec]
	var pp Encoders[*plainRec]
	var pi Encoders[withIface]
	joined := func(enc func(put func(a, b []byte)) error) ([]byte, error) {
		var out []byte
		calls := 0
		err := enc(func(a, b []byte) {
			calls++
			out = append(append(out, a...), b...)
		})
		if err == nil && calls != 1 {
			t.Fatalf("put called %d times", calls)
		}
		return out, err
	}
	const n = 3000
	for i := range n {
		v := randRec(r, 0)
		want, err := freshEncode(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := joined(func(put func(a, b []byte)) error { return p.EncodeParts(v, put) })
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("value %d: %v\n got %x\nwant %x", i, err, got, want)
		}
		if got, err := joined(func(put func(a, b []byte)) error { return pp.EncodeParts(&v, put) }); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("pointer %d: %v", i, err)
		}
		if i%3 == 0 {
			if got, err := p.Encode(v); err != nil || !bytes.Equal(got, want) {
				t.Fatalf("Encode after EncodeParts, value %d: %v", i, err)
			}
		}
		w := withIface{Name: v.Path, V: v.Score}
		wantI, err := freshEncode(w)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := joined(func(put func(a, b []byte)) error { return pi.EncodeParts(w, put) }); err != nil || !bytes.Equal(got, wantI) {
			t.Fatalf("interface %d: %v", i, err)
		}
	}
	if p.reused < n-1 || p.fallback != 0 || pi.reused != 0 {
		t.Errorf("reused %d, fallback %d of %d; interfaces reused %d", p.reused, p.fallback, n, pi.reused)
	}
	var pc Encoders[chan int]
	if err := pc.EncodeParts(make(chan int), func(a, b []byte) { t.Error("put called for a value gob refuses") }); err == nil {
		t.Error("no error for a channel")
	}
}

// TestEncodeWithMaps: a map's order is random in gob, so the bytes are
// compared by decoding them.
func TestEncodeWithMaps(t *testing.T) {
	var p Encoders[record]
	for i, v := range records(200) {
		b, err := p.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		var got, want record
		fb, _ := freshEncode(v)
		if err := fresh(fb, &want); err != nil {
			t.Fatal(err)
		}
		if err := fresh(b, &got); err != nil || !reflect.DeepEqual(got, want) || got.Path != v.Path || len(got.Meta) != len(v.Meta) {
			t.Fatalf("record %d: %+v, %v", i, got, err)
		}
	}
	if p.reused < 199 {
		t.Errorf("reused %d of 200", p.reused)
	}
}

// TestEncodeInterfaces: a type with an interface in it is never encoded by
// a kept encoder (its concrete types are defined on first use in a
// stream), so each stream stands alone.
func TestEncodeInterfaces(t *testing.T) {
	gob.Register(inner{})
	var p Encoders[withIface]
	vals := []withIface{{"a", 1}, {"b", "s"}, {"c", inner{Start: 2}}, {"d", inner{Start: 3}}, {"e", 4}}
	for i, v := range vals {
		b, err := p.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := freshEncode(v)
		if !bytes.Equal(b, want) {
			t.Fatalf("value %d differs from a fresh encoder's", i)
		}
		var got withIface
		if err := fresh(b, &got); err != nil || !reflect.DeepEqual(got, v) {
			t.Fatalf("value %d: %+v, %v", i, got, err)
		}
	}
	if p.reused != 0 {
		t.Errorf("reused %d encoders for a type with an interface", p.reused)
	}
	for _, c := range []struct {
		v    any
		want bool
	}{{plainRec{}, false}, {record{}, false}, {withIface{}, true}, {[]map[string]any{}, true}, {time.Time{}, false}} {
		if got := hasInterface(reflect.TypeOf(c.v), map[reflect.Type]bool{}); got != c.want {
			t.Errorf("hasInterface(%T) = %v", c.v, got)
		}
	}
}

// TestEncodeErrors: a value gob refuses is refused, and later values are
// still encoded as a fresh encoder would.
func TestEncodeErrors(t *testing.T) {
	type withPtrs struct{ P []*inner }
	var p Encoders[withPtrs]
	for i, v := range []withPtrs{{[]*inner{{Start: 1}}}, {[]*inner{nil}}, {[]*inner{{Start: 2}, {End: 3}}}, {nil}} {
		got, err := p.Encode(v)
		want, werr := freshEncode(v)
		if (err == nil) != (werr == nil) {
			t.Fatalf("value %d: error %v, fresh encoder's %v", i, err, werr)
		}
		if err == nil && !bytes.Equal(got, want) {
			t.Fatalf("value %d differs from a fresh encoder's", i)
		}
	}
}

// TestEncodeConcurrent (run with -race).
func TestEncodeConcurrent(t *testing.T) {
	var p Encoders[plainRec]
	r := rand.New(rand.NewPCG(3, 4))
	vals := make([]plainRec, 200)
	for i := range vals {
		vals[i] = randRec(r, 0)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(vals); i += 4 {
				got, err := p.Encode(vals[i])
				want, _ := freshEncode(vals[i])
				if err != nil || !bytes.Equal(got, want) {
					errs <- fmt.Errorf("value %d: %v", i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func BenchmarkEncode(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	vals := make([]plainRec, 64)
	for i := range vals {
		vals[i] = randRec(r, 0)
	}
	b.Run("fresh", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := freshEncode(vals[i%len(vals)]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("kept", func(b *testing.B) {
		b.ReportAllocs()
		var p Encoders[plainRec]
		for i := 0; b.Loop(); i++ {
			if _, err := p.Encode(vals[i%len(vals)]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parts", func(b *testing.B) {
		b.ReportAllocs()
		var p Encoders[plainRec]
		n := 0
		for i := 0; b.Loop(); i++ {
			if err := p.EncodeParts(vals[i%len(vals)], func(a, b []byte) { n += len(a) + len(b) }); err != nil {
				b.Fatal(err)
			}
		}
	})
}
