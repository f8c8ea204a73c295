package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/lexfacts"
	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Option configures a Detector.
type Option func(*Detector)

// WithLexicon lets the detector drop names that prose makes of ordinary
// words, abbreviations and acronyms ("Supervision", "Pt", "SBP"), which on
// clinical notes are nearly all it finds. Without a lexicon every entity
// prose reports is kept.
func WithLexicon(lex *lexicon.Lexicon) Option {
	return func(d *Detector) { d.lex = lex }
}

// WithClinical gives the vetting of WithLexicon the dictionary recognizers'
// reading of clinical notes: note reports whether a whole document reads as
// a clinical note (dict.ClinicalNote), misspelt whether a lower-case word no
// list knows is one edit from a common word or a clinical term
// (dict.Misspelt). They are handed in so that ner does not depend on dict.
// Without them no text is a note and no word misspelt, and prose's names in
// notes are kept more often.
func WithClinical(note func(doc *deid.Doc) bool, misspelt func(lw string) bool) Option {
	return func(d *Detector) { d.note, d.misspelt = note, misspelt }
}

// bigName is the number of births above which a first name that is also a
// word ("Marisol", "Hope") is still taken for a name when prose says so.
const bigName = 50_000

// commonLevel is the highest SCOWL level of an everyday word ("Plan",
// "Gates", "Haven"): such a word is a name only with more evidence than
// prose's say-so.
const commonLevel = 60

// verdict is why the lexicon filter keeps or drops one entity. The zero
// value drops it; tests and the evaluation tools name the rule that decided.
type verdict int

const (
	dropNoNameWord   verdict = iota // every word is ordinary, an acronym or an abbreviation
	dropGroupWord                   // a nationality or a language ("English", "Chinese")
	dropPlace                       // in shorthand, a word no list knows called a place with no evidence
	dropWeak                        // in shorthand, an ordinary word that is also a name
	dropLink                        // a web address, which the URL rule reports as a contact
	dropEponym                      // in shorthand, a name before a sign, disease or device it names
	dropOpeningVerb                 // an ordinary word opening a sentence before a pronoun ("Hope you are well")
	dropKinWord                     // a kinship word alone called a place ("Grandad said"), a blog software label, or a site under "Share this:"
	dropJobTitle                    // a job title of several words, capitalised ("Staff Nurse")
	dropAppName                     // a word no list knows before "app": an app's name, kept as written
	keepNameWord                    // a word that is not an ordinary one
	keepMidSentence                 // an ordinary word that is also a name, capitalised mid-sentence
	keepKnownPlace                  // a country, a US state or a gazetteer place with a locative
	keepPersonWord                  // called a place, but a first name or surname: a person
	keepLocative                    // a place after "in", "from", "near" ...
	keepUnknownPlace                // in ordinary prose, a word no list knows called a place
	keepTitled                      // a person's title and a capitalised word ("Mr Brown")
	keepMedium                      // a word no list knows called a place, written as a brand or after "on"/"via": a site or app, so an organisation
)

func (v verdict) keep() bool { return v >= keepNameWord }

// plausible reports whether an entity prose found can be a name, and of what
// kind. At least one of its words must be one that an ordinary text would
// not use as a common word, abbreviation or acronym, or the entity must be
// capitalised in the middle of a sentence and hold a word known as a name.
// lowerWords holds the words the text writes in lower case ("pt" makes "Pt"
// ordinary). A place must also be known to the gazetteer, come after a word
// that introduces places, or be a person's name that prose mislabelled.
func (d *Detector) plausible(t *textInfo, f deid.Finding) (deid.Kind, bool) {
	k, v := d.vet(t, f)
	return k, v.keep()
}

// interfaceWord tells the words that posts write with capitals but that
// name no place: a kinship word alone ("Grandad said it was fine"), which
// prose sometimes calls a place (called a person, it may be what someone
// is called, "Baby", and stays), and the labels of blog software
// ("Pingback"). It returns keepNameWord when none applies.
func (d *Detector) interfaceWord(text string, f deid.Finding, words []string) verdict {
	if len(words) != 1 {
		return keepNameWord
	}
	w := words[0]
	if strings.HasPrefix(f.Text, "#") {
		return keepNameWord // hashtags have their own rules
	}
	if f.Kind == deid.Place && d.lex.InCategory(lexicon.Kinship, w) {
		return dropKinWord
	}
	if f.Kind == deid.Person && afterArticle(text, f.Start) && d.lex.InCategory(lexicon.Kinship, w) {
		// "my Nanna", "our Grandad": after a possessive, a kinship
		// word is the relation, not what someone is called.
		return dropKinWord
	}
	if vocab.BlogSoftwareWords().Has(strings.ToLower(w)) {
		return dropKinWord
	}
	if f.Kind == deid.Place && !d.knownPlace(w) && underShareLabel(text, f.Start, f.End) {
		return dropKinWord
	}
	return keepNameWord
}

