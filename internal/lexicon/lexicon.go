package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

//go:generate go run ../../tools/genfrozen -lexicon lexicon.pack

// packed is lexicon.pack, the tables Freeze builds from data/ (see index.go).
//
//go:embed lexicon.pack
var packed string

// Lexicon answers lookups over the embedded tables. The zero value is not usable; call New or
// Default. Each table is opened once, on first use.
type Lexicon struct {
	pack map[string]string // the tables, read in place
	src  fs.FS             // or, for Freeze and its tests, the directory holding data/

	words     lazy[*wordTable]          // word_facts: the word lists, one record a word (see wordtable.go)
	wordsTab  atomic.Pointer[wordTable] // words, once opened: read without the Once
	places    lazy[placeIndex]
	countries lazy[*gatedTable] // code
	states    lazy[stateIndex]
	prefixes  lazy[*gatedTable]
	cats      [numCategories]lazy[*Table]
	derived   derived // tables built from these by other packages (Derived)

	starts [numCategories]lazy[map[string]struct{}] // the first words of entries (Starts)
}

// lazy is a table parsed on first use.
type lazy[T any] struct {
	once sync.Once
	v    T
	err  error
}

// get returns the table, parsing it with load the first time. A parse error panics: the data
// are embedded at build time and every file is checked by the package tests (see LoadAll).
func (z *lazy[T]) get(load func() (T, error)) T {
	v, err := z.try(load)
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	return v
}

func (z *lazy[T]) try(load func() (T, error)) (T, error) {
	z.once.Do(func() { z.v, z.err = load() })
	return z.v, z.err
}

// New returns a Lexicon over the embedded tables. Nothing is read until a lookup needs it.
func New() *Lexicon {
	pack, err := Unpack(packed)
	if err != nil {
		panic("lexicon: " + err.Error()) // checked by the package tests
	}
	return &Lexicon{pack: pack}
}

var defaultLexicon = sync.OnceValue(New)

// Default returns the shared Lexicon; its tables are parsed once per process.
func Default() *Lexicon { return defaultLexicon() }

