package ner

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Name is the detector's name and the Recognizer of its findings.
const Name = "ner/prose"

// confidence is the confidence of every finding: prose's entity extracter is
// a small maximum-entropy model that often confuses persons and places.
const confidence = 0.6

// loadModel opens veil's copy of prose v2.0.0's tagger and entity
// extracter (see tagger, maxent and model.go), embedded as tables read in
// place, once per process. Both are read-only, so one model is shared by
// all goroutines; TestConcurrentDetect checks this under the race
// detector. Of prose itself only the tokenizer runs, whose package-level
// state (a strings.Replacer, regular expressions, the emoticon list) is
// only read.
var loadModel = sync.OnceValue(func() *model {
	m, err := openModel(packedModel)
	if err != nil {
		panic(fmt.Sprintf("ner: opening the model: %v", err))
	}
	return m
})

// model is veil's copy of prose's tagger and entity extracter.
type model struct {
	tagger *tagger
	ents   *maxent
	// frequent holds the features of the words of the tagger's fixed
	// list (see tokenFeats).
	frequent map[string]*tokenFeats
}

// Detector finds person, place and organisation names with prose's
// named-entity extracter. It is safe for concurrent use.
type Detector struct {
	// max is the largest chunk given to prose, in bytes.
	max int
	// gate skips chunks with no word that starts with an upper-case letter
	// followed by a lower-case one (see mayHoldName).
	gate bool
	// window, if positive, runs prose only on the words around possible
	// names, with this many words on each side (see windows); it implies
	// gating.
	window int
	// lex, if set, vets the entities prose finds (see plausible).
	lex *lexicon.Lexicon
	// note and misspelt, if set, tell a clinical note and a misspelt word
	// to that vetting (see WithClinical).
	note     func(doc *deid.Doc) bool
	misspelt func(lw string) bool
	// caches holds *tokenCache: the tokens and features of the words the
	// Detector has tagged, taken by a call of Detect and put back after
	// it, so that the texts one worker tags one after another share them
	// (see tokenCache).
	caches sync.Pool
}

var _ deid.Detector = (*Detector)(nil)

// New returns a Detector. The first call in a process starts decoding
// prose's embedded model (see loadModel) in the background, so that the
// caller can get on with other work, such as the earlier recognizers of the
// first texts; the first window classified waits for it. Later calls share
// it.
func New(opts ...Option) *Detector {
	go func() {
		// A model that fails to load panics again in the Detect that
		// needs it, where the engine recovers it as an error.
		defer func() { _ = recover() }()
		loadModel()
	}()
	d := &Detector{max: maxChunk, gate: true, window: windowWords}
	for _, o := range opts {
		o(d)
	}
	return d
}

// Name returns "ner/prose".
func (d *Detector) Name() string { return Name }

// Detect returns the names prose finds in doc.Text. It checks ctx between
// chunks.
func (d *Detector) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	// Wait for the model here, outside tag's recover: a model that cannot
	// be loaded must fail the text, not pass it with no names found.
	m := loadModel()
	// cache holds what the Detector learnt of words, token texts and
	// windows in the texts before this one, and space for this one's. It
	// goes back to the pool when the text is done; a panic drops it.
	cache := d.getCache(m)
	out, err := d.detect(ctx, doc, cache)
	cache.endText()
	d.putCache(cache)
	return out, err
}

// detect is Detect with the token cache c.
func (d *Detector) detect(ctx context.Context, doc *deid.Doc, cache *tokenCache) ([]deid.Finding, error) {
	text := doc.Text
	var out []deid.Finding
	// What the vetting needs to know of the whole text is worked out
	// when a word first needs vetting: most texts have none.
	var t *textInfo
	info := func() *textInfo {
		if t == nil {
			t = newTextInfoIn(doc, cache)
		}
		return t
	}
	for c := range eachChunk(text, d.max) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, p := range d.parts(text, c, doc.Found, info, &cache.scratch, cache) {
			out = d.appendFindings(out, text, p, cache.entities(d, text[p.Start:p.End]))
		}
	}
	if d.lex == nil || len(out) == 0 {
		return out, nil
	}
	var kept []deid.Finding
	for _, e := range out {
		for _, f := range cutLinks(text, e) {
			if k, v := d.vet(info(), f); v.keep() {
				// Vetted whole: the trimmed name would look
				// mid-sentence and pass on that alone.
				f.Kind = k
				if v == keepMedium {
					f.Type = deid.TypeApp // the planner writes "an app"
				}
				f = d.trimLead(text, f)
				if f.Kind == deid.Person && d.clinicalNote(info()) {
					f = noteTitleOut(f)
				}
				kept = append(kept, f)
			}
		}
	}
	return kept, nil
}

