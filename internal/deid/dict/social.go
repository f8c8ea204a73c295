package dict

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Comments and tweets are often written all in lower case, and there a
// name is written in lower case too ("wow emma and kaite"). Capitalisation
// then says nothing, and the name lists must carry the decision on their
// own: a word that is a first name and no ordinary word. A first name
// followed by a surname is a name in any text ("per carol wolfe").

// lowerRegister reports whether the text is written in lower case: at
// least three words of two letters or more inside sentences, of which at
// most one in ten is capitalised (sentence starts and lines in capitals do
// not count). Computed once.
func (a *analysis) lowerRegister() bool {
	if a.registerDone {
		return a.register
	}
	return a.lowerRegisterOnce()
}

// lowerRegisterOnce works out lowerRegister, the first time it is asked.
func (a *analysis) lowerRegisterOnce() bool {
	a.registerDone = true
	all, capd := 0, 0
	for k := range a.toks {
		t := &a.toks[k]
		if t.Letters < 2 || t.SentStart || t.Caps || t.Handle || t.Shape == shapeNone {
			continue
		}
		all++
		if t.IsCap() || t.Shape == shapeMixed {
			capd++
		}
	}
	a.register = all >= 3 && capd*10 <= all
	return a.register
}

// lowerName reports whether lower-case word i is a first name in a text
// written in lower case: a first name of some currency that is no everyday
// word (SCOWL above 45: "emma", and "roger" or "mickey", whose word senses
// are rare), no abbreviation and no title. A name that is also a word needs
// 15,000 births.
// Clinical notes are left out: their lower-case vocabulary is too rich in
// truncations that are also names.
func (a *analysis) lowerName(i int) bool {
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 4 || t.Handle {
		return false
	}
	f := a.f(i)
	if f.births < 200 || f.births < 1000 && f.rank != 0 || f.proper > 0 && f.proper <= 35 || f.abbrev != 0 || f.title || f.kin || f.date || f.common(45) || (f.wl != 0 && f.births < 15000) {
		return false
	}
	return a.lowerRegister() && !a.isClinical()
}

// lowerPair reports whether lower-case word i opens a first name and
// surname written in lower case ("carol wolfe", "eva kleist", "olga
// krylova"): a first name that is not among the commonest words (will,
// mark, hope), then adjacent a surname that is no common word, or a word
// in no list at all.
func (a *analysis) lowerPair(i int) bool {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 2 || i+1 >= n || t.Poss || !a.adjacent(i+1) {
		return false
	}
	f := a.f(i)
	// Not among the most basic words ("will", "mark"); a frequent word
	// that SCOWL ranks rare is a name first ("paul").
	basic := f.wl != 0 && (f.wl <= 10 || f.rank > 0 && f.rank <= 1500 && f.wl < 50)
	if f.births < 1000 || basic || f.abbrev != 0 && f.wl != 0 && f.births < 50000 || f.date || f.title || f.kin || a.clinicalWord(i) {
		return false
	}
	k := i + 1
	// A middle initial in lower case: "codey m ross", "eric g. samoylova".
	if m := &a.toks[k]; m.Shape == shapeLower && m.Letters == 1 && !m.Poss && k+1 < n && a.adjacent(k+1) {
		k++
	}
	if t.Letters == 2 {
		// "ed sheeran": a first name of two letters only before a surname
		// that is no word at all.
		g := a.f(k)
		return a.toks[k].Shape == shapeLower && a.toks[k].Letters >= 3 && g.surname > 0 && g.wl == 0 && g.births == 0 && !a.clinicalWord(k)
	}
	if a.lowerSurname(k) {
		return true
	}
	// After a first name that is no common word ("kevin", "paul",
	// "bruno"), a frequent surname may be a word too, but not one of the
	// most basic ones: "kevin smith", "paul walker", "bruno mars"; not
	// "kevin said", "paul too".
	if f.wl != 0 && f.wl < 50 || f.rank > 0 && f.rank <= 300 || f.births < 10000 {
		return false
	}
	s := &a.toks[k]
	if s.Shape != shapeLower || s.Letters < 4 || s.Poss && k+1 < n && a.adjacent(k+1) || a.stop(s) || a.contraction(s) || a.clinicalWord(k) {
		return false
	}
	g := a.f(k)
	return g.surname > 0 && g.surname <= 10000 && g.wl != 10 && (g.rank == 0 || g.rank > 300) && !g.date && !g.title && !g.kin && (g.abbrev == 0 || g.abbrev >= 80)
}

