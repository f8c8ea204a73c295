package vocab

import (
	"embed"
	"encoding/binary"
	"fmt"
	"iter"
	"slices"
	"strings"
	"unsafe"
)

//go:embed lists/*.txt
var files embed.FS

// Set is a read-only set of words, made from one file of lists/. The
// zero Set has no words, but is not one to ask: Has panics there (it is
// inlined where it is asked, and a test of the pointer would keep it from
// that).
type Set struct{ t *setTable }

// setTable is a Set's words, and a table to find them: behind a pointer,
// so that Set is one word to pass.
type setTable struct {
	// starts holds the first bytes of the words, and lens has bit n set
	// when a word of n bytes is in the set (bit 63: one of 63 or more):
	// most words asked about are in neither, and are answered without
	// hashing; most of them start otherwise, which Has tells where it is
	// inlined, without a call.
	starts [256]bool
	lens   uint64
	// keys is an open-addressing table of the words: slot setHash(w) >>
	// shift, then the next ones, up to an empty slot (""); at most half
	// of the slots are full. It answers as a Go map of the words would,
	// for a hash and mostly one comparison, without the map's call and
	// hashing.
	keys  []string
	shift uint8
	empty bool     // "" is listed (it cannot be a key of keys)
	words []string // in the file's order
}

// Has reports whether w is in the set, compared exactly as written.
func (s Set) Has(w string) bool {
	if len(w) > 0 && !s.t.starts[w[0]] {
		return false
	}
	return s.t.has(w)
}

// has is Has of a word w that starts as a word of the set does.
func (t *setTable) has(w string) bool {
	if w == "" {
		return t.empty
	}
	if t.lens&(1<<min(len(w), 63)) == 0 {
		return false
	}
	mask := len(t.keys) - 1
	for i := int(setHash(w) >> t.shift); ; i = (i + 1) & mask {
		k := t.keys[i]
		if len(k) == len(w) && k == w {
			return true
		}
		if k == "" {
			return false
		}
	}
}

// setHash is a hash of a word for Set's table, whose slot is its top
// bits (HashForm's top bits are mixed by one more multiply).
func setHash(s string) uint64 {
	return HashForm(0, s) * 0x9e3779b97f4a7c15
}

// HashForm is a seeded hash of a short word, for the open-addressing
// tables of Set and of a document's vocabulary (deid): words are short,
// and read eight bytes at a time and mixed by multiplying they cost a
// fraction of a call to the runtime's hash or maphash.
func HashForm(seed uint64, s string) uint64 {
	const m1, m2 = 0x9e3779b97f4a7c15, 0xff51afd7ed558ccd
	h := (seed ^ uint64(len(s))) * m1
	var t uint64
	switch n := len(s); {
	case n >= 8:
		for k := 0; k+8 < n; k += 8 {
			h = (h ^ load64(s[k:])) * m2
			h ^= h >> 29
		}
		t = load64(s[n-8:]) // the last eight, perhaps again
	case n >= 4:
		t = uint64(load32(s)) | uint64(load32(s[n-4:]))<<32
	case n > 0:
		t = uint64(s[0])<<16 | uint64(s[n/2])<<8 | uint64(s[n-1])
	}
	h = (h ^ t) * m2
	return h ^ h>>32
}

func load64(s string) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s), 8))
}

func load32(s string) uint32 {
	return binary.LittleEndian.Uint32(unsafe.Slice(unsafe.StringData(s), 4))
}

// HasSuffixOf reports whether w ends with one of the set's words.
func (s Set) HasSuffixOf(w string) bool {
	for _, x := range s.list() {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// Len returns the number of words in the set.
func (s Set) Len() int { return len(s.list()) }

// All returns an iterator over the words of the set in the order of their
// file.
func (s Set) All() iter.Seq[string] { return slices.Values(s.list()) }

// Words returns the words of the set in the order of their file, as a new
// slice the caller may change.
func (s Set) Words() []string { return slices.Clone(s.list()) }

// list is the words of s, in their file's order (none for the zero Set).
func (s Set) list() []string {
	if s.t == nil {
		return nil
	}
	return s.t.words
}

// load reads lists/name.txt into a Set. A list that is missing, empty or
// holds a word twice is a mistake of the source tree, so it panics: every
// list is loaded when the package is initialised, and any test finds it.
func load(name string) Set {
	words, err := parse(name)
	if err != nil {
		panic(err)
	}
	s, dup := newSet(words)
	if dup != "" {
		panic(fmt.Sprintf("vocab: lists/%s.txt: %q is listed twice", name, dup))
	}
	return s
}

// loadTagged reads lists/name.txt, a tagged list, whose lines are a word and
// the tags of the readings that use it, into one Set per tag. Like load, it
// panics on a malformed file.
func loadTagged(name string) map[string]Set {
	lines, err := parse(name)
	if err != nil {
		panic(err)
	}
	words := map[string][]string{}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 2 {
			panic(fmt.Sprintf("vocab: lists/%s.txt: %q has no tag", name, l))
		}
		for _, tag := range f[1:] {
			words[tag] = append(words[tag], f[0])
		}
	}
	sets := map[string]Set{}
	for tag, ws := range words {
		s, dup := newSet(ws)
		if dup != "" {
			panic(fmt.Sprintf("vocab: lists/%s.txt: %q is listed twice", name, dup))
		}
		sets[tag] = s
	}
	return sets
}

// newSet makes the Set of words, in their order; dup is a word listed twice,
// or "".
func newSet(words []string) (s Set, dup string) {
	t := &setTable{words: words}
	bits := 3
	for 1<<bits < 2*len(words) {
		bits++
	}
	t.keys, t.shift = make([]string, 1<<bits), uint8(64-bits)
	for _, w := range words {
		if w == "" {
			if t.empty && dup == "" {
				dup = w
			}
			t.empty = true
			continue
		}
		if t.starts[w[0]] && t.has(w) {
			if dup == "" {
				dup = w
			}
			continue
		}
		i := int(setHash(w) >> t.shift)
		for t.keys[i] != "" {
			i = (i + 1) & (len(t.keys) - 1)
		}
		t.keys[i] = w
		t.lens |= 1 << min(len(w), 63)
		t.starts[w[0]] = true
	}
	return Set{t}, dup
}

// tagged returns the Set of tag in sets, made by loadTagged; a tag no line
// has is a mistake, and panics.
func tagged(sets map[string]Set, tag string) Set {
	s, ok := sets[tag]
	if !ok {
		panic("vocab: no word is tagged " + tag)
	}
	return s
}

// parse returns the words of lists/name.txt in order.
func parse(name string) ([]string, error) {
	b, err := files.ReadFile("lists/" + name + ".txt")
	if err != nil {
		return nil, fmt.Errorf("vocab: %w", err)
	}
	return parseText(name, string(b))
}

// parseText returns the words of text, the content of lists/name.txt.
func parseText(name, text string) ([]string, error) {
	var words []string
	seen := map[string]bool{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, `\`) {
			line = line[1:]
		}
		if seen[line] {
			return nil, fmt.Errorf("vocab: lists/%s.txt:%d: %q is listed twice", name, i+1, line)
		}
		seen[line] = true
		words = append(words, line)
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("vocab: lists/%s.txt holds no words", name)
	}
	return words, nil
}
