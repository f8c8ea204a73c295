package gobstream

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"strconv"
	"sync"
	"testing"
)

type inner struct {
	Start, End int
	Kind       string
}

type record struct {
	Path  string
	Body  []byte
	Spans []inner
	Meta  map[string]string
	Next  *inner
	Score float64
}

type other struct {
	Name string
	N    []int
}

// encode writes v as the cache does: a fresh encoder per value.
func encode(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fresh(b []byte, v any) error { return gob.NewDecoder(bytes.NewReader(b)).Decode(v) }

func records(n int) []record {
	var rs []record
	for i := range n {
		r := record{Path: fmt.Sprintf("posts/p%d.md", i), Body: bytes.Repeat([]byte{byte(i)}, i%7), Score: float64(i) / 3}
		for j := range i % 4 {
			r.Spans = append(r.Spans, inner{Start: j, End: j + i, Kind: "kind" + strconv.Itoa(j)})
		}
		if i%2 == 0 {
			r.Meta = map[string]string{"a": strconv.Itoa(i)}
			r.Next = &inner{Start: i}
		}
		rs = append(rs, r)
	}
	return rs
}

// TestDecodeSameAsFresh decodes streams of two types, interleaved, and
// checks each against a fresh decoder over the same bytes; kept decoders
// must have served most of them.
func TestDecodeSameAsFresh(t *testing.T) {
	var p Decoders
	rs := records(40)
	for i, r := range rs {
		b := encode(t, r)
		var got, want record
		if err := p.Decode(b, &got); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if err := fresh(b, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("record %d: got %+v, want %+v", i, got, want)
		}
		if i%10 == 9 { // another shape now and then
			o := other{Name: strconv.Itoa(i), N: []int{i, -i}}
			var og other
			if err := p.Decode(encode(t, o), &og); err != nil || !reflect.DeepEqual(og, o) {
				t.Fatalf("other %d: %+v, %v", i, og, err)
			}
		}
	}
	if p.reused < 30 {
		t.Errorf("%d of 44 decodes reused a decoder; want most", p.reused)
	}
}

// TestDecodeBadStreams: a stream cut short, with bytes after its value, or
// with a changed value fails or decodes as a fresh decoder would, and never
// spoils the kept decoders for the good streams after it.
func TestDecodeBadStreams(t *testing.T) {
	rs := records(6)
	good := encode(t, rs[3])
	prefix, value, ok := split(good)
	if !ok || len(prefix) == 0 || len(value) == 0 {
		t.Fatalf("split of a good stream: %d, %d, %v", len(prefix), len(value), ok)
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)-3] ^= 0xff
	cases := map[string][]byte{
		"empty":          nil,
		"types only":     prefix,
		"cut in value":   good[:len(good)-2],
		"cut in types":   good[:len(prefix)/2],
		"trailing bytes": append(bytes.Clone(good), 0x01),
		"two values":     append(bytes.Clone(good), value...),
		"value only":     value,
		"changed value":  flipped,
		"huge count":     append([]byte{0xf8, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, good...),
	}
	for name, bad := range cases {
		t.Run(name, func(t *testing.T) {
			var p Decoders
			var r record
			if err := p.Decode(encode(t, rs[1]), &r); err != nil { // a kept decoder
				t.Fatal(err)
			}
			var got, want record
			err := p.Decode(bad, &got)
			werr := fresh(bad, &want)
			switch {
			case err == nil && werr != nil:
				t.Fatalf("decoded what a fresh decoder refuses (%v)", werr)
			case err == nil && !reflect.DeepEqual(got, want):
				t.Fatalf("got %+v, fresh decoder %+v", got, want)
			}
			if name == "trailing bytes" || name == "two values" {
				if err == nil {
					t.Fatal("bytes after the value were accepted")
				}
			}
			for i, r := range rs {
				b := encode(t, r)
				var got, want record
				if err := fresh(b, &want); err != nil {
					t.Fatal(err)
				}
				if err := p.Decode(b, &got); err != nil || !reflect.DeepEqual(got, want) {
					t.Fatalf("good stream %d after the bad one: %+v, %v", i, got, err)
				}
			}
		})
	}
}

// TestDecodeConcurrent decodes from several goroutines at once (run with
// -race).
func TestDecodeConcurrent(t *testing.T) {
	var p Decoders
	rs := records(64)
	streams := make([][]byte, len(rs))
	want := make([]record, len(rs))
	for i, r := range rs {
		streams[i] = encode(t, r)
		if err := fresh(streams[i], &want[i]); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(rs); i += 4 {
				var got record
				if err := p.Decode(streams[i], &got); err != nil || !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Errorf("stream %d: %+v, %v", i, got, err)
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

func BenchmarkDecode(b *testing.B) {
	rs := records(64)
	streams := make([][]byte, len(rs))
	for i, r := range rs {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(r); err != nil {
			b.Fatal(err)
		}
		streams[i] = buf.Bytes()
	}
	b.Run("fresh", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			var r record
			if err := fresh(streams[i%len(streams)], &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("kept", func(b *testing.B) {
		var p Decoders
		for i := 0; b.Loop(); i++ {
			var r record
			if err := p.Decode(streams[i%len(streams)], &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
