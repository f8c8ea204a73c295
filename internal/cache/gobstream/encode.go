package gobstream

import (
	"bytes"
	"encoding"
	"encoding/gob"
	"reflect"
	"sync"
)

// Encoders writes many small gob streams of one type T, each as
// gob.NewEncoder(w).Encode(v) would write it (the type definitions, then
// one value message), without a new encoder for each: a fresh encoder
// builds and writes T's type definitions every time, which for a cache
// entry costs more than encoding the value.
//
// An encoder that has written T's definitions once is kept, with those
// definitions (the prefix). A later value is encoded by a kept encoder,
// which then writes only the value message, and returned after the
// prefix. gob's type ids are the same for every encoder in a process, and
// a value message of a type with no interface in it does not depend on
// what the encoder wrote before, so the bytes are a fresh encoder's
// (Decoders reads them as such). A type with an interface anywhere in it
// (whose concrete types are defined on first use in a stream) is always
// encoded by a fresh encoder, and so is any value whose message from a
// kept encoder is not exactly one value message.
//
// Encoders is safe for concurrent use; its zero value is ready.
type Encoders[T any] struct {
	mu       sync.Mutex
	checked  bool
	plain    bool   // T has no interface in it: kept encoders may be used
	prefix   []byte // T's type definitions, as a fresh encoder writes them
	idle     []*encoder
	reused   int // encodes served by a kept encoder (for tests)
	fallback int // kept encoders whose output was not one value message
}

type encoder struct {
	b bytes.Buffer
	e *gob.Encoder
}

// Encode returns v encoded as a gob stream of its own. The result is the
// caller's.
func (p *Encoders[T]) Encode(v T) ([]byte, error) {
	d, prefix := p.get()
	if d != nil {
		d.b.Reset()
		if err := d.e.Encode(v); err != nil {
			return nil, err // the encoder is dropped: its state is not known
		}
		msg := d.b.Bytes()
		if oneValue(msg) {
			out := make([]byte, len(prefix)+len(msg))
			copy(out, prefix)
			copy(out[len(prefix):], msg)
			p.put(nil, d)
			return out, nil
		}
		p.mu.Lock()
		p.fallback++
		p.mu.Unlock()
	}
	d = &encoder{}
	d.e = gob.NewEncoder(&d.b)
	if err := d.e.Encode(v); err != nil {
		return nil, err
	}
	out := bytes.Clone(d.b.Bytes())
	if pre, _, ok := split(out); ok {
		p.put(pre, d)
	}
	return out, nil
}

// EncodeParts is Encode for a caller that only reads the stream: put is
// called once with it in two pieces (the type definitions and the value
// message, or the whole stream and nil), the bytes of Encode(v) when
// joined, and valid only during the call. No copy of the stream is made:
// a cache entry is copied into its pack as it is, and a copy for the
// caller was a third of what saving it allocated.
func (p *Encoders[T]) EncodeParts(v T, put func(a, b []byte)) error {
	d, prefix := p.get()
	if d != nil {
		d.b.Reset()
		if err := d.e.Encode(v); err != nil {
			return err // the encoder is dropped: its state is not known
		}
		msg := d.b.Bytes()
		if oneValue(msg) {
			put(prefix, msg)
			p.put(nil, d)
			return nil
		}
		p.mu.Lock()
		p.fallback++
		p.mu.Unlock()
	}
	d = &encoder{}
	d.e = gob.NewEncoder(&d.b)
	if err := d.e.Encode(v); err != nil {
		return err
	}
	out := d.b.Bytes()
	put(out, nil)
	if pre, _, ok := split(out); ok {
		p.put(pre, d)
	}
	return nil
}

// Reused returns how many values kept encoders have encoded.
func (p *Encoders[T]) Reused() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.reused
}

// get returns a kept encoder and the prefix it stands for, or nil.
func (p *Encoders[T]) get() (*encoder, []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.checked {
		p.checked = true
		p.plain = !hasInterface(reflect.TypeFor[T](), map[reflect.Type]bool{})
	}
	if !p.plain || len(p.idle) == 0 {
		return nil, nil
	}
	d := p.idle[len(p.idle)-1]
	p.idle = p.idle[:len(p.idle)-1]
	p.reused++
	return d, p.prefix
}

// put keeps d, which has written the type definitions prefix (nil: the
// kept prefix).
func (p *Encoders[T]) put(prefix []byte, d *encoder) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.plain {
		return
	}
	if prefix != nil && !bytes.Equal(p.prefix, prefix) {
		// Only one set of definitions is kept; a fresh encoder's
		// definitions of T are always the same, so this is the first.
		p.prefix = bytes.Clone(prefix)
		clear(p.idle)
		p.idle = p.idle[:0]
	}
	if len(p.idle) < maxIdle {
		d.b.Reset()
		p.idle = append(p.idle, d)
	}
}

// oneValue reports whether msg is exactly one gob message with a
// positive type id (a value, not a type definition).
func oneValue(msg []byte) bool {
	n, w, ok := uvarint(msg)
	if !ok || n == 0 || n != uint64(len(msg)-w) {
		return false
	}
	u, _, ok := uvarint(msg[w:])
	return ok && u&1 == 0 && u != 0
}

var (
	gobEncoderType    = reflect.TypeFor[gob.GobEncoder]()
	binaryMarshalType = reflect.TypeFor[encoding.BinaryMarshaler]()
	textMarshalType   = reflect.TypeFor[encoding.TextMarshaler]()
)

// hasInterface reports whether gob meets an interface when it encodes a
// value of type t. A type that encodes itself (GobEncoder,
// BinaryMarshaler, TextMarshaler, by value or by pointer) is opaque to
// gob and ends the walk. The answer errs only towards true.
func hasInterface(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	for _, i := range []reflect.Type{gobEncoderType, binaryMarshalType, textMarshalType} {
		if t.Implements(i) || reflect.PointerTo(t).Implements(i) {
			return false
		}
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return hasInterface(t.Elem(), seen)
	case reflect.Map:
		return hasInterface(t.Key(), seen) || hasInterface(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && hasInterface(f.Type, seen) { // gob skips unexported fields
				return true
			}
		}
	}
	return false
}
