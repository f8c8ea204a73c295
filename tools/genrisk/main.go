// Command genrisk builds internal/risk/data/tables.tsv.gz, the selectivity tables of the
// re-identification risk gate, from public data and the hand-written, cited tables in
// tools/genrisk/hand/:
//
//	npm pack cldr-core@48.2.0 i18n-nationality@1.4.0   # in /tmp/veil-risk, then untar each
//	go run ./tools/genrisk -data ../shared/data -npm /tmp/veil-risk -out internal/risk/data
//	go generate ./internal/risk/   # freezes tables.tsv.gz into tables.pack, which veil embeds
//
// Inputs: Orphanet prevalence classes and synonyms (CC BY 4.0), BLS OEWS employment (public
// domain), CLDR territory populations and language shares (Unicode licence), i18n-nationality
// demonyms (MIT), the GeoNames places already embedded in internal/lexicon (CC BY 4.0). Every
// row is "kind<TAB>key<TAB>value<TAB>note"; rows are sorted, so two runs give the same bytes.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/veil-blog/veil/internal/lexicon"
	"github.com/veil-blog/veil/internal/risk/phrase"
	"github.com/veil-blog/veil/tools/internal/gztable"
)

func main() {
	data := flag.String("data", "../shared/data", "directory holding orphanet/ and bls-oews/")
	npm := flag.String("npm", "/tmp/veil-risk", "directory holding the unpacked npm packages cldr-core-*/ and i18n-nationality-*/")
	hand := flag.String("hand", "tools/genrisk/hand", "hand-written tables")
	out := flag.String("out", "internal/risk/data", "output directory")
	flag.Parse()
	var rows []string
	for _, step := range []func() ([]string, error){
		func() ([]string, error) { return orphanet(filepath.Join(*data, "orphanet")) },
		func() ([]string, error) { return handTable(filepath.Join(*hand, "conditions.tsv"), "cond") },
		func() ([]string, error) { return handTable(filepath.Join(*hand, "religions.tsv"), "rel") },
		func() ([]string, error) { return handTable(filepath.Join(*hand, "ages.tsv"), "age") },
		func() ([]string, error) { return handTable(filepath.Join(*hand, "regions.tsv"), "region") },
		func() ([]string, error) { return roles(filepath.Join(*hand, "roles.txt")) },
		func() ([]string, error) {
			return occupations(filepath.Join(*data, "bls-oews", "occupations.tsv"), filepath.Join(*hand, "groups.tsv"))
		},
		func() ([]string, error) { return cldr(*npm) },
		func() ([]string, error) {
			return areas(filepath.Join(*hand, "regions.tsv"), "internal/lexicon/data/places.tsv.gz", "tools/genlex/hand/us_states.tsv")
		},
	} {
		r, err := step()
		if err != nil {
			fmt.Fprintln(os.Stderr, "genrisk:", err)
			os.Exit(1)
		}
		rows = append(rows, r...)
	}
	n, err := gztable.Write(filepath.Join(*out, "tables.tsv.gz"), rows)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genrisk:", err)
		os.Exit(1)
	}
	fmt.Printf("tables.tsv.gz: %d rows, %d bytes\n", len(rows), n)
}

func row(kind, key string, v float64, note string) string {
	return kind + "\t" + key + "\t" + strconv.FormatFloat(v, 'g', 4, 64) + "\t" + strings.ReplaceAll(note, "\t", " ")
}

