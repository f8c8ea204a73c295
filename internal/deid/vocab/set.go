package vocab

import (
	"embed"
	"fmt"
	"iter"
	"slices"
	"strings"
)

//go:embed lists/*.txt
var files embed.FS

// Set is a read-only set of words, made from one file of lists/.
type Set struct {
	m     map[string]struct{}
	words []string // in the file's order
	// lens has bit n set when a word of n bytes is in the set (bit 63: one
	// of 63 or more), first bit b when a word starts with byte b: most
	// words asked about are in neither, and are answered without hashing.
	lens  uint64
	first [4]uint64
}

// Has reports whether w is in the set, compared exactly as written.
func (s Set) Has(w string) bool {
	if w == "" {
		_, ok := s.m[w]
		return ok
	}
	if s.lens&(1<<min(len(w), 63)) == 0 || s.first[w[0]>>6]&(1<<(w[0]&63)) == 0 {
		return false
	}
	_, ok := s.m[w]
	return ok
}

// HasSuffixOf reports whether w ends with one of the set's words.
func (s Set) HasSuffixOf(w string) bool {
	for _, x := range s.words {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// Len returns the number of words in the set.
func (s Set) Len() int { return len(s.words) }

// All returns an iterator over the words of the set in the order of their
// file.
func (s Set) All() iter.Seq[string] { return slices.Values(s.words) }

// Words returns the words of the set in the order of their file, as a new
// slice the caller may change.
func (s Set) Words() []string { return slices.Clone(s.words) }

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
	s = Set{m: make(map[string]struct{}, len(words)), words: words}
	for _, w := range words {
		if _, ok := s.m[w]; ok && dup == "" {
			dup = w
		}
		s.m[w] = struct{}{}
		if w != "" {
			s.lens |= 1 << min(len(w), 63)
			s.first[w[0]>>6] |= 1 << (w[0] & 63)
		}
	}
	return s, dup
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
