package dict

import (
	"sort"
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// orgAdjacent is adjacent, or joined by an ampersand ("Johnson & Johnson").
func (a *analysis) orgAdjacent(i int) bool {
	if a.adjacent(i) {
		return true
	}
	if i <= 0 || i >= len(a.toks) {
		return false
	}
	g := a.toks[i].Gap
	if strings.Contains(g, "\n") {
		return false
	}
	if a.toks[i-1].Poss {
		// "Saint Jude's Hospice": the possessive is part of the name.
		return a.toks[i-1].IsCap() && strings.TrimSpace(g) == "" && g != ""
	}
	return strings.TrimSpace(g) == "&"
}

// orgs finds organisation names: a capitalised run that ends with an
// organisation cue ("Winstead Hospital", "Acme Widgets LLC") or starts with
// one followed by "of" ("University of Vermont"). Type is the cue in lower
// case ("hospital", "nursing home") or "company" for legal forms.
func (a *analysis) orgs() []span {
	var out []span
	n := len(a.toks)
	words := make([]string, 0, 4)
	clinical := a.isClinical()
	for i := 0; i < n; i++ {
		// A handle, or a word orgsSkip turns away (read without the word).
		if tf := a.tf[i]; tf&tfHandle != 0 || tf&tfOrgNo != 0 && !clinical {
			continue
		}
		t := &a.toks[i]
		if t.Handle {
			continue
		}
		if !t.IsCap() {
			if a.orgsSkip(i) {
				continue
			}
			if typ, ok := a.hospitalAbbrev(i); ok {
				out = append(out, span{i: i, j: i + 1, conf: 0.7, typ: typ})
			} else if s, ok := a.namedBody(i); ok {
				out = append(out, s)
			} else if s, ok := a.lowerCareCue(i); ok {
				out = append(out, s)
			}
			continue
		}
		// The cue: the longest run of adjacent words that is an OrgCue
		// entry; none when the first word opens none.
		m := 0
		if a.mayOpenOrgCueAt(t) { // words[0] is t.Text, or that with its full stop
			words = words[:0]
			for k := i; k < n && k < i+4; k++ {
				if k > i && !a.adjacent(k) {
					break
				}
				w := a.toks[k].Text
				if a.toks[k].Dot {
					w += "."
				}
				words = append(words, w)
				if a.toks[k].Poss {
					break
				}
			}
			m = a.orgCue(words)
			if m == 0 && t.Dot {
				words[0] = t.Text // "Inc." may be listed without its period
				m = a.orgCue(words)
			}
			if m == 0 && len(words) > 1 {
				m = a.orgCue(undotted(words)) // "PINE KNOLL DAY CARE.": the sentence's full stop
			}
		}
		weak := false
		if m == 0 {
			if typ, ok := a.hospitalAbbrev(i); ok {
				out = append(out, span{i: i, j: i + 1, conf: 0.7, typ: typ})
				continue
			}
			if !a.extraCue(t) || t.Shape == shapeLower {
				continue
			}
			m, weak = 1, a.in(t, vWeakCues)
		}
		if m == 1 && (t.Lower == "co" || t.Lower == "inc") && a.isClinical() {
			continue // cardiac output and "increase" in a clinical note
		}
		cueEnd := i + m // words [i, cueEnd) are the cue
		for k := i + 1; k < cueEnd; k++ {
			if !a.toks[k].IsCap() {
				cueEnd = k
			}
		}
		if cueEnd < n && a.adjacent(cueEnd) && a.toks[cueEnd].IsCap() && a.lex.MatchAt(lexicon.OrgCue, []string{a.toks[cueEnd].Text}) > 0 {
			continue // "Elementary School": the last cue names the kind
		}
		cue := strings.ToLower(strings.Join(strings.Fields(a.text[t.Start:a.toks[cueEnd-1].End]), " "))
		typ := strings.TrimSuffix(cue, ".")
		if vocab.CompanySuffix().Has(cue) || vocab.CompanySuffix().Has(typ) {
			typ = "company"
		}
		if x, ok := extraCues[typ]; ok {
			typ = x
		}
		// Left: the capitalised name before the cue.
		lo := i
		for k := i - 1; k >= 0 && a.orgAdjacent(k+1); k-- {
			pk := &a.toks[k]
			if pk.Poss && k != i-1 && !(k == i-2 && pk.IsCap() && a.toks[k+1].IsCap()) {
				// "Saint Jude's Hospice", "Cobbler's Row Surgery".
				break
			}
			if pk.Shape == shapeLower {
				if !a.in(pk, vOrgJoin) || pk.Lower == "the" {
					break
				}
				continue // kept only if a capitalised word follows on its left
			}
			if !a.orgNameWord(k) {
				// "7 Blue Kettles Inc": a company's name may open with a
				// number.
				if typ == "company" && lo == k+1 && lo < i && pk.Shape == shapeNone && len(pk.Text) <= 3 && isDigits(pk.Text) &&
					(k == 0 || !a.adjacent(k) || a.toks[k-1].Shape != shapeNone) {
					lo = k
				}
				break
			}
			lo = k
		}
		// Right: "University of Vermont", "Department of Health and Human Services".
		hi := cueEnd
		capsLine := a.toks[cueEnd-1].Caps
		if cueEnd < n && a.adjacent(cueEnd) && (a.toks[cueEnd].Lower == "of" || !capsLine && (a.toks[cueEnd].Lower == "for" || a.toks[cueEnd].Lower == "de")) && !a.toks[cueEnd-1].Poss {
			for k := cueEnd + 1; k < n && a.orgAdjacent(k); k++ {
				pk := &a.toks[k]
				if capsLine && a.f(k).common(20) && !a.in(pk, vHospitalWords) {
					break // "HOSPITAL OF MENTAL STATUS": capitals say nothing
				}
				if pk.Shape == shapeLower {
					if !a.in(pk, vOrgJoin) {
						break
					}
					continue
				}
				if !pk.IsCap() || pk.Handle || (a.toks[k].Caps && a.stop(pk)) {
					break
				}
				hi = k + 1
				if pk.Poss {
					break
				}
			}
		}
		if lo == i && hi == cueEnd {
			continue // a cue alone ("the Clinic") names nothing
		}
		if typ == "company" && lo == i {
			continue
		}
		if weak && !a.properBefore(lo, i) && !(lo < i && a.isClinical() && lo > 0 && a.in(&a.toks[lo-1], vWardPrev) && t.Lower != "surgery") {
			continue // "Heart Surgery", "War Memorial": ordinary words; but "AT HARMONY MEMORIAL" in a note
		}
		if lo < i && hi == cueEnd && i-lo == 1 && a.wellKnown(lo) {
			continue // "Medicaid Services": a public entity
		}
		out = append(out, span{i: lo, j: hi, conf: 0.8, typ: typ})
		if k, ok := a.acronymAfter(lo, hi); ok {
			out = append(out, span{i: k, j: k + 1, conf: 0.8, typ: typ})
			hi = k + 1
		}
		i = max(i, cueEnd-1, hi-1)
	}
	return mergeSpans(out)
}

// orgsSkip reports whether the three rules orgs tries at a word that is not
// capitalised turn word t away at their first tests: hospitalAbbrev takes a
// word in lower case only in a clinical note, namedBody only a body noun,
// lowerCareCue only a care word.
func (a *analysis) orgsSkip(i int) bool {
	return a.tf[i]&tfOrgNo != 0 && !a.isClinical()
}

// acronymAfter finds the short form an organisation's name defines in
// brackets right after it: "Lands Valuation Tribunal (“EAT”)". The
// short form is in capitals and made of the initials of the capitalised
// words of the name, in order; it then names the organisation wherever it
// recurs.
func (a *analysis) acronymAfter(lo, hi int) (int, bool) {
	if hi >= len(a.toks) {
		return 0, false
	}
	t := &a.toks[hi]
	g := strings.Trim(t.Gap, " \"“”‘’'")
	if g != "(" || t.Shape != shapeUpper || t.Letters < 2 || t.Letters > 6 || len(t.Text) != t.Letters {
		return 0, false
	}
	var initials strings.Builder
	for k := lo; k < hi; k++ {
		if a.toks[k].IsCap() && a.toks[k].Letters > 0 {
			initials.WriteByte(a.toks[k].Text[0])
		}
	}
	if strings.EqualFold(initials.String(), t.Text) {
		return hi, true
	}
	return 0, false
}

// orgNameWord reports whether capitalised word k can be part of an
// organisation's name before its cue.
func (a *analysis) orgNameWord(k int) bool {
	t := &a.toks[k]
	if !t.IsCap() && !(t.Shape == shapeMixed) || t.Handle {
		return false
	}
	if a.in(t, vClinicalTerms) || a.in(t, vClinicalMarkers) || a.in(t, vDrugNames) {
		if a.isClinical() {
			return false // "CON'T REHAB", "CT SERVICE"
		}
	}
	if t.Caps || t.SentStart {
		// Capitals carry no signal here: refuse ordinary words ("PT RETURNED HOME").
		if a.stop(t) {
			return false
		}
		f := a.f(k)
		if a.in(t, vHospitalWords) || a.lex.IsPlace(t.Lower) && (f.wl == 0 || f.wl > 10) && !a.clinicalWord(k) {
			return true // "TILLBROOK MEMORIAL HOSPITAL", "HARMONY HOSPITAL"
		}
		if f.common(50) && !(f.isName() && f.wl > 20) && !(t.SentStart && !t.Caps && k+1 < len(a.toks) && a.toks[k+1].IsCap() && !a.toks[k+1].Caps && a.adjacent(k+1) && !a.f(k+1).common(70)) {
			return t.SentStart && !t.Caps && !f.common(35)
		}
	}
	return true
}

// wellKnown reports whether word k is a well-known public name (Medicaid,
// Facebook): a SCOWL proper noun at level 50 or below in no name list.
func (a *analysis) wellKnown(k int) bool {
	f := a.f(k)
	return f.proper > 0 && f.proper <= 50 && !f.isName()
}

// mergeSpans sorts spans by start and joins overlapping ones, keeping the
// type and confidence of the higher-confidence one.
func mergeSpans(s []span) []span {
	if len(s) < 2 {
		return s
	}
	sortSpans(s)
	out := s[:1]
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x.i < last.j {
			if x.conf > last.conf {
				last.conf, last.typ = x.conf, x.typ
			}
			last.j = max(last.j, x.j)
			continue
		}
		out = append(out, x)
	}
	return out
}

