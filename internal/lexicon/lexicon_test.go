package lexicon

import (
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestEveryFileParses(t *testing.T) {
	if err := New().LoadAll(); err != nil {
		t.Fatal(err)
	}
	if err := source().LoadAll(); err != nil {
		t.Fatal(err)
	}
	// Every source file is read by some table, and every category has its file.
	files, err := fs.Glob(os.DirFS("."), "data/*.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"countries", "first_names", "places", "proper", "surnames", "us_states", "word_rank", "words"}
	for _, c := range AllCategories() {
		want = append(want, "cat_"+c.String())
	}
	var got []string
	for _, f := range files {
		got = append(got, strings.TrimSuffix(strings.TrimPrefix(f, "data/"), ".tsv.gz"))
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("data files: got %v, want %v", got, want)
	}
}

func TestFirstName(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		name      string
		ok        bool
		femaleDom bool // female births exceed male
	}{
		{"Philippa", true, true},
		{"dolores", true, true},
		{"Mark", true, false},
		{"Grace", true, true},
		{"Brianna", true, true},
		{"Esteban", true, false},
		{"Xqzzv", false, false},
	} {
		f, m, ok := l.FirstName(tc.name)
		if ok != tc.ok || ok && (f > m) != tc.femaleDom {
			t.Errorf("FirstName(%q) = %d, %d, %v; want ok=%v female-dominant=%v", tc.name, f, m, ok, tc.ok, tc.femaleDom)
		}
	}
}

func TestSurname(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		name    string
		maxRank int // 0: absent
	}{
		{"Smith", 1}, {"SMITH", 1}, {"Johnson", 2}, {"Xqzzv", 0}, {"Garcia", 20}, {"Zanetti", 88799},
	} {
		r, ok := l.Surname(tc.name)
		if ok != (tc.maxRank > 0) || r > tc.maxRank {
			t.Errorf("Surname(%q) = %d, %v; want rank <= %d", tc.name, r, ok, tc.maxRank)
		}
	}
}

func TestWordLevel(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		word     string
		maxLevel int // 0: not an ordinary word
	}{
		{"rose", 20}, {"Rose", 20}, {"will", 10}, {"hunter", 35}, {"schizophrenia", 50},
		{"rose's", 20}, {"rose’s", 20}, {"Philippa", 0}, {"Okafor", 0}, {"Brianna", 0},
	} {
		lv, ok := l.WordLevel(tc.word)
		if ok != (tc.maxLevel > 0) || lv > tc.maxLevel {
			t.Errorf("WordLevel(%q) = %d, %v; want level <= %d", tc.word, lv, ok, tc.maxLevel)
		}
	}
}

func TestProperAndAbbrev(t *testing.T) {
	l := Default()
	if lv, ok := l.ProperLevel("Facebook"); !ok || lv > 60 {
		t.Errorf("ProperLevel(Facebook) = %d, %v; want <= 60", lv, ok)
	}
	if lv, ok := l.ProperLevel("Philippa"); !ok || lv > 95 {
		t.Errorf("ProperLevel(Philippa) = %d, %v; want listed", lv, ok)
	}
	if _, ok := l.ProperLevel("Okafor"); ok {
		t.Errorf("ProperLevel(Okafor) listed; want absent")
	}
	if _, ok := l.AbbrevLevel("ASAP"); !ok {
		t.Errorf("AbbrevLevel(ASAP) absent; want listed")
	}
}

func TestWordRank(t *testing.T) {
	l := Default()
	the, ok := l.WordRank("the")
	if !ok || the != 1 {
		t.Errorf("WordRank(the) = %d, %v; want 1", the, ok)
	}
	nurse, ok1 := l.WordRank("nurse")
	schiz, ok2 := l.WordRank("schizophrenia")
	if !ok1 || !ok2 || nurse >= schiz || nurse > 10000 {
		t.Errorf("WordRank(nurse) = %d, %v; WordRank(schizophrenia) = %d, %v; want nurse < 10000 and more common", nurse, ok1, schiz, ok2)
	}
	if r, ok := l.WordRank("trichotillomania"); ok {
		t.Errorf("WordRank(trichotillomania) = %d; want absent (rare)", r)
	}
}

