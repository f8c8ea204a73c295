package risk

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/lexicon"
)

// finder reads one published text.
type finder struct {
	t     *Tables
	lex   *lexicon.Lexicon
	text  string
	toks  []token
	vocab []vocabWord // the document's distinct keys, by token.id
	// per sentence: does it describe a third person; per clause: is its subject the author.
	third   []bool
	first   []bool
	used    []bool // tokens already part of a detail
	us      float64
	wordBuf []string // the buffer of words()
	author  []bool   // see markAuthor; nil until asked
	keyBuf  []byte   // the buffer of phraseRow
	pairs   []int32  // phraseRow's rows of two words by their first token (row+2; 0: not asked), nil until asked
	scratch *scratch // the buffers of toks, vocab, used, third and first
	// cands lists, per finder, the tokens its first test lets through (cands.go).
	cands *[numCands][]int32
}

// release gives the finder's buffers back to its tables, for the next post: f is not
// used after.
func (f *finder) release() {
	s := f.scratch
	s.toks, s.words = f.toks[:0], f.vocab[:0]
	clear(f.wordBuf[:cap(f.wordBuf)]) // no keys of this text kept alive
	s.wordBuf, s.phraseBuf = f.wordBuf[:0], f.keyBuf[:0]
	f.toks, f.vocab, f.used, f.third, f.first, f.scratch, f.cands, f.author, f.pairs = nil, nil, nil, nil, nil, nil, nil, nil, nil
	f.t.putScratch(s)
}

func newFinder(t *Tables, text string) *finder {
	f := &finder{t: t, lex: lexicon.Default(), text: text, scratch: t.getScratch()}
	f.wordBuf, f.keyBuf = f.scratch.wordBuf[:0], f.scratch.phraseBuf[:0]
	f.toks, f.vocab = tokenize(t, text, f.scratch)
	f.us, _ = t.Territory("US")
	// used, third and first are cut from one cleared buffer.
	nt, ns, nc := len(f.toks), 0, 0
	if nt > 0 {
		ns, nc = int(f.toks[nt-1].sent)+1, int(f.toks[nt-1].clause)+1
	}
	flags := f.scratch.falses(nt + ns + nc)
	f.used = flags[:nt:nt]
	if nt > 0 {
		f.third = flags[nt : nt+ns : nt+ns]
		f.first = flags[nt+ns:]
	}
	lists := f.scratch.clearCands()
	for i := range f.toks {
		tk := &f.toks[i]
		m := tk.cands
		// Most words are in none of the classes below and have no capital.
		if tk.cls&(clsThird|clsPersonNoun|clsAuthor|clsChild|clsEponymHead|clsCueNext|clsAgeOwner) != 0 || tk.upper {
			if tk.cls&clsThird != 0 {
				f.third[tk.sent] = true
			}
			// "a client", "the man"; but not the first part of a compound modifier ("a
			// one-page form", "a child-care place").
			if tk.cls&clsPersonNoun != 0 && !(tk.end < len(text) && text[tk.end] == '-') && i > 0 && (f.clsAt(i-1)&(clsArticle|clsDeterminer) != 0 || f.keyAt(i-1) == "my") {
				f.third[tk.sent] = true
			}
			// A first name that is not also a word marks a sentence about a person, at the start
			// of the sentence too ("Name Surname was the ..."): there the capital says nothing,
			// but an ordinary word ("Hope", "Dawn") is excluded below either way.
			if tk.upper && f.personName(&f.vocab[tk.id]) {
				f.third[tk.sent] = true
			}
			if tk.cls&clsAuthor != 0 { // "i", "we"
				f.first[tk.clause] = true
			}
			// The candidate lists (cands.go). A child word ("three children"), an eponym's
			// head word ("<Name> disease") or a cue's second word makes the token before it
			// a candidate of children, conditions or media: added before this token's own
			// entries, so each list stays in order.
			if tk.cls&(clsChild|clsEponymHead|clsCueNext) != 0 && i > 0 {
				if tk.cls&clsChild != 0 {
					addCand(&lists[candChildren], i-1)
				}
				// A media or viral cue of more words may begin with the word before
				// (media compares the next words with its cues).
				if tk.cls&clsCueNext != 0 && f.toks[i-1].cls&clsCueStart != 0 && f.toks[i-1].sent == tk.sent {
					addCand(&lists[candMedia], i-1)
				}
				if tk.cls&clsEponymHead != 0 && f.toks[i-1].upper {
					addCand(&lists[candCondition], i-1)
				}
			}
			// "in her forties": ageAt reads an age at "her", "his" or "their" only after
			// "in" (no other of its cases starts at them).
			if tk.cls&clsAgeOwner != 0 && i > 0 && f.toks[i-1].sent == tk.sent && f.keyAt(i-1) == "in" {
				m |= 1 << candAge
			}
		}
		if tk.bits&bitSecond != 0 && i > 0 && f.toks[i-1].bits&bitPrefix != 0 && f.toks[i-1].sent == tk.sent {
			// A phrase may begin with the word before (pairCands): added before this
			// token's own entries, so each list stays in order.
			for m := uint16(pairCands); m != 0; m &= m - 1 {
				addCand(&lists[bits.TrailingZeros16(m)], i-1)
			}
		}
		for ; m != 0; m &= m - 1 {
			k := bits.TrailingZeros16(m)
			lists[k] = append(lists[k], int32(i))
		}
	}
	f.cands = lists
	return f
}

// personName reports whether w is a first name given to more than 1,000 babies that is not
// also a word; asked once per word of a document.
func (f *finder) personName(w *vocabWord) bool {
	if w.facts&factPersonKnown == 0 {
		w.facts |= factPersonKnown
		if fem, male, ok := f.lex.FirstName(w.key); ok && fem+male > 1000 {
			if _, word := f.lex.WordLevel(w.key); !word {
				w.facts |= factPerson
			}
		}
	}
	return w.facts&factPerson != 0
}

// startsCondition reports whether some condition of the lexicon begins with token i's
// word (lexicon.Starts): where none does, MatchAt finds none. For an ASCII word the
// vocabulary has it from the word's phrase bits; another is asked once per document.
func (f *finder) startsCondition(i int) bool {
	w := &f.vocab[f.toks[i].id]
	if w.facts&factCondKnown == 0 {
		w.facts |= factCondKnown
		if f.lex.Starts(lexicon.Condition, w.key) {
			w.facts |= factCond
		}
	}
	return w.facts&factCond != 0
}

// keyAt, rawAt, rowAt and clsAt are token i's key, text as written, phrase table row and
// closed classes.
func (f *finder) keyAt(i int) string { return f.vocab[f.toks[i].id].key }
func (f *finder) rawAt(i int) string { return f.text[f.toks[i].start:f.toks[i].end] }
func (f *finder) rowAt(i int) int    { return int(f.vocab[f.toks[i].id].row) }
func (f *finder) clsAt(i int) uint32 { return f.toks[i].cls }