func sortSpans(s []span) {
	// Insertion sort on nearly sorted input is linear; fall back to a
	// proper sort when the input is far from sorted.
	for k := 1; k < len(s); k++ {
		if s[k].i < s[k-1].i {
			sortSpansSlow(s)
			return
		}
	}
}

func sortSpansSlow(s []span) {
	sort.SliceStable(s, func(x, y int) bool {
		if s[x].i != s[y].i {
			return s[x].i < s[y].i
		}
		return s[x].j > s[y].j
	})
}

// lowerCareCue finds a care site named with capitalised words, ordinary
// or not, before a care word in lower case at word i: one to three
// adjacent capitalised words, not one alone that opens a sentence or a
// line, no title, kinship or date word among them.
func (a *analysis) lowerCareCue(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape != shapeLower || !a.in(t, vCareCues) || i == 0 || !a.adjacent(i) {
		return span{}, false
	}
	lo := i
	for k := i - 1; k >= 0 && k >= i-3 && a.adjacent(k+1); k-- {
		pk := &a.toks[k]
		if !pk.IsCap() || a.stop(pk) || pk.Poss && k != i-1 || pk.Shape == shapeUpper && pk.Letters <= 4 {
			break
		}
		if f := a.f(k); f.title || f.kin || f.date {
			break
		}
		lo = k
	}
	if lo == i || lo == i-1 && a.toks[lo].SentStart {
		return span{}, false
	}
	return span{i: lo, j: i + 1, conf: 0.6, typ: t.Lower}, true
}

