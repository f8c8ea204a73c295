package dict

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// placeContext reports how strongly the words before word i announce a
// place: 2 for "in", "from", "near", "moved to"; 1 for "at"; 0 otherwise.
func (a *analysis) placeContext(i int) int {
	if a.ctx == nil {
		a.ctx = make([]int8, len(a.toks))
	}
	if c := a.ctx[i]; c != 0 {
		return int(c) - 1
	}
	c := 0
	if i > 0 && a.prep[a.toks[i-1].ID] {
		c = a.placeContextOf(i)
	}
	a.ctx[i] = int8(c) + 1
	return c
}

// placePrep reports whether placeContextOf reads a lower-case word w
// before a place: where the word before is any other, it returns 0.
func placePrep(w string) bool {
	switch w {
	case "in", "from", "near", "outside", "around", "towards", "toward", "across",
		"via", "visiting", "downtown", "en", "into", "through", "between", "throughout",
		"to", "at", "and":
		return true
	}
	return false
}

// placeContextOf works out placeContext(i), the first time it is asked.
func (a *analysis) placeContextOf(i int) int {
	if i <= 0 || strings.ContainsAny(a.toks[i].Gap, "\n.!?;:") {
		return 0
	}
	p := a.toks[i-1].Lower
	switch p {
	case "in", "from", "near", "outside", "around", "towards", "toward", "across",
		"via", "visiting", "downtown", "en", "into", "through", "between", "throughout":
		return 2
	case "to":
		if i >= 2 && (a.in(&a.toks[i-2], vMotion) || a.dischargeBefore(i-1)) {
			return 2
		}
	case "at":
		if a.facilityBefore(i-1) || i >= 2 && a.adjacent(i-1) && a.in(&a.toks[i-2], vAtPlaceVerbs) && a.isClinical() {
			return 2 // "REHAB AT OAKWOOD"; in a note, "WAS SEEN AT BAYCROFT"
		}
		return 1
	case "and":
		return 1
	}
	return 0
}

// Place shapes tried on a capitalised word before the gazetteer:
// "Cooper's Heath", "Harlan County", codes, highways, streets.
var shapeRules = newRuleChain(0, []spanRule{
	{find: (*analysis).possPlace, skip: true, shapes: onlyTitle, plain: true, poss: true},
	{find: (*analysis).adminPlace, skip: true, shapes: anyCap, noPoss: true, listed: true, list: vAdminUnits},
	{find: (*analysis).codePlace, shapes: onlyUpper, plain: true, noPoss: true},
	{find: (*analysis).highway, skip: true, shapes: onlyTitle, word: "i"},
	{find: (*analysis).lowerStreet, skip: true, shapes: onlyTitle, plain: true, noPoss: true, letters: 4},
})