// bitsAt is the bits of token i's row in the phrase table (Tables.bits): read once per word
// of a document, with its row, and kept in the token with its classes.
func (f *finder) bitsAt(i int) uint32 { return f.toks[i].bits }

// clsNext is the classes of the word n after token i in its sentence (0: none).
func (f *finder) clsNext(i, n int) uint32 {
	if i+n >= len(f.toks) || f.toks[i+n].sent != f.toks[i].sent {
		return 0
	}
	return f.clsAt(i + n)
}

// clsPrev is the classes of the word n before token i in its sentence (0: none).
func (f *finder) clsPrev(i, n int) uint32 {
	if i-n < 0 || f.toks[i-n].sent != f.toks[i].sent {
		return 0
	}
	return f.clsAt(i - n)
}

// markPeople marks the sentences that hold a pseudonym the de-identifier wrote for a
// person (published offsets) as describing a person.
func (f *finder) markPeople(starts []int) {
	k := 0
	for _, off := range starts {
		for k < len(f.toks) && f.toks[k].end <= off {
			k++
		}
		if k < len(f.toks) && f.toks[k].start <= off+1 {
			f.third[f.toks[k].sent] = true
		}
	}
}

// key returns the phrase.Key form of the words [i, j).
func (f *finder) key(i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(f.keyAt(k))
	}
	return b.String()
}

// span makes a detail over tokens [i, j).
func (f *finder) span(kind string, i, j int) Detail {
	for k := i; k < j; k++ {
		f.used[k] = true
	}
	s, e := f.toks[i].start, f.toks[j-1].end
	return Detail{Kind: kind, Text: f.text[s:e], Start: s, End: e, Factor: 1, EditFactor: 1}
}

// sameSentence reports whether tokens i..j-1 are in one sentence.
func (f *finder) sameSentence(i, j int) bool {
	return j <= len(f.toks) && f.toks[i].sent == f.toks[j-1].sent
}

// prev returns the key of token i-n in the same sentence, or "".
func (f *finder) prev(i, n int) string {
	if i-n < 0 || f.toks[i-n].sent != f.toks[i].sent {
		return ""
	}
	return f.keyAt(i - n)
}

func (f *finder) next(i, n int) string {
	if i+n >= len(f.toks) || f.toks[i+n].sent != f.toks[i].sent {
		return ""
	}
	return f.keyAt(i + n)
}

// authorClause reports whether the words at token i describe the author: "I was the
// ...", "I started here as the ...". A preposition or another person between the author
// and the words ("I work with the daughter of the ...") makes them someone else's.
func (f *finder) authorClause(i int) bool {
	if !f.first[f.toks[i].clause] {
		return false
	}
	if f.author == nil {
		f.markAuthor()
	}
	return f.author[i]
}

// markAuthor sets author[i] for every token: whether, reading back from token i-1 to the
// start of its clause, the author ("I", "we") comes before a preposition, "of" or another
// person (copulas and "as" are read past, as every other word). One pass over the text
// instead of a walk back from every word.
func (f *finder) markAuthor() {
	f.author = f.scratch.author(len(f.toks))
	toks, first, out := f.toks, f.first, f.author // locals, not reloaded through f
	author := false                               // what the last deciding word of the clause said
	clause := int32(-1)                           // the clause of the token before
	for i := range toks {
		tk := &toks[i] // not a copy of the token at every step
		if tk.clause != clause {
			clause, author = tk.clause, false
		}
		if !first[clause] {
			continue // authorClause reads no clause without "I" or "we"
		}
		out[i] = author
		// The classes of "i", "we", "as" and "of" (clsAuthor, clsAsOrOf) stand for their keys.
		switch cls := tk.cls; {
		case cls&clsAuthor != 0: // "i", "we"
			author = true
		case cls&clsAsOrOf != 0 && f.vocab[tk.id].key == "as" || cls&clsCopula != 0:
		case cls&(clsPreposition|clsThird|clsPersonNoun|clsAsOrOf) != 0: // "of" among them
			author = false
		}
	}
}

// details runs every finder in order; earlier finders claim their words.
func (f *finder) details() []Detail {
	out := make([]Detail, 0, 4) // most posts have a few
	for _, find := range []func() []Detail{
		f.uniqueness, f.distinctions, f.roles, f.conditions, f.occupations, f.origins,
		f.ages, f.children, f.events, f.media, f.sex,
	} {
		out = append(out, find()...)
	}
	return out
}

// match finds the longest phrase of a kind of table starting at token i within its
// sentence.
func (f *finder) match(i int, kind int, maxWords int) (int, Entry, bool) {
	if i >= len(f.toks) {
		return i, Entry{}, false
	}
	if tk := &f.toks[i]; tk.bits&(1<<kind) == 0 && (tk.bits&bitPrefix == 0 || maxWords < 2 || i+1 >= len(f.toks) || f.toks[i+1].bits&bitSecond == 0 || f.toks[i+1].sent != tk.sent) {
		// Neither the word is of the kind nor does a phrase go on from it to the next
		// word (phraseRow's test for two words): the loop below would find nothing.
		return i, Entry{}, false
	}
	end, row := i, -1
	r, bits := f.rowAt(i), f.bitsAt(i)
	for n := 1; n <= maxWords && i+n <= len(f.toks) && f.toks[i+n-1].sent == f.toks[i].sent; n++ {
		if n > 1 {
			r = f.phraseRow(i, i+n)
			bits = f.t.bits(r)
		}
		if bits&(1<<kind) != 0 {
			end, row = i+n, r
		}
		if bits&bitPrefix == 0 {
			break
		}
	}
	if end == i {
		return i, Entry{}, false
	}
	return end, f.t.entry(row, kind), true
}

// phraseRow returns the phrase table's row of the words [i, j), or -1. The bits of the
// words' own rows rule out most pairs without a lookup: after "the" or "a", which begin
// some phrases, most finders ask for the next word too.
func (f *finder) phraseRow(i, j int) int {
	switch j - i {
	case 1:
		return f.rowAt(i)
	case 2:
		if f.bitsAt(i)&bitPrefix == 0 || f.bitsAt(i+1)&bitSecond == 0 {
			return -1 // no phrase begins with these two words
		}
		// conditions, roles, origins (for each of its kinds) and occupations may each ask
		// for the same two words: the row is kept per token (0: not asked yet, else row+2).
		if f.pairs == nil {
			f.pairs = f.scratch.pairRows(len(f.toks))
		}
		if r := f.pairs[i]; r != 0 {
			return int(r) - 2
		}
		r := f.probe(i, j)
		f.pairs[i] = int32(r + 2)
		return r
	default:
		if !f.t.continues(f.phraseRow(i, j-1)) {
			return -1 // every word prefix of a phrase is a continued key
		}
	}
	return f.probe(i, j)
}

// probe looks the words [i, j) up in the phrase table.
func (f *finder) probe(i, j int) int {
	b := f.keyBuf[:0]
	for k := i; k < j; k++ {
		if k > i {
			b = append(b, ' ')
		}
		b = append(b, f.keyAt(k)...)
	}
	f.keyBuf = b
	return f.t.phrase(string(b))
}