// underShareLabel reports whether [start, end) fills a line of its own (a
// list item or a bare line) in a run of such lines under a share or follow
// label.
func underShareLabel(text string, start, end int) bool {
	ls := strings.LastIndexByte(text[:start], '\n') + 1
	le := strings.IndexByte(text[end:], '\n')
	if le < 0 {
		le = len(text) - end
	}
	if strings.TrimSpace(text[end:end+le]) != "" || strings.Trim(text[ls:start], " \t-*+") != "" {
		return false
	}
	// Walk up over the other items and blank lines to the label.
	for pos := ls; pos > 0; {
		prev := strings.LastIndexByte(text[:pos-1], '\n') + 1
		line := strings.TrimSpace(text[prev : pos-1])
		pos = prev
		if line == "" || strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "+ ") ||
			!strings.ContainsAny(line, " :") {
			continue
		}
		words := strings.Fields(strings.ToLower(strings.TrimRight(line, ":")))
		if len(words) == 0 || words[0] != "share" && words[0] != "follow" {
			return false
		}
		for _, w := range words {
			if !vocab.ShareLabelWords().Has(w) {
				return false
			}
		}
		return true
	}
	return false
}

// vet is plausible with the rule that decided.
func (d *Detector) vet(t *textInfo, f deid.Finding) (deid.Kind, verdict) {
	text := t.text
	if d.lex == nil {
		return f.Kind, keepNameWord
	}
	name := f.Text
	if isLink(name) {
		return f.Kind, dropLink
	}
	if d.lex.InCategory(lexicon.Nationality, name) || d.lex.InCategory(lexicon.Language, name) {
		return f.Kind, dropGroupWord
	}
	if ts := titleRun(text, f.Start); f.Kind != deid.Organization && afterArticle(text, ts) && d.jobTitle(text[ts:f.End]) {
		// "the Charge Nurse", "a Social Worker": a job title written
		// with capitals, as rotas and signatures do, names a role; it
		// takes an article or a possessive, which a nickname of the same
		// shape ("Captain Thunder") does not.
		return f.Kind, dropJobTitle
	}
	mid := midSentence(text, f.Start)
	strong, nameLike, personal := false, false, false
	words := nameWords(name)
	if v := d.interfaceWord(text, f, words); v != keepNameWord {
		return f.Kind, v
	}
	if len(words) == 1 && sentenceStart(text, f.Start) && d.openingVerb(words[0], text[f.End:]) {
		// "Hope you are well", "Mark my words", "Trust me": the capital is
		// the sentence's, and the word a verb.
		return f.Kind, dropOpeningVerb
	}
	if split := splitCamel(words); strings.HasPrefix(name, "#") && len(split) > len(words) {
		// A hashtag in camel case capitalises every word of a phrase:
		// its capitals say nothing.
		words, mid = split, false
	}
	if len(words) > 1 && proseTitle(words[0]) && f.Kind == deid.Person {
		// "Mr Brown", "Dr. White": a title makes any name a person's.
		return deid.Person, keepTitled
	}
	// The cheap tests of the words go before shorthand, which reads the whole text the
	// first time it is asked: most texts never need it.
	if f.Kind == deid.Person && vocab.EponymBefore(text[f.End:]) && d.shorthand(t) {
		// "Kussmaul's respirations", "Quinton catheter".
		return f.Kind, dropEponym
	}
	drug := inDoseContext(text, f.Start, f.End)
	for _, w := range words {
		e := d.wordEvidence(t, w)
		if e.strong || e.nameList {
			if d.clinicalVocab(name, w, e) && d.shorthand(t) {
				e = evidence{ordinaryCase: true}
			}
		}
		if e.wordToo && d.shorthand(t) {
			e.strong = false
		}
		if e.strong && !e.person && (drug || vocab.DrugShaped(strings.ToLower(w))) {
			// A drug in an order ("Ativan 1mg IV", "Flovent bid") or
			// with a drug stem ("Levofloxacin"): a word no list knows,
			// but not a name.
			e.strong, e.nameList = false, false
		}
		strong = strong || e.strong
		nameLike = nameLike || e.nameList && !e.ordinaryCase
		personal = personal || e.person && (e.strong || mid)
	}
	known := d.knownPlace(name)
	v := keepNameWord
	switch {
	case strong:
	case known && (afterLocative(text, f.Start) || len(nameWords(name)) > 1):
		// "in Phoenix", "United Kingdom": a place of ordinary words.
		return deid.Place, keepKnownPlace
	case mid && nameLike:
		if d.shorthand(t) {
			return f.Kind, dropWeak
		}
		v = keepMidSentence
	default:
		return f.Kind, dropNoNameWord
	}
	if len(words) == 1 && !known && !personal && (f.Kind == deid.Place || f.Kind == deid.Organization) && !d.shorthand(t) {
		// "notes in Scrivly", "the Calmora app": a site or an app (medium.go).
		if appNameBefore(text, f.End) {
			return f.Kind, dropAppName
		}
		if inMediumContext(text, f.Start, f.End) {
			return deid.Organization, keepMedium
		}
	}
	if last := words[len(words)-1]; len(words) > 1 && d.isOrgWord(last) && !d.hasFirstName(words[:len(words)-1]) {
		// "United Kingdom Government", "Ankara Administrative Court":
		// an institution, whatever prose called it, and one whose words
		// are not to be looked for as a person's elsewhere.
		return deid.Organization, v
	}
	if f.Kind != deid.Place {
		return f.Kind, v
	}
	switch {
	case personal && len(words) == 1 && !afterLocative(text, f.Start) && d.firstNameOverTown(words[0]):
		// "Hope was born in 1990", "Faith is hard": a frequent first
		// name that some small town also has is the person.
		return deid.Person, keepPersonWord
	case known:
		return deid.Place, keepKnownPlace
	case afterLocative(text, f.Start):
		return deid.Place, keepLocative
	case d.shorthand(t):
		return f.Kind, dropPlace
	case personal:
		// prose often calls a lone first name or surname a place
		// ("Kylie", "Jensen").
		return deid.Person, keepPersonWord
	case len(words) == 1 && (vocab.BrandShaped(words[0]) || afterMedium(text, f.Start)):
		// "posted it on Flickr", "a ZoomInfo profile": a word no list
		// knows as a place, written as brands are or named as the
		// medium something was shared on, is a site or an app: an
		// organisation's name, never a town.
		return deid.Organization, keepMedium
	}
	return f.Kind, keepUnknownPlace
}

