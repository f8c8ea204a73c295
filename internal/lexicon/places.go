package lexicon

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// Place is a populated place from GeoNames: every US place of 500 people or more (or a
// county seat) and the places elsewhere of 5,000 or more.
type Place struct {
	Name       string // as GeoNames spells it, e.g. "São Paulo"
	Country    string // ISO 3166 code, e.g. "US"
	Admin1     string // first-level division code; for the US the USPS state code, e.g. "OH"
	Population int
}

// placeIndex finds the places of a name: the index maps the name's lookup form (kept in
// keys) to places[a:a+b], most populous first. The places' strings share the decompressed
// table, and the index holds no pointers, so loading it allocates a handful of objects, not
// the 150,000 of a map from names to slices.
type placeIndex struct {
	ix     *index
	places []Place
}

func (l *Lexicon) loadPlaces() (placeIndex, error) {
	const name = "places.tsv.gz"
	text, err := l.tableText(name)
	if err != nil {
		return placeIndex{}, err
	}
	// Each row is a place, listed under its name and under its ASCII spelling when that
	// has another lookup form. refs holds, for each listing, its key in keys and its
	// place.
	type ref struct {
		start, end uint32
		place      int32
	}
	places := make([]Place, 0, 70000) // the table has 66,532 rows, 9,649 with an ASCII spelling
	refs := make([]ref, 0, 80000)
	keys := make([]byte, 0, len(text)/3)
	err = eachRow(name, text, 5, func(_ int, f []string) error {
		pop, err := strconv.Atoi(f[4])
		n := int32(len(places))
		places = append(places, Place{Name: f[0], Country: f[2], Admin1: f[3], Population: pop})
		start := len(keys)
		keys = appendKey(keys, f[0])
		refs = append(refs, ref{uint32(start), uint32(len(keys)), n})
		if f[1] != "" {
			alt := len(keys)
			if keys = appendKey(keys, f[1]); string(keys[alt:]) == string(keys[start:alt]) {
				keys = keys[:alt]
			} else {
				refs = append(refs, ref{uint32(alt), uint32(len(keys)), n})
			}
		}
		return err
	})
	if err != nil {
		return placeIndex{}, err
	}
	if len(keys) >= 1<<32 {
		return placeIndex{}, fmt.Errorf("%s: too large", name)
	}
	// Index the keys, chaining the listings of each through next; a row's a is its first
	// listing.
	ix := newIndex(string(keys), len(refs))
	next := make([]int32, len(refs))
	for i, r := range refs {
		row, added := ix.insert(r.start, r.end)
		next[i] = -1
		if !added {
			next[i] = row.a
		}
		row.a = int32(i)
	}
	// Lay each name's places out together, most populous first.
	out := make([]Place, 0, len(refs))
	for i := range ix.rows {
		row := &ix.rows[i]
		start := len(out)
		for j := row.a; j >= 0; j = next[j] {
			out = append(out, places[refs[j].place])
		}
		slices.SortFunc(out[start:], func(a, b Place) int {
			return cmp.Or(b.Population-a.Population, cmp.Compare(a.Country, b.Country),
				cmp.Compare(a.Admin1, b.Admin1), cmp.Compare(a.Name, b.Name))
		})
		row.a, row.b = int32(start), int32(len(out)-start)
	}
	return placeIndex{ix: ix, places: out}, nil
}

// placesOf returns the places called name, most populous first, in the index's storage.
func (l *Lexicon) placesOf(name string) []Place {
	pi := l.places.get(l.loadPlaces)
	start, n, ok := pi.ix.get(key(name))
	if !ok {
		return nil
	}
	return pi.places[start : start+n : start+n]
}

// Places returns the places called name (by their own or their ASCII spelling, so "Bogota"
// finds Bogotá), most populous first; nil if none. The slice is the caller's.
func (l *Lexicon) Places(name string) []Place {
	return slices.Clone(l.placesOf(name))
}

// PlacePrefix reports whether some place, country or US state has a name of more words
// that begins with the words of phrase ("salt lake" of "Salt Lake City", "united" of
// "United Kingdom"). A caller matching the longest name word by word can stop when it
// is false.
func (l *Lexicon) PlacePrefix(phrase string) bool {
	_, ok := l.prefixes.get(l.loadPrefixes)[key(phrase)]
	return ok
}

func (l *Lexicon) loadPrefixes() (map[string]struct{}, error) {
	m := make(map[string]struct{}, 16000)
	add := func(name string) {
		for i := 0; i < len(name); i++ {
			if name[i] == ' ' {
				m[name[:i]] = struct{}{}
			}
		}
	}
	pi := l.places.get(l.loadPlaces)
	for _, r := range pi.ix.rows {
		add(pi.ix.text[r.start:r.end])
	}
	for k := range l.countries.get(l.loadCountries) {
		add(k)
	}
	for k := range l.states.get(l.loadStates).byName {
		add(k)
	}
	return m, nil
}

// IsPlace reports whether some place is called name (see Places).
func (l *Lexicon) IsPlace(name string) bool { return len(l.placesOf(name)) > 0 }

// Place returns the most populous place called name (see Places), without copying the
// others.
func (l *Lexicon) Place(name string) (Place, bool) {
	if ps := l.placesOf(name); len(ps) > 0 {
		return ps[0], true
	}
	return Place{}, false
}

func (l *Lexicon) loadCountries() (map[string]string, error) {
	m := make(map[string]string, 400)
	// A name of two countries ("Congo") keeps the first code in file order.
	err := l.table("countries.tsv.gz", 2, func(f []string) error {
		if k := key(f[0]); m[k] == "" {
			m[k] = f[1]
		}
		return nil
	})
	return m, err
}

// Country returns the ISO 3166 code of the country called name: its English CLDR name
// ("Germany", "Côte d’Ivoire") or a common alias ("USA", "Britain", "Burma").
func (l *Lexicon) Country(name string) (code string, ok bool) {
	code, ok = l.countries.get(l.loadCountries)[key(name)]
	return code, ok
}

// IsCountry reports whether s names a country; see Country.
func (l *Lexicon) IsCountry(s string) bool {
	_, ok := l.Country(s)
	return ok
}

type usState struct{ code, name, region string }

type stateIndex struct {
	byCode map[string]usState // "OH"
	byName map[string]usState // "ohio"
}

func (l *Lexicon) loadStates() (stateIndex, error) {
	ix := stateIndex{byCode: map[string]usState{}, byName: map[string]usState{}}
	err := l.table("us_states.tsv.gz", 3, func(f []string) error {
		s := usState{code: f[0], name: f[1], region: f[2]}
		if s.region == "-" {
			s.region = ""
		}
		ix.byCode[s.code] = s
		ix.byName[key(s.name)] = s
		return nil
	})
	return ix, err
}

func (l *Lexicon) state(s string) (usState, bool) {
	ix := l.states.get(l.loadStates)
	if st, ok := ix.byCode[s]; ok {
		return st, true
	}
	st, ok := ix.byName[key(s)]
	return st, ok
}

// USState returns the name of the US state, DC or inhabited territory that s names, by its
// name in any case ("ohio") or its USPS code in upper case only ("OH"; "oh" and "in" are
// words, not codes).
func (l *Lexicon) USState(s string) (name string, ok bool) {
	st, ok := l.state(s)
	return st.name, ok
}

// Region returns the US Census region (Northeast, Midwest, South or West) of a state given
// by its USPS code, as in Place.Admin1, or its name; "" for territories and unknown input.
func (l *Lexicon) Region(state string) string {
	st, _ := l.state(state)
	return st.region
}