// conditions: a named condition in a sentence about a person, not a topic ("people with").
func (f *finder) conditions() []Detail {
	var out []Detail
	// toks, used and third are f's (their elements change, never the slices).
	toks, used, third := f.toks, f.used, f.third
	it := f.iter(candCondition)
	for i := it.from(0, len(toks)); i < len(toks); i = it.from(i+1, len(toks)) {
		if used[i] {
			continue
		}
		tk := &toks[i]
		j, e, ok := i, Entry{}, false
		if tk.bits&(1<<tabCondition|bitPrefix) != 0 {
			j, e, ok = f.match(i, tabCondition, f.t.maxWords) // no condition starts elsewhere
		}
		if !ok && tk.upper && mayBeAcronym(f.text[tk.start:tk.end]) {
			// Acronyms are written in capitals.
			if a, isAcro := f.t.Acronym(f.rawAt(i)); isAcro && f.acronym(i) {
				j, e, ok = i+1, a, true
			}
		}
		if !ok && !third[tk.sent] {
			continue // each case below needs a sentence about a person
		}
		src := "Orphanet prevalence class midpoint"
		if ok && !strings.HasPrefix(e.Note, "ORPHA:") {
			src = e.Note
		}
		if !ok && len(f.keyAt(i)) >= 4 && f.third[f.toks[i].sent] && f.startsCondition(i) {
			// A condition WordNet knows but no table sizes: uncommon words are rarer.
			if n := f.lex.MatchAt(lexicon.Condition, f.words(i)); n > 0 && f.sameSentence(i, i+n) && f.specificCondition(i, i+n) {
				j, ok = i+n, true
				e = Entry{Value: 0.01}
				src = "a condition of unknown prevalence; 1 in 100 assumed"
				if r, known := f.lex.WordRank(f.keyAt(j - 1)); !known || r > 30000 {
					e.Value, src = 1e-3, "a condition of unknown prevalence named by an uncommon word; 1 in 1,000 assumed"
				}
			}
		}
		if !ok && f.toks[i].upper && f.third[f.toks[i].sent] && f.clsNext(i, 1)&clsEponymHead != 0 && f.sameSentence(i, i+2) {
			// "<Name> disease", "<Name>'s syndrome" that neither table knows: the
			// common named conditions are in the hand table, and most of the thousands
			// of named disorders are rare (Orphanet), so a rare class is assumed.
			j, ok = i+2, true
			e = Entry{Value: 1e-4}
			src = "a named disease no table sizes; named disorders outside the common-condition table are mostly rare (Orphanet): 1 in 10,000 assumed"
		}
		if ok {
			// A subtype named after the condition ("<condition>, <x> type", "<condition>
			// type <x>"): Orphanet sizes many subtypes apart, rarer than their family, as
			// "<condition> type <x>", "<condition> <x> type" or, for a gene's code, "<x>
			// disease".
			if k, x := f.subtype(j); x != "" {
				base := f.key(i, j)
				cands := []string{base + " type " + x, base + " " + x + " type"}
				if strings.ContainsAny(x, "0123456789") && strings.IndexFunc(x, unicode.IsLetter) >= 0 {
					cands = append(cands, x+" disease")
				}
				for _, c := range cands {
					if se, found := f.t.get(tabCondition, c); found && se.Value < e.Value {
						j, e = k, se
						break
					}
				}
			}
		}
		if !ok || !f.third[f.toks[i].sent] || f.generic(i) {
			if ok {
				i = j - 1 // a condition written as a topic: none of its words is another
			}
			continue
		}
		d := f.span(KindCondition, i, j)
		d.Factor = e.Value
		d.Why = fmt.Sprintf("%s: %s of people", src, share(e.Value))
		if strings.HasPrefix(e.Note, "ORPHA:") {
			d.Why = fmt.Sprintf("Orphanet %s, prevalence class midpoint: %s of people", e.Note, share(e.Value))
		}
		if e.Value < 1e-3 {
			// About 1 in 17 people lives with one of the rare diseases (EURORDIS: 3.5-5.9%).
			d.Say, d.EditFactor = "say 'a rare condition' instead", 0.05
		} else {
			d.Say, d.EditFactor = "leave out the diagnosis", 1
		}
		out = append(out, d)
		i = j - 1
	}
	return out
}

// subtype reads the name of a subtype just after a condition ending at token j: "<x>
// type" (also "form", "variant") or "type <x>". It returns the token after it and x, or "".
func (f *finder) subtype(j int) (int, string) {
	if j <= 0 || j+1 >= len(f.toks) || !f.sameSentence(j-1, j+2) {
		return j, ""
	}
	switch a, b := f.keyAt(j), f.keyAt(j+1); {
	case b == "type" || b == "form" || b == "variant":
		if !articles[a] && !determiners[a] {
			return j + 2, a
		}
	case a == "type" && !articles[b] && !determiners[b]:
		return j + 2, b
	}
	return j, ""
}

// acronym reports whether the capitals at token i read as an acronym: not an ordinary word
// ("HAS"), and not inside text written all in capitals.
func (f *finder) acronym(i int) bool {
	if r, ok := f.lex.WordRank(f.keyAt(i)); ok && r < 30000 {
		return false
	}
	for _, k := range []int{i - 1, i + 1} {
		if k >= 0 && k < len(f.toks) && len(f.rawAt(k)) > 1 && strings.ToUpper(f.rawAt(k)) == f.rawAt(k) && !isDigits(f.rawAt(k)) {
			return false
		}
	}
	return true
}

// possessive reports whether a word ends in 's.
func possessive(raw string) bool {
	return strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s")
}

func isDigits(s string) bool { return strings.Trim(s, "0123456789") == "" }

func startsDigit(s string) bool { return s != "" && '0' <= s[0] && s[0] <= '9' }

// mayBeAcronym reports whether a word written with a capital could be an acronym of the
// tables: Freeze refuses an acronym whose second letter is lower case, so a word such as
// "She" or "Wrenna" needs no lookup.
func mayBeAcronym(raw string) bool { return len(raw) >= 2 && !('a' <= raw[1] && raw[1] <= 'z') }

// specificCondition rejects a one-word match that is an ordinary word or a generic head
// ("disorder", "illness"), and acronyms written in lower case ("did").
func (f *finder) specificCondition(i, j int) bool {
	if j-i > 1 {
		return true
	}
	if len(f.keyAt(i)) < 4 {
		return false
	}
	r, ok := f.lex.WordRank(f.keyAt(i))
	return !ok || r > 8000
}

// words returns the keys of the tokens of i's sentence from i on (at most 8), in a buffer
// the next call reuses.
func (f *finder) words(i int) []string {
	w := f.wordBuf[:0]
	for k := i; k < len(f.toks) && k < i+8 && f.toks[k].sent == f.toks[i].sent; k++ {
		w = append(w, f.keyAt(k))
	}
	f.wordBuf = w
	return w
}

