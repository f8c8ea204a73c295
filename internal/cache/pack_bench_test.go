package cache

import (
	"crypto/sha256"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
)

// benchEntries are n payloads the size of a 1,000-post site's entries
// (23 MB for 2,002 entries: about 12 KB each, from 4 to 20 KB).
func benchEntries(n int) ([]usedKey, [][]byte) {
	r := rand.New(rand.NewPCG(1, 2))
	keys, payloads := make([]usedKey, n), make([][]byte, n)
	for i := range keys {
		keys[i] = usedKey{kindCodes[i%2], sha256.Sum256([]byte(strconv.Itoa(i)))}
		b := make([]byte, 4<<10+r.IntN(16<<10))
		for j := range b {
			b[j] = byte(r.Uint32())
		}
		payloads[i] = b
	}
	return keys, payloads
}

// BenchmarkColdSaves: a cold build's 2,000 entries saved and flushed into
// an empty cache folder, as veil build does after rm -rf .veil/cache.
func BenchmarkColdSaves(b *testing.B) {
	keys, payloads := benchEntries(2000)
	var bad countBad
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		dir := filepath.Join(b.TempDir(), "cache")
		s := newStore(dir, &bad.n)
		for j, k := range keys {
			s.put(k, payloads[j])
		}
		if err := s.flush(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
	}
}

// BenchmarkWarmLoads: the same entries read back by a new process.
func BenchmarkWarmLoads(b *testing.B) {
	keys, payloads := benchEntries(2000)
	var bad countBad
	dir := filepath.Join(b.TempDir(), "cache")
	s := newStore(dir, &bad.n)
	for j, k := range keys {
		s.put(k, payloads[j])
	}
	if err := s.flush(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s := newStore(dir, &bad.n)
		for _, k := range keys {
			if _, ok := s.get(k); !ok {
				b.Fatal("miss")
			}
		}
	}
}

type countBad struct{ n atomic.Int64 }
