package lexicon

import "strings"

// Starts reports whether some entry of cat begins with the word w, compared as MatchAt
// compares words: MatchAt(cat, words) is 0 whenever Starts(cat, words[0]) is false, so a
// caller that asks MatchAt at every word of a text can ask this first, once per distinct
// word. The first words of the category are indexed on first use.
func (l *Lexicon) Starts(cat Category, w string) bool {
	if !cat.valid() || strings.IndexByte(w, ' ') >= 0 {
		return false
	}
	first := l.starts[cat].get(func() (map[string]struct{}, error) {
		t := l.category(cat)
		m := make(map[string]struct{}, t.Len())
		for r := range t.Len() {
			k := t.Key(r)
			if i := strings.IndexByte(k, ' '); i >= 0 {
				k = k[:i]
			}
			m[k] = struct{}{}
		}
		return m, nil
	})
	var buf [64]byte
	_, ok := first[string(appendKey(buf[:0], w))]
	return ok
}