// places finds place names: GeoNames places, countries and US states (longest
// match first), "City, ST" pairs, invented small places by shape ("Willow
// Creek", "Harlan County", "Lake X"), and unknown capitalised words after
// "in", "from", "near" or "moved to".
func (a *analysis) places() []span {
	var out []span
	n := len(a.toks)
	clinical, informal := a.isClinical(), a.informal()
	for i := 0; i < n; i++ {
		// Outside a clinical note, a word that is no handle and not
		// capitalised is asked only of the lower-case chain below: skipped
		// when that turns it away (read without the word).
		if tf := a.tf[i]; !clinical && tf&(tfHandle|tfCap) == 0 && (tf&tfPlaceLow == 0 || !a.lowerPlacesMay(i, informal)) {
			continue
		}
		t := &a.toks[i]
		if t.Handle {
			if s, ok := a.hashPlace(i); ok {
				out = append(out, s)
			}
			continue
		}
		// wardPlace and careSite find nothing outside a clinical note
		// (their first test): asked once here instead of at every word.
		if a.isClinical() {
			if s, ok := a.wardPlace(i); ok {
				out = append(out, s)
				continue
			}
			if s, ok := a.careSite(i); ok {
				out = append(out, s)
				i = s.j - 1
				continue
			}
		}
		if !t.IsCap() {
			if t.Shape != shapeLower || t.Letters < 3 {
				// Every rule of the chain below first asks for a word in
				// lower case of three letters or more.
				continue
			}
			// "lives in catonsville", "transfer to kettleworth": in lower
			// case only a word that is no English word, after "in", "from",
			// "moved to".
			if a.isClinical() {
				// In a clinical note every rule but lowerPlace and
				// lowerHospital turns each word away at its first test;
				// outside one, lowerHospital does.
				if s, ok := a.lowerPlace(i); ok {
					out = append(out, s)
				} else if s, ok := a.lowerHospital(i); ok {
					out = append(out, s)
					i = s.j - 1
				}
				continue
			}
			if !a.lowerPlacesMay(i, a.informal()) {
				continue
			}
			if s, ok, skip := a.lowerPlaces(i); ok {
				out = append(out, s)
				if skip {
					i = s.j - 1
				}
			}
			continue
		}
		ctx := a.placeContext(i)
		if s, ok := a.firstRule(&shapeRules, i); ok {
			out = append(out, s.span)
			if s.skip {
				i = s.j - 1
			}
			continue
		}
		if s, ok := a.stateCode(i, ctx); ok {
			out = append(out, s)
			continue
		}
		// Longest gazetteer match starting at i.
		best, bestType, bestPop := 0, "", 0
		j := i + 1
		for k := i; k < n && k < i+5; k++ {
			if k > i {
				if !a.adjacent(k) || a.toks[k-1].Poss {
					break
				}
				if !a.toks[k].IsCap() && !a.in(&a.toks[k], vPlaceJoin) {
					break
				}
				if !a.lex.PlacePrefix(a.phrase(i, k)) {
					break // no place name goes on from here
				}
			}
			if !a.toks[k].IsCap() {
				continue // a joining word cannot end a name
			}
			key := a.phrase(i, k+1)
			typ, pop := a.gazetteer(key, i, k+1)
			if typ != "" {
				best, bestType, bestPop, j = k+1-i, typ, pop, k+1
			}
		}
		if best > 0 && j < n && a.adjacent(j) && a.toks[j].IsCap() && a.in(&a.toks[j], vPlaceSuffix) && !a.toks[j-1].Poss {
			// "Harlan County", "Alder Creek Township".
			best, bestType, j = best+1, "small-place", j+1
		}
		if best > 0 && a.acceptPlace(i, j, bestType, bestPop, ctx) {
			conf := 0.7
			switch {
			case bestType == "state" || bestType == "country":
				conf = 0.3
			case ctx == 2 || best > 1 || bestPop >= 100000:
				conf = 0.85
			}
			out = append(out, span{i: i, j: j, conf: conf, typ: bestType})
			// "Springfield, IL": the state after a city.
			if st := a.stateAfter(j); st > j {
				out = append(out, span{i: j, j: st, conf: 0.3, typ: "state"})
			}
			i = j - 1
			continue
		}
		// Invented small places by shape.
		if s, ok := a.placeByShape(i, ctx); ok {
			out = append(out, s)
			i = s.j - 1
			continue
		}
		// The town line of a postal address.
		if j, ok := a.addressTown(i); ok {
			out = append(out, span{i: i, j: j, conf: 0.7, typ: "town"})
			i = j - 1
		}
	}
	return mergeSpans(out)
}

// lowerPlacesMay reports whether lowerPlaces can find anything at word i of
// a text that is informal or not (analysis.informal):
// the union of its gates (a proper noun among the next two words, a
// preposition before, or an informal text and a word that is no common
// word; lowerFamousCity's test of the word implies lowerCountry's).
func (a *analysis) lowerPlacesMay(i int, informal bool) bool {
	tf := a.tf[i]
	return tf&tfPlaceNear != 0 || tf&tfUncommon35 != 0 && informal
}

// lowerPlaces tries the place rules for a word in lower case of three
// letters or more, in a text that is no clinical note, in order:
// lowerPhrasePlace, lowerVenue, lowerPlace, lowerCountry, lowerCity and
// lowerFamousCity; skip says the scan moves past the span. lowerVenue and
// lowerCity find nothing without a place context or "to" before the word,
// lowerPlace nothing without a strong context, lowerCountry and
// lowerFamousCity nothing outside an informal text (their first tests):
// each is asked only where that test can pass.
func (a *analysis) lowerPlaces(i int) (s span, ok, skip bool) {
	// lowerPhrasePlace needs a proper noun among the next two words
	// (phraseAhead): asked of their features first.
	if n := len(a.toks); i+1 < n && a.ff(i+1)&ffProper != 0 || i+2 < n && a.ff(i+2)&ffProper != 0 {
		if s, ok := a.lowerPhrasePlace(i); ok {
			return s, true, true
		}
	}
	// placeContext is 0, and the word before no "to", unless that word is
	// one of placePrep's.
	ctx, near := 0, false
	if i > 0 && a.prep[a.toks[i-1].ID] {
		ctx = a.placeContext(i)
		near = ctx != 0 || a.toks[i-1].Lower == "to" && !strings.ContainsAny(a.toks[i].Gap, "\n.!?;:")
	}
	informal := a.informal()
	if near {
		if s, ok := a.lowerVenue(i); ok {
			return s, true, true
		}
	}
	if ctx == 2 {
		if s, ok := a.lowerPlace(i); ok {
			return s, true, false
		}
	}
	// Of the word's own features, lowerCountry needs one that is no common
	// word (SCOWL above 35, or none), lowerFamousCity one in no word list
	// but among the encyclopaedia's 20,000 most frequent words.
	f := a.f(i)
	if informal && a.ff(i)&ffUncommon35 != 0 {
		if s, ok := a.lowerCountry(i); ok {
			return s, true, false
		}
	}
	if near {
		if s, ok := a.lowerCity(i); ok {
			return s, true, false
		}
	}
	if informal && f.wl == 0 && f.rank != 0 && f.rank <= 20000 {
		if s, ok := a.lowerFamousCity(i); ok {
			return s, true, false
		}
	}
	return span{}, false, false
}