// orgCue is lexicon MatchAt for OrgCue, remembered per window of words.
func (a *analysis) orgCue(words []string) int {
	k := strings.Join(words, "\x00")
	if m, ok := a.cue[k]; ok {
		return m
	}
	m := a.lex.MatchAt(lexicon.OrgCue, words)
	a.cue[k] = m
	return m
}

// mayOpenOrgCue reports whether a word whose lookup form is lower, or
// that with a full stop when dot, is the first word of an OrgCue entry:
// MatchAt finds nothing at a word that opens none (lexicon.Starts).
func (a *analysis) mayOpenOrgCue(lower string, dot bool) bool {
	return a.lex.Starts(lexicon.OrgCue, lower) || dot && a.lex.Starts(lexicon.OrgCue, lower+".")
}

// mayOpenOrgCueAt is mayOpenOrgCue of word t of the text (its Lower and
// full stop), each half asked once per word id.
func (a *analysis) mayOpenOrgCueAt(t *token) bool {
	return a.memo(&a.orgStarts, t.ID, func() bool { return a.lex.Starts(lexicon.OrgCue, t.Lower) }) ||
		t.Dot && a.memo(&a.orgStartsDot, t.ID, func() bool { return a.lex.Starts(lexicon.OrgCue, t.Lower+".") })
}

