package ner

import (
	"bytes"
	"encoding/gob"
	"math"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

// TestGobReader reads prose's two model maps with gobReader and with
// encoding/gob and compares them, and checks maps of its own.
func TestGobReader(t *testing.T) {
	mapping, err := prose.Asset("model/Maxent/mapping.gob")
	if err != nil {
		t.Fatal(err)
	}
	weights, err := prose.Asset("model/AveragedPerceptron/weights.gob")
	if err != nil {
		t.Fatal(err)
	}
	var ints map[string]int
	if err := gob.NewDecoder(bytes.NewReader(mapping)).Decode(&ints); err != nil {
		t.Fatal(err)
	}
	checkInts(t, mapping, ints)
	var floats map[string]map[string]float64
	if err := gob.NewDecoder(bytes.NewReader(weights)).Decode(&floats); err != nil {
		t.Fatal(err)
	}
	checkFloats(t, weights, floats)

	// Small maps with large, negative and zero values, and empty inner maps.
	ints = map[string]int{"": 0, "a": -1, "b": 1 << 40, "c": -(1 << 62), "ü-é": 127, "x": 128}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(ints); err != nil {
		t.Fatal(err)
	}
	checkInts(t, buf.Bytes(), ints)
	floats = map[string]map[string]float64{"": {}, "a": {"x": 0, "y": -1.5, "z": math.Inf(-1)}, "b": nil, "c": {"": 1e-300}}
	buf.Reset()
	if err := gob.NewEncoder(&buf).Encode(floats); err != nil {
		t.Fatal(err)
	}
	checkFloats(t, buf.Bytes(), floats)

	// Truncated data is an error, never a panic.
	b := buf.Bytes()
	for n := 0; n < len(b); n++ {
		if err := stringFloatMaps(string(b[:n]), func(string) {}, func(string, float64) {}); err == nil {
			t.Errorf("%d of %d bytes: no error", n, len(b))
		}
	}
}

func checkInts(t *testing.T, data []byte, want map[string]int) {
	t.Helper()
	got := map[string]int{}
	if err := stringIntMap(string(data), func(k string, v int64) { got[k] = int(v) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d pairs, want %d", len(got), len(want))
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Fatalf("%q: got %d, %v; want %d", k, g, ok, v)
		}
	}
}

func checkFloats(t *testing.T, data []byte, want map[string]map[string]float64) {
	t.Helper()
	got := map[string]map[string]float64{}
	var cur map[string]float64
	err := stringFloatMaps(string(data), func(k string) {
		cur = map[string]float64{}
		got[k] = cur
	}, func(k string, v float64) { cur[k] = v })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d keys, want %d", len(got), len(want))
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok || len(g) != len(w) {
			t.Fatalf("%q: got %v, want %v", k, g, w)
		}
		for c, v := range w {
			if gv, ok := g[c]; !ok || math.Float64bits(gv) != math.Float64bits(v) {
				t.Fatalf("%q %q: got %v, want %v", k, c, gv, v)
			}
		}
	}
}