// phrase is the lookup form of words [i, j), single-spaced.
func (a *analysis) phrase(i, j int) string {
	if j == i+1 {
		return a.toks[i].Lower
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			if a.toks[k-1].Dot {
				b.WriteByte('.')
			}
			b.WriteByte(' ')
		}
		b.WriteString(a.toks[k].Lower)
	}
	return b.String()
}

// gazetteer looks a phrase up as a country, a US state or a GeoNames place.
// A single word of the text, key being its Lower, is answered from its
// lexicon facts, once per distinct word (gazWord).
func (a *analysis) gazetteer(key string, i, j int) (typ string, pop int) {
	if j == i+1 && i < len(a.toks) && key == a.toks[i].Lower {
		return a.gazWord(&a.toks[i])
	}
	return a.lookupPlace(key)
}

// gazWord is lookupPlace(t.Lower) for word t of the text, worked out once
// per word id and kept in a.gazIDs, from the word's facts (lexicon.Facts.Place
// is WordPlace of the word, which lookupPlaceAll asks, without a lookup; a
// single word has no space, so the prefix gate of lookupPlace is not asked).
// It spares the phrase map a.gaz (a string hashed, and a key inserted, for
// every capitalised word of a text) and the word table's probe.
func (a *analysis) gazWord(t *token) (typ string, pop int) {
	if a.gazIDs == nil {
		a.gazIDs = make([]int32, len(a.lists))
	}
	v := a.gazIDs[t.ID]
	if v == 0 {
		v = gazNone
		switch p := a.facts.Facts(t.ID).Place(a.lex, t.Lower); {
		case p.Country:
			v = gazCountry
		case len(t.Lower) > 2 && p.State:
			v = gazState
		case p.Place:
			v = int32(p.Population) + 1
		}
		a.gazIDs[t.ID] = v
	}
	switch v {
	case gazNone:
		return "", 0
	case gazCountry:
		return "country", 0
	case gazState:
		return "state", 0
	}
	pop = int(v - 1)
	return cityType(pop), pop
}

// What a.gazIDs holds of a word (gazWord), besides a place's population
// plus one: 0 not yet asked.
const (
	gazNone    = -1
	gazCountry = -2
	gazState   = -3
)

type gazHit struct {
	typ string
	pop int
}

// lookupPlace is lookupPlace of this text's lexicon, each phrase looked up
// once per text.
func (a *analysis) lookupPlace(key string) (typ string, pop int) {
	if g, ok := a.gaz[key]; ok {
		return g.typ, g.pop
	}
	typ, pop = lookupPlace(a.lex, key)
	a.gaz[key] = gazHit{typ, pop}
	return typ, pop
}

func lookupPlace(lex *lexicon.Lexicon, key string) (typ string, pop int) {
	// A name of several words is looked up only when some place, country
	// or state has a name of several words that begins with the first: one
	// probe instead of four for most of the phrases tried.
	if sp := strings.IndexByte(key, ' '); sp > 0 && !lex.PlacePrefix(key[:sp]) {
		return "", 0
	}
	return lookupPlaceAll(lex, key)
}

// lookupPlaceAll is lookupPlace without the prefix gate: IsCountry, then
// USState of a key of three bytes or more, then Place, answered by one
// probe of the word table (WordPlace: every key of the place tables has a
// record there) instead of one of each table.
func lookupPlaceAll(lex *lexicon.Lexicon, key string) (typ string, pop int) {
	p := lex.WordPlace(key)
	switch {
	case p.Country:
		return "country", 0
	case len(key) > 2 && p.State:
		return "state", 0
	case p.Place:
		return cityType(p.Population), p.Population
	}
	return "", 0
}

// cityType is the Type of a populated place: "city" from 100,000 people,
// "town" below.
func cityType(pop int) string {
	if pop >= 100000 {
		return "city"
	}
	return "town"
}