// jobTitle reports whether name is a job title of several words: the
// occupation table has it whole, or its last word is an occupation noun
// and each word before is a common word that is no frequent first name
// ("Senior Care Worker", "Night Porter"). "Lark Fletcher" and "Mina Nurse"
// stay names: a frequent first name or a word no list knows says person.
func (d *Detector) jobTitle(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	if d.lex.InCategory(lexicon.Occupation, strings.ToLower(name)) {
		return true
	}
	last := strings.ToLower(words[len(words)-1])
	if !d.roleHead(last) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		lw := strings.ToLower(strings.TrimRight(w, ".,"))
		x := d.lexFactsOf(lw, d.lex.Facts(lw))
		if !x.isWord || x.level > commonLevel || x.first && x.births >= 1000 {
			return false
		}
	}
	return true
}

// wordBefore returns the bounds [start, end) of the run of ASCII letters
// that ends where the spaces before off begin; start == end when none does.
func wordBefore(text string, off int) (start, end int) {
	end = off
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	start = end
	for start > 0 && (text[start-1] >= 'a' && text[start-1] <= 'z' || text[start-1] >= 'A' && text[start-1] <= 'Z') {
		start--
	}
	return start, end
}

// afterArticle reports whether the word before off is an article or a
// possessive determiner.
func afterArticle(text string, off int) bool {
	j, i := wordBefore(text, off)
	return i < off && vocab.Articles().Has(strings.ToLower(text[j:i]))
}

// evidence is what the lexicons say about one word of an entity.
type evidence struct {
	strong       bool // not an ordinary word: a name by itself
	nameList     bool // a first name, a surname or a proper noun
	person       bool // a first name or surname that is not also a place word
	ordinaryCase bool // written in lower case elsewhere, an acronym, or too short
	wordToo      bool // a name, but also a rarer dictionary word
}

// wordEvidence returns what the lexicons say about w, a word of t's text.
func (d *Detector) wordEvidence(t *textInfo, w string) evidence {
	n := utf8.RuneCountInString(w)
	if n < 2 {
		return evidence{ordinaryCase: true}
	}
	// The lower case of a short ASCII word is written on the stack: it is
	// only looked up (lexicons, sets, the text's words), never kept.
	var buf [32]byte
	lw := lowerASCII(buf[:0], w)
	if t.lower.has(lw) || vocab.ChatSpellings().Has(lw) || elongated(lw) {
		return evidence{ordinaryCase: true}
	}
	// What the lexicons say of lw is asked again for each word asked:
	// a word is asked once by candidate (which keeps its answer) and
	// rarely again by vet, which a map of the answers cost more than.
	stem, clitic := cutClitic(lw)
	lx := d.lexFactsOfStem(t.words(d.lex).FactsOf(lw), stem, clitic)
	if clitic {
		if lx.stemIsWord || vocab.ChatSpellings().Has(stem) {
			return evidence{ordinaryCase: true} // "We'd", "That'd", "Would've"
		}
	}
	if n <= 4 && w == strings.ToUpper(w) {
		return evidence{ordinaryCase: true} // an acronym: SBP, GI, HCT
	}
	isFirst, isSurname, proper := lx.first, lx.surname, lx.proper
	e := evidence{nameList: isFirst || isSurname || proper, person: isFirst || isSurname}
	if lx.abbrev && !isFirst {
		e.nameList, e.person = false, false
		return e
	}
	switch {
	case lx.isWord && lx.level <= commonLevel:
		e.strong = isFirst && lx.births >= bigName
	case isFirst || isSurname:
		e.strong = true
		// A rarer dictionary word that is also a name ("Foley",
		// "Heyward"): in shorthand, the word is the likelier reading.
		e.wordToo = lx.isWord && !(isFirst && lx.births >= bigName)
	case lx.isWord:
		// A rarer dictionary word ("Heparin" is level 60-80) is not
		// a name, unless it is also a proper noun.
		e.strong = proper
	default:
		// A word no list knows ("Okonkwo", "Zanetti") can be a name.
		e.strong = true
	}
	return e
}