// getCache returns a token cache of model m for one text: one that an
// earlier text left in the pool, or a new one.
func (d *Detector) getCache(m *model) *tokenCache {
	if c, _ := d.caches.Get().(*tokenCache); c != nil && c.m == m {
		c.begin()
		return c
	}
	return newTokenCache(m)
}

// putCache gives c back to the pool once its text is done, unless a
// panic may have left it half-made.
func (d *Detector) putCache(c *tokenCache) {
	if !c.spoilt {
		d.caches.Put(c)
	}
}

// Parts returns the parts of doc.Text that Detect gives prose to tag and label, given
// what the earlier recognizers found (doc.Found), in order: the windows around possible
// names that those findings leave in doubt.
func (d *Detector) Parts(doc *deid.Doc) []Span {
	var t *textInfo
	info := func() *textInfo {
		if t == nil {
			t = newTextInfo(doc)
		}
		return t
	}
	var out []Span
	var scratch windowScratch
	for c := range eachChunk(doc.Text, d.max) {
		out = append(out, d.parts(doc.Text, c, doc.Found, info, &scratch, nil)...)
	}
	return out
}

// parts returns the parts of chunk c of text that prose reads; scratch is
// space reused from chunk to chunk, which holds the parts returned until
// the next call; cache, if not nil, keeps what the candidate test learns
// of words in any text.
func (d *Detector) parts(text string, c Span, found []deid.Finding, info func() *textInfo, scratch *windowScratch, cache *tokenCache) []Span {
	if d.window <= 0 {
		if d.gate && !mayHoldName(text[c.Start:c.End]) {
			return nil
		}
		return []Span{c}
	}
	var cand func(chunkWords, int) bool
	if d.lex != nil {
		cand = func(words chunkWords, i int) bool { return d.candidateIn(info(), words, i, cache) }
	}
	parts := windowsWhere(text[c.Start:c.End], d.window, cand, scratch)
	kept := parts[:0]
	for _, p := range parts {
		p.Start += c.Start
		p.End += c.Start
		if !allCovered(text, p, found) {
			kept = append(kept, p)
		}
	}
	return kept
}

// appendFindings appends the names prose finds in text[p.Start:p.End],
// ents (d.entities of it).
func (d *Detector) appendFindings(out []deid.Finding, text string, p Span, ents []entity) []deid.Finding {
	for _, e := range ents {
		start, end := p.Start+e.Start, p.Start+e.End
		// A token never ends inside a UTF-8 sequence of safeText, but the
		// text may continue with stray continuation bytes, which safeText
		// turned into spaces. Take them into the finding so that it ends
		// on a rune boundary.
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		out = append(out, deid.Finding{
			Start:      start,
			End:        end,
			Kind:       e.Kind,
			Type:       deid.Type("ner-" + strings.ToLower(e.Label)),
			Text:       text[start:end],
			Recognizer: Name,
			Confidence: confidence,
		})
	}
	return out
}

// entity is a named entity found in one chunk, with offsets into it.
type entity struct {
	Span
	Label string // prose's label: PERSON, GPE, ORGANIZATION, ...
	Kind  deid.Kind
}

// kinds maps prose's entity labels to kinds. The labels are those of
// model/Maxent/labels.gob: GPE is a geo-political entity (a country or a
// city), GSP a geo-socio-political group, FACILITY a building or an
// airport.
var kinds = map[string]deid.Kind{
	"PERSON":       deid.Person,
	"GPE":          deid.Place,
	"LOCATION":     deid.Place,
	"GSP":          deid.Place,
	"FACILITY":     deid.Place,
	"ORGANIZATION": deid.Organization,
}