// generic reports a condition written as a topic: "people with ...", "families living
// with ...", "symptoms of ...".
func (f *finder) generic(i int) bool {
	for n := 1; n <= 3; n++ {
		p := f.prev(i, n)
		if p == "" {
			return false
		}
		if genericCues[p] {
			return true
		}
		if thirdPerson[p] || p == "has" || p == "had" || p == "with" && !genericCues[f.prev(i, n+1)] && !genericCues[f.prev(i, n+2)] {
			return false
		}
	}
	return false
}

// occupations: an occupation said of someone ("a retired ferry captain", "was a welder",
// "works in sales"); a rare noun in the same frame is a rare word.
func (f *finder) occupations() []Detail {
	var out []Detail
	it := f.iter(candOccupation)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		if f.clsAt(i)&clsArticle == 0 && !occupationCue(f.keyAt(i)) {
			continue // neither "work ..." nor a frame (occupationFrame)
		}
		if f.used[i] || !f.third[f.toks[i].sent] || f.authorClause(i) {
			continue
		}
		k := f.keyAt(i)
		if (k == "works" || k == "worked" || k == "working" || k == "work") && (f.next(i, 1) == "in" || f.next(i, 1) == "as") {
			if j, e, ok := f.match(i+2, tabGroup, 3); ok && f.next(i, 1) == "in" {
				d := f.span(KindOccupation, i, j)
				d.Factor = e.Value / f.us
				d.Why = fmt.Sprintf("BLS OEWS May 2023, SOC major group %s: %s of people", e.Note, share(d.Factor))
				out = append(out, d)
				i = j - 1
				continue
			}
		}
		if !f.occupationFrame(i) {
			continue
		}
		// An article opening the sentence frames what someone is only in apposition ("A
		// retired welder, he ..."); otherwise it is an indefinite subject, often a generic
		// one ("A practitioner who listens ...", "A nurse can ...").
		initial := articles[k] && f.prev(i, 1) == ""
		apposition := func(h int) bool {
			return h+1 >= len(f.toks) || f.toks[h+1].clause != f.toks[h].clause
		}
		// The noun phrase after the article: up to three modifiers, then the head.
		for h := i + 1; h <= i+4 && h < len(f.toks) && f.sameSentence(i, h+1); h++ {
			if f.used[h] {
				break
			}
			// Longest occupation phrase ending at h.
			for s := max(i+1, h-2); s <= h; s++ {
				if r := f.phraseRow(s, h+1); f.t.has(r, tabOccupation) && !f.continuesNoun(h) && (!initial || apposition(h)) {
					e := f.t.entry(r, tabOccupation)
					d := f.span(KindOccupation, s, h+1)
					d.Factor = e.Value / f.us
					d.Why = fmt.Sprintf("BLS OEWS May 2023, SOC group %s: %.0f employed, %s of people", e.Note, e.Value, share(d.Factor))
					if g := f.groupOf(e.Note); g > 0 {
						d.Say, d.EditFactor = "name the field of work rather than the job", g/f.us
					}
					out = append(out, d)
					h = len(f.toks)
					break
				}
			}
			if h == len(f.toks) {
				break
			}
			if initial && !apposition(h) {
				continue
			}
			if d, ok := f.unlistedOccupation(h); ok && !f.continuesNoun(h) {
				out = append(out, d)
				break
			}
			if d, ok := f.rareWord(h); ok && !f.continuesNoun(h) {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// continuesNoun reports whether the word after h continues a noun phrase (so h is a
// modifier, as "nurse" in "nurse practitioner" the table would have matched).
func (f *finder) continuesNoun(h int) bool {
	n := f.next(h, 1)
	if n == "" {
		return false
	}
	return f.bitsAt(h+1)&(1<<tabOccupation) != 0
}

func (f *finder) groupOf(code string) float64 { return f.t.Group(code) }

// occupationFrame reports whether token i is an article that introduces what someone is:
// after a copula, "as", "retired"/"former", a comma (apposition), or opening the sentence.
// occupationCue reports whether a word that is no article may start what occupations
// reads: "works in", "worked as", or a frame without an article (occupationFrame).
func occupationCue(k string) bool {
	switch k {
	case "works", "worked", "working", "work", "retired", "former":
		return true
	}
	return false
}

func (f *finder) occupationFrame(i int) bool {
	k := f.keyAt(i)
	if f.clsAt(i)&clsArticle == 0 {
		return k == "retired" || k == "former"
	}
	p, pc := f.prev(i, 1), f.clsPrev(i, 1)
	switch {
	case p == "":
		return true
	case pc&clsCopula != 0 || p == "as" || p == "retired" || p == "former":
		return true
	case pc&clsPreposition != 0:
		return false
	}
	// Apposition: "Name, a ..." has a clause break just before the article.
	return f.toks[i].clause != f.toks[i-1].clause && f.toks[i].sent == f.toks[i-1].sent
}

// unlistedOccupation: a noun WordNet files as an occupation that no BLS phrase names, said
// of someone ("a retired falconer"). BLS lists every occupation with more than a few
// thousand workers under some phrase, so one it lacks is a niche trade: 1 in 10,000 is
// assumed, and 1 in 1,000 for a common word (often another name for a listed job).
func (f *finder) unlistedOccupation(h int) (Detail, bool) {
	tk, k := f.toks[h], f.keyAt(h)
	if tk.upper || len(k) < 5 || personNouns[k] || f.lex.InCategory(lexicon.Kinship, k) || !f.lex.InCategory(lexicon.Occupation, k) {
		return Detail{}, false
	}
	r, known := f.lex.WordRank(k)
	if known && r < 10000 {
		// A common word ("professor", "potter"): most often another name for a job
		// BLS lists under its own phrase, held by many.
		return Detail{}, false
	}
	d := f.span(KindOccupation, h, h+1)
	d.Factor = 1e-4
	d.Why = "an occupation BLS does not list (a niche trade); 1 in 10,000 assumed"
	if known && r < 20000 {
		d.Factor = 1e-3
		d.Why = "an occupation BLS does not list by this name; 1 in 1,000 assumed"
	}
	d.Say, d.EditFactor = "name the field of work rather than the trade", 1
	return d, true
}

// rareWord: a word rare in general English (absent from the frequency list's top 50,000 but
// a dictionary word) in an occupation frame: what someone is, in an uncommon word.
func (f *finder) rareWord(h int) (Detail, bool) {
	tk, k := f.toks[h], f.keyAt(h)
	if tk.upper || len(k) < 5 || strings.IndexFunc(k, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return Detail{}, false
	}
	if _, ok := f.lex.WordLevel(k); !ok {
		return Detail{}, false
	}
	if r, ok := f.lex.WordRank(k); ok && r < 50000 {
		return Detail{}, false
	}
	if strings.HasSuffix(k, "ly") || strings.HasSuffix(k, "ing") || strings.HasSuffix(k, "ed") {
		return Detail{}, false
	}
	d := f.span(KindRareWord, h, h+1)
	d.Factor = 1e-3
	d.Why = "a word outside the 50,000 most frequent in English; 1 in 1,000 assumed"
	d.Say, d.EditFactor = "use a common word for it", 1
	return d, true
}

// roles: a role one person holds in a community, said with "the" or a possessive.
func (f *finder) roles() []Detail {
	var out []Detail
	toks := f.toks
	it := f.iter(candRole)
	for i := it.from(1, len(toks)); i < len(toks); i = it.from(i+1, len(toks)) {
		if tk := &toks[i]; tk.bits&(1<<tabRole|bitPrefix) == 0 && (f.text[tk.end-1] != 's' || !possessive(f.text[tk.start:tk.end])) {
			continue // neither a role nor one in the possessive starts here
		}
		p := f.keyAt(i - 1)
		if f.clsAt(i-1)&clsRoleModifier != 0 && i >= 2 && f.toks[i-2].sent == f.toks[i].sent {
			// "the former mayor": read the determiner before the modifier.
			p = f.keyAt(i - 2)
			if !(p == "the" || p == "our" || p == "their" || strings.HasSuffix(f.rawAt(i-2), "'s")) {
				continue
			}
		}
		if f.used[i] || !(p == "the" || p == "our" || p == "their" || strings.HasSuffix(f.rawAt(i-1), "'s") || strings.HasSuffix(f.rawAt(i-1), "’s")) || f.toks[i-1].sent != f.toks[i].sent {
			continue
		}
		j, _, ok := f.match(i, tabRole, 3)
		possessive := false
		if !ok {
			// "the mayor's daughter": the role in the possessive.
			raw := f.rawAt(i)
			if _, known := f.t.get(tabRole, strings.TrimSuffix(f.keyAt(i), "s")); known && (strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s")) {
				j, ok, possessive = i+1, true, true
			}
		}
		if !ok || f.authorClause(i) || prepositions[f.prev(i, 2)] && p == "the" || f.continuesNoun(j-1) || !possessive && !f.roleDescribed(i, j) {
			continue
		}
		d := f.span(KindRole, i, j)
		d.Cap = 1
		d.Why = "a role one person holds in a community"
		d.Say = "leave out the role"
		out = append(out, d)
		i = j - 1
	}
	return out
}

// roleDescribed reports whether the role at tokens [i, j) belongs to a person the post
// describes rather than to someone the author met at work ("the principal called me"): it
// is said of someone ("she is the mayor", "her father, the mayor,"), names a relative's
// relation ("the daughter of the mayor"), or its holder's family is in the sentence ("the
// pastor ... asked me to see his wife").
func (f *finder) roleDescribed(i, j int) bool {
	start := i - 1
	if roleModifiers[f.keyAt(start)] && start > 0 {
		start--
	}
	if raw := f.rawAt(start); (strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s")) && f.prev(start, 1) == "the" {
		start-- // "the town's mayor"
	}
	p := f.prev(start, 1)
	switch {
	case p == "of" && (personNouns[f.prev(start, 2)] || f.lex.InCategory(lexicon.Kinship, f.prev(start, 2))):
		return true
	case copulas[p] || p == "as":
		return true
	case start > 0 && f.toks[start].clause != f.toks[start-1].clause && f.toks[start].sent == f.toks[start-1].sent:
		return true // apposition
	}
	for k := j; k+1 < len(f.toks) && f.toks[k].sent == f.toks[i].sent; k++ {
		if thirdPerson[f.keyAt(k)] && f.keyAt(k) != "he" && f.keyAt(k) != "she" && f.lex.InCategory(lexicon.Kinship, f.keyAt(k+1)) {
			return true
		}
	}
	return false
}

// uniqueness: "the only/first/last/oldest ... person noun ... in the town/ever", not
// negated and not about the author; "the last surviving".
func (f *finder) uniqueness() []Detail {
	var out []Detail
	it := f.iter(candUnique)
	for i := it.from(1, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		if f.clsAt(i)&clsUnique == 0 && f.keyAt(i) != "one" {
			continue // neither a marker nor "one of"
		}
		k := f.keyAt(i)
		p := f.prev(i, 1)
		// "the town's only pharmacist": the possessive names the community.
		possessive := p != "" && (strings.HasSuffix(f.rawAt(i-1), "'s") || strings.HasSuffix(f.rawAt(i-1), "’s")) && scopeWords[strings.TrimSuffix(p, "s")]
		count := 1.0
		markerStart := i - 1
		if k == "one" && f.next(i, 1) == "of" {
			// "one of only three women in the county": capped at the stated count.
			j := i + 2
			if f.next(i, 2) == "only" || f.next(i, 2) == "the" {
				j++
			}
			if n, end := f.number(j); n >= 2 && n < 20 && end > j {
				count, markerStart = float64(n), i
				k = "one of " + strconv.Itoa(n)
				i = end - 1
			} else {
				continue
			}
		} else if !uniqueMarkers[k] || !(p == "the" || p == "her" || p == "his" || p == "their" || p == "its" || possessive) {
			continue
		}
		if negations[f.prev(markerStart, 1)] || negations[f.prev(markerStart, 2)] || f.authorClause(markerStart) {
			continue
		}
		// "her youngest daughter", "their only son", "his first job": a superlative
		// within the person's own family or life, not a community.
		family := thirdPerson[p] || p == "their" || p == "its"
		// "She is the only ...": said of a person whatever the noun.
		person := copulas[f.prev(markerStart, 1)] && (thirdPerson[f.prev(markerStart, 2)] || markerStart >= 2 && f.toks[markerStart-2].upper && f.prev(markerStart, 2) != "")
		// "the last surviving member of ...": the group is finite and known.
		scope := possessive || k == "last" && (f.next(i, 1) == "surviving" || f.next(i, 1) == "living")
		end := i + 1
		relative := false
		classDone := false // the first "in/of/from ..." phrase names the comparison class
		for h := i + 1; h < len(f.toks) && h <= i+12 && f.toks[h].sent == f.toks[i].sent; h++ {
			hk := f.keyAt(h)
			if hk == "me" || hk == "i" || hk == "us" || hk == "we" {
				// "the first client who ever thanked me": unique only in the author's
				// experience.
				relative = true
			}
			if scope && person {
				continue
			}
			if h <= i+3 && (personNouns[hk] || hk == "surviving" || hk == "living" || hk == "serving" || hk == "ever" || hk == "to" && h == i+1 || f.isOccupation(h) || f.isDemonym(h) || f.lex.InCategory(lexicon.Kinship, hk)) {
				person = true
				end = max(end, h+1)
				continue
			}
			if classPreps[hk] && !classDone && !scope {
				// "in her family": a class too private to single anyone out for a reader,
				// and what follows is still within it. "on the team", "at the plant": a
				// group that may itself sit in a community named next ("on the fire
				// crew in the county"), so reading goes on. "in the county", "of Harrow
				// Point", "in a small town": a community.
				private := false
				for c := h + 1; c <= h+4 && c < len(f.toks) && f.toks[c].sent == f.toks[i].sent; c++ {
					ck := strings.TrimSuffix(f.keyAt(c), "s")
					if firstPerson[f.keyAt(c)] && f.keyAt(c) != "our" {
						private = true // "on my caseload": unique in the author's experience
						break
					}
					if determiners[f.keyAt(c)] || articles[f.keyAt(c)] {
						continue
					}
					if thirdPerson[f.keyAt(c)] {
						continue // "at his school": the person's own community
					}
					if f.lex.InCategory(lexicon.Kinship, ck) || ck == "family" || ck == "household" {
						private = true
						break
					}
					if scopeWords[f.keyAt(c)] || scopeWords[ck] || f.toks[c].upper {
						scope = true
						end = max(end, c+1)
						break
					}
					if classPreps[f.keyAt(c)] || c > h+1 && !f.modifier(c-1) {
						break
					}
				}
				if private {
					classDone = true
					break
				}
				continue
			}
			if !scope && !classDone && (scopeWords[hk] || f.toks[h].upper && h > i+1 && !f.isDemonym(h)) {
				scope = true
				end = max(end, h+1)
			}
		}
		if !person || !scope || relative || family {
			continue
		}
		d := f.span(KindUnique, markerStart, end)
		d.Cap = count
		d.Why = fmt.Sprintf("'%s' with a person and a community: %s", k, map[bool]string{true: "one person", false: fmt.Sprintf("%.0f people", count)}[count == 1])
		d.Say = fmt.Sprintf("leave out '%s'", k)
		out = append(out, d)
		i = end - 1
	}
	return out
}

// modifier reports whether token c can stand before a noun inside a noun phrase: an
// adjective or a noun used as one ("a small coastal town", "the volunteer fire crew").
func (f *finder) modifier(c int) bool {
	k := f.keyAt(c)
	return !copulas[k] && !prepositions[k] && !classPreps[k] && !thirdPerson[k] && k != "and" && k != "or" && k != "who" && k != "that"
}

// isOccupation reports whether token h is an occupation.
func (f *finder) isOccupation(h int) bool {
	if f.bitsAt(h)&(1<<tabOccupation) != 0 {
		return true
	}
	k := f.keyAt(h)
	return f.lex.InCategory(lexicon.Occupation, k) || strings.HasSuffix(k, "ian") && len(k) > 5
}

func (f *finder) isDemonym(i int) bool {
	if !f.toks[i].upper {
		return false
	}
	return f.bitsAt(i)&(1<<tabNationality) != 0
}

// distinctions: Olympians, medallists, champions, record holders, winners of titles.
func (f *finder) distinctions() []Detail {
	var out []Detail
	it := f.iter(candDistinction)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		tk := &f.toks[i] // not a copy of the token at every step
		if f.clsAt(i)&(clsDistinction|clsDistinctionCue) == 0 || f.used[i] || f.authorClause(i) {
			continue // none of the cases below
		}
		var s float64
		ok := false
		if f.clsAt(i)&clsDistinction != 0 {
			s, ok = distinctionWords[f.keyAt(i)]
		}
		won := f.keyAt(i) == "won" || f.keyAt(i) == "wins" || f.keyAt(i) == "win"
		if won {
			for n := 1; n <= 4; n++ {
				if wonObjects[f.next(i, n)] {
					ok, s = true, 1e-3
					break
				}
			}
		}
		if f.keyAt(i) == "record" && (f.prev(i, 1) == "world" || f.prev(i, 1) == "national" || f.prev(i, 1) == "state" || f.next(i, 1) == "holder" || f.prev(i, 2) == "holds" || f.prev(i, 2) == "held" || f.prev(i, 2) == "set" || f.prev(i, 2) == "broke") {
			// A record is held by one person.
			if !f.third[tk.sent] {
				continue
			}
			d := f.span(KindDistinction, max(i-1, 0), i+1)
			d.Cap, d.Why, d.Say = 1, "a record is held by one person", "leave out the record"
			out = append(out, d)
			continue
		}
		if (f.keyAt(i) == "played" || f.keyAt(i) == "plays") && f.third[tk.sent] {
			if end, league, yes := f.professional(i); yes {
				// BLS OEWS May 2023, 27-2021 Athletes and Sports Competitors: 14,930
				// employed; former professionals are perhaps a few times as many. A named
				// league or team names the sport too: about a tenth of them.
				d := f.span(KindDistinction, i, end)
				d.Factor = 5 * 14930 / f.us
				d.Why = "a professional athlete (BLS 27-2021: 14,930 employed, former ones a few times as many)"
				if league {
					d.Factor /= 10
					d.Why += " in a named league, which names the sport (a tenth of them)"
				}
				d.Why += fmt.Sprintf(": %s of people", share(d.Factor))
				d.Say = "say 'played sport' without the level, league or seasons"
				out = append(out, d)
				continue
			}
		}
		if !ok || s == 0 || !f.third[tk.sent] {
			continue
		}
		d := f.span(KindDistinction, i, i+1)
		d.Factor = s
		d.Why = fmt.Sprintf("a distinction few hold: %s of people assumed", share(s))
		d.Say = "leave out the distinction"
		out = append(out, d)
	}
	return out
}

// professional reads a sports career after "played" at token i: "played professionally",
// "played six seasons in the <League>", "played for the <Team>" with a count of seasons.
func (f *finder) professional(i int) (end int, league, ok bool) {
	seasons := false
	for n := 1; n <= 8; n++ {
		w := f.next(i, n)
		switch {
		case w == "":
			return 0, false, false
		case w == "professionally" || w == "semi" && f.next(i, n+1) == "professionally":
			return i + n + 1, false, true
		case w == "seasons" || w == "season":
			seasons = true
		case seasons && (w == "in" || w == "for") && f.next(i, n+1) == "the" && i+n+2 < len(f.toks) && f.toks[i+n+2].upper && f.sameSentence(i, i+n+3):
			return i + n + 3, true, true
		}
	}
	return 0, false, false
}

// origins: a language, nationality or religion said of someone.
func (f *finder) origins() []Detail {
	var out []Detail
	it := f.iter(candOrigin)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		if f.toks[i].bits&(1<<tabReligion|1<<tabNationality|1<<tabLanguage|bitPrefix) == 0 {
			continue // match finds none of the kinds below from this word
		}
		if f.used[i] || !f.third[f.toks[i].sent] || f.rowAt(i) < 0 {
			continue // a word no phrase starts with matches no kind below
		}
		type cand struct {
			kind string
			m    int
			src  string
		}
		cands := [...]cand{
			{KindReligion, tabReligion, "religion"},
			{KindNationality, tabNationality, "CLDR population of the country, as a share of the world's"},
			{KindLanguage, tabLanguage, "CLDR share of speakers"},
		}
		if (f.clsPrev(i, 1)|f.clsNext(i, 1))&clsSpeechCue != 0 {
			cands[1], cands[2] = cands[2], cands[1]
		}
		for _, c := range cands {
			if c.kind != KindReligion && !f.toks[i].upper {
				continue
			}
			j, e, ok := f.match(i, c.m, 3)
			if ok && c.kind == KindNationality && e.Note == "US" {
				break // the home country's people: no narrowing
			}
			if !ok || e.Value >= 0.5 {
				continue
			}
			if c.kind == KindReligion {
				c.src = e.Note
			}
			d := f.span(c.kind, i, j)
			d.Factor = e.Value
			d.Why = fmt.Sprintf("%s: %s of people", c.src, share(e.Value))
			d.Say = "leave out the " + c.kind
			out = append(out, d)
			i = j - 1
			break
		}
	}
	return out
}

// ages: the age bands the de-identifier writes and the ages authors write.
func (f *finder) ages() []Detail {
	var out []Detail
	it := f.iter(candAge)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		if f.used[i] {
			continue
		}
		if f.clsAt(i)&(clsAgeCue|clsNumberWord) == 0 {
			// The key of a word that starts with an ASCII letter starts with it, in lower case.
			if c := f.text[f.toks[i].start]; c < utf8.RuneSelf && (c < '0' || c > '9') || !startsDigit(f.keyAt(i)) {
				continue // neither a number nor a word ageAt reads an age after
			}
		}
		lo, hi, j := f.ageAt(i)
		if j == i {
			continue
		}
		d := f.span(KindAge, i, j)
		d.Factor = f.t.AgeShare(lo, hi)
		if hi >= 99 {
			d.Why = fmt.Sprintf("aged %d or more: %s of people (2020 Census)", lo, share(d.Factor))
		} else {
			d.Why = fmt.Sprintf("aged %d-%d: %s of people (2020 Census)", lo, hi, share(d.Factor))
		}
		if hi-lo < 19 {
			d.Say, d.EditFactor = "give a wider age ('older', 'middle-aged', 'young')", 0.3
		}
		out = append(out, d)
		i = j - 1
	}
	return out
}

