package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// A category is one phrase list, cat_<name>.tsv.gz: WordNet closures, other sources and the
// hand list hand/<name>.txt, less the phrases in hand/<name>.drop (noise found by reading the
// output). Each output row is one phrase in its original case; the lexicon matches it
// case-insensitively.
type category struct {
	name    string
	wordnet []wnRoot                          // hyponym closures
	extra   []func(*config) ([]string, error) // other generated sources
	hands   []string                          // hand lists besides hand/<name>.txt
	proper  bool                              // keep capitalised phrases only (names of languages, peoples)
}

// wnRoot is a WordNet 3.0 noun synset offset; inst also follows instance hyponyms (~i), so
// "Christmas" comes in under holiday, but saints do not come in under believer.
type wnRoot struct {
	offset string
	inst   bool
}

func roots(inst bool, offsets ...string) []wnRoot {
	r := make([]wnRoot, len(offsets))
	for i, o := range offsets {
		r[i] = wnRoot{o, inst}
	}
	return r
}

// categories, in the order of internal/lexicon's Category constants (the lexicon test checks
// that every category has a file). Synset choices: /work/shared/LEXICONS.md §5.
var categories = []category{
	{name: "condition", wordnet: roots(true, "14070360", "14052403", "14304060", "14061805", "14083790",
		"14380140", "14465048", "14501726", "14235200", "14204950", "14151139", "14062725")},
	{name: "occupation", wordnet: roots(false, "09632518", "10480253", "10605985", "10165109")},
	{name: "nationality", wordnet: roots(false, "09620078", "09620794", "09621232", "07967382"),
		extra: []func(*config) ([]string, error){nationalities}, proper: true},
	{name: "language", wordnet: roots(true, "06282651"), extra: []func(*config) ([]string, error){languages}, proper: true},
	{name: "religion", wordnet: append(roots(true, "05946687", "08081668"), roots(false, "09628382", "09847727")...)},
	{name: "holiday", wordnet: roots(true, "15183428"), hands: []string{"holiday"}},
	{name: "orgtype", wordnet: roots(false, "08008335", "08053576", "03574555", "03315023", "08061042", "08337324", "08276720")},
	{name: "orgcue"},
	{name: "dateword", hands: []string{"holiday"}},
	{name: "streetsuffix", extra: []func(*config) ([]string, error){streetSuffixes}},
	{name: "title"},
	{name: "kinship"},
}

func (cat category) rows(c *config) ([]string, error) {
	var phrases []string
	if len(cat.wordnet) > 0 {
		wn, err := loadWordNet(c)
		if err != nil {
			return nil, err
		}
		p, err := wn.closure(cat.wordnet)
		if err != nil {
			return nil, err
		}
		phrases = append(phrases, p...)
	}
	for _, f := range cat.extra {
		p, err := f(c)
		if err != nil {
			return nil, err
		}
		phrases = append(phrases, p...)
	}
	for _, h := range append([]string{cat.name}, cat.hands...) {
		p, err := readHand(filepath.Join(c.hand, h+".txt"), h != cat.name)
		if err != nil {
			return nil, err
		}
		phrases = append(phrases, p...)
	}
	drop, err := readHand(filepath.Join(c.hand, cat.name+".drop"), true)
	if err != nil {
		return nil, err
	}
	dropped := map[string]bool{}
	for _, d := range drop {
		dropped[strings.ToLower(d)] = true
	}
	// One form per lower-case phrase: the smallest byte-wise (capitalised forms first).
	best := map[string]string{}
	for _, p := range phrases {
		p = strings.Join(strings.Fields(p), " ")
		k := strings.ToLower(p)
		if p == "" || dropped[k] || cat.proper && !unicode.IsUpper([]rune(p)[0]) {
			continue
		}
		if old, ok := best[k]; !ok || p < old {
			best[k] = p
		}
	}
	rows := make([]string, 0, len(best))
	for _, p := range best {
		rows = append(rows, p)
	}
	return rows, nil
}

// readHand reads a hand list: one phrase a line, # starts a comment. A missing file is an
// error unless optional.
func readHand(path string, optional bool) ([]string, error) {
	var out []string
	err := eachLine(path, func(line string) error {
		line, _, _ = strings.Cut(line, "#")
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
		return nil
	})
	if optional && errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return out, err
}

// wordNet is the noun database: per synset its lemmas and hyponym pointers.
type wordNet struct {
	lemmas map[string][]string
	hypo   map[string][]string // ~
	inst   map[string][]string // ~i
}