func TestPlaces(t *testing.T) {
	l := Default()
	us := 0
	states := map[string]bool{}
	for _, p := range l.Places("Springfield") {
		if p.Country == "US" {
			us++
			states[p.Admin1] = true
		}
	}
	if us < 5 || !states["IL"] || !states["MA"] {
		t.Errorf("Places(Springfield): %d US entries in %v; want >= 5 incl. IL and MA", us, states)
	}
	if ps := l.Places("bogota"); len(ps) == 0 || ps[0].Name != "Bogotá" || ps[0].Country != "CO" {
		t.Errorf("Places(bogota) = %v; want Bogotá, CO first", ps)
	}
	if ps := l.Places("Vienna"); len(ps) == 0 || ps[0].Country != "AT" || ps[0].Population < 1000000 {
		t.Errorf("Places(Vienna) = %v; want the Austrian one first", ps)
	}
	// The slice is the caller's.
	a := l.Places("Springfield")
	a[0].Name = "changed"
	if l.Places("Springfield")[0].Name != "Springfield" {
		t.Error("Places returned shared storage")
	}
	if ps := l.Places("Xqzzvville"); ps != nil {
		t.Errorf("Places(Xqzzvville) = %v; want nil", ps)
	}
}

func TestCountriesStatesRegions(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		s    string
		code string
	}{
		{"Germany", "DE"}, {"germany", "DE"}, {"USA", "US"}, {"United States", "US"}, {"Burma", "MM"},
		{"Myanmar", "MM"}, {"Côte d’Ivoire", "CI"}, {"Côte d'Ivoire", "CI"}, {"Ivory Coast", "CI"},
		{"Somalia", "SO"}, {"Eritrea", "ER"}, {"Congo", "CD"}, {"Springfield", ""},
	} {
		code, ok := l.Country(tc.s)
		if code != tc.code || ok != (tc.code != "") || l.IsCountry(tc.s) != ok {
			t.Errorf("Country(%q) = %q, %v; want %q", tc.s, code, ok, tc.code)
		}
	}
	for _, tc := range []struct{ s, name, region string }{
		{"OH", "Ohio", "Midwest"}, {"Ohio", "Ohio", "Midwest"}, {"ohio", "Ohio", "Midwest"},
		{"oh", "", ""}, {"in", "", ""}, {"NY", "New York", "Northeast"}, {"TX", "Texas", "South"},
		{"CA", "California", "West"}, {"DC", "District of Columbia", "South"}, {"PR", "Puerto Rico", ""},
		{"new hampshire", "New Hampshire", "Northeast"}, {"XX", "", ""},
	} {
		name, ok := l.USState(tc.s)
		if name != tc.name || ok != (tc.name != "") {
			t.Errorf("USState(%q) = %q, %v; want %q", tc.s, name, ok, tc.name)
		}
		if r := l.Region(tc.s); r != tc.region {
			t.Errorf("Region(%q) = %q; want %q", tc.s, r, tc.region)
		}
	}
}

func TestInCategory(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		cat    Category
		phrase string
		want   bool
	}{
		{Condition, "schizophrenia", true},
		{Condition, "Bipolar  Disorder", true},
		{Condition, "Tay-Sachs disease", true},
		{Condition, "fibromyalgia", true},
		{Condition, "table", false},
		{Occupation, "nurse", true},
		{Occupation, "plumber", true},
		{Occupation, "social worker", true},
		{Occupation, "Daniel", false},
		{Nationality, "Eritrean", true},
		{Nationality, "Hmong", true},
		{Nationality, "Somali", true},
		{Nationality, "Jerry", false},
		{Language, "Tigrinya", true},
		{Language, "Haitian Creole", true},
		{Language, "American Sign Language", true},
		{Language, "Kansas", false},
		{Religion, "Sikh", true},
		{Religion, "Jewish", true},
		{Religion, "Buddhism", true},
		{Holiday, "Diwali", true},
		{Holiday, "Kwanzaa", true},
		{Holiday, "Yom Kippur", true},
		{DateWord, "Thanksgiving", true},
		{DateWord, "November", true},
		{DateWord, "lunar new year", true},
		{DateWord, "Jan", false},
		{OrgType, "charity", true},
		{OrgType, "hospital", true},
		{OrgCue, "Hospital", true},
		{OrgCue, "Iglesia", true},
		{OrgCue, "LLC", true},
		{StreetSuffix, "Avenue", true},
		{StreetSuffix, "Blvd", true},
		{StreetSuffix, "Apt", true},
		{Title, "Dr.", true},
		{Title, "Imam", true},
		{Title, "Mx", true},
		{Kinship, "stepfather", true},
		{Kinship, "client", true},
		{Kinship, "table", false},
		{Category(0), "nurse", false},
		{numCategories, "nurse", false},
	} {
		if got := l.InCategory(tc.cat, tc.phrase); got != tc.want {
			t.Errorf("InCategory(%v, %q) = %v; want %v", tc.cat, tc.phrase, got, tc.want)
		}
	}
	if got := l.Categories("Thanksgiving"); !slices.Contains(got, Holiday) || !slices.Contains(got, DateWord) {
		t.Errorf("Categories(Thanksgiving) = %v; want Holiday and DateWord", got)
	}
	if got := l.Categories("xqzzv"); got != nil {
		t.Errorf("Categories(xqzzv) = %v; want none", got)
	}
}