// lowerSurname reports whether lower-case word k can be a surname after a
// first name: a surname that is no common word, or an unknown word.
func (a *analysis) lowerSurname(k int) bool {
	s := &a.toks[k]
	if s.Shape != shapeLower || s.Letters < 3 || s.Handle || a.stop(s) || a.contraction(s) || a.clinicalWord(k) {
		return false
	}
	g := a.f(k)
	if g.date || g.title || g.kin || g.abbrev != 0 {
		return false
	}
	if g.surname > 0 && !g.common(50) {
		return true
	}
	// A word in no list, or one so rare that SCOWL puts it in its last
	// level ("askar").
	return (g.wl == 0 || g.wl >= 80) && g.births < 1000 && g.rank == 0 && a.vowel(s) && !vocab.MedicalShape(s.Lower) && !a.stretchedWord(s)
}

// listElem returns the end of a list element that starts at word i: one
// to three adjacent words, each either already in a person span or a word
// that can be a name in the case the list is written in (capitalised, or
// lower case in a text written in lower case). A title may open it ("and
// Dr. Joseph"). It returns i when no element starts there.
func (a *analysis) listElem(i int, inPerson, blockSeed []bool) int {
	n := len(a.toks)
	if i < n && a.isTitle(i) > 0 && i+1 < n && a.adjacent(i+1) {
		i++
	}
	j := i
	for j < n && j < i+3 && (j == i || a.adjacent(j) && !a.toks[j-1].Poss) {
		if inPerson[j] {
			j++
			continue
		}
		if blockSeed[j] || !a.listWord(j) {
			break
		}
		j++
	}
	return j
}

// unknownPlainWord reports whether lower-case word k is in no word list
// and looks neither clinical nor like a misspelt common word.
func (a *analysis) unknownPlainWord(k int) bool {
	t := &a.toks[k]
	if t.Handle || t.Poss || strings.ContainsAny(t.Lower, "-'0123456789") || !a.vowel(t) || a.clinicalWord(k) {
		return false
	}
	f := a.f(k)
	return f.wl == 0 && f.abbrev == 0 && f.proper == 0 && !vocab.DrugShaped(t.Lower) && !vocab.MedicalShape(t.Lower) && !Misspelt(a.lex, t.Lower)
}

// listWord reports whether word k may be a name in a list with a name.
func (a *analysis) listWord(k int) bool {
	t := &a.toks[k]
	if t.Shape == shapeLower && (!a.lowerRegister() || a.isClinical()) {
		// checked first: it spares the look-ups of most words. In a note
		// written in lower case, a word no list knows can still be a name
		// beside one ("suzette and ank"), if it does not look clinical.
		if !(a.isClinical() && a.lowerRegister() && t.Letters >= 3 && a.unknownPlainWord(k)) {
			return false
		}
	}
	if t.Handle || t.Letters < 2 || t.Shape == shapeNone || t.Shape == shapeMixed || a.stop(t) ||
		a.contraction(t) || !a.vowel(t) {
		return false
	}
	// What the lists say of the word first; its neighbours (isTitle) and
	// the clinical tests after, for the few words that pass.
	f := a.f(k)
	if f.date || f.kin || f.title {
		return false
	}
	var name bool
	switch {
	case t.Shape == shapeLower:
		name = f.isName() && !f.common(50) || f.wl == 0 && f.abbrev == 0 && t.Letters >= 3
	case t.Caps || t.Shape == shapeUpper:
		name = f.isName() && !f.common(35) || f.wl == 0 && f.abbrev == 0 && t.Letters >= 3
	default:
		name = f.isName() && !f.common(35) || f.wl == 0 && f.abbrev == 0 && f.proper == 0 && t.Letters >= 3
	}
	return name && a.isTitle(k) == 0 && !a.clinicalWord(k)
}

// listSep returns where the next element of a list begins after an
// element that ends at word j: after "and", "or", "&" or a comma on the
// same line (", and" too). It returns -1 when no list goes on.
func (a *analysis) listSep(j int) int {
	n := len(a.toks)
	if j >= n || a.toks[j-1].Poss || strings.Contains(a.toks[j].Gap, "\n") {
		return -1
	}
	g := strings.TrimSpace(a.toks[j].Gap)
	switch g {
	case ",", "&", ",&", ", &":
		if w := a.toks[j].Lower; (w == "and" || w == "or") && j+1 < n && a.adjacent(j+1) {
			return j + 1
		}
		return j
	case "":
		if w := a.toks[j].Lower; (w == "and" || w == "or") && a.toks[j].Shape != shapeMixed && j+1 < n && a.adjacent(j+1) {
			return j + 1
		}
	}
	return -1
}

// listSepMay reports whether listSep(j) can be j or more: the gap before
// word j holds a comma or "&", or the word is "and" or "or".
func (a *analysis) listSepMay(j int) bool {
	t := &a.toks[j]
	if a.spell[t.ID]&spellAndOr != 0 {
		return true
	}
	g := t.Gap
	if g == " " {
		return false
	}
	for k := 0; k < len(g); k++ {
		if g[k] == ',' || g[k] == '&' {
			return true
		}
	}
	return false
}