// loadWordNet parses data.noun once per run and keeps it in c.
func loadWordNet(c *config) (*wordNet, error) {
	if c.wn != nil {
		return c.wn, nil
	}
	wn := &wordNet{lemmas: map[string][]string{}, hypo: map[string][]string{}, inst: map[string][]string{}}
	path := filepath.Join(c.in, "x_wordnet-base", "usr", "share", "wordnet", "data.noun")
	err := eachLine(path, func(line string) error {
		if strings.HasPrefix(line, " ") || line == "" {
			return nil // licence header
		}
		data, _, _ := strings.Cut(line, " | ")
		f := strings.Fields(data)
		if len(f) < 4 {
			return errors.New("short synset line")
		}
		off := f[0]
		n, err := strconv.ParseInt(f[3], 16, 0)
		if err != nil {
			return err
		}
		i := 4
		for range n {
			wn.lemmas[off] = append(wn.lemmas[off], strings.ReplaceAll(f[i], "_", " "))
			i += 2
		}
		np, err := strconv.Atoi(f[i])
		if err != nil {
			return err
		}
		i++
		for range np {
			switch f[i] {
			case "~":
				wn.hypo[off] = append(wn.hypo[off], f[i+1])
			case "~i":
				wn.inst[off] = append(wn.inst[off], f[i+1])
			}
			i += 4
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.wn = wn
	return wn, nil
}

// closure returns the lemmas of the roots and of all their hyponyms.
func (wn *wordNet) closure(rs []wnRoot) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	var walk func(off string, inst bool)
	walk = func(off string, inst bool) {
		if seen[off] {
			return
		}
		seen[off] = true
		out = append(out, wn.lemmas[off]...)
		for _, h := range wn.hypo[off] {
			walk(h, inst)
		}
		if inst {
			for _, h := range wn.inst[off] {
				walk(h, inst)
			}
		}
	}
	for _, r := range rs {
		if _, ok := wn.lemmas[r.offset]; !ok {
			return nil, fmt.Errorf("wordnet: no noun synset %s", r.offset)
		}
		walk(r.offset, r.inst)
	}
	return out, nil
}

var (
	parenthetical = regexp.MustCompile(`\s*\(([^)]*)\)`)
	jointDemonym  = regexp.MustCompile(` - | or | and `) // "Trinidadian or Tobagonian"
)

// nationalities: adjectives from i18n-nationality (langs/en.json), without the entries that are
// only a territory's name ("Bermuda", "Virgin Islands, U.S.").
func nationalities(c *config) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(c.in, "x_i18n-nationality-1.4.0", "package", "langs", "en.json"))
	if err != nil {
		return nil, err
	}
	// Lines look like `"AF": "Afghan",`; the file is flat, so no JSON decoder is needed
	// beyond unquoting.
	line := regexp.MustCompile(`"([A-Z]{2})":\s*("(?:[^"\\]|\\.)*")`)
	regions := display.English.Regions()
	var out []string
	for _, m := range line.FindAllStringSubmatch(string(b), -1) {
		v, err := strconv.Unquote(m[2])
		if err != nil {
			return nil, err
		}
		v = parenthetical.ReplaceAllString(v, "")
		r, err := language.ParseRegion(m[1])
		if err != nil || strings.Contains(v, ",") || strings.Contains(v, "Island") ||
			strings.EqualFold(v, regions.Name(r)) {
			continue
		}
		out = append(out, jointDemonym.Split(v, -1)...)
	}
	if len(out) < 150 {
		return nil, fmt.Errorf("i18n-nationality: only %d adjectives", len(out))
	}
	return out, nil
}

// languages: English names of the languages x/text (CLDR) can name, parenthetical parts split
// off ("Norwegian Bokmål", "Chinese (Simplified)" -> "Chinese").
func languages(c *config) ([]string, error) {
	names := display.English.Languages()
	var out []string
	add := func(code string) {
		b, err := language.ParseBase(code)
		if err != nil || b.String() != code {
			return
		}
		if n := names.Name(b); n != "" && n != code {
			out = append(out, parenthetical.ReplaceAllString(n, ""))
		}
	}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			add(string([]rune{a, b}))
			for d := 'a'; d <= 'z'; d++ {
				add(string([]rune{a, b, d}))
			}
		}
	}
	return out, nil
}

// countries: `name\tcc` for every ISO 3166 country x/text can name in English (both parts of
// "Myanmar (Burma)" and "Congo - Kinshasa"), plus hand/country_aliases.tsv.
func countries(c *config) ([]string, error) {
	names := display.English.Regions()
	var rows []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || r.String() != code || r.Canonicalize() != r || !r.IsCountry() || r.IsPrivateUse() {
				continue
			}
			n := names.Name(r)
			if n == "" || n == code {
				continue
			}
			forms := []string{parenthetical.ReplaceAllString(n, "")}
			if m := parenthetical.FindStringSubmatch(n); m != nil {
				forms = append(forms, m[1])
			}
			if head, _, ok := strings.Cut(forms[0], " - "); ok {
				forms = append(forms, head)
			}
			for _, f := range forms {
				rows = append(rows, strings.TrimSpace(f)+"\t"+code)
			}
		}
	}
	err := eachLine(filepath.Join(c.hand, "country_aliases.tsv"), func(line string) error {
		if line == "" || strings.HasPrefix(line, "#") {
			return nil
		}
		if f := strings.Split(line, "\t"); len(f) != 2 || len(f[1]) != 2 {
			return errors.New("want alias<TAB>CC")
		}
		rows = append(rows, line)
		return nil
	})
	return rows, err
}

// streetSuffixes: faker's en street_suffix list (the USPS Pub. 28 suffix names); abbreviations
// are in hand/streetsuffix.txt.
func streetSuffixes(c *config) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(c.in, "x_faker-js-faker-10.6.0", "package", "dist", "en-*.js"))
	if err != nil {
		return nil, err
	}
	re := regexp.MustCompile("street_suffix:`([^`]*)`")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if m := re.FindSubmatch(b); m != nil && strings.HasPrefix(string(m[1]), "Alley.") {
			return strings.Split(string(m[1]), "."), nil
		}
	}
	return nil, errors.New("faker: en street_suffix list not found")
}