// ageAt reads an age at token i: returns the band and the end token (j == i: none).
func (f *finder) ageAt(i int) (lo, hi, j int) {
	k := f.keyAt(i)
	n1 := f.next(i, 1)
	decade := func(s string) int {
		if d, ok := decadeWords[s]; ok {
			return d
		}
		if len(s) == 3 && s[2] == 's' && s[1] == '0' {
			if v, ok := atoi(s[:2]); ok {
				return v
			}
		}
		return -1
	}
	switch {
	case (k == "early" || k == "mid" || k == "late") && decade(n1) >= 10:
		d := decade(n1)
		switch k {
		case "early":
			return d, d + 3, i + 2
		case "mid":
			return d + 3, d + 6, i + 2
		}
		return d + 7, d + 9, i + 2
	case (k == "her" || k == "his" || k == "their") && decade(n1) >= 10 && f.prev(i, 1) == "in":
		d := decade(n1)
		if d == 10 {
			return 13, 19, i + 2
		}
		return d, d + 9, i + 2
	case k == "over" && (n1 == "89" || n1 == "90"):
		return 90, 99, i + 2
	case k == "teenage" || k == "teenager" || k == "teen":
		return 13, 19, i + 1
	case strings.HasSuffix(k, "something") && decade(strings.TrimSuffix(k, "something")+"s") > 0:
	}
	// The children's bands the de-identifier writes ("is under 5", "aged under-5", "is
	// between 5 and 12", "a school-age child"), read as the ages they cover when they are
	// said of a person as an age is ("is under 5 feet" is not).
	if k == "school" && f.next(i, 1) == "age" {
		return 5, 12, i + 2
	}
	if k == "under" || k == "between" {
		var lo, hi, end int
		if v, e := f.number(i + 1); k == "under" && v > 1 && v <= 18 {
			lo, hi, end = 0, v-1, e
		} else if a, e := f.number(i + 1); k == "between" && a > 0 && f.next(e-1, 1) == "and" {
			if b, e2 := f.number(e + 1); b > a && b <= 18 {
				lo, hi, end = a, b, e2
			}
		}
		if end > 0 && f.ageSaid(i, end) {
			return lo, hi, end
		}
	}
	// "born in 1961": one birth year of about eighty.
	if k == "born" && f.next(i, 1) == "in" {
		if y, ok := atoi(f.next(i, 2)); ok && y >= 1900 && y <= 2100 {
			return 40, 40, i + 3
		}
	}
	// "34 year old", "seven-year-old", "aged 34", "at twenty-three" after retired/died.
	if v, end := f.number(i); v > 0 && v < 110 {
		if f.next(end-1, 1) == "year" && f.next(end-1, 2) == "old" {
			return v, v, end + 2
		}
		// "She is nineteen.", "He is thirty-one now", "they turned six this spring": a
		// number said of a person that ends the clause is their age; a unit after it
		// ("is 6 feet", "was 40 minutes late") is not.
		if p := f.prev(i, 1); (copulas[p] || p == "turned" || p == "turns") && f.subject(i-1) && f.clauseEnds(end) {
			return v, v, end
		}
		if p := f.prev(i, 1); p == "aged" || p == "age" || (p == "at" && (f.prev(i, 2) == "retired" || f.prev(i, 2) == "died" || f.prev(i, 2) == "married")) {
			return v, v, end
		}
	}
	return 0, 0, i
}