// noListElem reports whether no element of a list can start at word i when
// it is in no person span (listElem returns i): of a word in lower case,
// isTitle takes only a strong title, and listWord only a word in a name
// list or in no word list, and none at all in a text not written in lower
// case (lowerOut); of a word without letters, neither takes any.
func (a *analysis) noListElem(i int, lowerOut bool) bool {
	tf := a.tf[i]
	return tf&tfNoElem != 0 || lowerOut && tf&tfNoElemOut != 0
}

// coordinated finds names in a list or coordination with a name:
// "Dufresnay, Holloway and Pratt", "LIA MORO AND DRS FENTON AND ABERNATHY",
// "emma and kaite". A list of two elements or more, one of which holds a
// person span, makes its other elements persons when their words can be
// names. One pass over the words; each list is read once.
func (a *analysis) coordinated(spans []span, blockSeed []bool) []span {
	n := len(a.toks)
	if len(spans) == 0 {
		return spans
	}
	inPerson := a.sc.borrow(&a.sc.inPerson, n)
	for _, s := range spans {
		for k := s.i; k < s.j; k++ {
			inPerson[k] = true
		}
	}
	// A list of two elements from word i needs a separator after its
	// first element, which ends at word i+4 at the latest (a title and
	// three words): where listSepMay admits none of words i+1 to i+4, the
	// list has one element at most, and i is passed over without reading
	// it. sep is the first word found that listSepMay admits, scanned the
	// end of the words asked (each is asked once).
	sep, scanned := -1, 1
	var out []span
	var elems [][2]int
	lowerOut := !a.lowerRegister()
	for i := 0; i < n; {
		if !inPerson[i] && a.noListElem(i, lowerOut) {
			i++
			continue
		}
		if sep < i+1 {
			sep = -1
			for scanned = max(scanned, i+1); scanned < n && scanned <= i+4; scanned++ {
				if a.listSepMay(scanned) {
					sep = scanned
					scanned++
					break
				}
			}
			if sep < 0 && scanned < n {
				i++ // no separator in words i+1 to i+4
				continue
			}
		}
		elems = elems[:0]
		k := i
		for {
			e := a.listElem(k, inPerson, blockSeed)
			if e == k {
				break
			}
			start := k
			if a.isTitle(k) > 0 && !inPerson[k] {
				start = k + 1
			}
			elems = append(elems, [2]int{start, e})
			nx := a.listSep(e)
			if nx < 0 {
				break
			}
			k = nx
		}
		if len(elems) < 2 {
			i++
			continue
		}
		withName := false
		for _, el := range elems {
			for m := el[0]; m < el[1]; m++ {
				if inPerson[m] {
					withName = true
				}
			}
		}
		if withName {
			for _, el := range elems {
				have := false
				for m := el[0]; m < el[1]; m++ {
					have = have || inPerson[m]
				}
				if !have && el[1] > el[0] && !(a.foreign() && a.toks[el[0]].Shape == shapeLower) {
					out = append(out, span{i: el[0], j: el[1], conf: 0.6, typ: "list"})
				}
			}
		}
		i = max(i+1, elems[len(elems)-1][1])
	}
	a.sc.giveBack(&a.sc.inPerson, inPerson)
	if len(out) == 0 {
		return spans
	}
	return mergeSpans(append(spans, out...))
}

// hashPlace finds a place written as a hashtag at word i ("#Nepal",
// "#gaza", "#Groningen"): a country, a US state, or a GeoNames place of
// 100,000 people or more whose name is not an ordinary word or mostly a
// first name. Tweets tag places this way.
func (a *analysis) hashPlace(i int) (span, bool) {
	t := &a.toks[i]
	if !a.isHashtag(i) || t.Shape == shapeNone {
		return span{}, false
	}
	if t.Shape == shapeMixed || len(camelParts(t.Text)) > 1 {
		return a.hashPhrasePlace(i)
	}
	if t.Letters == 2 && t.Shape == shapeUpper && a.isCountry(t) {
		// "#UK", "#US".
		return span{i: i, j: i + 1, conf: 0.3, typ: "country"}, true
	}
	if t.Letters < 4 {
		return span{}, false
	}
	f := a.f(i)
	if f.date || f.common(50) || f.abbrev != 0 {
		return span{}, false
	}
	typ, pop := a.gazetteer(t.Lower, i, i+1)
	switch {
	case typ == "country" || typ == "state":
		return span{i: i, j: i + 1, conf: 0.3, typ: typ}, true
	case typ != "" && pop >= 100000 && !(f.births >= 1000 && f.births > int(f.surname)):
		return span{i: i, j: i + 1, conf: 0.6, typ: typ}, true
	case typ != "" && pop >= 1000000 && !f.common(70):
		// "#houston": a city of a million people is the likelier reading
		// of a hashtag than the first name.
		return span{i: i, j: i + 1, conf: 0.6, typ: typ}, true
	}
	return span{}, false
}