// entities runs prose on one chunk and returns the entities it labels,
// anchored to byte offsets of s; cache holds the features of token texts
// met before in the same text.
func (d *Detector) entities(s string, cache *tokenCache) (ents []entity) {
	toks, seen, ok := d.tag(s, cache)
	if !ok {
		return nil
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	// The tokens are placed in the text prose read, which has the
	// offsets of s; what lies between them is read in s itself, where
	// markup between two names keeps them apart.
	spans := anchor(seen, words)

	// Group tokens by their IOB labels: B-X opens an entity, I-Y continues
	// the open one (prose often labels the second part of a name with
	// another type, as in "John/B-PERSON Smith/I-ORGANIZATION"), and O or
	// a token that could not be anchored closes it.
	var groups []group
	var g *group
	for i, t := range toks {
		if !spans[i].Found() {
			g = nil
			continue
		}
		if g != nil && s[g.End:spans[i].Start] != seen[g.End:spans[i].Start] {
			// A quote, bracket or markup mark that proseText blanked
			// ends the entity: "Penal Code (Strafgesetz" is two.
			g = nil
		}
		label, inside := strings.CutPrefix(t.Label, "I-")
		if !inside {
			var begin bool
			label, begin = strings.CutPrefix(t.Label, "B-")
			if !begin {
				if g != nil && len(g.pending) == 0 && (t.Tag == "NNP" || t.Tag == "NNPS") &&
					mayBeName(t.Text) && onlySpaces(s[g.End:spans[i].Start]) {
					// A capitalised proper noun right after an entity
					// is part of it, as prose's own chunker assumes:
					// "New/B-GPE York/I-GPE City/O".
					g.End = spans[i].End
					continue
				}
				g = nil
				continue
			}
			g = nil
		}
		if !keep(t.Text) {
			// Punctuation or a clitic ("'s") neither opens nor ends an
			// entity, but may sit inside one ("St. Louis").
			if g != nil {
				g.pending = append(g.pending, label)
			}
			continue
		}
		if g == nil {
			groups = append(groups, group{Span: spans[i]})
			g = &groups[len(groups)-1]
		}
		g.End = spans[i].End
		g.labels = append(g.labels, g.pending...)
		g.labels = append(g.labels, label)
		g.pending = g.pending[:0]
	}

	// prose also often begins a new entity at each word of one name
	// ("Robert/B-PERSON Murray/B-GPE", "Great/B-GPE Britain/B-GPE"). Merge
	// entities separated by nothing but spaces.
	merged := groups[:0]
	for _, g := range groups {
		if n := len(merged); n > 0 && onlySpaces(s[merged[n-1].End:g.Start]) {
			merged[n-1].End = g.End
			merged[n-1].labels = append(merged[n-1].labels, g.labels...)
			continue
		}
		merged = append(merged, g)
	}
	for _, g := range merged {
		if inWord(s, g.Span) {
			// prose splits "Don't" into "Do" and "n't" and may call "Do"
			// a person; a name does not end inside a word.
			continue
		}
		if vocab.CapitalFunctionWords().Has(s[g.Start:g.End]) {
			// prose labels capitalised words that start sentences ("None
			// of these", "Nobody had shown her").
			continue
		}
		label := vote(g.labels)
		if start, ok := titleStart(s, g.Start); ok {
			// "Mr Delgado" is a person whatever prose says, and the
			// title and initials go with the name ("Mr D. Penhallow"):
			// they are part of how the text names the person.
			label = "PERSON"
			g.Start = start
		}
		if k, ok := kinds[label]; ok {
			ents = append(ents, entity{g.Span, label, k})
		}
	}
	return ents
}

// group is a run of tokens that prose labelled as one entity.
type group struct {
	Span
	labels  []string // the entity type of each kept token
	pending []string // types of tokens not kept, kept if the entity goes on
}

// inWord reports whether sp starts right after, or ends right before, a
// letter or a digit of s.
func inWord(s string, sp Span) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:sp.Start])
	after, _ := utf8.DecodeRuneInString(s[sp.End:])
	return isAlnum(before) || isAlnum(after)
}