// ageSaid reports whether the words at tokens [i, end) are said of a person as an age
// is: after "aged", or after a copula whose subject is a person (a name, a pronoun, "the
// child", "her daughter"), ending the clause.
func (f *finder) ageSaid(i, end int) bool {
	p := f.prev(i, 1)
	if p == "aged" || p == "age" {
		return true
	}
	if !copulas[p] || !f.clauseEnds(end) {
		return false
	}
	s := f.prev(i, 2)
	return f.subject(i-1) || personNouns[s] || f.lex.InCategory(lexicon.Kinship, s)
}

// subject reports whether the word before the verb at token v names a person the post
// describes: a third-person pronoun, "they", or a capitalised name.
func (f *finder) subject(v int) bool {
	p := f.prev(v, 1)
	if p == "" {
		return false
	}
	return thirdPerson[p] || p == "they" || f.toks[v-1].upper && !f.isDemonym(v-1) && p != "i"
}

// clauseEnds reports whether the clause ends at token j, or goes on only with a word of
// time ("now", "today", "this year").
func (f *finder) clauseEnds(j int) bool {
	if j >= len(f.toks) || f.toks[j].clause != f.toks[j-1].clause {
		return true
	}
	switch f.keyAt(j) {
	case "now", "today", "this", "last", "next", "and", "but":
		return true
	}
	return false
}