// lowerCity finds a well-known place written in lower case in a text
// written in lower case, after a place word ("flights to paris", "from
// japan"): a country, or a GeoNames place of 100,000 people or more whose
// name is not a common word (SCOWL 35 or below; frequency alone does not
// count, since big cities are frequent words). lowerPlace covers places that are no word at
// all in any text.
func (a *analysis) lowerCity(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 4 || !a.lowerRegister() || a.isClinical() {
		return span{}, false
	}
	ctx := a.placeContext(i)
	if ctx == 0 && !(i > 0 && a.toks[i-1].Lower == "to" && !strings.ContainsAny(t.Gap, "\n.!?;:")) {
		return span{}, false
	}
	f := a.f(i)
	if f.date || f.wl != 0 && f.wl <= 35 || f.abbrev != 0 || f.title || f.kin {
		return span{}, false
	}
	return a.bigPlace(i)
}

// lowerSurnameAfter reports whether the word after capitalised first name
// i is its surname written in lower case, as comments do ("Brenna pemberton",
// "Fausto bellomi"): adjacent, in lower case, a surname that is no common
// word or a word in no list. Only after a first name of some currency
// that is itself a name on its own evidence.
func (a *analysis) lowerSurnameAfter(i int) bool {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeTitle || t.Caps || t.Poss || i+1 >= n || !a.adjacent(i+1) {
		return false
	}
	if f := a.f(i); f.births < 1000 || f.common(35) {
		return false
	}
	s := &a.toks[i+1]
	if s.Shape != shapeLower || s.Letters < 3 || s.Handle || a.stop(s) || a.contraction(s) || a.clinicalWord(i+1) {
		return false
	}
	g := a.f(i + 1)
	if g.date || g.title || g.kin || g.abbrev != 0 {
		return false
	}
	if g.surname > 0 && !g.common(35) {
		return true
	}
	return g.wl == 0 && g.rank == 0 && a.vowel(s) && !vocab.MedicalShape(s.Lower) && !a.stretchedWord(s)
}

// stretched reports whether a word is laughter or a stretched word of a
// comment ("hahahaha", "sooo", "lololol"): a letter three times in a row, or
// a pair of letters three times. Names are not written so.
func stretched(w string) bool {
	b := w
	for k := 2; k < len(b); k++ {
		if b[k] == b[k-1] && b[k] == b[k-2] {
			return true
		}
	}
	for k := 0; k+5 < len(b); k++ {
		if b[k] == b[k+2] && b[k] == b[k+4] && b[k+1] == b[k+3] && b[k+1] == b[k+5] {
			return true
		}
	}
	return false
}

// lowerNameWord reports whether lower-case word i can be a name when
// context says so: no common word, and a first name, a surname, a proper
// noun, or a word in no list ("obama", "kishan", "titi").
func (a *analysis) lowerNameWord(i int) bool {
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 3 || t.Handle || a.stop(t) || a.contraction(t) || !a.vowel(t) ||
		a.in(t, vKinAbbrev) || a.in(t, vGreetings) {
		return false
	}
	// What the lists say of the word first; the costlier tests of its
	// spelling and its clinical reading after, for the few words that pass.
	f := a.f(i)
	if f.date || f.title || f.kin || f.abbrev != 0 && f.births < 10000 {
		return false
	}
	var name bool
	switch {
	case f.births >= 100 && !f.common(50):
		name = true
	case f.wl == 0:
		name = f.surname > 0 || f.proper > 0 || f.rank == 0
	case f.wl >= 70:
		name = f.rank == 0 || f.rank > 20000
	}
	return name && !a.stretchedWord(t) && !a.clinicalWord(i) && !a.wordCompound(t.Lower)
}

// wordCompound reports whether lw is a lower-case compound of ordinary words joined by
// hyphens ("small-towns", "self-care", "end-of-life"), as tags and slugs are written: no
// name in lower case is made that way.
func (a *analysis) wordCompound(lw string) bool {
	if strings.IndexByte(lw, '-') < 0 {
		return false // one part: no compound (and no slice made)
	}
	parts := strings.Split(lw, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		_, ok := a.lex.WordLevel(p)
		if !ok && strings.HasSuffix(p, "s") {
			_, ok = a.lex.WordLevel(strings.TrimSuffix(p, "s"))
		}
		if !ok {
			return false
		}
	}
	return true
}

