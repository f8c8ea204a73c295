package dict

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// isContraction reports whether a word is a contraction ("I'm", "You're",
// "we'll"), which is never a name.
func isContraction(w string) bool {
	i := strings.LastIndexByte(w, '\'')
	if i < 0 {
		return false
	}
	switch w[i+1:] {
	case "m", "re", "ve", "ll", "d", "t":
		return true
	}
	return false
}

// nameish reports whether a word is a name common enough that context makes
// it a person even though it is also an ordinary word.
func (f *feat) nameish() bool {
	return f.births >= 100 || (f.surname > 0 && f.surname <= 30000)
}

// isTitle reports how strongly word k works as a title before a name: 2 for
// an abbreviated honorific (Dr, Mrs), 1 for a capitalised title word
// (Pastor, Officer, Judge), 0 otherwise.
func (a *analysis) isTitle(k int) int {
	t := &a.toks[k]
	if t.Poss || t.Shape == shapeNone {
		return 0
	}
	if a.in(t, vStrongTitles) {
		if t.Lower == "miss" || t.Lower == "sir" || t.Lower == "dame" {
			if t.Shape == shapeLower {
				return 0
			}
		}
		if a.noteAbbrev(k) {
			return 0
		}
		return 2
	}
	if a.in(t, vRoleAbbrev) && t.Shape == shapeUpper {
		return 2
	}
	if t.Shape == shapeLower || !a.f(k).title {
		return 0
	}
	return 1
}

// noteAbbrevTitle reports whether the title at word k is written in lower
// case in a clinical note as an abbreviation of another word: "sr" (sinus
// rhythm) and "ms" (mental status) open "sr. occ pvc's", "ms. med for
// safety"; only a name no list calls an abbreviation follows them as a
// title.
func (a *analysis) noteAbbrevTitle(k int) bool {
	t := &a.toks[k]
	if t.Shape != shapeLower || t.Lower != "sr" && t.Lower != "ms" {
		return false
	}
	if !a.isClinical() && a.clinicalHits == 0 {
		return false
	}
	f := a.f(k + 1)
	return !f.isName() || f.abbrev != 0 || a.toks[k+1].Letters < 4
}

// roleAbbrevWord reports whether word i follows a role abbreviation ("PA",
// "RN") or a title no stronger than a word ("LT", "Judge") and is one of
// the most common English words, not a first name, or a modal before its
// verb: "PA DOWN TO 38/22" is the pulmonary artery pressure going down,
// "LT EAR" the left ear, "RN WILL ATTEMPT" a plan.
func (a *analysis) roleAbbrevWord(i int) bool {
	p := &a.toks[i-1]
	if a.in(p, vStrongTitles) || !a.in(p, vRoleAbbrev) && a.isTitle(i-1) != 1 {
		return false
	}
	// "RN WILL GET PT OOB": a modal and its verb.
	if a.modalVerb(i) {
		return true
	}
	f := a.f(i)
	if f.common(20) && f.births < 1000 {
		return true
	}
	// In a note, "LT PLEURAL TUBE": any dictionary word that no name list
	// holds.
	return a.isClinical() && f.wl > 0 && !f.isName()
}

// titledListMate reports whether the title at word k follows or precedes
// another title and its name across a comma or "and" ("dr rizzo, dr
// small", "dr small and dr rizzo"): a list of the people so titled.
func (a *analysis) titledListMate(k int) bool {
	n := len(a.toks)
	sep := func(j int) int { // the start of the element after a separator before word j, or -1
		if j >= n || strings.Contains(a.toks[j].Gap, "\n") {
			return -1
		}
		if g := strings.TrimSpace(a.toks[j].Gap); g == "," || g == "&" {
			return j
		}
		if a.toks[j].Lower == "and" && j+1 < n && a.adjacent(j+1) {
			return j + 1
		}
		return -1
	}
	// Before: title, name, separator, then k.
	if k >= 3 && sep(k) == k && a.isTitle(k-2) == 2 && a.adjacent(k-1) && a.toks[k-1].Letters >= 2 {
		return true
	}
	if k >= 4 && a.toks[k-1].Lower == "and" && a.adjacent(k) && a.isTitle(k-3) == 2 && a.adjacent(k-2) {
		return true
	}
	// After: k, name, separator, title.
	if k+2 < n {
		if e := sep(k + 2); e > 0 && e < n && a.isTitle(e) == 2 {
			return true
		}
	}
	return false
}

// titleBefore returns isTitle of the word before i, when it is adjacent.
func (a *analysis) titleBefore(i int) int {
	if i == 0 || !a.adjacent(i) {
		return 0
	}
	return a.isTitle(i - 1)
}