// extraCue reports whether word t of the text is one of extraCues, asked
// once per word id.
func (a *analysis) extraCue(t *token) bool {
	return a.memo(&a.extraCues, t.ID, func() bool { _, ok := extraCues[t.Lower]; return ok })
}

// extraCues are organisation cues the lexicon's OrgCue list lacks, with the
// Type they give: clinical shorthand ("Brentwood Adventist Hosp"), the
// words a hospital's name keeps when "Hospital" is dropped ("Frederick
// Memorial", "Hollis Regional"), and the UK GP "Surgery".
var extraCues = map[string]string{
	"hosp": "hospital", "memorial": "hospital", "regional": "hospital", "campus": "campus",
	"surgery": "surgery", "infirmary": "infirmary", "hospice": "hospice", "sanitarium": "hospital",
}

// properBefore reports whether words [lo, i) hold a proper name: a word in
// no word list, a possessive ("Cobbler's Row"), or a name or place that is
// not a basic word ("Laurel").
func (a *analysis) properBefore(lo, i int) bool {
	for k := lo; k < i; k++ {
		t := &a.toks[k]
		f := a.f(k)
		if t.Shape == shapeLower {
			continue
		}
		if t.Poss || f.wl == 0 || (f.nameish() || a.lex.IsPlace(t.Lower)) && f.wl > 20 {
			return true
		}
	}
	return false
}

// hospitalAbbrev reports whether word i is a hospital written as an
// abbreviation after "to", "at", "from" or "by": two to five capitals ending
// in H (hospital), MC or HC (medical or health center) that are no English
// word and no clinical abbreviation ("REFERRED TO GH", "SEEN BY WVMC
// NURSE"). In a clinical note written in lower case, "followed at gh".
func (a *analysis) hospitalAbbrev(i int) (string, bool) {
	t := &a.toks[i]
	if i == 0 || t.Letters < 2 || t.Letters > 5 || t.Letters != len(t.Text) || t.Poss {
		return "", false
	}
	if t.Shape == shapeLower && !a.isClinical() || t.Shape == shapeTitle || t.Shape == shapeMixed {
		return "", false
	}
	u := strings.ToUpper(t.Text)
	if !(strings.HasSuffix(u, "H") || strings.HasSuffix(u, "MC") || strings.HasSuffix(u, "HC")) {
		return "", false
	}
	if t.Letters == 5 && strings.ContainsAny(u, "AEIOUY") {
		return "", false // "IN SYNCH": a word, not initials
	}
	switch a.toks[i-1].Lower {
	case "to", "at", "from", "by", "in":
	default:
		return "", false
	}
	if strings.ContainsAny(t.Gap, "\n.;:") {
		return "", false
	}
	f := a.f(i)
	if f.wl != 0 || (f.abbrev > 0 && f.abbrev < 80) || a.in(t, vClinicalTerms) || a.in(t, vClinicalMarkers) || f.isName() {
		return "", false
	}
	return "hospital", true
}

// isDigits reports whether s is made of ASCII digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// namedBody finds a public body written as a capitalised name and a
// lower-case body noun, word i: the name is a place, a nationality or a
// word no list knows, in mid-sentence.
func (a *analysis) namedBody(i int) (span, bool) {
	t := &a.toks[i]
	if !a.in(t, vBodyNouns) || t.Shape != shapeLower || i == 0 || !a.adjacent(i) || a.isClinical() {
		return span{}, false
	}
	p := &a.toks[i-1]
	if p.Shape != shapeTitle || p.SentStart || p.Caps || p.Poss || a.stop(p) || a.isTitle(i-1) > 0 {
		return span{}, false
	}
	f := a.f(i - 1)
	if f.date || f.kin || f.title {
		return span{}, false
	}
	nation := a.inCategoryText(p, lexicon.Nationality)
	place := a.lex.IsPlace(p.Lower) && !f.common(35)
	unknown := f.wl == 0 && f.births == 0 && f.surname == 0 && f.abbrev == 0 && p.Letters >= 4
	if !nation && !place && !unknown {
		return span{}, false
	}
	return span{i: i - 1, j: i + 1, conf: 0.6, typ: t.Lower}, true
}