// lowerCued finds a single name written in lower case in a comment whose
// other words may be capitalised, by its context: after a greeting
// ("thanks obama", "hey titi"), after "name is", "named", "aka", or with a
// possessive ("kapil's expression"). A word that is a first name of some
// currency and in no word list is a name without context ("aleena",
// "klay"). Clinical notes are left out.
func (a *analysis) lowerCued(i int) bool {
	t := &a.toks[i]
	if t.Shape != shapeLower || a.isClinical() {
		return false
	}
	if a.wordName(i) {
		return true
	}
	// "mehmood sahab": a word before an honorific that follows names.
	if i+1 < len(a.toks) && a.adjacent(i+1) && !t.Poss && a.in(&a.toks[i+1], vNameHonorifics) && t.Letters >= 3 && !a.stop(t) &&
		!a.chat(t) && !a.stretchedWord(t) && !a.f(i).common(50) && !a.f(i).date && a.informal() {
		return true
	}
	if !a.lowerNameWord(i) {
		// "momo is the best": a rare word in no word list as a subject.
		if g := a.f(i); g.wl == 0 && g.rank > 20000 && t.Letters >= 4 && !t.Handle && !a.stretchedWord(t) && !a.clinicalWord(i) {
			return a.lowerSubject(i)
		}
		return false
	}
	f := a.f(i)
	if f.wl == 0 && f.births >= 1000 && f.abbrev == 0 && t.Letters >= 4 && a.informal() {
		return true
	}
	if i > 0 && (a.adjacent(i) || a.afterComma(i)) && a.isGreeting(i-1) && !a.toks[i-1].Poss {
		return true
	}

	if i > 0 && a.adjacent(i) && a.in(&a.toks[i-1], vNameIntro) {
		return true
	}
	// "zorbleking aka Mia": the name before "aka" too.
	if i+1 < len(a.toks) && a.adjacent(i+1) && !t.Poss && a.toks[i+1].Lower == "aka" && a.informal() {
		return true
	}
	// "follow noldirahman now": an account's name in a tweet.
	if i > 0 && a.adjacent(i) && a.toks[i-1].Lower == "follow" && f.wl == 0 && a.informal() {
		return true
	}
	// "grian fan", "ishawna song": a name before what fans follow.
	if i+1 < len(a.toks) && a.adjacent(i+1) && !t.Poss && a.in(&a.toks[i+1], vFanWords) && a.informal() && !a.chat(t) {
		return true
	}
	// "he looks like raggedydan".
	if i > 1 && a.adjacent(i) && a.adjacent(i-1) && a.toks[i-1].Lower == "like" && a.in(&a.toks[i-2], vLookWords) && a.informal() && !a.chat(t) {
		return true
	}
	// "hangwani u see now": a comment that opens by speaking to someone.
	if t.SentStart && !t.Poss && i+1 < len(a.toks) && a.adjacent(i+1) && !a.chat(t) {
		switch a.toks[i+1].Lower {
		case "u", "you", "ur", "your":
			return a.informal()
		}
	}
	// "wow zubenko, your video is great": spoken to before a comma and
	// "you" or "your".
	if !t.Poss && i+1 < len(a.toks) && a.afterComma(i+1) && !a.chat(t) && !a.stretchedWord(t) && (t.SentStart || i > 0 && a.adjacent(i) && a.in(&a.toks[i-1], vInterjections)) {
		switch a.toks[i+1].Lower {
		case "u", "you", "ur", "your":
			return a.informal()
		}
	}
	if i > 1 && a.adjacent(i) && a.adjacent(i-1) && a.toks[i-1].Lower == "is" && a.toks[i-2].Lower == "name" {
		return true
	}
	// "when ishawna did a song", "gaby gave herself more": the subject
	// of a verb, at the start of a clause.
	if a.lowerSubject(i) {
		return true
	}
	return t.Poss && (f.births >= 100 || f.proper > 0 || f.surname > 0 && f.surname <= 20000)
}

// informal reports whether a text is written as a comment or a chat is:
// in lower case, short, or with chat spellings or the pronoun "i" in lower
// case. Computed once.
func (a *analysis) informal() bool {
	if a.informalDone {
		return a.informalVal
	}
	return a.informalOnce()
}

// informalOnce works out informal, the first time it is asked.
func (a *analysis) informalOnce() bool {
	a.informalDone = true
	v := len(a.text) < 400 || a.lowerRegister()
	for k := 0; !v && k < len(a.toks); k++ {
		w := a.toks[k].Lower
		v = vocab.ChatWords().Has(w) || w == "i" && a.toks[k].Text == "i"
	}
	a.informalVal = v
	return v
}