// acceptPlace decides whether a gazetteer match over words [i, j) is a place
// in this text: GeoNames lists many small places named by ordinary words
// ("Hope", "Mobile", "Reading"), which need context.
func (a *analysis) acceptPlace(i, j int, typ string, pop, ctx int) bool {
	t := &a.toks[i]
	cityAfter := a.stateAfter(j) > j
	if j-i > 1 {
		if t.Caps && typ != "country" && typ != "state" && pop < 10000 && ctx == 0 && !cityAfter {
			return false
		}
		// "New Hope", "Long Beach": all words are capitalised; refuse only when
		// every word is a very common word and nothing announces a place.
		if ctx == 0 && !cityAfter && t.SentStart {
			allCommon := true
			for k := i; k < j; k++ {
				if !a.f(k).common(35) {
					allCommon = false
				}
			}
			return !allCommon
		}
		return true
	}
	f := a.f(i)
	if f.date || a.in(t, vWeekdays) || a.in(t, vRunTogether) || (t.Dot && a.in(t, vAbbrevDot)) || t.Letters < 2 || a.clinicalWord(i) {
		return false
	}
	if !cityAfter && (a.inCategoryLower(t, lexicon.Language) || a.inCategoryLower(t, lexicon.Nationality)) {
		// "speaks very little English", "in English": a language or a people, which a
		// small town may also be called; only a state after it ("English, Indiana")
		// makes it the town.
		return false
	}
	if ctx == 2 || cityAfter {
		if t.Caps {
			// "IN EARLY AFIB", "TO MOST": in capitals an ordinary word
			// after a preposition is just a word; but a large city's
			// name is the city ("FROM PROVIDENCE", bigCityWord).
			return !f.common(50) || bigCityWord(int(f.wl), pop)
		}
		return !f.common(20) || !t.SentStart
	}
	if typ == "country" || typ == "state" {
		return !t.Caps || !f.common(60)
	}
	if f.births >= 1000 && pop < 100000 {
		// "Trevor B Jenkins", "Tyler said": with nothing that announces a
		// place, a first name that a small town also has is the name.
		return false
	}
	if t.Caps || t.Shape == shapeUpper {
		return f.wl == 0 && f.abbrev == 0 && t.Letters >= 4 && pop >= 20000 && !f.isName()
	}
	if t.SentStart {
		return (f.wl == 0 || f.wl > 70) && !a.foreign()
	}
	if f.common(60) {
		return pop >= 1000000 && !f.common(35)
	}
	return true
}

// adminPlace finds a local-government unit with its name, "Borough of
// Hollinsgate": the unit word capitalised, "of", and one to three
// capitalised words that are no common words (or a known place).
func (a *analysis) adminPlace(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if !a.in(t, vAdminUnits) || !t.IsCap() || t.Poss || i+2 >= n || a.toks[i+1].Lower != "of" || !a.adjacent(i+1) || !a.adjacent(i+2) {
		return span{}, false
	}
	j := i + 2
	for j < n && j < i+5 && (j == i+2 || a.adjacent(j) && !a.f(j).common(35)) && a.toks[j].IsCap() && !a.stopAt(j) && !a.toks[j-1].Poss {
		j++
	}
	if j == i+2 {
		return span{}, false
	}
	if f := a.f(i + 2); f.common(35) || f.date {
		if typ, _ := a.gazetteer(a.phrase(i+2, j), i+2, j); typ == "" {
			return span{}, false // "Region of Interest"; "District of Columbia" is known
		}
	}
	return span{i: i, j: j, conf: 0.8, typ: "small-place"}, true
}

// stateAfter returns the end of a US state written after word j-1 with a
// comma ("Springfield, IL", "Dayton, Ohio"), or j when there is none.
func (a *analysis) stateAfter(j int) int {
	if j >= len(a.toks) || !a.afterComma(j) || a.toks[j-1].Poss {
		return j
	}
	t := &a.toks[j]
	if t.Shape == shapeUpper && t.Letters == 2 {
		// "Ana Ruiz, MD": after a first name and a surname that are no
		// known place, a state code that is also a credential is one.
		if a.in(t, vCredentials) && j >= 2 && a.capitalPair(j-2) {
			return j
		}
		if _, ok := a.lex.USState(t.Text); ok {
			return j + 1
		}
		return j
	}
	if !t.IsCap() {
		return j
	}
	for k := min(len(a.toks), j+2); k > j; k-- {
		if k > j+1 && !a.adjacent(k-1) {
			continue
		}
		key := a.phrase(j, k)
		if len(key) > 2 {
			if _, ok := a.lex.USState(key); ok {
				return k
			}
		}
	}
	return j
}