// LoadAll opens every table now and reports the first problem of each, for start-up checks
// and tests; lookups would otherwise parse lazily.
func (l *Lexicon) LoadAll() error {
	loads := []func() error{
		func() error { return second(l.words.try(l.openWords)) },
		func() error { return second(l.places.try(l.loadPlaces)) },
		func() error { return second(l.countries.try(l.openGated("countries"))) },
		func() error { return second(l.states.try(l.loadStates)) },
		func() error { return second(l.prefixes.try(l.openGated("prefixes"))) },
	}
	for c := Category(1); c < numCategories; c++ {
		loads = append(loads, func() error {
			return second(l.cats[c].try(l.opener(catTables[c])))
		})
	}
	// The tables are independent: open (or, from the source files, build) them on every core.
	errs := make([]error, len(loads))
	var wg sync.WaitGroup
	for i, load := range loads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = load()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func second[T any](_ T, err error) error { return err }

// properLevels are SCOWL levels of a capitalised word; 0 means absent.
type properLevels struct{ proper, abbrev uint8 }

// key is the lookup form of s: lower case, typographic apostrophes made plain.
func key(s string) string {
	// Most words looked up are plain ASCII, and many already lower case:
	// one pass decides, without the search for '’' a non-ASCII rune costs.
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if strings.ContainsRune(s[i:], '’') {
				s = strings.ReplaceAll(s, "’", "'")
			}
			return strings.ToLower(s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	return strings.ToLower(s)
}

// table reads a gzip'd TSV file and calls row with the fields of each line. The fields are
// substrings of one string holding the whole file, so keeping them costs no copy.
func (l *Lexicon) table(name string, nfields int, row func(f []string) error) error {
	text, err := l.tableText(name)
	if err != nil {
		return err
	}
	return eachRow(name, text, nfields, func(_ int, f []string) error { return row(f) })
}

// tableText returns the decompressed text of a gzip'd table.
func (l *Lexicon) tableText(name string) (string, error) {
	if l.src == nil {
		return "", fmt.Errorf("%s: the source tables are not embedded", name)
	}
	b, err := fs.ReadFile(l.src, "data/"+name)
	if err != nil {
		return "", err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	// The gzip trailer holds the size of the text (modulo 2^32): decompressing into a
	// buffer of that size, which becomes the string, spares the copies and the 20 MB of
	// garbage of growing one.
	var text strings.Builder
	if n := len(b); n >= 4 {
		text.Grow(min(int(binary.LittleEndian.Uint32(b[n-4:])), 64<<20))
	}
	if _, err := io.Copy(&text, zr); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return text.String(), nil
}

// eachRow calls row with the offset in text of each line and its nfields fields.
func eachRow(name, text string, nfields int, row func(start int, f []string) error) error {
	f := make([]string, nfields)
	start := 0
	for n := 1; start < len(text); n++ {
		line := text[start:]
		next := len(text)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], start+i+1
		}
		for i := range f {
			if i == nfields-1 {
				f[i], line = line, ""
				if strings.IndexByte(f[i], '\t') >= 0 {
					return fmt.Errorf("%s: line %d: more than %d fields", name, n, nfields)
				}
				break
			}
			var ok bool
			if f[i], line, ok = strings.Cut(line, "\t"); !ok {
				return fmt.Errorf("%s: line %d: want %d fields", name, n, nfields)
			}
		}
		if err := row(start, f); err != nil {
			return fmt.Errorf("%s: line %d: %w", name, n, err)
		}
		start = next
	}
	return nil
}

func atoi32(s string) (int32, error) {
	if n, ok := digits(s, 9); ok {
		return int32(n), nil
	}
	n, err := strconv.ParseInt(s, 10, 32)
	return int32(n), err
}

func level(s string) (uint8, error) {
	n, ok := digits(s, 2)
	if !ok {
		var err error
		if n, err = strconv.ParseUint(s, 10, 8); err != nil {
			return uint8(n), err
		}
	}
	if n == 0 {
		return 0, errors.New("level 0")
	}
	return uint8(n), nil
}

// digits parses s if it is 1 to max ASCII digits, the tables' usual numbers, in a fraction
// of strconv's time; anything else is left to strconv.
func digits(s string, max int) (uint64, bool) {
	if len(s) == 0 || len(s) > max {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		n = n*10 + uint64(d)
	}
	return n, true
}

func (l *Lexicon) buildFirstNames() (*TableBuilder, error) {
	return l.numberTable("first_names.tsv.gz", 3, func(f []string) (int32, int32, error) {
		fem, err1 := atoi32(f[1])
		male, err2 := atoi32(f[2])
		return fem, male, errors.Join(err1, err2)
	})
}

// FirstName reports the US births (SSA, 1880-2024) of babies given the first name s, by sex.
// Only names with at least 20 births in all are listed.
func (l *Lexicon) FirstName(s string) (female, male int, ok bool) {
	var buf [64]byte
	w, p, lv, ok := l.wordRec(keyOf(&buf, s))
	if !ok || lv&factFirst == 0 {
		return 0, 0, false
	}
	f, m := w.births(p)
	return int(f), int(m), true
}

func (l *Lexicon) rankTable(name string) (*TableBuilder, error) {
	return l.numberTable(name, 2, func(f []string) (int32, int32, error) {
		r, err := atoi32(f[1])
		return r, 0, err
	})
}

// Surname reports the rank of s among the 88,799 surnames of the 1990 US Census (1 = Smith).
func (l *Lexicon) Surname(s string) (rank int, ok bool) {
	var buf [64]byte
	w, p, lv, ok := l.wordRec(keyOf(&buf, s))
	if !ok || lv&factSurn == 0 {
		return 0, false
	}
	return int(int32(w.num(p, lv, factSurn))), true
}

// WordRank reports how common s is in English Wikipedia text: 1 is the most frequent word;
// only the 100,000 most frequent are listed, so a word without a rank is rare (or a name).
func (l *Lexicon) WordRank(s string) (rank int, ok bool) {
	var buf [64]byte
	w, p, lv, ok := l.wordRec(keyOf(&buf, s))
	if !ok || lv&factRanked == 0 {
		return 0, false
	}
	return int(int32(w.num(p, lv, factRanked))), true
}

func (l *Lexicon) buildWords() (*TableBuilder, error) {
	return l.numberTable("words.tsv.gz", 2, func(f []string) (int32, int32, error) {
		lv, err := level(f[1])
		return int32(lv), 0, err
	})
}

// WordLevel reports the SCOWL size level (10 = most basic, up to 80) at which s, taken as an
// ordinary lower-case word, enters the American or British lists; a trailing possessive 's
// is ignored. Names that are not also words (Philippa) have no level.
func (l *Lexicon) WordLevel(s string) (level int, ok bool) {
	var buf [64]byte
	k := appendKey(buf[:0], s)
	lv := l.levelsOf(view(k))
	if base, found := cutPossessive(k); lv&factWord == 0 && found {
		lv = l.levelsOf(view(base))
	}
	if lv&factWord == 0 {
		return 0, false
	}
	return int(lv & 0xff), true
}

// Words yields every word of the word list (see WordLevel) with its level, in the list's
// order.
func (l *Lexicon) Words() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		w := l.wordTab()
		for p := 0; p < w.recLen; p = w.next(p) {
			lv := w.levels(p)
			if lv&factWord == 0 {
				return // the words' records come first
			}
			if !yield(w.key(p), int(lv&0xff)) {
				return
			}
		}
	}
}