// foreign reports whether the text is mostly written in another language: of at least 40
// words in lower case, fewer than half are English words. There a lower-case word no English
// list has ("una", "durante") is an ordinary word of that language, not a name written in
// lower case, and a capitalised word opening a sentence ("Este") is not a place.
func (a *analysis) foreign() bool {
	if a.foreignDone {
		return a.foreignVal
	}
	return a.foreignOnce()
}

// foreignOnce works out foreign, the first time it is asked.
func (a *analysis) foreignOnce() bool {
	a.foreignDone = true
	n, known := 0, 0
	for k := range a.toks {
		t := &a.toks[k]
		if t.Shape != shapeLower || t.Letters < 2 {
			continue
		}
		n++
		if a.f(k).wl != 0 { // WordLevel, once per distinct word
			known++
		}
	}
	a.foreignVal = n >= 40 && 2*known < n
	return a.foreignVal
}

// midCapName reports whether capitalised word i, a frequent first name that
// is also an ordinary word ("Amber", "Lily", "Roman"), is a name in an
// informal text: capitalised after a word in lower case that is no
// determiner, and never written in lower case in the text.
func (a *analysis) midCapName(i int) bool {
	t := &a.toks[i]
	if t.SentStart || t.Caps || i == 0 || !(a.adjacent(i) || a.afterComma(i)) {
		return false
	}
	p := &a.toks[i-1]
	// "If Roman made a channel": a clause opener that starts the sentence.
	opener := p.Shape == shapeTitle && p.SentStart && a.in(p, vClauseOpeners) && a.adjacent(i)
	if p.Shape != shapeLower && !opener || p.Poss || a.in(p, vDeterminersBefore) || p.Handle {
		return false
	}
	f := a.f(i)
	// A word SCOWL lists as an abbreviation only at its rarest levels
	// ("Pat", "Rose") is still a name here.
	if f.date || f.title || f.kin || f.abbrev != 0 && f.abbrev < 80 || a.usedAsWord(i) {
		return false
	}
	if f.births < 20000 && !wordNameFeat(f) {
		return false
	}
	// "visited Vienna": a well-known place is the likelier reading.
	if typ, pop := a.gazetteer(t.Lower, i, i+1); typ == "country" || typ == "state" || pop >= 100000 {
		return false
	}
	return a.informal() && !a.isClinical()
}

// addressOpening reports whether capitalised word i opens a comment that
// speaks to someone: a frequent first name at the start of a sentence that
// is not among the most basic words, directly before "I", "you" or "your"
// ("Lily I love your videos", "Amber you are the best").
func (a *analysis) addressOpening(i int) bool {
	t := &a.toks[i]
	if !t.SentStart || t.Caps || t.Poss || i+1 >= len(a.toks) || !a.adjacent(i+1) {
		return false
	}
	switch n := &a.toks[i+1]; n.Lower {
	case "i":
		if n.Text != "I" {
			return false
		}
	case "you", "your", "u", "ur":
	default:
		return false
	}
	f := a.f(i)
	if f.births < 20000 || f.common(10) || f.date || f.title || f.kin || f.abbrev != 0 || a.usedAsWord(i) {
		return false
	}
	return a.informal() && !a.isClinical()
}

// fullNameAhead reports whether capitalised word i, at the start of a
// sentence, is a first name of some currency followed by a capitalised
// surname that is no common word: "Wade Pruitt", "Trevor B Jenkins" (a middle
// initial may sit between them).
func (a *analysis) fullNameAhead(i int) bool {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeTitle || t.Caps || t.Poss || t.Letters < 3 || i+1 >= n || !a.adjacent(i+1) {
		return false
	}
	f := a.f(i)
	if f.births < 1000 || f.common(20) || f.date || f.title || f.kin {
		return false
	}
	k := i + 1
	if m := &a.toks[k]; m.Letters == 1 && m.Shape == shapeTitle && m.Text != "I" && !m.Poss && k+1 < n && a.adjacent(k+1) {
		k++
	}
	s := &a.toks[k]
	if s.Shape != shapeTitle || s.Caps || s.Letters < 3 || s.Handle || a.chat(s) {
		return false
	}
	g := a.f(k)
	return g.surname > 0 && g.surname <= 50000 && !g.common(35) && !g.date && !g.title && !g.kin
}