// number reads a number at token i, in digits or words ("twenty three"); end is the token
// after it.
func (f *finder) number(i int) (v, end int) {
	if i < 0 || i >= len(f.toks) {
		return 0, i
	}
	w := f.numberOf(i)
	if w.facts&factDigits != 0 {
		return w.num, i + 1
	}
	if w.facts&factNumberWord == 0 {
		return 0, i
	}
	n := w.num
	if n >= 20 && n%10 == 0 && f.next(i, 1) != "" {
		if u := f.numberOf(i + 1); u.facts&factNumberWord != 0 && u.num < 10 && f.toks[i+1].start-f.toks[i].end == 1 {
			return n + u.num, i + 2
		}
	}
	return n, i + 1
}

// numberOf returns token i's word with its number (atoi, or numberWords) looked up: once
// per word of a document.
func (f *finder) numberOf(i int) *vocabWord {
	w := &f.vocab[f.toks[i].id]
	if w.facts&factNumKnown == 0 {
		w.facts |= factNumKnown
		if n, ok := atoi(w.key); ok {
			w.num, w.facts = n, w.facts|factDigits
		} else if w.cls&clsNumberWord != 0 {
			w.num, w.facts = numberWords[w.key], w.facts|factNumberWord
		}
	}
	return w
}

// children: "mother of three", "four children", twins and triplets.
func (f *finder) children() []Detail {
	var out []Detail
	shares := map[int]float64{1: 0.1, 2: 0.12, 3: 0.06, 4: 0.02, 5: 0.007}
	it := f.iter(candChildren)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		if f.clsAt(i)&(clsParent|clsMultiple) == 0 && !(i+1 < len(f.toks) && f.toks[i+1].sent == f.toks[i].sent && f.clsAt(i+1)&clsChild != 0) {
			continue // none of the cases below: a parent or multiple word, or a child word next
		}
		if f.used[i] || f.authorClause(i) {
			continue
		}
		k := f.keyAt(i)
		var n, end int
		switch {
		case parentWords[k] && f.next(i, 1) == "of":
			n, end = f.number(i + 2)
		case childWords[f.next(i, 1)] && !childWords[k]:
			n, end = f.number(i)
			if n > 0 {
				end = i + 2
			}
		case multiples[k] > 0:
			j := i + 1
			if multiples[f.next(i, 1)] > 0 {
				j++ // "conjoined twins": the modifier is the rarer fact
			}
			d := f.span(KindChildren, i, j)
			d.Factor = multiples[k]
			d.Why = fmt.Sprintf("%s: about %s of births (CDC, National Vital Statistics; conjoined: Mutchinick et al. 2011)", f.key(i, j), share(d.Factor))
			d.Say = "leave out that they are " + f.key(i, j)
			out = append(out, d)
			i = j - 1
			continue
		}
		if n <= 0 || n > 20 || end <= i {
			continue
		}
		s := shares[min(n, 5)]
		if n > 5 {
			s = 0.003
		}
		d := f.span(KindChildren, i, end)
		d.Factor = s
		d.Why = fmt.Sprintf("%d children: %s of people (order of magnitude from Census family data)", n, share(s))
		d.Say, d.EditFactor = "say 'a parent' or 'a large family'", math.Max(s, 0.3)
		out = append(out, d)
		i = end - 1
	}
	return out
}

