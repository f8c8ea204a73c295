package ner

import (
	"errors"
	"math"
	"math/bits"
)

// gobReader reads the one gob-encoded map that prose's model files
// map[string]int (Maxent/mapping.gob) and map[string]map[string]float64
// (AveragedPerceptron/weights.gob) hold, pair by pair, without building the
// map: encoding/gob decodes them through reflection into maps that would
// only be copied into other structures, which took most of the time of
// loading the model. TestGobReader checks it against encoding/gob.
//
// The stream is a sequence of messages, each a byte count, a type id and
// the data. Messages with a negative id define types and are skipped; the
// first with a positive id holds the value: a zero byte (the "singleton"
// field delta of a value that is not a struct), then the map's length and
// its keys and elements. Unsigned integers are one byte below 128, else a
// byte holding minus their length and that many big-endian bytes; signed
// integers are unsigned ones with the sign in the low bit; strings are a
// length and their bytes; floats are unsigned integers holding the
// byte-reversed IEEE 754 bits; an inner map is a length and its pairs.
//
// The reader works on a string, and the keys it returns are substrings of
// it: the model's 200,000 keys then cost no allocation each, and the maps
// built from them hold the one decoded file, which has no pointers for the
// garbage collector to follow.
type gobReader struct {
	b   string
	err error
}

var errGob = errors.New("malformed gob data")

func (r *gobReader) fail() {
	if r.err == nil {
		r.err = errGob
	}
	r.b = ""
}

func (r *gobReader) uint() uint64 {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	if c < 0x80 {
		r.b = r.b[1:]
		return uint64(c)
	}
	n := int(-int8(c))
	if n < 1 || n > 8 || len(r.b) < 1+n {
		r.fail()
		return 0
	}
	var x uint64
	for i := 1; i <= n; i++ {
		x = x<<8 | uint64(r.b[i])
	}
	r.b = r.b[1+n:]
	return x
}

func (r *gobReader) int() int64 {
	u := r.uint()
	if u&1 != 0 {
		return ^int64(u >> 1)
	}
	return int64(u >> 1)
}

func (r *gobReader) float() float64 {
	return math.Float64frombits(bits.ReverseBytes64(r.uint()))
}

// string returns the next string, a substring of the data.
func (r *gobReader) string() string {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

// mapLen skips the type definitions and returns the length of the map
// that is the stream's value.
func (r *gobReader) mapLen() int {
	for r.err == nil {
		n := r.uint()
		if n > uint64(len(r.b)) {
			r.fail()
			break
		}
		msg := gobReader{b: r.b[:n]}
		rest := r.b[n:]
		if id := msg.int(); id < 0 {
			r.b = rest
			continue
		}
		if msg.uint() != 0 { // the singleton delta
			r.fail()
			break
		}
		r.b = msg.b
		if msg.err != nil {
			r.fail()
			break
		}
		l := r.uint()
		if l > uint64(len(r.b)) { // each pair takes at least one byte
			r.fail()
			break
		}
		return int(l)
	}
	return 0
}

// stringIntMap calls f with each pair of a gob-encoded map[string]int.
func stringIntMap(data string, f func(k string, v int64)) error {
	r := gobReader{b: data}
	n := r.mapLen()
	for i := 0; i < n && r.err == nil; i++ {
		k := r.string()
		v := r.int()
		if r.err == nil {
			f(k, v)
		}
	}
	return r.err
}

// stringFloatMaps calls outer with each key of a gob-encoded
// map[string]map[string]float64 and then inner with each pair of its map.
func stringFloatMaps(data string, outer func(k string), inner func(k string, v float64)) error {
	r := gobReader{b: data}
	n := r.mapLen()
	for i := 0; i < n && r.err == nil; i++ {
		outer(r.string())
		m := r.uint()
		if m > uint64(len(r.b)) {
			r.fail()
		}
		for j := uint64(0); j < m && r.err == nil; j++ {
			k := r.string()
			v := r.float()
			if r.err == nil {
				inner(k, v)
			}
		}
	}
	return r.err
}