// placeByShape finds an invented small place at word i: "Alder Creek",
// "Harlan County", "Lake Wobegon", "St. Jude", "Springfield, IL" with an
// unknown city, or an unknown capitalised word after "in"/"from"/"near".
func (a *analysis) placeByShape(i, ctx int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Caps && ctx < 2 {
		return span{}, false
	}
	capAt := func(k int) bool {
		return k < n && a.toks[k].IsCap() && !a.toks[k].Handle && !a.stopAt(k)
	}
	if s, ok := a.possPlace(i); ok {
		return s, true
	}
	if s, ok := a.streetName(i); ok {
		return s, true
	}
	// Prefix: "Lake X", "Mount X", "Fort X", "St. X".
	if a.in(t, vPlacePrefix) && !t.Poss && i+1 < n && a.adjacent(i+1) && capAt(i+1) && !a.f(i+1).date &&
		!(t.Lower == "st" && !t.Dot && t.Shape == shapeUpper && a.isClinical()) && !a.clinicalWord(i+1) {
		if t.Lower == "st" || t.Lower == "saint" {
			// "St. Mary's" after a capitalised word is a street ("Main St.").
			if i > 0 && a.adjacent(i) && a.toks[i-1].IsCap() {
				return span{}, false
			}
		}
		j := i + 2
		if j < n && a.adjacent(j) && capAt(j) && !a.toks[j-1].Poss && !a.f(j).common(35) {
			j++
		}
		return span{i: i, j: j, conf: 0.6, typ: "small-place"}, true
	}
	// Suffix: "Alder Creek", "Harlan County".
	for k := i + 1; k < n && k <= i+2; k++ {
		if !a.adjacent(k) || a.toks[k-1].Poss || !capAt(k) {
			break
		}
		if a.in(&a.toks[k], vPlaceSuffix) {
			if t.SentStart && a.f(i).common(20) && !(k > i+1) {
				break
			}
			return span{i: i, j: k + 1, conf: 0.6, typ: "small-place"}, true
		}
	}
	// "Smallville, OH": an unknown city before a state; in a note not a
	// short abbreviation ("NT, ND": non-tender, non-distended).
	f := a.f(i)
	if !f.common(50) && !f.date && !t.Poss && t.Letters >= 2 && !(a.isClinical() && t.Shape == shapeUpper && t.Letters <= 3) {
		j := i + 1
		for j < n && j < i+3 && a.adjacent(j) && capAt(j) && !a.toks[j-1].Poss && !a.f(j).common(50) {
			j++
		}
		if st := a.stateAfter(j); st > j {
			return span{i: i, j: j, conf: 0.8, typ: "town"}, true
		}
	}
	// "moved to Okeechobee", "lives in Willowbrook": an unknown word in a
	// place context, also at the end of a sentence ("based in VOSSEVANGEN.");
	// only a short word or a known abbreviation before a period is left
	// out, and notes with clinical markers, which abbreviate with periods.
	if ctx == 2 && (!t.Dot || t.Letters >= 4 && !a.in(t, vAbbrevDot) && a.clinicalHits == 0 && !a.isClinical()) && !f.title && a.isTitle(i) == 0 && f.wl == 0 && (f.proper == 0 || f.proper > 50) && !f.isName() && !f.date && t.Letters >= 2 && (t.Shape == shapeTitle || t.Shape == shapeUpper) {
		if t.Shape == shapeUpper && (f.abbrev > 0 || t.Letters < 3) {
			return span{}, false
		}
		// In a clinical note "in NSR", "to MICU", "for XRAY": short words and
		// the clinical vocabulary are not places.
		if a.clinicalWord(i) || a.isClinical() && t.Letters < 6 && (t.Shape != shapeTitle || t.Letters < 4) {
			return span{}, false
		}
		j := i + 1
		for j < n && j < i+3 && a.adjacent(j) && capAt(j) && !a.toks[j-1].Poss && !a.f(j).common(35) {
			j++
		}
		return span{i: i, j: j, conf: 0.5, typ: "place"}, true
	}
	return span{}, false
}

// addressTown reports whether word i opens the town line of a postal
// address: a line of one to three capitalised words (maybe followed by a
// state code or a postal code) between a line that starts with a house
// number or a unit ("Suite 736") and a line that starts with a country or
// a US state. It returns the end of the town name.
func (a *analysis) addressTown(i int) (int, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if !t.LineStart || i == 0 {
		return 0, false
	}
	j := i
	for j < n && j < i+3 && a.toks[j].Line == t.Line && a.toks[j].IsCap() && !a.stopAt(j) && !a.f(j).date {
		j++
	}
	if j == i {
		return 0, false
	}
	for k := i; k < j && a.isClinical(); k++ {
		if a.toks[k].Shape == shapeUpper && a.toks[k].Letters <= 3 || a.clinicalWord(k) {
			return 0, false // "BS NT, ND": findings, not a town and state
		}
	}
	// The rest of the line: only a state code or digits.
	for k := j; k < n && a.toks[k].Line == t.Line; k++ {
		if a.toks[k].Shape != shapeNone && !(a.toks[k].Shape == shapeUpper && a.toks[k].Letters == 2) {
			return 0, false
		}
	}
	// The previous line starts with a number or a unit word.
	p := i - 1
	for p > 0 && a.toks[p-1].Line == a.toks[p].Line {
		p--
	}
	prevOK := a.toks[p].Shape == shapeNone || a.in(&a.toks[p], vUnitWords)
	// The next line starts with a country or a state.
	q := i
	for q < n && a.toks[q].Line == t.Line {
		q++
	}
	nextOK := false
	if q < n {
		for k := min(n, q+3); k > q; k-- {
			if typ, _ := a.gazetteer(a.phrase(q, k), q, k); typ == "country" || typ == "state" {
				nextOK = true
				break
			}
		}
		if _, ok := a.lex.USState(a.toks[q].Text); ok && a.toks[q].Shape == shapeUpper {
			nextOK = true
		}
	}
	if prevOK && (nextOK || j < n && a.toks[j].Line == t.Line) {
		return j, true
	}
	return 0, false
}