// buildProper indexes the proper table by the words' lookup forms: a row's first number is
// the word's lowest level as a proper name or capitalised word, the second as an
// abbreviation, 0 if it is not one.
func (l *Lexicon) buildProper() (*TableBuilder, error) {
	const name = "proper.tsv.gz"
	text, err := l.tableText(name)
	if err != nil {
		return nil, err
	}
	tb := NewTableBuilder(2)
	var k []byte
	err = eachRow(name, text, 3, func(_ int, f []string) error {
		lv, err := level(f[1])
		k = appendKey(k[:0], f[0])
		r, _ := tb.Insert(string(k))
		at := &tb.Vals(r)[0]
		switch f[2] {
		case "P", "U":
		case "A":
			at = &tb.Vals(r)[1]
		default:
			err = errors.Join(err, fmt.Errorf("kind %q", f[2]))
		}
		if *at == 0 || uint32(lv) < *at {
			*at = uint32(lv)
		}
		return err
	})
	return tb, err
}

// ProperLevel reports the SCOWL level (up to 95) of s as a proper name or other capitalised
// word (Philippa, Facebook, Hispanic), matched case-insensitively; a trailing 's is ignored.
func (l *Lexicon) ProperLevel(s string) (level int, ok bool) {
	p := l.properFor(s)
	return int(p.proper), p.proper != 0
}

// AbbrevLevel reports the SCOWL level (up to 95) of s as an abbreviation (ASAP, NY, etc),
// matched case-insensitively.
func (l *Lexicon) AbbrevLevel(s string) (level int, ok bool) {
	p := l.properFor(s)
	return int(p.abbrev), p.abbrev != 0
}

func (l *Lexicon) properFor(s string) properLevels {
	var buf [64]byte
	k := appendKey(buf[:0], s)
	lv := l.levelsOf(view(k))
	if base, found := cutPossessive(k); lv&factProper == 0 && found {
		lv = l.levelsOf(view(base))
	}
	if lv&factProper == 0 {
		return properLevels{}
	}
	return properLevels{uint8(lv >> 8), uint8(lv >> 16)}
}
