package lexicon

import (
	"cmp"
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

func (l *Lexicon) loadPlaces() (map[string][]Place, error) {
	m := make(map[string][]Place, 70000)
	err := l.table("places.tsv.gz", 5, func(f []string) error {
		pop, err := strconv.Atoi(f[4])
		p := Place{Name: f[0], Country: f[2], Admin1: f[3], Population: pop}
		k := key(f[0])
		m[k] = append(m[k], p)
		if f[1] != "" {
			if a := key(f[1]); a != k {
				m[a] = append(m[a], p)
			}
		}
		return err
	})
	for _, ps := range m {
		slices.SortFunc(ps, func(a, b Place) int {
			return cmp.Or(b.Population-a.Population, cmp.Compare(a.Country, b.Country),
				cmp.Compare(a.Admin1, b.Admin1), cmp.Compare(a.Name, b.Name))
		})
	}
	return m, err
}

// Places returns the places called name (by their own or their ASCII spelling, so "Bogota"
// finds Bogotá), most populous first; nil if none. The slice is the caller's.
func (l *Lexicon) Places(name string) []Place {
	return slices.Clone(l.places.get(l.loadPlaces)[key(name)])
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