// lexWord is what the lexicons say of a lower-case word, for wordEvidence.
type lexWord struct {
	births                 int // first-name births, female and male
	level                  int // SCOWL level as a word
	first, surname, proper bool
	abbrev, isWord         bool
	stemIsWord             bool // a word once a clitic ("'d", "n't") is cut
}

// lexFactsOf is what the lexicons say of lw, read from fx, lex.Facts of lw.
func (d *Detector) lexFactsOf(lw string, fx lexicon.Facts) lexWord {
	stem, clitic := cutClitic(lw)
	return d.lexFactsOfStem(fx, stem, clitic)
}

// lexFactsOfStem is lexFactsOf(lw, fx) given cutClitic(lw).
func (d *Detector) lexFactsOfStem(fx lexicon.Facts, stem string, clitic bool) lexWord {
	var x lexWord
	if fx.First {
		x.births, x.first = int(fx.Female)+int(fx.Male), true
	}
	x.surname, x.proper, x.abbrev = fx.Surname != 0, fx.Proper != 0, fx.Abbrev != 0
	x.level, x.isWord = int(fx.Level), fx.Level != 0
	if clitic {
		_, x.stemIsWord = d.lex.WordLevel(stem)
	}
	return x
}

// candidate reports whether words[i], a word that may be a name, could
// make an entity that the filter keeps, so that prose need not look at the
// words around one it would drop anyway ("Pt", "Plan", "Heparin"): a word
// that is not ordinary, a name or proper noun, a known place by itself or
// with the next word ("United Kingdom"), or a word after a title.
func (d *Detector) candidate(t *textInfo, words chunkWords, i int) bool {
	return d.candidateIn(t, words, i, nil)
}

// candidateIn is candidate, with what holds of a word in every text kept
// in c, if not nil (see wordMemo).
func (d *Detector) candidateIn(t *textInfo, words chunkWords, i int, c *tokenCache) bool {
	w := trimNonLetters(words.at(i))
	// What the word says by itself is a function of the word and the
	// text, worked out once per distinct word: names recur.
	v, ok := t.cands[w]
	if !ok {
		v = d.candidateWordIn(t, w, c)
		if t.cands == nil {
			t.cands = make(map[string]int8, 32) // a text's usual words asked
		}
		t.cands[w] = v
	}
	if v != 0 {
		return v > 0
	}
	if i > 0 && proseTitle(strings.TrimSuffix(words.at(i-1), ".")) {
		return true
	}
	if i+1 < words.len() {
		next := trimNonLetters(words.at(i + 1))
		if d.knownPlacePairIn(w, next, c) {
			return true
		}
	}
	if i > 0 {
		prev := trimNonLetters(words.at(i - 1))
		if d.knownPlacePairIn(prev, w, c) {
			return true
		}
	}
	return false
}

// wordMemo is what candidate learns of a word that holds in every text,
// kept by a token cache from text to text (tokenCache.cands): the words
// that may be names recur from post to post, and each costs lexicon
// probes (its facts, the place, country and state tables, PlacePrefix).
// Of the text, candidateWord reads only whether the text writes the word
// in lower case somewhere (wordEvidence), so it is kept for either
// answer; for an ASCII word, the facts the text's analysis gives
// (lexfacts.Words.FactsOf) are lex.Facts of the word whatever the text.
type wordMemo struct {
	// cand is candidateWord+2 of the word, 0 while unknown, when the text
	// has the word in lower case ([1]) and when not ([0]).
	cand [2]int8
	// prefix is 2 if lexicon.PlacePrefix of the word is true, 1 if
	// false, 0 while unknown.
	prefix int8
}

// candidateWordIn is candidateWord, kept in c for an ASCII word.
func (d *Detector) candidateWordIn(t *textInfo, w string, c *tokenCache) int8 {
	if c == nil || !isASCII(w) {
		return d.candidateWord(t, w)
	}
	var buf [32]byte
	low := 0
	if len(w) >= 2 && t.lower.has(lowerASCII(buf[:0], w)) {
		low = 1 // else a word of one letter, which wordEvidence decides alone
	}
	m := c.wordMemo(w)
	if m.cand[low] != 0 {
		return m.cand[low] - 2
	}
	v := d.candidateWord(t, w)
	m.cand[low] = v + 2
	return v
}

// knownPlacePairIn is knownPlacePair, with PlacePrefix of a kept in c, if
// not nil.
func (d *Detector) knownPlacePairIn(a, b string, c *tokenCache) bool {
	if c == nil {
		return d.knownPlacePair(a, b)
	}
	if a != "" && strings.IndexByte(a, ' ') < 0 {
		m := c.wordMemo(a)
		if m.prefix == 0 {
			m.prefix = 1
			if d.lex.PlacePrefix(a) {
				m.prefix = 2
			}
		}
		if m.prefix == 1 {
			return false
		}
	}
	return d.knownPlace(a + " " + b)
}

// knownPlacePair is knownPlace(a + " " + b). A name of two words is a
// place, country or state only if one of their names of more words starts
// with the first (lexicon.PlacePrefix): most pairs of words are ruled out
// by that one probe, without the phrase being made and looked up in three
// tables. TestKnownPlacePair checks it on every name of two words.
func (d *Detector) knownPlacePair(a, b string) bool {
	if a != "" && strings.IndexByte(a, ' ') < 0 && !d.lex.PlacePrefix(a) {
		return false
	}
	return d.knownPlace(a + " " + b)
}