// wordName reports whether lower-case word i is a name in an informal
// text although it is also a word: a surname or first name of some currency
// that SCOWL lists as a proper name and as a less common word (levels 35
// to 50: "mason", "tanner", "butler"), not after a determiner, an
// adjective's adverb or a form of "be" ("a butler", "the hood", "was
// savage"), where the word is the likelier reading.
func (a *analysis) wordName(i int) bool {
	t := &a.toks[i]
	if t.Letters < 4 || t.Handle || a.stop(t) || a.in(t, vKinAbbrev) {
		return false
	}
	// What the lists say of the word first; its clinical reading and its
	// neighbours after, for the few words that pass.
	f := a.f(i)
	if f.date || f.title || f.kin || f.abbrev != 0 || !a.informal() || !wordNameFeat(f) || a.clinicalWord(i) {
		return false
	}
	if i > 0 && !strings.ContainsAny(t.Gap, ".!?;:\n") {
		switch p := a.toks[i-1].Lower; {
		case a.in(&a.toks[i-1], vDeterminersBefore), p == "was", p == "is", p == "be", p == "so", p == "very", p == "too", p == "being":
			return false
		}
	}
	return !a.afterCompoundModifier(i)
}

// afterCompoundModifier reports whether word i is the head of a noun phrase
// whose determiner is followed by hyphenated compound adjectives: "a
// 63-year-old roofer", "the two-year-old twins", "a full-time florist". A
// word so placed is a common noun, even one that is also a surname; a
// person's name in lower case takes no article.
func (a *analysis) afterCompoundModifier(i int) bool {
	k, mods := i-1, 0
	for ; k >= 0 && mods < 3; k-- {
		if !a.adjacent(k+1) || strings.TrimSpace(a.toks[k+1].Gap) != "" {
			return false
		}
		m := &a.toks[k]
		if !hasHyphen(m.Text) || m.Shape == shapeTitle && !m.SentStart || m.Shape == shapeUpper {
			break
		}
		mods++
	}
	return mods > 0 && k >= 0 && a.in(&a.toks[k], vDeterminersBefore) && strings.TrimSpace(a.toks[k+1].Gap) == ""
}

// wordNameFeat reports whether a word is a name of some currency that
// SCOWL also lists as a proper name and as a less common word.
func wordNameFeat(f *feat) bool {
	return f.wl >= 35 && f.wl <= 50 && f.proper > 0 && f.proper <= 50 && (f.surname > 0 && f.surname <= 10000 || f.births >= 20000)
}

// isAddress reports whether word k opens an address to someone: "thanks",
// "thank you", "hi", "hey", "hello", "dear", "congrats".
func (a *analysis) isAddress(k int) bool {
	switch a.toks[k].Lower {
	case "thanks", "thx", "hi", "hey", "hello", "dear", "congrats", "congratulations":
		return true
	}
	return a.toks[k].Lower == "you" && k > 0 && a.toks[k-1].Lower == "thank" && a.adjacent(k)
}

// lowerSubject reports whether lower-case word i, a word that may be a
// name (lowerNameWord), opens a clause as the subject of a verb in an
// informal text: "hangwani is slaying", "when ishawna did".
func (a *analysis) lowerSubject(i int) bool {
	t := &a.toks[i]
	if t.Poss || a.chat(t) || i+1 >= len(a.toks) || !a.adjacent(i+1) || !a.in(&a.toks[i+1], vSubjectVerbs) {
		return false
	}
	// "decision-making is": a compound in no list is no name.
	if strings.ContainsRune(t.Lower, '-') {
		return false
	}
	if !t.SentStart && !(i > 0 && a.adjacent(i) && a.in(&a.toks[i-1], vClauseOpeners)) {
		return false
	}
	f := a.f(i)
	if f.wl != 0 && !(f.wl >= 70 && f.births >= 1000) || f.abbrev != 0 {
		return false
	}
	// Some evidence of a name, or a word no list and no word count has:
	// brands and games ("minecraft", "netflix") are counted words with no
	// name reading, and a misspelling a rare surname ("thier") too.
	if f.births == 0 && !(f.surname > 0 && f.surname <= 20000) && (f.rank != 0 || f.proper != 0) {
		return false
	}
	// "when ishawna do a song": comments drop the verb's ending.
	if a.toks[i+1].Lower == "do" && t.SentStart {
		return false
	}
	return a.informal()
}

// beforeFollowers reports whether word i, capitalised, is directly followed
// by a follower word in lower case in an informal text or a comment.
func (a *analysis) beforeFollowers(i int) bool {
	if i+1 >= len(a.toks) || !a.adjacent(i+1) || a.toks[i].Poss || a.isClinical() {
		return false
	}
	n := &a.toks[i+1]
	return n.Shape == shapeLower && a.in(n, vFollowerWords)
}

