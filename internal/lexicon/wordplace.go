package lexicon

import "unsafe"

// WordPlace is what the tables of places, countries and US states say of one word.
type WordPlace struct {
	Place      bool // Place(w) finds a place
	Population int  // the population of that place (the most populous of the name)
	Country    bool // IsCountry(w)
	State      bool // USState(w) finds a state
}

// WordPlace returns Place, IsCountry and USState of w at once: w's lookup form is made
// and hashed once for the tables keyed by it (a recognizer asking all three of each
// distinct word of a text made and hashed it three or four times).
func (l *Lexicon) WordPlace(w string) WordPlace {
	var buf [64]byte
	b := appendKey(buf[:0], w)
	if len(b) == 0 {
		return l.wordPlace(w, "")
	}
	// The key lives on the stack (or, for a long or non-ASCII word, in
	// appendKey's allocation) only for the lookups: no table keeps it.
	k := unsafe.String(&b[0], len(b))
	// Every key of the place tables has a record in word_facts, whose place
	// word says what they hold: one probe, of a table whose most frequent
	// words are in cache, where a word that is no place cost one of each table.
	wt := l.wordTab()
	h := hashKey(k)
	p, ok := wt.find(k, h)
	if !ok {
		return WordPlace{}
	}
	return l.placeOf(wt.num(p, wt.levels(p), wfPlace), w, k, h)
}

// placeOf is WordPlace of w, whose lookup form has the place word x; k and h are
// that form and its hashKey, if known ("" otherwise).
func (l *Lexicon) placeOf(x uint32, w, k string, h uint64) WordPlace {
	if x == 0 {
		return WordPlace{}
	}
	var out WordPlace
	if x&wpPlace != 0 {
		out.Place, out.Population = true, int(x&wpPopMask)
	}
	out.Country = x&wpCountry != 0
	out.State = x&wpStateName != 0
	if x&wpStateCode != 0 && !out.State {
		// A state code is matched as written (see USState).
		hw := h
		if k == "" || w != k {
			hw = hashKey(w)
		}
		_, out.State = l.states.get(l.loadStates).byCode.findHashed(w, hw)
	}
	return out
}

// wordPlace is WordPlace of w, whose lookup form (key) is k.
func (l *Lexicon) wordPlace(w, k string) WordPlace {
	var out WordPlace
	h := hashKey(k)
	pi := l.places.get(l.loadPlaces)
	if r, ok := pi.ix.findHashed(k, h); ok && pi.ix.Int32(r, 1) > 0 {
		out.Place = true
		out.Population = int(pi.list.Int32(int(pi.ix.Int32(r, 0)), 6))
	}
	if ct := l.countries.get(l.openGated("countries")); ct.gate.may(k) {
		_, out.Country = ct.findHashed(k, h)
	}
	st := l.states.get(l.loadStates)
	hw := h
	if w != k {
		hw = hashKey(w)
	}
	if _, out.State = st.byCode.findHashed(w, hw); !out.State {
		_, out.State = st.byName.findHashed(k, h)
	}
	return out
}