// hyphenedName reports whether w is a capitalised word joined by hyphens
// to words in lower case: "Ashby-lane", not "GU-foley" or "A-fib".
func hyphenedName(w string) bool {
	first, rest, ok := strings.Cut(w, "-")
	if !ok || len(first) < 3 || rest == "" {
		return false
	}
	for k, r := range first {
		if k == 0 && !unicode.IsUpper(r) || k > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	for _, r := range rest {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return true
}

// cueBefore reports whether the word before i (adjacent, or after a comma)
// satisfies cue.
func (a *analysis) cueBefore(i int, cue func(k int) bool) bool {
	if i == 0 || !(a.adjacent(i) || a.afterComma(i) || a.bracketed(i) || strings.TrimSpace(a.toks[i].Gap) == "&" && !a.toks[i-1].Poss) {
		return false
	}
	return cue(i - 1)
}

func (a *analysis) isKin(k int) bool {
	t := &a.toks[k]
	if t.Poss || t.Shape == shapeNone || !(t.Shape == shapeLower || t.Caps || t.SentStart) {
		return false
	}
	if _, last, ok := strings.Cut(t.Lower, "-"); ok && !strings.Contains(last, "-") && kinWord(a, last) {
		return true // "COPING-SISTER, BERNICE"
	}
	return a.in(t, vKinAbbrev) || a.f(k).kin
}

// modalVerb reports whether word i, in a line in capitals, is a modal before
// a verb ("HUSBAND WILL CALL", "RN WILL ATTEMPT"): a common word after it
// that is no function word and has no past-tense or plural ending.
func (a *analysis) modalVerb(i int) bool {
	t := &a.toks[i]
	if !t.Caps || !a.in(t, vModals) || i+1 >= len(a.toks) || !a.adjacent(i+1) {
		return false
	}
	n := &a.toks[i+1]
	if n.Letters < 2 || a.stop(n) || strings.HasSuffix(n.Lower, "ed") || strings.HasSuffix(n.Lower, "s") {
		return false
	}
	g := a.f(i + 1)
	return g.common(50) && !g.isName() || g.common(20)
}

// beforeSurname reports whether word i is followed by a surname that is no
// common word ("don reid").
func (a *analysis) beforeSurname(i int) bool {
	if i+1 >= len(a.toks) || !a.adjacent(i+1) || a.toks[i+1].Letters < 2 {
		return false
	}
	g := a.f(i + 1)
	return g.surname > 0 && !g.common(50) && !a.clinicalWord(i+1)
}

// kinWord reports whether w, a lower-case word, is a kinship or role word.
func kinWord(a *analysis, w string) bool {
	return vocab.KinAbbrev().Has(w) || a.lex.InCategory(lexicon.Kinship, w)
}

// beforeVisitCue reports whether word i is followed, in the same clause, by
// a visit cue, "in to" or "at bedside".
func (a *analysis) beforeVisitCue(i int) bool {
	k := i + 1
	if k >= len(a.toks) || !a.adjacent(k) {
		return false
	}
	w := a.toks[k].Lower
	if vocab.VisitCues().Has(w) {
		return true
	}
	if k+1 < len(a.toks) && a.adjacent(k+1) {
		next := a.toks[k+1].Lower
		return w == "in" && next == "to" || w == "at" && next == "bedside"
	}
	return false
}

// beforeRoleCue reports whether the name that word i belongs to (up to
// three name words) is followed by a credential ("RRT", ", MD") or by a
// report verb ("aware", "notified").
func (a *analysis) beforeRoleCue(i int) bool {
	for k := i + 1; k < len(a.toks) && k <= i+3; k++ {
		if !(a.adjacent(k) || a.afterComma(k)) || a.toks[k-1].Poss {
			return false
		}
		t := &a.toks[k]
		w := t.Lower
		if w == "made" && k+1 < len(a.toks) && a.adjacent(k+1) && a.toks[k+1].Lower == "aware" {
			return true // "NP grace made aware"
		}
		if (a.in(t, vCredentials) && w != "pt" && w != "ot" && w != "do" && w != "sn" && w != "pa") || a.in(t, vReportCues) {
			return k > i+1 || t.Shape == shapeUpper || a.in(t, vReportCues) || a.afterComma(k) || t.Shape == a.toks[i].Shape
		}
		if t.IsInitial() || a.stop(t) {
			return false
		}
		f := a.f(k)
		if !(f.nameish() && !f.common(35) || f.wl == 0) {
			return false
		}
	}
	return false
}

func (a *analysis) isGreeting(k int) bool {
	t := &a.toks[k]
	if a.in(t, vGreetings) {
		return true
	}
	return t.Lower == "you" && k > 0 && a.toks[k-1].Lower == "thank" && a.adjacent(k)
}

// signatureLines marks the words of lines that are signatures: one to three
// name words and maybe a credential, after a sign-off, after a dash, or at
// the end of the text.
func (a *analysis) signatureLines() []bool {
	n := len(a.toks)
	sig := a.sc.borrow(&a.sc.sig, n)
	for i := 0; i < n; {
		j := i + 1
		for j < n && a.tf[j]&tfNewLine == 0 { // a.toks[j].Line == a.toks[i].Line
			j++
		}
		a.checkSignature(i, j, sig)
		i = j
	}
	return sig
}

func (a *analysis) checkSignature(i, j int, sig []bool) {
	// A line of more than three words whose second, third and fourth are
	// no credential has more than three name words: no signature (the
	// test below, made without reading the rest of the line).
	if j-i > 3 && !a.in(&a.toks[i+1], vCredentials) && !a.in(&a.toks[i+2], vCredentials) && !a.in(&a.toks[i+3], vCredentials) {
		return
	}
	names := j
	for k := i; k < j; k++ {
		if a.in(&a.toks[k], vCredentials) && k > i {
			names = k
			break
		}
	}
	for k := names; k < j; k++ {
		if !a.in(&a.toks[k], vCredentials) {
			return
		}
	}
	if names-i > 3 {
		return
	}
	first := false
	for k := i; k < names; k++ {
		t := &a.toks[k]
		f := a.f(k)
		if t.Handle || t.Poss || (t.Shape != shapeTitle && t.Shape != shapeUpper && t.Shape != shapeLower) || f.date {
			return
		}
		if t.IsInitial() {
			continue
		}
		if !f.nameish() && f.wl != 0 {
			return
		}
		if f.births >= 100 {
			first = true
		}
	}
	if !first {
		return
	}
	lead := strings.TrimLeft(a.toks[i].Gap, " \t\r\n")
	dash := strings.HasPrefix(lead, "-") || strings.HasPrefix(lead, "–") || strings.HasPrefix(lead, "—") || strings.HasPrefix(lead, "~")
	last := j == len(a.toks) && i > 0
	after := i > 0 && a.in(&a.toks[i-1], vSignOffs) && a.toks[i-1].LineEnd
	cred := names < j
	if !(dash || last || after || cred) {
		return
	}
	for k := i; k < names; k++ {
		sig[k] = true
	}
}

// persons finds person names. blockSeed marks words that cannot start a
// name on lexical evidence alone (they are in a place or an organisation);
// blockExt marks words a name cannot grow into.
func (a *analysis) persons(blockSeed, blockExt []bool) []span {
	n := len(a.toks)
	sig := a.signatureLines()
	var out []span
	for i := 0; i < n; i++ {
		if a.tf[i]&tfHandle == 0 && a.seedSkip(i, sig) {
			continue // no hashtag, and personSeed finds nothing here
		}
		if a.isHashtag(i) {
			if s, ok := a.hashName(i); ok && !blockSeed[i] {
				out = append(out, s)
			}
			continue
		}
		if a.seedSkip(i, sig) {
			continue // personSeed finds nothing here
		}
		conf, typ := a.personSeedAll(i, sig, blockSeed)
		if conf == 0 {
			continue
		}
		s := span{i: i, j: i + 1, conf: conf, typ: typ}
		lowerSeed := a.toks[i].Shape == shapeLower
		// Grow over neighbouring name words, initials and particles. The
		// title before a name is left out of the span, so that "Dr." stays
		// readable ("Dr. [name]") and the name is what propagates.
		for k := s.j; k < n && a.adjacent(k) && !a.toks[k-1].Poss && !blockExt[k]; k++ {
			if a.nameCont(k, lowerSeed) || k == i+1 && (a.lowerSurnameAfter(i) || lowerSeed && a.f(i).births >= 1000 && a.lowerSurname(k) || lowerSeed && a.lowerPair(i)) {
				s.j = k + 1
				continue
			}
			if a.in(&a.toks[k], vNameParticles) && a.toks[k].Shape == shapeLower {
				// One or two particles: "ten Pas", "van de Noort".
				m := k + 1
				if m < n && a.in(&a.toks[m], vNameParticles) && a.toks[m].Shape == shapeLower && a.adjacent(m) {
					m++
				}
				if m < n && a.adjacent(m) && !blockExt[m] && a.nameCont(m, false) {
					s.j = m + 1
					k = m
					continue
				}
			}
			break
		}
		for k := s.i - 1; k >= 0 && a.adjacent(k+1) && !a.toks[k].Poss && !blockExt[k]; k-- {
			// "Pieter van Dijkstra": a particle between the name and a first
			// name before it.
			if a.in(&a.toks[k], vNameParticles) && a.toks[k].Shape == shapeLower && k > 0 && a.adjacent(k) && !blockExt[k-1] &&
				a.toks[k-1].Shape == shapeTitle && !a.toks[k-1].Poss && a.f(k-1).births >= 1000 && a.nameCont(k-1, false) {
				s.i = k - 1
				k--
				continue
			}
			if a.isTitle(k) > 0 || !a.nameCont(k, lowerSeed) {
				break
			}
			s.i = k
		}
		// "mehmood sahab", "Rahul ji": an honorific after the name is
		// part of it as written.
		if k := s.j; k < n && a.adjacent(k) && !a.toks[k-1].Poss && a.in(&a.toks[k], vNameHonorifics) && !a.toks[k].Caps {
			s.j = k + 1
		}
		// A social title written without a period, as British and legal
		// style does ("Mr Gordon Pettigrew", "Ms Bah"), is part of the name as
		// written. The planner keeps honorifics as they are, so the text
		// still reads "Mr ..."; "Dr." and "Mrs." stay outside the span.
		if k := s.i - 1; k >= 0 && a.adjacent(s.i) && a.in(&a.toks[k], vSocialTitles) && !a.toks[k].Dot && a.toks[k].IsCap() && !a.toks[k].Poss {
			s.i = k
		}
		out = append(out, s)
		i = s.j - 1
	}
	a.sc.giveBack(&a.sc.sig, sig)
	return a.coordinated(mergeSpans(out), blockSeed)
}

// nameCont reports whether word k can continue a name next to a name word.
// initialSurname reports whether word k, after a first name at word first
// and a middle initial, is a frequent surname: "Trevor B Jenkins", "Tom B
// Baker", where the surname is also an everyday word.
func (a *analysis) initialSurname(first, k int) bool {
	if first < 0 || k >= len(a.toks) {
		return false
	}
	g := a.f(k)
	return a.f(first).births >= 1000 && g.surname > 0 && g.surname <= 20000 && !g.date && !g.title && !g.kin
}

func (a *analysis) nameCont(k int, lower bool) bool {
	t := &a.toks[k]
	// "Duarte F Quintela": "A" between a name and a name word that is no
	// common word.
	// "Ray I. Lindqvist": "I." after a capitalised word is an initial there,
	// not the pronoun.
	iInitial := t.Text == "I" && t.Dot && k > 0 && t.Gap == " " && a.toks[k-1].Shape == shapeTitle && a.toks[k-1].Letters >= 2
	if (t.Text == "A" || iInitial) && !t.SentStart && !t.Poss && k+1 < len(a.toks) && a.adjacent(k+1) && a.toks[k+1].Shape == shapeTitle &&
		!a.toks[k+1].Caps && (a.f(k+1).isName() && !a.f(k+1).common(50) || a.f(k+1).wl == 0 && a.f(k+1).abbrev == 0 && a.toks[k+1].Letters >= 3 ||
		a.initialSurname(k-1, k+1)) {
		return true
	}
	if t.Handle || t.Shape == shapeNone || a.stop(t) || a.contraction(t) || a.chat(t) {
		return false
	}
	// "Fenna R Hoekstra": a surname after a middle initial written without a
	// full stop may be a word too.
	if k >= 2 && t.Shape == shapeTitle && !t.Caps && !t.SentStart && !t.Poss && a.adjacent(k) && a.adjacent(k-1) &&
		a.toks[k-1].Letters == 1 && a.toks[k-1].Shape == shapeTitle && !a.toks[k-1].Dot && a.toks[k-2].Shape == shapeTitle &&
		(!a.f(k).common(20) || a.initialSurname(k-2, k)) {
		return true
	}
	if t.IsInitial() || (t.Letters == 1 && t.Shape == shapeTitle && t.Lower != "i" && t.Lower != "a") {
		return true
	}
	f := a.f(k)
	if f.date || a.clinicalWord(k) {
		return false
	}
	switch {
	case t.Caps:
		return (f.isName() && !f.common(35)) || (f.wl == 0 && f.abbrev == 0 && t.Letters >= 3)
	case t.Shape == shapeTitle || t.Shape == shapeUpper:
		if t.SentStart {
			return !f.common(60) || f.births >= 500 || (f.surname > 0 && f.surname <= 10000)
		}
		// "Dr Leopold Farthing": after a title and a first name, the
		// surname, even one that is also a word.
		titledFirst := k >= 2 && a.adjacent(k-1) && a.titleBefore(k-1) == 2 && a.f(k-1).births >= 1000
		return f.isName() || !f.common(60) || titledFirst && !t.Caps
	case t.Shape == shapeLower && lower && t.Letters == 1:
		// A middle initial in lower case before a surname: "emidio p lombardo".
		return !t.Poss && k+1 < len(a.toks) && a.adjacent(k+1) && a.toks[k+1].Letters >= 3 && a.lowerSurname(k+1)
	case t.Shape == shapeLower && lower:
		return f.isName() && !f.common(50)
	}
	return false
}

// personSeed decides whether word i is a person's name on its own evidence,
// and how surely.
func (a *analysis) personSeed(i int, sig, blockSeed []bool) (float64, string) {
	if a.seedSkip(i, sig) {
		return 0, ""
	}
	return a.personSeedAll(i, sig, blockSeed)
}

// seedSkip reports whether personSeedAll finds nothing at word i by its
// first tests: a word without letters, or a word in lower case in a line
// not in capitals, outside a signature, that lowerSeedMay turns away.
func (a *analysis) seedSkip(i int, sig []bool) bool {
	tf := a.tf[i]
	return tf&tfNone != 0 || tf&tfLowerSeedNo != 0 && !sig[i]
}

// lowerSeedMay is what personSeedAll asks first of a word in lower case in
// a line that is not in capitals, outside a signature: every rule that can
// find a name there needs the word to be in a name list, a proper noun
// SCOWL lists, a word in no word list or a rare one (SCOWL above 50), or
// else to follow an initial ("d. renna"). Most words of running prose are
// none of these, and personSeedAll then finds nothing at them: the rules
// for such a word are asked of its features, not one by one with its
// neighbours.
func (a *analysis) lowerSeedMay(i int) bool {
	if a.ff(i)&ffSeed != 0 {
		return true
	}
	return i > 0 && a.toks[i-1].Dot && a.toks[i-1].Letters == 1
}

// personSeedAll is personSeed without lowerSeedMay's gate.
func (a *analysis) personSeedAll(i int, sig, blockSeed []bool) (float64, string) {
	t := &a.toks[i]
	// "mr I remained on pressors": after a social title, a lone capital
	// is the initial that stands for the surname, even "I" or "A".
	if t.Letters == 1 && (t.Shape == shapeUpper || t.Shape == shapeTitle) && !t.Dot && i > 0 && a.adjacent(i) && a.in(&a.toks[i-1], vSocialTitles) &&
		(i+1 >= len(a.toks) || a.toks[i+1].Shape == shapeLower) {
		return 0.6, "titled"
	}
	if t.Shape == shapeMixed && a.titleBefore(i) == 2 && hyphenedName(t.Text) {
		// "Dr. Ashby-lane": a hyphenated surname whose second part is
		// written in lower case.
		return 0.8, "titled"
	}
	if t.Handle || t.Shape == shapeNone || t.Shape == shapeMixed || a.stop(t) || a.contraction(t) || a.chat(t) {
		return 0, ""
	}
	if a.initialsPair(i) {
		return 0.7, "first+surname"
	}
	f := a.f(i)
	if f.date || !a.vowel(t) || (a.isTitle(i) > 0 && i+1 < len(a.toks) && a.adjacent(i+1) && a.toks[i+1].Shape != shapeLower) {
		return 0, ""
	}
	// Only a capital initial in ordinary text says "name"; a word in
	// capitals ("GU", "MAE", "NEO") is most often an abbreviation.
	informative := t.Shape == shapeTitle && !t.Caps
	upper := t.Caps || t.Shape == shapeUpper
	// After a title: "Dr. Zanetti", "Pastor Hope", "DR PRENTICE", "dr vasquez".
	if tc := a.titleBefore(i); tc > 0 && a.isTitle(i) == 0 && !(a.clinicalWord(i) && !a.in(&a.toks[i-1], vStrongTitles)) {
		switch {
		case informative && t.Letters >= 2 && (tc == 2 || f.isName() || !f.common(50)) && !a.roleAbbrevWord(i):
			return 0.9, "titled"
		case upper && (f.isName() || !f.common(50)) && f.abbrev == 0 && !a.roleAbbrevWord(i):
			return 0.85, "titled"
		case t.Shape == shapeLower && tc == 2 && ((f.isName() && !f.common(35)) || f.wl == 0) && t.Letters >= 2 && !a.noteAbbrevTitle(i-1):
			return 0.8, "titled"
		case t.Shape == shapeLower && tc == 2 && strings.HasPrefix(t.Gap, ".") && f.surname > 0 && f.surname <= 20000 &&
			t.Letters >= 3 && !f.date && !a.clinicalWord(i):
			// "per dr. marsh order": a surname that is also a word, after
			// a title written with its full stop.
			return 0.7, "titled"
		case t.Shape == shapeLower && tc == 2 && f.surname > 0 && f.surname <= 20000 && t.Letters >= 3 && a.titledListMate(i-1):
			// "dr rizzo, dr small": a surname that is also a word, in a
			// list of titled names.
			return 0.7, "titled"
		}
	}
	// After a kinship or role word: "her son Mateo", "my client Rose".
	// kinCase: what the word itself must be for a case below to hold,
	// asked before the words around it.
	kinCase := informative && (f.nameish() || !f.common(50)) || upper ||
		t.Shape == shapeLower && (f.births >= 1000 || !f.common(60) || f.wl == 0)
	if !f.kin && kinCase && a.cueBefore(i, a.isKin) {
		switch {
		case informative && (f.nameish() || !f.common(50)):
			return 0.85, "kin"
		case upper && ((f.nameish() && !f.common(35)) || f.births >= 1000) && !a.modalVerb(i):
			return 0.8, "kin"
		case t.Shape == shapeLower && f.births >= 1000 && (!f.common(60) || a.beforeRoleCue(i) || a.beforeSurname(i) || a.beforeVisitCue(i)):
			// "son don reid", "NP grace made aware", "dtr bea called": a
			// first name that is also a word, with a surname, a report
			// verb or a verb of a relative's visit or call after it.
			return 0.6, "kin"
		case t.Shape == shapeLower && !f.common(60) && f.abbrev == 0 && (f.births > 0 || f.proper > 0 && !a.isClinical()) && t.Letters >= 2 && !a.chat(t) &&
			!strings.HasSuffix(t.Lower, "ed") && !strings.HasSuffix(t.Lower, "ing"):
			// "my niece kat visited", "dtr liv called": a first name in
			// lower case that is no common word, after a kinship word:
			// any first name, or a proper name SCOWL lists.
			return 0.6, "kin"
		case t.Shape == shapeLower && f.wl == 0 && a.lowerNameWord(i) && a.informal() && !a.isClinical() && a.clinicalHits == 0 &&
			!strings.HasSuffix(t.Lower, "ed") && !strings.HasSuffix(t.Lower, "ing"):
			// "my cousin cicibussey": a word in no list, in a comment.
			return 0.5, "kin"
		}
	}
	// Vocatives: "Hi Grace", "Thanks, Will."
	if informative && f.nameish() && a.cueBefore(i, a.isGreeting) {
		return 0.8, "vocative"
	}
	// "THANKS BRANDT": in capitals, a name or a word in no list after a
	// greeting.
	if upper && t.Letters >= 3 && (f.nameish() && !f.common(35) || f.wl == 0 && f.abbrev == 0) && !a.chat(t) && !a.stretchedWord(t) &&
		a.cueBefore(i, a.isAddress) && a.informal() && !a.isClinical() {
		return 0.6, "vocative"
	}
	// "THANK YOU ZEPHYR": in capitals at the end of a line, a word SCOWL
	// lists as a proper noun, that the name lists have, and that is no
	// basic word (not "TWITTER").
	if upper && t.Letters >= 3 && t.LineEnd && f.proper > 0 && f.isName() && !f.common(20) && f.abbrev == 0 && !f.kin && !f.title && !a.chat(t) &&
		a.cueBefore(i, a.isAddress) && a.informal() && !a.isClinical() {
		return 0.6, "vocative"
	}
	// "thank you Trudi!": a word in no list after a greeting.
	if informative && !t.SentStart && f.wl == 0 && (f.proper == 0 || f.proper >= 80) && f.abbrev == 0 && t.Letters >= 3 && !a.chat(t) &&
		!a.stretchedWord(t) && a.cueBefore(i, a.isGreeting) {
		return 0.6, "vocative"
	}

	if sig[i] {
		return 0.8, "signature"
	}
	// After a verb of reaching someone: "able to reach Rob", "paged Will".
	if informative && !t.SentStart && f.births >= 1000 && i > 0 && a.adjacent(i) && a.in(&a.toks[i-1], vContactVerbs) {
		return 0.7, "contact"
	}
	// An initial before a word that is no ordinary word: "R. Kowal",
	// "W. CASTELLI", "d. renna".
	if i > 0 && a.adjacent(i) && a.toks[i-1].Dot && a.toks[i-1].Letters == 1 && strings.HasPrefix(t.Gap, ". ") &&
		(i == 1 || strings.TrimRight(a.toks[i-1].Gap, " \t(") != strings.TrimRight(a.toks[i-1].Gap, " \t") || a.toks[i-1].Gap == "" ||
			strings.ContainsAny(a.toks[i-1].Gap[len(a.toks[i-1].Gap)-1:], " \t\n(-")) {
		// After a title the initial needs no more: "DR B. HAYDEN".
		titled := i >= 2 && a.titleBefore(i-1) == 2
		if t.Letters >= 2 && (f.isName() && !f.common(50) || f.wl == 0 && !vocab.MedicalShape(t.Lower) || titled && !a.stop(t)) && !a.clinicalWord(i) &&
			(t.Shape == a.toks[i-1].Shape || t.Shape == shapeUpper || t.Shape == shapeTitle || a.lowerAfterInitial(i)) {
			return 0.75, "initial"
		}
	}
	// A first name, a middle initial written without a full stop and a
	// surname: "Fenna R Hoekstra", "Duarte F Quintela".
	if informative && t.Letters >= 3 && i+2 < len(a.toks) && a.adjacent(i+1) && a.adjacent(i+2) && a.toks[i+1].Gap == " " &&
		a.toks[i+1].Letters == 1 && a.toks[i+1].Shape == shapeTitle && !a.toks[i+1].Dot && a.nameCont(i+1, false) &&
		a.toks[i+2].Shape == shapeTitle && !a.toks[i+2].Caps && a.toks[i+2].Letters >= 2 && !a.stopAt(i+2) &&
		(f.isName() && !f.common(50) || f.wl == 0 && f.abbrev == 0 && !vocab.MedicalShape(t.Lower)) &&
		(a.f(i+2).isName() || !a.f(i+2).common(20)) {
		return 0.7, "initial"
	}
	// Before a credential or a clinical report verb: "Jon Devaux RRT",
	// "florencia cooke np", "grace dudak aware".
	if t.Letters >= 2 && (f.nameish() && !f.common(35) ||
		f.births >= 1000 && i+1 < len(a.toks) && a.adjacent(i+1) && (a.f(i+1).isName() || a.f(i+1).wl == 0)) && a.beforeRoleCue(i) {
		if informative && a.capitalPair(i) {
			return 0.85, "first+surname" // "Ana Ruiz, MD"
		}
		return 0.6, "role"
	}
	if blockSeed[i] {
		return 0, ""
	}
	// A comment that opens with a name: "Grace – thank you", "Marisol, ...".
	if informative && t.SentStart && f.births >= 1000 && i+1 < len(a.toks) && !a.clinicalWord(i) {
		g := strings.TrimLeft(a.toks[i+1].Gap, " \t")
		if !a.toks[i].Poss && (strings.HasPrefix(g, "–") || strings.HasPrefix(g, "—") || strings.HasPrefix(g, "- ") ||
			(strings.HasPrefix(g, ",") && !f.common(35))) {
			return 0.7, "vocative"
		}
	}
	if t.Shape != shapeLower && a.usedAsWord(i) || a.clinicalWord(i) {
		return 0, ""
	}
	// A language ("Amharic", "Gujarati"), capitalised as one writes
	// it, with no title or kinship word before it, names no one, even when
	// a surname list has it too; a frequent first name that is also a
	// language or a people stays a name.
	if t.Shape != shapeLower && f.births < 1000 && a.inCategoryText(t, lexicon.Language) {
		return 0, ""
	}
	if informative && a.capitalPair(i) {
		return 0.85, "first+surname"
	}
	switch {
	case informative:
		if f.isName() && f.kin {
			// "my Nanna", "Grandad said": a kinship word alone, which
			// some name list also has, names a relation, not who.
			return 0, ""
		}
		if f.isName() {
			if !t.SentStart && !f.common(60) {
				return 0.9, "name"
			}
			if t.SentStart && (f.wl == 0 || f.wl > 70 || f.wl > 45 && f.births >= 20000 && !f.common(45) && a.informal() && !a.isClinical()) {
				return 0.8, "name"
			}
			// "Grace's", "Rose's": a possessive in mid-sentence.
			if t.Poss && !t.SentStart && f.nameish() {
				return 0.7, "name"
			}
			// "Kasich's a liar": a surname that is no first name, with a
			// possessive, opening a sentence of a comment.
			if t.Poss && t.SentStart && f.surname > 0 && f.surname <= 10000 && f.births < 1000 && !f.common(20) && f.abbrev == 0 &&
				a.informal() && !a.isClinical() {
				return 0.6, "name"
			}
			if a.midCapName(i) || a.addressOpening(i) {
				return 0.5, "name"
			}
			// "a Kasich supporter", "shitty Kasich jokes": a name before
			// the people or the jokes that follow a public figure.
			if !t.SentStart && (f.births >= 1000 || wordNameFeat(f)) && a.beforeFollowers(i) {
				return 0.6, "name"
			}
			// "Wade Pruitt, Rod Haskell and ...": a first name opening a
			// sentence before a surname that is no common word.
			if t.SentStart && a.fullNameAhead(i) {
				return 0.7, "name"
			}
			return 0, ""
		}
		if t.Shape == shapeTitle && !t.SentStart && f.wl == 0 && f.proper == 0 && f.abbrev == 0 && t.Letters >= 3 &&
			!f.title && a.vowel(t) && !a.drugShape(i) && !a.lex.IsPlace(t.Lower) {
			return 0.5, "unknown"
		}
		if a.openingUnknown(i) {
			return 0.5, "unknown"
		}
	case upper:
		// Capitals say nothing here: only a frequent name that is no word.
		if f.wl == 0 && f.abbrev == 0 && t.Letters >= 4 && (f.births >= 5000 || (f.surname > 0 && f.surname <= 5000)) {
			return 0.7, "name"
		}
		if a.shoutedName(i) {
			return 0.5, "name"
		}
	case t.Shape == shapeLower:
		if a.ff(i)&ffLowerTail == 0 {
			break // what each rule below needs of the word
		}
		if a.afterSubjectPronoun(i) || a.isClinical() && a.eponym(i) || a.foreign() {
			break
		}
		if a.lowerPair(i) {
			return 0.6, "lowercase"
		}
		if f.births >= 15000 && f.wl == 0 && f.abbrev == 0 && t.Letters >= 3 {
			return 0.3, "lowercase"
		}
		if a.lowerName(i) {
			return 0.3, "lowercase"
		}
		if a.lowerCued(i) {
			return 0.4, "lowercase"
		}
	}
	return 0, ""
}

// capitalPair reports whether capitalised word i is a frequent first name
// followed by a surname, also capitalised: "Jon Dawes", "Marisol Lopez".
// Each word alone can be an ordinary word ("Will", "Rose", "Brown"), which
// is why the single-word rules leave them; together they are a person. A
// pair the gazetteer knows as a place ("Mount Vernon") or whose second word
// is a title or a cue word of places and organisations is left alone.
func (a *analysis) capitalPair(i int) bool {
	k := i + 1
	if k >= len(a.toks) || !a.adjacent(k) || a.toks[i].Poss {
		return false
	}
	t, s := &a.toks[i], &a.toks[k]
	if t.Letters < 3 || s.Letters < 2 || s.Shape != shapeTitle || s.Caps || s.Handle || a.stop(s) {
		return false
	}
	f, g := a.f(i), a.f(k)
	if f.births < 1000 || f.title || f.kin || f.date || g.surname == 0 || g.title || g.kin || g.date || g.abbrev != 0 {
		return false
	}
	// A very common word as surname needs a frequent surname ("Brown",
	// "Young"); rarer words only need to be surnames at all.
	if g.common(35) && g.surname > 5000 {
		return false
	}
	if a.clinicalWord(i) || a.clinicalWord(k) || a.lex.IsPlace(t.Lower+" "+s.Lower) {
		return false
	}
	return extraCues[s.Lower] == "" && (!a.mayOpenOrgCue(s.Lower, false) || a.orgCue([]string{s.Lower}) == 0)
}

// hasVowel reports whether a word has a vowel; "Hct" and "Pt" are
// abbreviations, not names.
func hasVowel(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y':
			return true
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(w[i:], "aeiouyàáâãäåèéêëìíîïòóôõöùúûüýÿ")
		}
	}
	return false
}

// hasHyphen reports whether w holds a hyphen, plain or typographic.
func hasHyphen(w string) bool {
	// containsAnyASCIIFirst(w, "-", "-‐‑"), without making its byte set.
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '-':
			return true
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(w[i:], "-‐‑")
		}
	}
	return false
}

// usedAsWord reports whether the text itself uses word i's word as an
// ordinary lower-case word, repeatedly or more often than capitalised
// ("Foley" and "foley", "Neo" and "neo" in a clinical note): then a
// capitalised occurrence without context is not taken for a name.
func (a *analysis) usedAsWord(i int) bool {
	id := a.toks[i].ID // the counts are made with the analysis
	lc := a.lowerCount[id]
	return lc >= 2 || (lc > 0 && lc >= a.capCount[id])
}