func TestMatchAt(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		cat   Category
		words string
		want  int
	}{
		{Condition, "bipolar disorder since 2019", 2},
		{Condition, "bipolar", 1},
		{Condition, "post-traumatic stress disorder and", 3},
		{DateWord, "Lunar New Year celebrations", 3},
		{DateWord, "New Year's Eve party", 3},
		{Holiday, "Christmas Eve", 2},
		{OrgCue, "Medical Center of", 2},
		{Language, "American Sign Language class", 3},
		{Kinship, "my son", 0},
		{Kinship, "", 0},
	} {
		if got := l.MatchAt(tc.cat, strings.Fields(tc.words)); got != tc.want {
			t.Errorf("MatchAt(%v, %q) = %d; want %d", tc.cat, tc.words, got, tc.want)
		}
	}
	if n := l.MaxWords(DateWord); n < 3 {
		t.Errorf("MaxWords(DateWord) = %d; want >= 3", n)
	}
	if n := l.MaxWords(Category(0)); n != 0 {
		t.Errorf("MaxWords(0) = %d; want 0", n)
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	l := New()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, _, ok := l.FirstName("Philippa"); !ok {
				t.Error("FirstName(Philippa) not found")
			}
			if !l.InCategory(Condition, "schizophrenia") {
				t.Error("schizophrenia not a condition")
			}
		})
	}
	wg.Wait()
}

// BenchmarkLoad parses one table per iteration into a fresh Lexicon; B/op is what the table
// costs to parse and keep, ns/op its load time.
func BenchmarkLoad(b *testing.B) {
	tables := []struct {
		name string
		load func(l *Lexicon)
	}{
		{"first_names", func(l *Lexicon) { l.FirstName("x") }},
		{"surnames", func(l *Lexicon) { l.Surname("x") }},
		{"words", func(l *Lexicon) { l.WordLevel("x") }},
		{"proper", func(l *Lexicon) { l.ProperLevel("x") }},
		{"word_rank", func(l *Lexicon) { l.WordRank("x") }},
		{"places", func(l *Lexicon) { l.Places("x") }},
		{"countries", func(l *Lexicon) { l.IsCountry("x") }},
		{"us_states", func(l *Lexicon) { l.USState("x") }},
		{"categories", func(l *Lexicon) { l.Categories("x") }},
		{"all", func(l *Lexicon) {
			if err := l.LoadAll(); err != nil {
				b.Fatal(err)
			}
		}},
	}
	for _, tb := range tables {
		b.Run(tb.name, func(b *testing.B) {
			b.ReportAllocs()
			var live float64
			for b.Loop() {
				l := New()
				tb.load(l)
				live = liveMB(l)
			}
			b.ReportMetric(live, "liveMB")
		})
	}
}

// liveMB is the heap in use while l is reachable, after a collection.
func liveMB(l *Lexicon) float64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	runtime.KeepAlive(l)
	return float64(ms.HeapAlloc) / (1 << 20)
}

func TestPlacePrefix(t *testing.T) {
	l := Default()
	for phrase, want := range map[string]bool{
		"salt": true, "Salt Lake": true, "salt lake city": false, "United": true,
		"new": true, "North": true, "lasix": false, "pt is": false, "": false,
	} {
		if got := l.PlacePrefix(phrase); got != want {
			t.Errorf("PlacePrefix(%q) = %v, want %v", phrase, got, want)
		}
	}
}

// TestCountryStateNames checks that every name CountryStateNames lists is
// a country (IsCountry) or a US state by name (USState), and that the
// countries and states of several words are among them.
func TestCountryStateNames(t *testing.T) {
	l := Default()
	names, err := l.CountryStateNames()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, n := range names {
		_, state := l.USState(n)
		if !l.IsCountry(n) && !state {
			t.Errorf("%q is listed but is neither a country nor a state", n)
		}
		have[n] = true
	}
	for _, n := range []string{"new zealand", "south africa", "united kingdom", "new mexico", "north dakota", "rhode island"} {
		if !have[n] {
			t.Errorf("%q is not listed", n)
		}
	}
}