// shoutedName reports whether word i, written in capitals in a comment, is
// a name of some currency that is no word: comments shout names ("IS THAT
// TOBIAS", "WE LOVE YOU MARGAUX"), where the general rule for capitals wants
// a frequent name. The word must be a first name given to 500 children or
// more, or a surname among the commonest 20,000, and in no word list,
// abbreviation list or list of chat spellings.
func (a *analysis) shoutedName(i int) bool {
	t := &a.toks[i]
	f := a.f(i)
	if t.Letters < 4 || f.wl != 0 || f.abbrev != 0 || f.title || f.kin || f.date || a.chat(t) || a.stretchedWord(t) {
		return false
	}
	if f.births < 500 && (f.surname == 0 || f.surname > 20000) {
		return false
	}
	// The comment shouts: an ordinary word in capitals is next to it
	// ("THAT TOBIAS"), where an acronym in a sentence in lower case ("my
	// IBAN is") stands alone. A neighbour in capitals that is no word
	// either ("YOUR VLOGS MARGAUX") would join the name: the word must stand
	// alone.
	shout := false
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(a.toks) || !a.adjacent(max(i, k)) || a.toks[k].Shape != shapeUpper || a.toks[k].Letters < 2 {
			continue
		}
		if g := a.f(k); g.wl == 0 && !a.stopAt(k) {
			return false
		}
		shout = true
	}
	return shout && a.informal() && !a.isClinical() && a.clinicalHits == 0
}

// drugShape reports whether unknown word i looks like a drug or a clinical
// term by its ending (medicalShape). In a comment with no clinical word the
// endings that names share ("Pendlebury", "Troydan", "Rexall") say nothing;
// only the endings of drug classes ("-mycin", "-statin", "-pril") do.
func (a *analysis) drugShape(i int) bool {
	w := a.toks[i].Lower
	if !vocab.MedicalShape(w) {
		return false
	}
	if !a.informal() || a.isClinical() || a.clinicalHits != 0 {
		return true
	}
	for s := range vocab.DrugSuffixes().All() {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// initialsPair reports whether word i is a pair of initials used as a
// first name before a surname ("TJ Okafor", "Cj Dunmore"): two letters, no
// word, title, state or country code, then adjacent a capitalised surname
// that is no common word. Comments and sports write players so.
func (a *analysis) initialsPair(i int) bool {
	t := &a.toks[i]
	if t.Letters != 2 || len(t.Text) != 2 || t.Dot || t.Poss || t.Caps || t.Shape != shapeUpper && t.Shape != shapeTitle || i+1 >= len(a.toks) || !a.adjacent(i+1) {
		return false
	}
	f := a.f(i)
	if f.wl != 0 || f.title || f.kin || f.date || a.isCountry(t) || a.in(t, vCredentials) || a.in(t, vRoleAbbrev) {
		return false
	}
	if _, ok := a.lex.USState(t.Text); ok {
		return false
	}
	s := &a.toks[i+1]
	if s.Shape != shapeTitle || s.Caps || s.Handle || s.Letters < 3 || a.stop(s) {
		return false
	}
	g := a.f(i + 1)
	if g.surname == 0 || g.surname > 20000 || g.common(35) || g.date || g.title || g.abbrev != 0 {
		return false
	}
	return a.informal() && !a.isClinical() && a.clinicalHits == 0
}

// openingUnknown reports whether capitalised word i, opening a sentence of
// a comment, is a word no list has (not even the encyclopaedia's frequent
// words, where slang and foreign words are) before a verb, a colon or the
// end of its clause: "Okoroafor is the best", "Kejrival: not again",
// "Tessaly | 12 Elm St"; not "Neurodivergent kids".
func (a *analysis) openingUnknown(i int) bool {
	t := &a.toks[i]
	if !t.SentStart || t.Shape != shapeTitle || !titleCase(t.Text) || t.Caps || t.Letters < 4 || t.Handle || a.chat(t) || a.stretchedWord(t) || !a.vowel(t) {
		return false
	}
	f := a.f(i)
	if f.wl != 0 || f.proper != 0 || f.abbrev != 0 || f.rank != 0 || f.isName() || f.date || f.title || a.lex.IsPlace(t.Lower) || a.drugShape(i) {
		return false
	}
	if !a.informal() || a.isClinical() || a.clinicalHits > 0 || i+1 >= len(a.toks) {
		return false
	}
	// Before a colon, a verb or the end of its line or clause, as a name
	// stands; not before a word it describes ("Neurodivergent kids").
	nx := &a.toks[i+1]
	return strings.Contains(nx.Gap, ":") || a.in(nx, vOpeningVerbs) || !(a.adjacent(i+1) && nx.Shape == shapeLower)
}

// lowerAfterInitial reports whether lower-case word i, after a capital
// initial in a comment, is the surname written in lower case ("J. okafor"):
// a word that can be a name (lowerNameWord), the comment no clinical note.
func (a *analysis) lowerAfterInitial(i int) bool {
	return a.toks[i].Shape == shapeLower && a.toks[i-1].IsCap() && a.lowerNameWord(i) && a.informal() && !a.isClinical() && a.clinicalHits == 0
}