// eachTSV calls fn with the fields of every line of a TSV file after the header (or, for
// hand tables, every line that is not blank or a # comment).
func eachTSV(path string, header bool, fn func(f []string) error) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	first := true
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if header && first {
			first = false
			continue
		}
		if !header && (strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#")) {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// classMid is the share of people a prevalence class stands for: the middle of the band.
// A class Orphanet does not know ("Unknown") is taken as case-report rare.
func classMid(class string) float64 {
	switch class {
	case "<1 / 1 000 000":
		return 0.5e-6
	case "1-9 / 1 000 000":
		return 5e-6
	case "1-9 / 100 000":
		return 5e-5
	case "1-5 / 10 000":
		return 3e-4
	case "6-9 / 10 000":
		return 7.5e-4
	case ">1 / 1000":
		return 2e-3
	}
	return 1e-6
}

// orphanet emits a "cond" row per disorder name and synonym with its class's midpoint. A
// phrase shared by several disorders keeps the largest share (which one is meant is not
// known). Categories, one-word names that are ordinary English, and short acronyms are left
// out: they would match words that name no disorder.
func orphanet(dir string) ([]string, error) {
	lex := lexicon.New()
	share := map[string]float64{}
	code := map[string]string{}
	keep := map[string]bool{}
	err := eachTSV(filepath.Join(dir, "prevalence.tsv"), true, func(f []string) error {
		if len(f) < 9 {
			return fmt.Errorf("want 9 fields, got %d", len(f))
		}
		if f[8] == "Category" {
			return nil
		}
		keep[f[0]] = true
		share[f[0]] = classMid(f[2])
		code[phrase.Key(f[1])+"\x00"+f[0]] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	names := map[string][]string{} // orpha code -> names
	for k := range code {
		key, c, _ := strings.Cut(k, "\x00")
		names[c] = append(names[c], key)
	}
	acronyms := map[string]float64{}
	acroSrc := map[string]string{}
	err = eachTSV(filepath.Join(dir, "synonyms.tsv"), true, func(f []string) error {
		if len(f) == 2 && keep[f[0]] {
			names[f[0]] = append(names[f[0]], phrase.Key(f[1]))
			// An acronym ("ALS") is kept apart: it is matched only in capitals.
			if a := f[1]; len(a) >= 2 && len(a) <= 6 && strings.ToUpper(a) == a && strings.IndexFunc(a, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') }) < 0 && a[0] >= 'A' && a[0] <= 'Z' {
				if s := share[f[0]]; s > acronyms[a] {
					acronyms[a], acroSrc[a] = s, "ORPHA:"+f[0]
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	best := map[string]float64{}
	src := map[string]string{}
	for c, ks := range names {
		for _, k := range ks {
			if !usable(lex, k) {
				continue
			}
			if s := share[c]; s > best[k] {
				best[k], src[k] = s, "ORPHA:"+c
			}
		}
	}
	var rows []string
	for k, s := range best {
		rows = append(rows, row("cond", k, s, src[k]))
	}
	for a, s := range acronyms {
		rows = append(rows, row("acro", a, s, acroSrc[a]))
	}
	return rows, nil
}

func usable(lex *lexicon.Lexicon, key string) bool {
	w := phrase.Words(key)
	if len(w) == 0 || len(key) < 5 {
		return false
	}
	if len(w) == 1 {
		if r, ok := lex.WordRank(w[0]); ok && r < 30000 {
			return false // an ordinary word ("dwarfism" stays, "deafness" is common enough to go)
		}
		if len(w[0]) <= 5 && !strings.ContainsAny(w[0], "aeiouy") {
			return false
		}
	}
	return true
}

func handTable(path, kind string) ([]string, error) {
	var rows []string
	err := eachTSV(path, false, func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want key<TAB>value")
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil || v <= 0 {
			return fmt.Errorf("bad value %q", f[1])
		}
		note := ""
		if len(f) > 2 {
			note = f[2]
		}
		key := phrase.Key(f[0])
		if kind == "region" {
			key = f[0]
		}
		rows = append(rows, row(kind, key, v, note))
		return nil
	})
	return rows, err
}

func roles(path string) ([]string, error) {
	var rows []string
	err := eachTSV(path, false, func(f []string) error {
		rows = append(rows, row("role", phrase.Key(f[0]), 1, "one per community"))
		return nil
	})
	return rows, err
}

// occupations emits "occ" rows: the everyday singular form of each part of a BLS title
// ("Sailors and Marine Oilers" gives "sailor" and "marine oiler"), summed over titles, kept
// when WordNet (internal/lexicon) knows the phrase or its last word as an occupation; and
// "group" rows: SOC major groups with the phrases of groups.tsv and their summed employment.
func occupations(path, groupsPath string) ([]string, error) {
	lex := lexicon.New()
	emp := map[string]float64{}
	group := map[string]string{}
	major := map[string]float64{}
	err := eachTSV(path, true, func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields")
		}
		n, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return err
		}
		major[f[0][:2]] += n
		for _, part := range titleParts(f[1]) {
			k := phrase.Key(part)
			w := phrase.Words(k)
			if len(w) == 0 || len(w) > 3 {
				continue
			}
			if !lex.InCategory(lexicon.Occupation, k) && !lex.InCategory(lexicon.Occupation, w[len(w)-1]) {
				continue
			}
			// The phrase, and its head noun alone ("registered nurse", "nurse").
			keys := []string{k}
			if head := w[len(w)-1]; len(w) > 1 && lex.InCategory(lexicon.Occupation, head) {
				keys = append(keys, head)
			}
			for _, k := range keys {
				emp[k] += n
				if group[k] == "" {
					group[k] = f[0][:2]
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var rows []string
	for k, n := range emp {
		rows = append(rows, row("occ", k, n, group[k]))
	}
	err = eachTSV(groupsPath, false, func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want code<TAB>phrases")
		}
		for _, p := range strings.Split(f[1], ",") {
			rows = append(rows, row("group", phrase.Key(p), major[f[0]], f[0]))
		}
		return nil
	})
	return rows, err
}

// titleParts splits a BLS title into singular occupation phrases.
func titleParts(title string) []string {
	title, _, _ = strings.Cut(title, ", Except")
	title, _, _ = strings.Cut(title, ", All Other")
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(title, " and ", ", "), ",") {
		p = strings.TrimSpace(p)
		p, _, _ = strings.Cut(p, " of ")
		if p == "" || strings.Contains(p, "(") {
			continue
		}
		w := strings.Fields(p)
		w[len(w)-1] = singular(w[len(w)-1])
		out = append(out, strings.Join(w, " "))
	}
	return out
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// cldr emits "terr" rows (territory populations), "lang" rows (a language's share of the US
// population where CLDR lists it there, else of the world's) and "nat" rows (a demonym's
// share: its country's share of the world's population, as a prior for its share anywhere).
func cldr(npmDir string) ([]string, error) {
	m, _ := filepath.Glob(filepath.Join(npmDir, "cldr-core-*", "package", "supplemental", "territoryInfo.json"))
	if len(m) == 0 {
		return nil, fmt.Errorf("no cldr-core package under %s", npmDir)
	}
	var ti struct {
		Supplemental struct {
			TerritoryInfo map[string]struct {
				Population string `json:"_population"`
				Langs      map[string]struct {
					Percent string `json:"_populationPercent"`
				} `json:"languagePopulation"`
			} `json:"territoryInfo"`
		} `json:"supplemental"`
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &ti); err != nil {
		return nil, fmt.Errorf("%s: %w", m[0], err)
	}
	var rows []string
	world := 0.0
	pop := map[string]float64{}
	speakers := map[string]float64{}
	us := map[string]float64{}
	for code, t := range ti.Supplemental.TerritoryInfo {
		p, err := strconv.ParseFloat(t.Population, 64)
		if err != nil {
			continue
		}
		if len(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' {
			pop[code] = p
			world += p
			rows = append(rows, row("terr", code, p, "CLDR territoryInfo"))
		}
		for l, lp := range t.Langs {
			pc, err := strconv.ParseFloat(lp.Percent, 64)
			if err != nil {
				continue
			}
			base, _, _ := strings.Cut(l, "_")
			speakers[base] += p * pc / 100
			if code == "US" {
				us[base] += pc / 100
			}
		}
	}
	names := display.English.Languages()
	best := map[string]float64{}
	for l, n := range speakers {
		tag, err := language.Parse(l)
		if err != nil {
			continue
		}
		name := names.Name(tag)
		if name == "" {
			continue
		}
		s := n / world
		if u, ok := us[l]; ok && u > 0 {
			s = u
		}
		s = math.Max(s, 1e-7)
		k := phrase.Key(name)
		best[k] = math.Max(best[k], s)
	}
	for k, s := range best {
		rows = append(rows, row("lang", k, s, "CLDR languagePopulation"))
	}
	m, _ = filepath.Glob(filepath.Join(npmDir, "i18n-nationality-*", "package", "langs", "en.json"))
	if len(m) == 0 {
		return nil, fmt.Errorf("no i18n-nationality package under %s", npmDir)
	}
	var nat struct {
		Nationalities map[string]string `json:"nationalities"`
	}
	if b, err = os.ReadFile(m[0]); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &nat); err != nil {
		return nil, fmt.Errorf("%s: %w", m[0], err)
	}
	for code, name := range nat.Nationalities {
		name, _, _ = strings.Cut(name, "(")
		p := pop[code]
		if p == 0 || strings.Contains(name, " ") && !strings.HasSuffix(strings.TrimSpace(name), "an") {
			continue
		}
		rows = append(rows, row("nat", phrase.Key(name), math.Max(p/world, 1e-7), code))
	}
	return rows, nil
}

// areas emits "area" rows: how many people live in US places of each size class the
// de-identifier writes ("a small town"), per Census region and in all, from the GeoNames
// places in internal/lexicon; people in no listed place count as small-town. And "hist" rows:
// how many US places have a population in each quarter-decade band, for "a town of 212".
func areas(regionsPath, placesPath, statesPath string) ([]string, error) {
	regionPop := map[string]float64{}
	if err := eachTSV(regionsPath, false, func(f []string) error {
		v, err := strconv.ParseFloat(f[1], 64)
		regionPop[f[0]] = v
		return err
	}); err != nil {
		return nil, err
	}
	region := map[string]string{}
	if err := eachTSV(statesPath, false, func(f []string) error {
		if len(f) == 3 && f[2] != "-" {
			region[f[0]] = f[2]
		}
		return nil
	}); err != nil {
		return nil, err
	}
	sums := map[string]float64{}
	hist := map[int]float64{}
	err := eachGzRow(placesPath, func(f []string) error {
		if len(f) != 5 || f[2] != "US" {
			return nil
		}
		pop, err := strconv.Atoi(f[4])
		r := region[f[3]]
		if err != nil || pop <= 0 || r == "" {
			return err
		}
		c := sizeClass(pop)
		sums[c+"|"+r] += float64(pop)
		sums["placed|"+r] += float64(pop)
		sums["state|"+f[3]] += float64(pop)
		hist[int(math.Floor(4*math.Log10(float64(pop))))]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	var rows []string
	total := map[string]float64{}
	for _, c := range []string{"a small town", "a small city", "a mid-sized city", "a large city", "a major city"} {
		for r, rp := range regionPop {
			n := sums[c+"|"+r]
			if c == "a small town" {
				n += math.Max(0, rp-sums["placed|"+r])
			}
			n = math.Min(n, rp)
			total[c] += n
			rows = append(rows, row("area", c+"|"+strings.ToLower(r), n, "GeoNames places by size, Census region"))
		}
		rows = append(rows, row("area", c+"|", total[c], "GeoNames places by size, US"))
	}
	for st, r := range region {
		// A state's people: its places, scaled up by its region's share of people
		// living in no listed place.
		if placed := sums["placed|"+r]; placed > 0 {
			rows = append(rows, row("state", strings.ToLower(st), sums["state|"+st]*math.Max(1, regionPop[r]/placed), "GeoNames places, scaled to the Census region"))
		}
	}
	for b, n := range hist {
		rows = append(rows, row("hist", strconv.Itoa(b), n, "US places with population in [10^(b/4), 10^((b+1)/4))"))
	}
	return rows, nil
}

// sizeClass is the de-identifier's description of a place of population n
// (internal/deid/plan/place.go).
func sizeClass(n int) string {
	switch {
	case n >= 1_000_000:
		return "a major city"
	case n >= 250_000:
		return "a large city"
	case n >= 50_000:
		return "a mid-sized city"
	case n >= 10_000:
		return "a small city"
	}
	return "a small town"
}

func eachGzRow(path string, fn func(f []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if err := fn(strings.Split(sc.Text(), "\t")); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return sc.Err()
}
