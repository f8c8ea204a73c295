package deid

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a text: the byte span of its core (without leading
// or trailing apostrophes, hyphens and full stops) and its lower-case key.
type word struct {
	start, end int
	key        string
}

// isWordRune reports whether r belongs to a word: letters, digits, and the
// apostrophes, hyphens and full stops inside names ("O'Neill", "Lou-Bette",
// "Dr.").
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWordRune[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-' || r == '.' || r == '_'
}

// asciiWordRune is isWordRune of each ASCII character, most of any text.
var asciiWordRune = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isWordRuneSlow(rune(r))
	}
	return t
}()

func isTrim(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '.' || r == '_' }

// splitWords returns the words of text in order. It is linear in the text.
func splitWords(text string) []word {
	// About one word in six bytes of text; a slice grown from nil would
	// be copied a dozen times for a long text.
	out := make([]word, 0, len(text)/6+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		s, e := i, j
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !isTrim(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !isTrim(r) {
				break
			}
			e -= n
		}
		if s < e {
			out = append(out, word{start: s, end: e, key: strings.ToLower(text[s:e])})
		}
		i = j
	}
	return out
}

// termID is the key under which a term is matched and looked up: its word
// keys joined by spaces ("Dr. Okafor" and "dr okafor" are both "dr okafor").
func termID(term string) string { return strings.Join(termKeys(term), " ") }

// termKeys splits a term into its word keys.
func termKeys(term string) []string {
	ws := splitWords(term)
	keys := make([]string, len(ws))
	for i, w := range ws {
		keys[i] = w.key
	}
	return keys
}

// termSet finds terms (sequences of words) in a text: case-insensitively,
// with any whitespace between the words, on word boundaries, and with a
// possessive ("Odette's") matching the term before the apostrophe.
type termSet struct {
	// byFirst maps a term's first word to its terms, longest first.
	byFirst map[string][][]string
}

func newTermSet(terms []string) *termSet {
	ts := &termSet{byFirst: map[string][][]string{}}
	seen := map[string]bool{}
	for _, t := range terms {
		keys := termKeys(t)
		id := termID(t)
		if len(keys) == 0 || seen[id] {
			continue
		}
		seen[id] = true
		ts.byFirst[keys[0]] = append(ts.byFirst[keys[0]], keys)
	}
	for _, list := range ts.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	}
	return ts
}

func (ts *termSet) empty() bool { return ts == nil || len(ts.byFirst) == 0 }

// possessive strips a trailing 's or ’s from a key.
func possessive(key string) (string, int, bool) {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(key, suf) && len(key) > len(suf) {
			return key[:len(key)-len(suf)], len(suf), true
		}
	}
	return "", 0, false
}

// termMatch is one occurrence of a term: its byte span and the termID of
// the term that matched.
type termMatch struct {
	start, end int
	id         string
}

// find returns the occurrences of the longest terms in text, whose words
// are ws, left to right and not overlapping.
func (ts *termSet) find(text string, ws []word) []termMatch {
	if ts.empty() {
		return nil
	}
	var out []termMatch
	for i := 0; i < len(ws); {
		end, keys := ts.matchAt(text, ws, i)
		if keys == nil {
			i++
			continue
		}
		out = append(out, termMatch{start: ws[i].start, end: end, id: strings.Join(keys, " ")})
		i += len(keys)
	}
	return out
}

// matchAt returns the end of the longest term starting at word i and the
// keys of that term (nil when none matches).
func (ts *termSet) matchAt(text string, ws []word, i int) (end int, best []string) {
	first := ws[i].key
	cands := ts.byFirst[first]
	if stripped, _, ok := possessive(first); ok {
		cands = append(cands, ts.byFirst[stripped]...)
	}
	for _, keys := range cands {
		if e, ok := matchKeys(text, ws, i, keys); ok && len(keys) > len(best) {
			end, best = e, keys
		}
	}
	return end, best
}

// matchKeys checks the term keys against words i.. with only whitespace
// (and the full stop of an abbreviation) between them; the last word may
// carry a possessive.
func matchKeys(text string, ws []word, i int, keys []string) (int, bool) {
	if i+len(keys) > len(ws) {
		return 0, false
	}
	for k, key := range keys {
		w := ws[i+k]
		if k > 0 && strings.Trim(text[ws[i+k-1].end:w.start], " \t\r\n.") != "" {
			return 0, false
		}
		if w.key == key {
			continue
		}
		if k == len(keys)-1 {
			if stripped, n, ok := possessive(w.key); ok && stripped == key {
				return w.end - n, true
			}
		}
		return 0, false
	}
	return ws[i+len(keys)-1].end, true
}