// lowerPlace finds a place written in lower case at word i: a word that is
// no English word and no name, after a strong place context ("in", "from",
// "moved to", "transfer to"), and either a GeoNames place or, in a clinical
// note, an unknown word of six letters or more (a hospital's name).
func (a *analysis) lowerPlace(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 3 || a.placeContext(i) != 2 {
		return span{}, false
	}
	// Two words the gazetteer knows together: "ellicott city", "glen burnie".
	if i+1 < len(a.toks) && a.adjacent(i+1) && a.toks[i+1].Shape == shapeLower && !a.stopAt(i+1) && !a.stop(t) {
		if typ, pop := a.gazetteer(t.Lower+" "+a.toks[i+1].Lower, i, i+2); typ != "" && pop >= 5000 && !a.clinicalWord(i+1) {
			return span{i: i, j: i + 2, conf: 0.6, typ: typ}, true
		}
	}
	f := a.f(i)
	if t.Letters < 4 || f.wl != 0 || f.abbrev != 0 || f.date || f.title || a.clinicalWord(i) || vocab.MedicalShape(t.Lower) {
		return span{}, false
	}
	if typ, pop := a.gazetteer(t.Lower, i, i+1); typ != "" && (pop >= 1000 || typ == "country" || typ == "state") {
		conf := 0.6
		if typ == "country" || typ == "state" {
			conf = 0.3
		}
		return span{i: i, j: i + 1, conf: conf, typ: typ}, true
	}
	if a.isClinical() && t.Letters >= 6 && f.births == 0 && (f.surname == 0 || f.surname > 5000) && f.rank == 0 && !a.wordShaped(t.Lower) {
		return span{i: i, j: i + 1, conf: 0.5, typ: "place"}, true
	}
	return span{}, false
}

// wardPlace finds, in a clinical note, a building or ward named with its
// floor or unit number after "to", "from", "on", "at", "in" or "transfer": a word that
// is no common word, name of a drug or clinical term, followed by a number
// of one or two digits that no unit follows ("to KETTLEWORTH 3", "from
// kettleworth 5", "ADMITTED TO KETTLEWORTH7").
func (a *analysis) wardPlace(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if !a.isClinical() {
		return span{}, false
	}
	// Or standing alone as a clause of its own: "dose, kettleworth 2",
	// "Dispo: Kettleworth 4."
	alone := i == 0 || strings.ContainsAny(t.Gap, "\n,:")
	if !alone && (!a.in(&a.toks[i-1], vWardPrev) || strings.ContainsAny(t.Gap, "\n.;:")) {
		return span{}, false
	}
	alone = alone && !(i > 0 && a.in(&a.toks[i-1], vWardPrev) && !strings.ContainsAny(t.Gap, "\n.;:"))
	var word string
	var next int // the word after the number, or -1
	switch {
	case t.Shape == shapeNone && len(t.Text) >= 6:
		// "KETTLEWORTH7": five letters or more, then one or two digits.
		k := strings.IndexFunc(t.Text, func(r rune) bool { return r >= '0' && r <= '9' })
		if k < 5 || len(t.Text)-k > 2 || strings.Trim(t.Text[k:], "0123456789") != "" ||
			strings.Trim(t.Text[:k], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return span{}, false
		}
		word, next = strings.ToLower(t.Text[:k]), i+1
	case t.Letters >= 5 && t.Letters == len(t.Text) && i+1 < n && a.adjacent(i+1):
		d := &a.toks[i+1]
		if d.Shape != shapeNone || d.Letters != 0 || len(d.Text) > 2 || strings.TrimSpace(d.Gap) != "" {
			return span{}, false
		}
		word, next = t.Lower, i+2
	default:
		return span{}, false
	}
	if next < n && a.adjacent(next) && (unitWord(a.toks[next].Lower) || strings.HasPrefix(a.toks[next].Gap, "/") || strings.HasPrefix(a.toks[next].Gap, "-")) {
		return span{}, false // "on levophed 2 mcg", "to kettleworth 2/3" is still a ward, but "on neo 2-3" is not
	}
	if alone && (next < n && !strings.ContainsAny(a.toks[next].Gap, "\n.;") || len(word) < 6 || a.f(i).wl != 0 || a.f(i).isName()) {
		return span{}, false // alone, the clause must end with the number
	}
	if isStop(word) || vocab.ClinicalTerm(word) || vocab.MedicalShape(word) || vocab.DrugShaped(word) {
		return span{}, false
	}
	if lv, ok := a.lex.WordLevel(word); ok && lv <= 60 {
		return span{}, false
	}
	if t.Shape != shapeNone {
		if f := a.f(i); f.date || f.title || f.kin || a.clinicalWord(i) {
			return span{}, false
		}
	}
	return span{i: i, j: i + 1, conf: 0.6, typ: "ward"}, true
}

