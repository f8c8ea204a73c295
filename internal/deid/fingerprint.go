package deid

import (
	"crypto/sha256"
	"fmt"
	"slices"
)

// Fingerprint identifies the engine's settings: a hash of its key (the key
// itself cannot be recovered from it), its action per kind, and its
// detectors' names in order. Two engines with one fingerprint, built by one
// program, give the same output for the same document: a cache of results
// keys on it, together with the program's identity (which covers the
// detectors' code, lexicons and models).
func (e *Engine) Fingerprint() [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "deid engine\x00key %x\x00", sha256.Sum256(append([]byte("veil site key\x00"), e.key...)))
	kinds := make([]string, 0, len(e.actions))
	for k := range e.actions {
		kinds = append(kinds, string(k))
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(h, "action %s=%s\x00", k, e.actions[Kind(k)])
	}
	for _, d := range e.detectors {
		fmt.Fprintf(h, "detector %s\x00", d.Name())
	}
	fmt.Fprintf(h, "gazetteer %T\x00", e.gaz)
	fmt.Fprintf(h, "planner %T\x00", e.planner)
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}