// events: a named or dated event someone was part of. Small events (a fire, a crash) touch a
// handful of people and cap the crowd; large ones (a flood, an election) are a factor.
func (f *finder) events() []Detail {
	var out []Detail
	it := f.iter(candEvent)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		tk := &f.toks[i] // not a copy of the token at every step
		if tk.cls&(clsSmallEvent|clsLargeEvent) == 0 {
			continue
		}
		small, large := f.clsAt(i)&clsSmallEvent != 0, f.clsAt(i)&clsLargeEvent != 0
		if f.used[i] || !(small || large) || !f.third[tk.sent] {
			continue
		}
		named := false
		start := i
		for n := 1; n <= 3; n++ {
			p := f.prev(i, n)
			if p == "" || p == "the" || p == "a" || p == "that" {
				break
			}
			if y, ok := atoi(p); ok && y >= 1900 && y <= 2100 || f.toks[i-n].upper || p == "local" || strings.HasSuffix(f.rawAt(i-n), "'s") {
				named = true
				start = i - n
			}
		}
		if !named {
			continue
		}
		d := f.span(KindEvent, start, i+1)
		if small {
			d.Cap, d.Why = 10, "a named or dated local event touches a handful of people"
		} else {
			d.Factor, d.Why = 1e-3, "a named or dated event: 1 in 1,000 of the area assumed to have been part of it"
		}
		d.Say = "leave out the name or date of the event"
		out = append(out, d)
	}
	return out
}

// media: the person's story was in the news, or went viral (which caps the crowd: a
// search finds the handful of such items).
func (f *finder) media() []Detail {
	var out []Detail
	it := f.iter(candMedia)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		if f.clsAt(i)&clsCueStart == 0 || f.used[i] || !f.third[f.toks[i].sent] {
			continue // no cue starts with the word
		}
		cues := cuesByFirst[f.keyAt(i)]
		for _, cue := range cues.viral {
			if f.cueAt(i, cue) {
				d := f.span(KindMedia, i, i+len(cue))
				d.Cap, d.Why = 10, "it went viral: a search finds the handful of such stories"
				d.Say = "leave out that it went viral"
				return append(out, d)
			}
		}
		for _, cue := range cues.media {
			if i+len(cue) > len(f.toks) || !f.sameSentence(i, i+len(cue)) {
				continue
			}
			ok := true
			for n, w := range cue {
				if f.keyAt(i+n) != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			d := f.span(KindMedia, i, i+len(cue))
			d.Factor, d.Why = 1e-3, "media exposure: a story that was, or was nearly, public; 1 in 1,000 people a year assumed"
			d.Say = "leave out the press coverage"
			return append(out, d)
		}
	}
	return out
}

func (f *finder) cueAt(i int, cue []string) bool {
	if i+len(cue) > len(f.toks) || !f.sameSentence(i, i+len(cue)) {
		return false
	}
	for n, w := range cue {
		if f.keyAt(i+n) != w {
			return false
		}
	}
	return true
}

// sex: one factor of one half when the post speaks of a woman or a man.
func (f *finder) sex() []Detail {
	for i := range f.toks {
		tk := &f.toks[i] // not a copy of the token at every step
		if f.clsAt(i)&clsSex != 0 {
			d := Detail{Kind: KindSex, Text: f.rawAt(i), Start: tk.start, End: tk.end, Factor: 0.5, EditFactor: 1,
				Why: "a woman or a man: one half"}
			_ = i
			return []Detail{d}
		}
	}
	return nil
}

func share(x float64) string {
	if x >= 0.01 {
		return fmt.Sprintf("%.3g%%", 100*x)
	}
	return "1 in " + fmt.Sprintf("%.0f", 1/x)
}

// atoi reads a number written in ASCII digits only, as strconv.Atoi does for words, without
// the error value Atoi allocates for every word that is not a number.
func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, false // too many digits
	}
	return n, true
}