func isAlnum(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// afterTitle reports whether before, the text before an entity, ends with a
// personal title and white space ("Mrs ", "Dr. ").
func afterTitle(before string) bool {
	_, ok := titleStart(before, len(before))
	return ok
}

// titleStart returns the start of the personal title, and of the initials
// after it, that come before the entity at off ("Mr ", "Dr. ", "Mr C.A. ").
func titleStart(s string, off int) (int, bool) {
	j := off
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	if j == off {
		return 0, false // the title is a separate word
	}
	// Initials right before the name: "C." or "C.A.".
	for j >= 2 && s[j-1] == '.' && 'A' <= s[j-2] && s[j-2] <= 'Z' && (j == 2 || !isASCIILetter(s[j-3])) {
		j -= 2
		for j > 0 && s[j-1] == ' ' {
			j--
		}
	}
	w := strings.TrimSuffix(s[:j], ".")
	b := strings.LastIndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	if !proseTitle(w[b+1:]) {
		return 0, false
	}
	if b >= 0 && !strings.ContainsRune(" \t\n(,;:\"'", rune(w[b])) {
		return 0, false // "AMr", "x-Mr"
	}
	return b + 1, true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// onlySpaces reports whether s is one or more spaces.
func onlySpaces(s string) bool {
	return s != "" && strings.Trim(s, " ") == ""
}

// vote returns the most frequent of labels, the first one on a tie.
func vote(labels []string) string {
	best, bestN := "", 0
	for i, l := range labels {
		n := 0
		for _, m := range labels[i:] {
			if m == l {
				n++
			}
		}
		if n > bestN {
			best, bestN = l, n
		}
	}
	return best
}

// keep reports whether a token labelled as part of an entity may be its
// first or last token: it holds a letter or a digit and is not a clitic
// such as "'s".
func keep(tok string) bool {
	if tok[0] == '\'' {
		return false
	}
	for _, r := range tok {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// tag runs prose's tokenizer (as splitWord), tagger and entity extracter
// on proseText(s), which it returns with the tokens. It returns false if prose panicked,
// which safeText is meant to prevent.
func (d *Detector) tag(s string, cache *tokenCache) (toks []prose.Token, safe string, ok bool) {
	m := loadModel()
	if cache == nil {
		cache = newTokenCache(m)
	}
	defer func() {
		if r := recover(); r != nil {
			toks, safe, ok = nil, "", false
			cache.spoilt = true
		}
	}()
	safe = proseText(s)
	toks, feats, src := cache.tokens(safe)
	ids := m.tagger.tag(toks, feats, cache.ids[:0], &cache.memo)
	cache.ids = ids
	for i, j := range src {
		toks[i].Tag = toks[j].Tag
		ids[i] = ids[j]
	}
	m.ents.classify(toks, feats, ids, &cache.memo)
	for i, j := range src {
		toks[i].Label = toks[j].Label
	}
	return toks, safe, true
}

// safeText returns s with the bytes that make prose's tokenizer fail
// replaced, keeping every byte offset: bytes that are not valid UTF-8
// become spaces, and letters whose lower case has another UTF-8 length
// become a letter of the same length whose lower case does not. prose
// splits "they'll" by finding "'ll" in strings.ToLower(word) and slicing
// word at that index, which panics or cuts a rune in two when the lower
// case is longer or shorter than the word ("ȺȺȺ's" or "\xff\xff's" panic).
func safeText(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var sub string
		switch {
		case r == utf8.RuneError && size == 1:
			sub = " "
		case r >= utf8.RuneSelf && utf8.RuneLen(unicode.ToLower(r)) != size:
			sub = sameLength[size]
		}
		if sub != "" {
			if b == nil {
				b = []byte(s)
			}
			copy(b[i:], sub)
		}
		i += size
	}
	if b == nil {
		return s
	}
	return string(b)
}

// sameLength holds, for each UTF-8 length, an upper-case letter of that
// length whose lower case has the same length.
var sameLength = [5]string{2: "À", 3: "Ａ", 4: "𐐀"}

// strongConfidence is the confidence from which an earlier finding is
// trusted enough that prose need not look at its words again.
const strongConfidence = 0.8

// allCovered reports whether every word of window p that may be a name (its
// possessive "'s" aside) lies inside a strong name-like finding of found
// (sorted by Start). Such a window
// tells prose nothing the earlier recognizers did not: its names are
// replaced whatever prose says. A window with one uncovered candidate is
// kept whole, context included.
func allCovered(text string, p Span, found []deid.Finding) bool {
	if len(found) == 0 {
		return false
	}
	for i := p.Start; i < p.End; {
		for i < p.End && isSpaceByte(text[i]) {
			i++
		}
		j := i
		for j < p.End && !isSpaceByte(text[j]) {
			j++
		}
		if i < j && mayBeName(text[i:j]) {
			w := text[i:j]
			core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			// A possessive is the name's: "Name's" is covered by a finding of
			// "Name", which the replacement keeps the "'s" after.
			for _, sfx := range [...]string{"'s", "’s"} {
				if c, ok := strings.CutSuffix(core, sfx); ok && c != "" {
					core = c
					break
				}
			}
			off := i + strings.Index(w, core)
			if core == "" || !strongly(found, off, off+len(core)) {
				return false
			}
		}
		i = j
	}
	return true
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// strongly reports whether [start,end) lies inside a name-like finding of
// found with at least strongConfidence.
func strongly(found []deid.Finding, start, end int) bool {
	i := sort.Search(len(found), func(i int) bool { return found[i].Start > start })
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		f := found[j]
		if f.Start <= start && end <= f.End && f.Confidence >= strongConfidence &&
			(f.Kind == deid.Person || f.Kind == deid.Place || f.Kind == deid.Organization) {
			return true
		}
	}
	return false
}

// proseTitle reports whether w is a personal title written with one capital
// and the rest in lower case ("Mr", "Dr", "Lady"), the way titles mark the
// entity after them as a person.
func proseTitle(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return vocab.ProseTitles().Has(strings.ToLower(w))
}