// candidateWord is what candidate decides from w alone: 1 if w may be a
// name kept, -1 if not, 0 if the words around it decide.
func (d *Detector) candidateWord(t *textInfo, w string) int8 {
	e := d.wordEvidence(t, w)
	if e.strong || e.nameList && !e.ordinaryCase {
		return 1
	}
	if e.ordinaryCase && !strings.ContainsFunc(w, unicode.IsLower) {
		return -1
	}
	if d.knownPlace(w) {
		return 1
	}
	return 0
}

// textInfo is what the filter learns about a whole text, once.
type textInfo struct {
	doc   *deid.Doc
	text  string
	lower lowerWords // words written in lower case somewhere
	// facts is the lexicons' facts of the text's words (see words).
	facts *lexfacts.Words
	// cands holds candidateWord of each word asked.
	cands map[string]int8
	// short is 1 if the text is written in shorthand, -1 if not, 0 if not
	// yet known.
	short int8
	// note is 1 if the text reads as a clinical note (WithClinical),
	// -1 if not, 0 if not yet known.
	note int8
}

func newTextInfo(doc *deid.Doc) *textInfo { return newTextInfoIn(doc, nil) }

// newTextInfoIn is newTextInfo with its maps and slices made in the space
// c, if not nil, lends each text (emptied here): the text is c's until
// it is done.
func newTextInfoIn(doc *deid.Doc, c *tokenCache) *textInfo {
	t := &textInfo{doc: doc, text: doc.Text}
	if c == nil {
		t.lower = newLowerWords(doc.Analysis(), nil, nil)
		return t
	}
	if c.textCands == nil {
		c.textCands = make(map[string]int8, 32) // a text's usual words asked
	}
	clear(c.textCands)
	clear(c.lowerRuns)
	t.cands = c.textCands
	t.lower = newLowerWords(doc.Analysis(), c.lowerIDs, c.lowerRuns)
	c.lowerIDs, c.lowerRuns = t.lower.ids, t.lower.runs
	return t
}

// words returns lex's facts of the text's words, lexfacts.Of its
// analysis, asked once.
func (t *textInfo) words(lex *lexicon.Lexicon) *lexfacts.Words {
	if t.facts == nil {
		t.facts = lexfacts.Of(t.doc.Analysis(), lex)
	}
	return t.facts
}

// clinicalNote reports whether the text of t reads as a clinical note, as
// the dictionary recognizers decide it (WithClinical); computed once.
func (d *Detector) clinicalNote(t *textInfo) bool {
	if t.note == 0 {
		t.note = -1
		if d.note != nil && d.note(t.doc) {
			t.note = 1
		}
	}
	return t.note > 0
}

// shorthandShare is the share of a text's capitalised words that are
// acronyms or abbreviations above which the text is in shorthand, as
// clinical notes are ("Pt", "SBP", "Resp", "GI"). Ordinary prose, tweets and
// forms stay well below; notes are usually above.
const shorthandShare = 0.4

// shorthand reports whether t is written in shorthand: there prose calls
// drugs, devices and headings names, and only strong evidence counts. Notes
// with drug orders in them ("4mg IV", "prn", "gtt") are shorthand whatever
// their capitals.
func (d *Detector) shorthand(t *textInfo) bool {
	if t.short == 0 {
		t.short = -1
		caps, short := 0, 0
		var facts *lexfacts.Words
		eachCapitalRun(t.text, func(w string) {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return
			}
			caps++
			n := utf8.RuneCountInString(w)
			if n >= 2 && n <= 4 && w == strings.ToUpper(w) {
				short++
				return
			}
			if facts == nil {
				facts = lexfacts.Of(t.doc.Analysis(), d.lex)
			}
			if abbrevLevel(d.lex, facts, t.doc.Analysis(), w) != 0 {
				short++
			}
		})
		if caps >= 3 && float64(short) > shorthandShare*float64(caps) || clinical(t.text) || d.clinicalNote(t) {
			t.short = 1
		}
	}
	return t.short > 0
}

// abbrevLevel is lex.AbbrevLevel of w, a run of letters, read from the
// facts of the text's words when w is ASCII and one of them (looked up
// once per distinct word, and usually already by the dictionary
// recognizers): lexicon.Facts's Abbrev is AbbrevLevel, and an ASCII word's
// key is its lower case.
func abbrevLevel(lex *lexicon.Lexicon, facts *lexfacts.Words, an *deid.Analysis, w string) int {
	var buf [32]byte
	if len(w) <= len(buf) {
		k := buf[:0]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				k = nil
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			k = append(k, c)
		}
		if k != nil {
			if id, ok := an.ID(unsafe.String(unsafe.SliceData(k), len(k))); ok {
				return int(facts.Facts(id).Abbrev)
			}
		}
	}
	level, _ := lex.AbbrevLevel(w)
	return level
}

