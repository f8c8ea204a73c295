package lexicon

import (
	"iter"
	"strings"
)

// Entries yields every entry of cat in its lookup form (lower case, words joined by one
// space), in the table's order.
func (l *Lexicon) Entries(cat Category) iter.Seq[string] {
	return func(yield func(string) bool) {
		t := l.category(cat)
		if t == nil {
			return
		}
		for r := range t.Len() {
			if !yield(t.Key(r)) {
				return
			}
		}
	}
}

// Starts reports whether some entry of cat begins with the word w, compared as MatchAt
// compares words: MatchAt(cat, words) is 0 whenever Starts(cat, words[0]) is false, so a
// caller that asks MatchAt at every word of a text can ask this first, once per distinct
// word. The first words of the category are indexed on first use.
func (l *Lexicon) Starts(cat Category, w string) bool {
	if !cat.valid() || strings.IndexByte(w, ' ') >= 0 {
		return false
	}
	first := l.starts[cat].get(func() (map[string]struct{}, error) {
		m := map[string]struct{}{}
		for k := range l.Entries(cat) {
			first, _, _ := strings.Cut(k, " ")
			m[first] = struct{}{}
		}
		return m, nil
	})
	var buf [64]byte
	_, ok := first[keyOf(&buf, w)]
	return ok
}
