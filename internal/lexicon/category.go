package lexicon

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Category is a phrase list. Phrases may be several words ("bipolar disorder", "Lunar New
// Year"); see MatchAt.
type Category int

// The categories. Most come from WordNet 3.0 hyponym closures cleaned by hand; OrgCue,
// DateWord, Title and Kinship are hand-written; StreetSuffix is USPS Pub. 28.
const (
	Condition    Category = iota + 1 // diseases, disorders, syndromes, addictions
	Occupation                       // worker, professional and health-professional nouns
	Nationality                      // nationalities, inhabitants, ethnic groups (capitalised)
	Language                         // language names (capitalised)
	Religion                         // religions, denominations, adherents
	Holiday                          // holidays and observances
	OrgType                          // organisation-type nouns (agency, charity, clinic, ...)
	OrgCue                           // words marking a name as an organisation (Hospital, Inc, Iglesia)
	DateWord                         // months, weekdays, seasons, holidays
	StreetSuffix                     // street types and unit designators, with abbreviations
	Title                            // titles and honorifics (Dr, Mrs, Pastor, Imam)
	Kinship                          // relationship words (son, wife, client, patient)
	numCategories
)

var categoryNames = [numCategories]string{"", "condition", "occupation", "nationality", "language",
	"religion", "holiday", "orgtype", "orgcue", "dateword", "streetsuffix", "title", "kinship"}

// catTables are the names of the categories' tables.
var catTables = [numCategories]string{"", "cat_condition", "cat_occupation", "cat_nationality", "cat_language",
	"cat_religion", "cat_holiday", "cat_orgtype", "cat_orgcue", "cat_dateword", "cat_streetsuffix", "cat_title", "cat_kinship"}

// AllCategories lists the categories in order.
func AllCategories() []Category {
	all := make([]Category, 0, numCategories-1)
	for c := Category(1); c < numCategories; c++ {
		all = append(all, c)
	}
	return all
}

func (c Category) valid() bool { return c > 0 && c < numCategories }

// String returns the category's lower-case name, e.g. "condition".
func (c Category) String() string {
	if !c.valid() {
		return fmt.Sprintf("Category(%d)", int(c))
	}
	return categoryNames[c]
}

// A category's table holds its phrases in lookup form, words joined by one space; its Aux is
// the number of words of the longest.

func (l *Lexicon) buildCategory(c Category) (*TableBuilder, error) {
	tb := NewTableBuilder(0)
	maxWords := 0
	err := l.table("cat_"+categoryNames[c]+".tsv.gz", 1, func(f []string) error {
		k := phraseKey(strings.Fields(f[0]))
		if k == "" {
			return fmt.Errorf("empty phrase")
		}
		tb.Insert(k)
		maxWords = max(maxWords, strings.Count(k, " ")+1)
		return nil
	})
	tb.SetAux(uint32(maxWords))
	return tb, err
}

// category returns the table of c, or nil for an invalid category.
func (l *Lexicon) category(c Category) *Table {
	if !c.valid() {
		return nil
	}
	return l.tab(&l.cats[c], catTables[c])
}

// has reports whether the table of c holds key k.
func (l *Lexicon) has(c Category, k []byte) bool {
	t := l.category(c)
	if t == nil {
		return false
	}
	_, ok := t.Find(view(k))
	return ok
}

// phraseKey is the lookup form of words: lower case, joined by single spaces.
func phraseKey(words []string) string {
	return key(strings.Join(words, " "))
}

// appendKey appends key(s) to b; it allocates only for a word that is not ASCII or
// longer than b's spare capacity. An ASCII word is lowered in one pass, written in place.
func appendKey(b []byte, s string) []byte {
	n := len(b)
	if cap(b)-n < len(s) {
		b = slices.Grow(b, len(s))
	}
	b = b[:n+len(s)]
	d := b[n:]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b[:n], key(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		d[i] = c
	}
	return b
}

// keyOf returns key(s), built in buf when it fits: the string is buf's bytes, so it must
// not outlive the caller's use of buf.
func keyOf(buf *[64]byte, s string) string {
	return view(appendKey(buf[:0], s))
}

// view returns the bytes of b as a string without copying them, for a lookup that keeps
// nothing of its key: b must not change while the string is in use.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// appendPhraseKey appends phraseKey(strings.Fields(phrase)) to b.
func appendPhraseKey(b []byte, phrase string) []byte {
	n := len(b)
	for i := 0; i < len(phrase); {
		r, size := rune(phrase[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(phrase[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(phrase) {
			r, size := rune(phrase[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(phrase[j:])
			}
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if len(b) > n {
			b = append(b, ' ')
		}
		b = appendKey(b, phrase[i:j])
		i = j
	}
	return b
}

// InCategory reports whether phrase, as a whole, is an entry of cat; case and runs of white
// space are ignored.
func (l *Lexicon) InCategory(cat Category, phrase string) bool {
	var buf [64]byte
	return l.has(cat, appendPhraseKey(buf[:0], phrase))
}

// Categories returns, in order, the categories that have phrase as an entry.
func (l *Lexicon) Categories(phrase string) []Category {
	var buf [64]byte
	set := l.categorySet(appendPhraseKey(buf[:0], phrase))
	var out []Category
	for c := Category(1); c < numCategories; c++ {
		if set&(1<<c) != 0 {
			out = append(out, c)
		}
	}
	return out
}

// categorySet is the set of categories (bit c) that have the phrase key k
// as an entry: read from k's record in word_facts for a single word, the
// most frequent question, one table lookup per category for a phrase.
func (l *Lexicon) categorySet(k []byte) uint16 {
	if bytes.IndexByte(k, ' ') < 0 {
		w, p, lv, ok := l.wordRec(view(k))
		if !ok {
			return 0
		}
		return uint16(w.num(p, lv, wfCats))
	}
	var set uint16
	for c := Category(1); c < numCategories; c++ {
		if l.has(c, k) {
			set |= 1 << c
		}
	}
	return set
}

// MaxWords returns the number of words of cat's longest entry.
func (l *Lexicon) MaxWords(cat Category) int {
	if t := l.category(cat); t != nil {
		return int(t.Aux())
	}
	return 0
}

// MatchAt returns how many words, starting at words[0], form the longest entry of cat, or 0.
// Words are compared case-insensitively; a hyphenated entry ("Tay-Sachs disease") needs the
// hyphenated form as one word.
func (l *Lexicon) MatchAt(cat Category, words []string) int {
	ps := l.category(cat)
	n := min(len(words), l.MaxWords(cat))
	if n == 0 {
		return 0
	}
	// The key of words[:n], built in place: ends[i] is the length of the key of
	// words[:i+1] (lower-casing can change byte lengths).
	var buf [128]byte
	var endsBuf [8]int
	joined, ends := buf[:0], endsBuf[:0]
	for i, w := range words[:n] {
		if strings.IndexByte(w, ' ') >= 0 {
			return 0 // a word held a space; no entry can match it
		}
		if i > 0 {
			joined = append(joined, ' ')
		}
		joined = appendKey(joined, w)
		ends = append(ends, len(joined))
	}
	for i := n; i > 0; i-- {
		if _, ok := ps.Find(view(joined[:ends[i-1]])); ok {
			return i
		}
	}
	return 0
}