// eachCapitalRun calls f with each run of letters of s (strings.FieldsFunc's
// fields of non-letters) whose first letter is upper case (unicode.IsUpper),
// in order.
func eachCapitalRun(s string, f func(w string)) {
	start := -1 // the start of the current run, if it is a capital's
	in := false // in a run of letters
	for i := 0; i < len(s); {
		c := s[i]
		letter, upper, size := false, false, 1
		if k := runKinds[c]; k != runNonASCII {
			letter, upper = k != 0, k == runUpper
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			letter, upper = unicode.IsLetter(r), unicode.IsUpper(r)
		}
		i += size
		if letter {
			if !in {
				in = true
				if upper {
					start = i - size
				}
			}
			// The ASCII letters after a letter continue its run.
			for i < len(s) && runKinds[s[i]]&(runLower|runUpper) != 0 {
				i++
			}
			continue
		}
		if in {
			if start >= 0 {
				f(s[start : i-size])
				start = -1
			}
			in = false
		}
		// Nor do other ASCII bytes after a non-letter change anything.
		for i < len(s) && runKinds[s[i]] == 0 {
			i++
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// eachLetterRun calls f with each run of letters of s (strings.FieldsFunc's
// fields of non-letters), in order, without the slice FieldsFunc makes.
func eachLetterRun(s string, f func(w string)) {
	start := -1 // the start of the current run
	for i := 0; i < len(s); {
		c := s[i]
		letter, size := false, 1
		if k := runKinds[c]; k != runNonASCII {
			letter = k != 0
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			letter = unicode.IsLetter(r)
		}
		if letter {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(s[start:])
	}
}

// The kinds of bytes eachCapitalRun tells apart (runKinds): other ASCII
// bytes are 0.
const (
	runLower    = 1 << iota // an ASCII lower-case letter
	runUpper                // an ASCII capital
	runNonASCII             // a byte of a longer UTF-8 sequence, or invalid
)

// runKinds is the kind of each byte (read only).
var runKinds = func() (k [256]uint8) {
	for c := range k {
		switch {
		case c >= utf8.RuneSelf:
			k[c] = runNonASCII
		case 'a' <= c && c <= 'z':
			k[c] = runLower
		case 'A' <= c && c <= 'Z':
			k[c] = runUpper
		}
	}
	return k
}()

// knownPlace reports whether name is a country, a US state or a place in
// the gazetteer.
// firstNameOverTown reports whether w is a frequent first name and, as a
// place, no more than a town: no country or state, under 100,000 people.
func (d *Detector) firstNameOverTown(w string) bool {
	if f, m, ok := d.lex.FirstName(strings.ToLower(w)); !ok || f+m < bigName {
		return false
	}
	if d.lex.IsCountry(w) {
		return false
	}
	if _, ok := d.lex.USState(w); ok {
		return false
	}
	p, ok := d.lex.Place(w)
	return !ok || p.Population < 100_000
}

func (d *Detector) knownPlace(name string) bool {
	if d.lex.IsCountry(name) {
		return true
	}
	if state, ok := d.lex.USState(name); ok && strings.EqualFold(state, name) {
		return true // "Ohio", not "OH" or "OR"
	}
	_, ok := d.lex.Place(name)
	return ok
}

// elongated reports whether w repeats a letter three times in a row, as
// chat stretches words ("Wowwww", "Pleaseee") and names never do.
func elongated(w string) bool {
	var prev rune
	run := 0
	for _, r := range w {
		if r == prev {
			run++
			if run >= 3 {
				return true
			}
		} else {
			prev, run = r, 1
		}
	}
	return false
}

// cutClitic returns w without a contracted ending ("we'd" -> "we").
func cutClitic(w string) (string, bool) {
	if strings.IndexByte(w, '\'') < 0 && !strings.Contains(w, "’") {
		// Every ending holds an apostrophe (TestCutCliticMatchesRef).
		return "", false
	}
	w = strings.ReplaceAll(w, "’", "'")
	for _, c := range []string{"n't", "'d", "'ve", "'re", "'ll", "'m"} {
		if stem, ok := strings.CutSuffix(w, c); ok && stem != "" {
			return stem, true
		}
	}
	return "", false
}

// nameWords splits an entity into its words, without apostrophes at their
// ends.
func nameWords(name string) []string {
	ws := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	out := ws[:0]
	for _, w := range ws {
		if w = strings.Trim(w, "'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// midSentence reports whether the word at off follows a word written in
// lower case, perhaps with a comma between them ("I hate Gates", "met
// them, Hope and"): a capital there is not the capital of a sentence or a
// headline.
func midSentence(text string, off int) bool {
	i := off
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	if i > 0 && text[i-1] == ',' {
		i--
	}
	if i == off {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if !unicode.IsLower(r) {
		return false
	}
	// After a determiner a capital marks an institution or a title
	// ("the Court", "our Government"), not a name.
	j := strings.LastIndexFunc(text[:i], func(r rune) bool { return !unicode.IsLetter(r) })
	return !vocab.Determiners().Has(text[j+1 : i])
}

// afterLocative reports whether the word before off introduces a place.
func afterLocative(text string, off int) bool {
	j, i := wordBefore(text, off)
	return vocab.Locatives().Has(strings.ToLower(text[j:i]))
}

// afterMedium reports whether the word before off is a medium word, or
// the entity follows one as the next item of a list ("on Flickr and
// Vimeo", "via Slack, Trello or Asana").
func afterMedium(text string, off int) bool {
	for items := 0; items < 4; items++ {
		j, i := wordBefore(text, off)
		w := text[j:i]
		if vocab.MediumWords().Has(w) {
			return true
		}
		// Step back over a list joint and the item before it.
		k := j
		if w == "and" || w == "or" {
			for k > 0 && text[k-1] == ' ' {
				k--
			}
			if k > 0 && text[k-1] == ',' {
				k--
			}
		} else if w == "" && j > 0 && text[j-1] == ',' {
			k = j - 1
		} else {
			return false
		}
		for k > 0 && text[k-1] == ' ' {
			k--
		}
		m := k
		for m > 0 && (text[m-1] >= 'a' && text[m-1] <= 'z' || text[m-1] >= 'A' && text[m-1] <= 'Z') {
			m--
		}
		if m == k || !(text[m] >= 'A' && text[m] <= 'Z') {
			return false
		}
		off = m
	}
	return false
}

// lowerWords tells the runs of letters (strings.FieldsFunc's fields of
// non-letters) that a text writes in lower case, read off the words of its
// analysis rather than a scan and a map of its own: a run of letters lies
// inside one word of deid.Tokenize (the letters of a possessive's "s"
// aside), and a word of ASCII letters, nearly every one, is in lower case
// when its lookup form is itself, which its id says once per distinct word.
type lowerWords struct {
	a *deid.Analysis
	// ids marks the ids of the words of ASCII letters written in lower
	// case somewhere; runs holds the runs of letters in lower case of
	// the other words ("naïve", "well-known", "o'clock").
	ids  []bool
	runs map[string]bool
}

// newLowerWords returns the words a's text writes in lower case; ids and
// runs, if not nil, are space for them: their contents are not read.
func newLowerWords(a *deid.Analysis, ids []bool, runs map[string]bool) lowerWords {
	n := len(a.Vocab())
	if cap(ids) >= n {
		ids = ids[:n]
		clear(ids)
	} else {
		ids = make([]bool, n)
	}
	clear(runs)
	l := lowerWords{a: a, ids: ids, runs: runs}
	words := a.Words()
	for i := range words {
		w := &words[i]
		if isASCIILetters(w) {
			if isLowerASCIILetters(w) {
				l.ids[w.ID] = true
			}
			continue
		}
		eachLetterRun(w.Text, func(r string) {
			if r == strings.ToLower(r) {
				if l.runs == nil {
					l.runs = make(map[string]bool, 32)
				}
				l.runs[r] = true
			}
		})
	}
	return l
}

// has reports whether lw, of two letters or more, is a run of letters the
// text writes in lower case. (A single letter may be the "s" of a
// possessive, which no word holds; it is never asked.)
func (l lowerWords) has(lw string) bool {
	if l.runs[lw] {
		return true
	}
	id, ok := l.a.ID(lw)
	return ok && l.ids[id]
}

// isASCIILetters is asciiLetters(w.Text), read off the counts the analysis
// made: a word counts its letters as runes and as none if it holds a
// digit, so it has as many letters as bytes exactly when every byte is an
// ASCII letter (a letter beyond ASCII takes two bytes or more).
// TestWordShortcuts checks it.
func isASCIILetters(w *deid.Word) bool { return w.Letters == len(w.Text) }

// isLowerASCIILetters is w.Text == w.Lower for a word of ASCII letters: it
// has no capital (or no letter at all, the empty word).
func isLowerASCIILetters(w *deid.Word) bool { return w.Shape == deid.ShapeLower || w.Letters == 0 }

// asciiLetters reports whether s is all ASCII letters.
func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// isLink reports whether s holds a web address.
func isLink(s string) bool {
	return strings.Contains(s, "://") || strings.Contains(strings.ToLower(s), "www.")
}

// cutLinks returns the parts of f between the web addresses in it: prose
// takes "marisolUSA http://t.co/0hdM75Whvi #Idaho" for one name, and the URL
// rule reports the address itself.
func cutLinks(text string, f deid.Finding) []deid.Finding {
	if !isLink(f.Text) {
		return []deid.Finding{f}
	}
	var out []deid.Finding
	start, end, at := -1, -1, f.Start
	flush := func() {
		if start >= 0 {
			g := f
			g.Start, g.End, g.Text = start, end, text[start:end]
			out = append(out, g)
		}
		start = -1
	}
	for _, w := range strings.Fields(f.Text) {
		i := at + strings.Index(text[at:f.End], w)
		at = i + len(w)
		if isLink(w) {
			flush()
			continue
		}
		if start < 0 {
			start = i
		}
		end = at
	}
	flush()
	return out
}

// splitCamel splits the words of a hashtag where a lower-case letter meets
// an upper-case one: "#GamesWithFriends" is a phrase of ordinary words,
// "#CalebMorrow" a name.
func splitCamel(words []string) []string {
	var out []string
	for _, w := range words {
		start, prevLower := 0, false
		for i, r := range w {
			if prevLower && unicode.IsUpper(r) {
				out = append(out, w[start:i])
				start = i
			}
			prevLower = unicode.IsLower(r)
		}
		out = append(out, w[start:])
	}
	return out
}

// hasFirstName reports whether one of words is a first name that at least
// orgFirstName people were given ("Marisol Court" is a person; "Kingdom",
// given to a few babies, does not make "United Kingdom Government" one).
func (d *Detector) hasFirstName(words []string) bool {
	for _, w := range words {
		if f, m, ok := d.lex.FirstName(strings.ToLower(w)); ok && f+m >= orgFirstName {
			return true
		}
	}
	return false
}

// orgFirstName is the number of births from which a first name makes a
// name ending in an organisation word a person's.
const orgFirstName = 1000

// isOrgWord reports whether w names a kind of organisation ("Court",
// "Government", "Ministry").
func (d *Detector) isOrgWord(w string) bool {
	return d.lex.InCategory(lexicon.OrgCue, w) || d.lex.InCategory(lexicon.OrgType, w)
}

// trimLead drops from a person or place entity a capitalised ordinary word
// that opens the sentence before the name: prose takes the imperative verb
// of "Ask Tom, ..." or the adverb of "Yesterday Okonkwo came" into the
// name. The word goes only when it is one of the most frequent English
// words and not a common first name ("Will Dawson" stays whole), the whole
// is no known place ("Long Beach"), and a capitalised word is left.
// Surname lists hold many such words ("Ask", "Call"), so they do not count.
// A title stays: some style guides count it in the name, some do not.
func (d *Detector) trimLead(text string, f deid.Finding) deid.Finding {
	if d.lex == nil || f.Kind == deid.Organization {
		return f
	}
	if w, rest, ok := leadWord(f.Text); ok && sentenceStart(text, f.Start) && d.ordinaryLead(w, f.Text) {
		return cutTo(f, rest)
	}
	return f
}

// leadWord splits a name after its first word, when a capitalised word
// follows.
func leadWord(name string) (w, rest string, ok bool) {
	sp := strings.IndexByte(name, ' ')
	if sp <= 0 {
		return "", "", false
	}
	rest = strings.TrimLeft(name[sp:], " ")
	if rest == "" || !unicode.IsUpper(rune(rest[0])) {
		return "", "", false
	}
	return name[:sp], rest, true
}

// cutTo keeps the end of f that is rest.
func cutTo(f deid.Finding, rest string) deid.Finding {
	f.Start = f.End - len(rest)
	f.Text = rest
	return f
}

// ordinaryLead reports whether w, the first word of name, is an everyday
// word that opens a sentence rather than part of the name.
func (d *Detector) ordinaryLead(w, name string) bool {
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || proseTitle(strings.TrimSuffix(w, ".")) {
		return false
	}
	lw := strings.ToLower(w)
	if vocab.BeForms().Has(lw) {
		return false // "Am Toby": a clipped "I am", no imperative or adverb
	}
	if level, ok := d.lex.WordLevel(lw); !ok || level > everydayLevel || vocab.Epithets().Has(lw) || d.knownPlace(name) {
		return false // "Long Beach", "New Hope": a place of everyday words
	}
	if fm, ml, ok := d.lex.FirstName(lw); ok && fm+ml >= leadName {
		return false // "Will Dawson", "Hope Kimball"
	}
	return true
}

// everydayLevel is the highest SCOWL level of the most frequent English
// words ("ask", "call", "visit"); leadName is the number of births above
// which such a word that is also a first name opens a name ("Will").
const (
	everydayLevel = 20
	leadName      = 5_000
)

// openingVerb reports whether w, an everyday word opening a sentence, is
// followed by an object pronoun or a possessive, which follow a verb and
// not a name there ("Hope you are well", "Mark my words", "Wish them
// luck"), or by "this", "that" or "it" and a verb ("Hope this helps").
// Subject pronouns and determiners do follow names ("Frank this time
// refused", "Dawn so wanted"), and leave the word a name.
func (d *Detector) openingVerb(w, rest string) bool {
	level, ok := d.lex.WordLevel(strings.ToLower(w))
	if !ok || level > commonLevel || !strings.HasPrefix(rest, " ") {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	next := strings.ToLower(leadingLetters(rest))
	if next == "this" || next == "that" || next == "it" {
		// "Hope this helps", "Hope it works": a clause with its own verb.
		then := leadingLetters(strings.TrimLeft(rest[len(next):], " "))
		return len(then) > 3 && strings.HasSuffix(then, "s") && !strings.HasSuffix(then, "ss")
	}
	return vocab.AfterVerb().Has(next)
}

// leadingLetters returns the letters at the start of s.
func leadingLetters(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// sentenceStart reports whether off opens a text, a line or a sentence,
// perhaps after opening quotes, brackets or markup marks of any kind
// ("\u201cHope you", "(Ask Tom", "**Wish them").
func sentenceStart(text string, off int) bool {
	i := off
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r != ' ' && r != '\t' && !edgeMark(text, i-size, r) {
			break
		}
		i -= size
	}
	if i == 0 {
		return true
	}
	switch text[i-1] {
	case '.', '!', '?', '\n', '\r', ':', ';', '-', '*':
		return true
	}
	return false
}