// careSite finds, in a clinical note, a hospital named without a hospital
// word after "to", "at", "from" or "in": "holy cross", "St. Mary's", "Mt
// Sinai" (a saint's or holy name and the word after it, "holy" in any case,
// the others capitalised), and a state university, "U OF VT", "university
// of vermont" there, "U Vermont" anywhere in the note.
func (a *analysis) careSite(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if i == 0 || i+1 >= n || !a.isClinical() {
		return span{}, false
	}
	next := &a.toks[i+1]
	if !a.adjacent(i+1) || next.Shape == shapeNone {
		return span{}, false
	}
	after := a.in(&a.toks[i-1], vWardPrev) && !strings.ContainsAny(t.Gap, "\n;:")
	// In lower case a saint's name that is no word: "to st josephs".
	lowerSaint := t.Shape == shapeLower && (t.Lower == "st" || t.Lower == "mt") && next.Shape == shapeLower && next.Letters >= 4 &&
		!a.f(i+1).common(60) && !a.clinicalWord(i+1) && !a.f(i+1).date
	if lowerSaint && after {
		return span{i: i, j: i + 2, conf: 0.6, typ: "hospital", poss: true}, true
	}
	if a.in(t, vCareSiteWords) && (t.Lower == "holy" || t.IsCap()) && after {
		if next.Letters < 3 || a.stop(next) || a.clinicalWord(i+1) || a.f(i+1).date {
			return span{}, false
		}
		if t.Lower != "holy" && (!next.IsCap() || a.f(i+1).common(50) && !next.Poss) {
			return span{}, false // "TO ST NOW": sinus tachycardia
		}
		return span{i: i, j: i + 2, conf: 0.7, typ: "hospital", poss: t.Lower != "holy"}, true
	}
	// "U Vermont", "U OF VT", "university of vermont"
	if t.Lower == "u" && t.Shape != shapeLower || t.Lower == "university" || t.Lower == "univ" {
		j := i + 1
		if next.Lower == "of" {
			j++
		} else if t.Lower != "u" {
			return span{}, false
		}
		if j >= n || !a.adjacent(j) {
			return span{}, false
		}
		w := &a.toks[j]
		if _, ok := a.lex.USState(w.Text); !ok || w.Letters < 2 || w.Shape == shapeLower && w.Letters == 2 {
			return span{}, false
		}
		if !after && (w.Letters == 2 || !w.IsCap()) {
			return span{}, false // "U Vermont" anywhere; "U of MD" after "to", "at"
		}
		return span{i: i, j: j + 1, conf: 0.7, typ: "university"}, true
	}
	return span{}, false
}

// unitWord reports whether w is a unit of a dose, a rate or a volume.
func unitWord(w string) bool {
	switch w {
	case "mg", "mcg", "g", "gm", "gms", "gram", "grams", "ml", "cc", "l", "liter", "liters", "u", "units", "unit",
		"meq", "mmol", "mcg/kg/min", "mg/hr", "cc/hr", "ml/hr", "hr", "hrs", "hours", "min", "mins", "minutes",
		"l/min", "lnc", "nc", "kg", "cm", "mm", "x", "times", "puffs", "tabs", "amps", "days", "weeks", "%":
		return true
	}
	return false
}

