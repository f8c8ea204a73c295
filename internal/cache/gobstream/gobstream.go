// Package gobstream decodes many small gob streams, each written by its own
// gob.Encoder (its type definitions, then one value), without building a
// decoder for each: a gob.Decoder compiles its decoding engines the first
// time it meets a type, which for a cache of small entries costs more than
// the decoding itself.
//
// A decoder that has read a stream's type definitions is kept. A later
// stream whose type definitions are byte for byte the same is decoded by
// giving a kept decoder only the stream's value message: the same bytes in
// the same gob stream, so the same result as a fresh decoder over the
// whole stream. A stream of any other shape is decoded by a fresh decoder.
package gobstream

import (
	"bytes"
	"encoding/gob"
	"errors"
	"sync"
)

// maxIdle bounds the decoders kept; more than the cores that decode at once
// would only be memory.
const maxIdle = 8

// Decoders is safe for concurrent use; its zero value is ready.
type Decoders struct {
	mu     sync.Mutex
	prefix []byte // the type definitions every idle decoder has read
	idle   []*decoder
	reused int // decodes served by a kept decoder (for tests)
}

type decoder struct {
	r bytes.Reader // a bytes.Reader is an io.ByteReader: gob adds no buffer
	d *gob.Decoder
}

var errTrailing = errors.New("gobstream: bytes after the value")

// Decode decodes the stream b, written by one gob.Encoder's single Encode,
// into v, as gob.NewDecoder(bytes.NewReader(b)).Decode(v) would, except
// that bytes after the value are an error.
func (p *Decoders) Decode(b []byte, v any) error {
	prefix, value, ok := split(b)
	var d *decoder
	if ok {
		d = p.get(prefix)
	}
	if d != nil {
		d.r.Reset(value)
	} else {
		d = &decoder{}
		d.r.Reset(b)
		d.d = gob.NewDecoder(&d.r)
	}
	err := d.d.Decode(v)
	if err == nil && d.r.Len() != 0 {
		err = errTrailing
	}
	if err != nil {
		return err // the decoder is dropped: its state is not known
	}
	if ok {
		d.r.Reset(nil) // hold on to no entry's bytes while idle
		p.put(prefix, d)
	}
	return nil
}

func (p *Decoders) get(prefix []byte) *decoder {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) == 0 || !bytes.Equal(p.prefix, prefix) {
		return nil
	}
	d := p.idle[len(p.idle)-1]
	p.idle = p.idle[:len(p.idle)-1]
	p.reused++
	return d
}

func (p *Decoders) put(prefix []byte, d *decoder) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !bytes.Equal(p.prefix, prefix) {
		// Streams of another shape: keep decoders for the newest one.
		p.prefix = bytes.Clone(prefix)
		clear(p.idle)
		p.idle = p.idle[:0]
	}
	if len(p.idle) < maxIdle {
		p.idle = append(p.idle, d)
	}
}

// split cuts a gob stream into its type definitions (messages with a
// negative type id) and the one value message that must end it. ok is
// false for a stream of any other shape, or one that is cut short.
func split(b []byte) (prefix, value []byte, ok bool) {
	rest := b
	for len(rest) > 0 {
		n, w, ok := uvarint(rest)
		if !ok || n == 0 || n > uint64(len(rest)-w) {
			return nil, nil, false
		}
		msg := rest[w : w+int(n)]
		u, _, ok := uvarint(msg)
		if !ok {
			return nil, nil, false
		}
		start := len(b) - len(rest)
		rest = rest[w+int(n):]
		if u&1 == 0 && u != 0 { // a positive type id: a value
			if len(rest) != 0 {
				return nil, nil, false
			}
			return b[:start], b[start:], true
		}
		if u&1 == 0 { // id 0 is not a type
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// uvarint reads one of gob's unsigned integers: a byte below 0x80 is its
// value; otherwise the byte is minus the count of big-endian bytes that
// follow.
func uvarint(b []byte) (v uint64, width int, ok bool) {
	if len(b) == 0 {
		return 0, 0, false
	}
	if b[0] < 0x80 {
		return uint64(b[0]), 1, true
	}
	n := -int(int8(b[0]))
	if n > 8 || len(b) < 1+n {
		return 0, 0, false
	}
	for _, c := range b[1 : 1+n] {
		v = v<<8 | uint64(c)
	}
	return v, 1 + n, true
}
