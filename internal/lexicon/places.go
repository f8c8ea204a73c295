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

// placeIndex finds the places of a name: ix maps the name's lookup form to the rows
// start..start+n of list (the row's two numbers), most populous first; a row of list holds a
// place's name, country and admin1 (two words each, see TableBuilder.SetString) and its
// population.
type placeIndex struct {
	ix, list *Table
}

func (l *Lexicon) loadPlaces() (placeIndex, error) {
	ix, err := l.open("places")
	if err != nil {
		return placeIndex{}, err
	}
	list, err := l.open("place_list")
	return placeIndex{ix, list}, err
}

// buildPlaces builds the places index and its list.
func (l *Lexicon) buildPlaces() (ix, list *TableBuilder, err error) {
	const name = "places.tsv.gz"
	text, err := l.tableText(name)
	if err != nil {
		return nil, nil, err
	}
	// Each row is a place, listed under its name and under its ASCII spelling when that
	// has another lookup form. refs holds, for each listing, its key and its place.
	type ref struct {
		key   string
		place int32
	}
	places := make([]Place, 0, 70000) // the table has 66,532 rows, 9,649 with an ASCII spelling
	refs := make([]ref, 0, 80000)
	err = eachRow(name, text, 5, func(_ int, f []string) error {
		pop, err := strconv.Atoi(f[4])
		n := int32(len(places))
		places = append(places, Place{Name: f[0], Country: f[2], Admin1: f[3], Population: pop})
		k := key(f[0])
		refs = append(refs, ref{k, n})
		if f[1] != "" {
			if alt := key(f[1]); alt != k {
				refs = append(refs, ref{alt, n})
			}
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	// Index the keys, chaining the listings of each through next; first[row] is its first
	// listing.
	ix = NewTableBuilder(2)
	next := make([]int32, len(refs))
	var first []int32
	for i, r := range refs {
		row, added := ix.Insert(r.key)
		next[i] = -1
		if !added {
			next[i] = first[row]
			first[row] = int32(i)
		} else {
			first = append(first, int32(i))
		}
	}
	// Lay each name's places out together, most populous first.
	out := make([]Place, 0, len(refs))
	for row, head := range first {
		start := len(out)
		for j := head; j >= 0; j = next[j] {
			out = append(out, places[refs[j].place])
		}
		slices.SortFunc(out[start:], func(a, b Place) int {
			return cmp.Or(b.Population-a.Population, cmp.Compare(a.Country, b.Country),
				cmp.Compare(a.Admin1, b.Admin1), cmp.Compare(a.Name, b.Name))
		})
		v := ix.Vals(row)
		v[0], v[1] = uint32(start), uint32(len(out)-start)
	}
	list = NewArrayBuilder(7)
	for _, p := range out {
		r := list.Append()
		list.SetString(r, 0, p.Name)
		list.SetString(r, 2, p.Country)
		list.SetString(r, 4, p.Admin1)
		list.Vals(r)[6] = uint32(p.Population)
	}
	return ix, list, nil
}

// place returns row r of the list; its strings are the table's.
func (pi placeIndex) place(r int) Place {
	return Place{Name: pi.list.String(r, 0), Country: pi.list.String(r, 2), Admin1: pi.list.String(r, 4),
		Population: int(pi.list.Int32(r, 6))}
}

// placesOf returns the rows of list that hold the places called name, most populous first.
func (l *Lexicon) placesOf(name string) (pi placeIndex, start, n int) {
	pi = l.places.get(l.loadPlaces)
	var buf [64]byte
	r, ok := pi.ix.Find(keyOf(&buf, name))
	if !ok {
		return pi, 0, 0
	}
	return pi, int(pi.ix.Int32(r, 0)), int(pi.ix.Int32(r, 1))
}

// Places returns the places called name (by their own or their ASCII spelling, so "Bogota"
// finds Bogotá), most populous first; nil if none. The slice is the caller's.
func (l *Lexicon) Places(name string) []Place {
	pi, start, n := l.placesOf(name)
	if n == 0 {
		return nil
	}
	out := make([]Place, n)
	for i := range out {
		out[i] = pi.place(start + i)
	}
	return out
}

// PlacePrefix reports whether some place, country or US state has a name of more words
// that begins with the words of phrase ("salt lake" of "Salt Lake City", "united" of
// "United Kingdom"). A caller matching the longest name word by word can stop when it
// is false.
func (l *Lexicon) PlacePrefix(phrase string) bool {
	_, ok := l.prefixes.get(l.openGated("prefixes")).findKey(phrase)
	return ok
}

// buildPrefixes builds the set of the word prefixes of the names of places, countries and
// states, from their tables' keys.
func (l *Lexicon) buildPrefixes() (*TableBuilder, error) {
	tb := NewTableBuilder(0)
	for _, name := range []string{"places", "countries", "states_name"} {
		t, err := l.open(name)
		if err != nil {
			return nil, err
		}
		for r := range t.Len() {
			k := t.Key(r)
			for i := 0; i < len(k); i++ {
				if k[i] == ' ' {
					tb.Insert(k[:i])
				}
			}
		}
	}
	return tb, nil
}

// IsPlace reports whether some place is called name (see Places).
func (l *Lexicon) IsPlace(name string) bool {
	_, _, n := l.placesOf(name)
	return n > 0
}

// Place returns the most populous place called name (see Places), without copying the
// others.
func (l *Lexicon) Place(name string) (Place, bool) {
	if pi, start, n := l.placesOf(name); n > 0 {
		return pi.place(start), true
	}
	return Place{}, false
}

func (l *Lexicon) buildCountries() (*TableBuilder, error) {
	tb := NewTableBuilder(2)
	// A name of two countries ("Congo") keeps the first code in file order.
	err := l.table("countries.tsv.gz", 2, func(f []string) error {
		if r, added := tb.Insert(key(f[0])); added {
			tb.SetString(r, 0, f[1])
		}
		return nil
	})
	return tb, err
}

// Country returns the ISO 3166 code of the country called name: its English CLDR name
// ("Germany", "Côte d’Ivoire") or a common alias ("USA", "Britain", "Burma").
func (l *Lexicon) Country(name string) (code string, ok bool) {
	t := l.countries.get(l.openGated("countries"))
	r, ok := t.findKey(name)
	if !ok {
		return "", false
	}
	return t.String(r, 0), true
}

// IsCountry reports whether s names a country; see Country.
func (l *Lexicon) IsCountry(s string) bool {
	_, ok := l.Country(s)
	return ok
}

type usState struct{ code, name, region string }

// stateIndex finds a state by its code and by its name's lookup form; a row holds the
// state's code, name and region (two words each).
type stateIndex struct {
	byCode, byName *gatedTable
}

func (l *Lexicon) buildStates() (byCode, byName *TableBuilder, err error) {
	byCode, byName = NewTableBuilder(6), NewTableBuilder(6)
	err = l.table("us_states.tsv.gz", 3, func(f []string) error {
		s := usState{code: f[0], name: f[1], region: f[2]}
		if s.region == "-" {
			s.region = ""
		}
		for _, tb := range []struct {
			b *TableBuilder
			k string
		}{{byCode, s.code}, {byName, key(s.name)}} {
			r, _ := tb.b.Insert(tb.k)
			tb.b.SetString(r, 0, s.code)
			tb.b.SetString(r, 2, s.name)
			tb.b.SetString(r, 4, s.region)
		}
		return nil
	})
	return byCode, byName, err
}

func (l *Lexicon) loadStates() (stateIndex, error) {
	byCode, err := l.openGated("states_code")()
	if err != nil {
		return stateIndex{}, err
	}
	byName, err := l.openGated("states_name")()
	return stateIndex{byCode, byName}, err
}

func (l *Lexicon) state(s string) (usState, bool) {
	ix := l.states.get(l.loadStates)
	t := ix.byCode
	r, ok := t.find(s)
	if !ok {
		t = ix.byName
		if r, ok = t.findKey(s); !ok {
			return usState{}, false
		}
	}
	return usState{code: t.String(r, 0), name: t.String(r, 2), region: t.String(r, 4)}, true
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