// wordShaped reports whether lw, a lower-case word no list knows, is made
// like an English word rather than a name: joined by a hyphen to a word
// ("hallway-too", "sats-abg"), or ending as derived words do.
func (a *analysis) wordShaped(lw string) bool {
	if strings.Contains(lw, "-") {
		for _, p := range strings.Split(lw, "-") {
			if p == "" || vocab.ClinicalTerm(p) {
				return true
			}
			if _, ok := a.lex.WordLevel(p); ok {
				return true
			}
		}
	}
	for e := range vocab.DerivedEndings().All() {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}

// possPlace finds a place named with a possessive at word i: "Quillan's
// Ferry", "Cooper’s Heath" (straight or curly apostrophe), one place.
func (a *analysis) possPlace(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if !t.Poss || t.Shape != shapeTitle || i+1 >= n || t.Caps {
		return span{}, false
	}
	nx := &a.toks[i+1]
	if nx.Shape != shapeTitle || !a.in(nx, vPossPlaceWords) || !possStreet(a, i) {
		return span{}, false
	}
	if f := a.f(i); f.common(20) && !f.nameish() || f.date {
		return span{}, false // "People's Park" is a park, not a named place
	}
	j := i + 2
	if j < n && a.adjacent(j) && a.toks[j].IsCap() && a.in(&a.toks[j], vPlaceSuffix) {
		j++
	}
	return span{i: i, j: j, conf: 0.7, typ: "small-place"}, true
}

// streetName finds a street named without a house number at word i: one
// or two capitalised words and a street type ("on Orchard Lane", "off
// Mill Road"). Type "street": the planner writes "[address]".
func (a *analysis) streetName(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Caps || t.Poss && i+1 < n && !possStreet(a, i) {
		return span{}, false
	}
	prep := i > 0 && a.in(&a.toks[i-1], vStreetPreps) && a.toks[i-1].Shape == shapeLower && !strings.ContainsAny(t.Gap, "\n.;:!?")
	for k := i + 1; k < n && k <= i+2; k++ {
		pk := &a.toks[k]
		if !pk.IsCap() || pk.Caps {
			break
		}
		if !(a.adjacent(k) || a.toks[k-1].Poss && possStreet(a, k-1)) {
			break
		}
		strong := a.in(pk, vStrongStreetTypes)
		if !strong && !a.in(pk, vWeakStreetTypes) {
			if a.toks[k-1].Poss || a.stop(pk) || a.f(k).date {
				break
			}
			continue
		}
		if !(strong || prep) {
			break
		}
		// The words before the type: capitalised, no stop or date word, and at
		// a sentence start not an ordinary word ("Cross Street" after a stop).
		for m := i; m < k; m++ {
			if !a.toks[m].IsCap() || a.stopAt(m) || a.f(m).date || a.isTitle(m) > 0 {
				return span{}, false
			}
		}
		if t.SentStart && !prep && a.f(i).common(20) && k == i+1 {
			return span{}, false
		}
		j := k + 1
		if pk.Lower == "st" || pk.Lower == "rd" || pk.Lower == "ave" || pk.Lower == "ln" || pk.Lower == "blvd" {
			if !prep {
				return span{}, false
			}
		}
		return span{i: i, j: j, conf: 0.7, typ: "street"}, true
	}
	return span{}, false
}

// possStreet reports whether word k is a possessive joined to the next
// word by one space ("Cobbler's Row").
func possStreet(a *analysis, k int) bool {
	if k+1 >= len(a.toks) || !a.toks[k].Poss {
		return false
	}
	g := strings.TrimPrefix(strings.TrimPrefix(a.toks[k+1].Gap, "'s"), "’s")
	return g == " "
}

// lowerHospital finds, in a clinical note, the lower-case name of a
// hospital before a hospital word: one or two words, the first no common
// word (SCOWL above 35) and neither a stop word nor a listed clinical term
// (a drug-like ending does not count here: "kernan" is a name before "ew").
// "memorial" is part of the name; "hosp", "ew" and "campus" are not.
func (a *analysis) lowerHospital(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 4 || !a.isClinical() || a.stop(t) || a.in(t, vHospitalCues) || a.in(t, vClinicalTerms) || a.in(t, vClinicalMarkers) {
		return span{}, false
	}
	// The cue comes within two words: find it before any lexicon lookup,
	// which most lower-case words of a note would otherwise cost.
	cue := -1
	for j := i + 1; j < n && j <= i+2; j++ {
		w := &a.toks[j]
		if !a.adjacent(j) || a.toks[j-1].Poss || w.Shape != shapeLower || a.stop(w) {
			return span{}, false
		}
		if a.in(w, vHospitalCues) {
			cue = j
			break
		}
	}
	if cue < 0 {
		return span{}, false
	}
	f := a.f(i)
	if f.date || f.common(35) || f.abbrev != 0 || f.title || f.kin {
		return span{}, false
	}
	for j := i + 1; j < cue; j++ {
		if a.clinicalWord(j) || a.f(j).date {
			return span{}, false
		}
	}
	end := cue
	if a.toks[cue].Lower == "memorial" {
		end = cue + 1
	}
	return span{i: i, j: end, conf: 0.6, typ: "place"}, true
}

// stateCode finds a US state written as its postal code after "in",
// "from", "near" ("from SC", "in WI?") in texts without any clinical
// marker ("from CT" is a scan) and outside lines in capitals, when the code is no English word in lower case (not "in OR",
// "from ME", "in HI") and no abbreviation SCOWL knows otherwise.
func (a *analysis) stateCode(i, ctx int) (span, bool) {
	t := &a.toks[i]
	if ctx != 2 || t.Shape != shapeUpper || t.Letters != 2 {
		return span{}, false
	}
	if _, ok := a.lex.USState(t.Text); !ok {
		return span{}, false
	}
	if f := a.f(i); f.wl != 0 || f.births > 0 {
		return span{}, false // "OR", "ME": codes that are words
	}
	// "lives in DC", "born in NY": where someone lives is a place, even
	// in a note where "in PA" is an artery.
	if i >= 2 && a.in(&a.toks[i-2], vResidence) && (a.toks[i-1].Lower == "in" || a.toks[i-1].Lower == "to") &&
		(i+1 >= len(a.toks) || !a.toks[i+1].IsCap() || a.toks[i+1].Caps) {
		return span{i: i, j: i + 1, conf: 0.5, typ: "state"}, true
	}
	if t.Dot || t.Caps || a.isClinical() || a.clinicalHits > 0 {
		return span{}, false
	}
	return span{i: i, j: i + 1, conf: 0.3, typ: "state"}, true
}
