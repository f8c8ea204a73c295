package rules

import (
	"cmp"
	"context"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Default returns the rule detectors that veil runs, in a stable order.
// Times of day are not among them: a time alone identifies no one (Safe
// Harbor lists dates, not times) and notes are full of them, so flagging them
// only hides the findings that matter. NewTime is there for callers that
// want them.
//
// Their patterns are tried in one walk over each document's tokens (see
// share); each detector still reports only its own findings.
func Default() []deid.Detector {
	email, url, handle, ip, phone := NewEmail(), NewURL(), NewHandle(), NewIP(), NewPhone()
	ssn, id, date, age := NewSSN(), NewIDNumber(), NewDate(), NewAge()
	street, pobox, postcode := NewStreet(), NewPOBox(), NewPostalCode()
	share(email.rules, url.rules, handle.rules, ip.rules, phone.rules, ssn.rules, id.rules, date.rules, age.rules,
		street.rules, pobox.rules, postcode.rules)
	return []deid.Detector{email, url, handle, ip, phone, ssn, id, date, age, street, pobox, postcode, NewPublication()}
}

// hit is a candidate finding before it becomes a deid.Finding.
type hit struct {
	start, end int
	typ        string
	conf       float64
	date       *deid.DateValue
	age        int
	ord        int // index of the rule that made it, for a stable order
}

// rule pairs an anchored pattern with a trigger that says at which tokens
// to try it, and the function that turns one match (submatch indices into
// the whole text) into hits. A rule may instead be a plain scanner.
//
// Go's RE2 engine is linear but slow when it must try every position, so
// each pattern is only tried at tokens its trigger accepts, on a window of
// at most maxWindow bytes: the total work stays linear in the input.
type rule struct {
	re *regexp.Regexp
	// match, when set, replaces re: it returns what re's
	// FindStringSubmatchIndex would on the window w (Go code for the
	// patterns too large for RE2's fast backtracker).
	match func(w string) []int
	trig  *trig
	fn    func(text string, m []int) []hit
	scan  func(text string) []hit
	win   int // longest match worth trying; defaultWindow when 0
	// need, when set, is a cheap necessary condition of a hit at i (see
	// need.go): where it is false, the pattern is not run.
	need func(text string, i int) bool
	// digit says that the rule makes no hit unless its window holds an
	// ASCII digit: runRules then skips tokens with no digit in reach.
	// newRuleSet sets it for a pattern every match of which holds a
	// digit (needsDigit); a rule with a match function sets it itself,
	// where its function or fn requires one.
	digit bool
}

// defaultWindow bounds the input each anchored match sees. It is kept
// small on purpose: RE2's backtracker clears a bitmap of program size times
// input length on every call.
const defaultWindow = 80

// anchored compiles p so that it only matches at the start of its input.
func anchored(p string) *regexp.Regexp { return regexp.MustCompile(`^(?:` + p + `)`) }

// token is a candidate start position: the start of a run of letters or
// digits, or one of the punctuation marks some patterns start with.
type token struct {
	start int
	wend  int // end of the run of ASCII letters at start (== start for digits)
	digit int // offset of the first ASCII digit at or after start; len(text) if none
}

// digitWithin reports whether text[t.start:t.start+n] holds an ASCII digit.
func (t token) digitWithin(n int) bool { return t.digit < t.start+n }

// digitsWithin reports whether text[t.start:t.start+n] holds k ASCII digits
// or more (k > 0).
func (t token) digitsWithin(text string, n, k int) bool {
	end := min(len(text), t.start+n)
	for j := t.digit; j < end; j++ {
		if isDigit(text[j]) {
			if k--; k == 0 {
				return true
			}
		}
	}
	return false
}

type tokensKey struct{}

// tokenized is a document's tokens, and whether a run of ASCII letters
// and digits may start inside a token's word, after '_' or a non-ASCII
// letter or digit (inner): where none does, each such run that does not
// go on from an ASCII letter or digit starts a token.
type tokenized struct {
	toks  []token
	inner bool
}

// docTokenized returns the candidate tokens of doc's text, made once per
// document: every detector of Default reads the same text in turn. They
// are made from the words of the document's analysis (tokensFromWords),
// which the engine's other recognizers make anyway.
func docTokenized(doc *deid.Doc) tokenized {
	an := doc.Analysis()
	return deid.AnalysisValue(an, tokensKey{}, func() tokenized {
		ts, inner := tokensFromWords(an.Text(), an.Words())
		return tokenized{ts, inner}
	})
}

// docTokens returns docTokenized's tokens.
func docTokens(doc *deid.Doc) []token { return docTokenized(doc).toks }

// tokenize returns the candidate tokens of text: the start of each run of
// letters, digits and '_' (ASCII or not), and each of + ( @ ' # ’.
func tokenize(text string) []token {
	ts, _ := tokenizeAll(text)
	return ts
}

// tokenizeAll is tokenize, and tokenized.inner of text.
func tokenizeAll(text string) (_ []token, inner bool) {
	inner = strings.IndexByte(text, '_') >= 0
	ts := make([]token, 0, len(text)/5+1)
	prevWord := false
	pending := 0 // the first token whose next digit is not known yet
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			c := byteClass[b]
			if c&classWord == 0 {
				if c&classMark != 0 {
					ts = append(ts, token{start: i, wend: i})
				}
				prevWord = false
				i++
				continue
			}
			// A run of ASCII word bytes: a token at its start unless it
			// goes on from a word; its letters end at the first other
			// byte of the run (or 24 bytes on).
			start, tok := i, -1
			if !prevWord {
				tok = len(ts)
				ts = append(ts, token{start: i})
			}
			// Its letters first (most runs are nothing else), then the
			// rest: digits, '_' and any letters after them.
			for i < len(text) && byteClass[text[i]]&classLetter != 0 {
				i++
			}
			wend := i
			for ; i < len(text); i++ {
				c := byteClass[text[i]]
				if c&classWord == 0 {
					break
				}
				if c&classDigit != 0 {
					for ; pending < len(ts); pending++ {
						ts[pending].digit = i
					}
				}
			}
			if tok >= 0 {
				ts[tok].wend = min(wend, start+24)
			}
			prevWord = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		w := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if w && !prevWord || r == '’' {
			ts = append(ts, token{start: i, wend: i})
		}
		if w && i+size < len(text) && byteClass[text[i+size]]&(classLetter|classDigit) != 0 {
			inner = true
		}
		prevWord = w
		i += size
	}
	for ; pending < len(ts); pending++ {
		ts[pending].digit = len(text)
	}
	return ts, inner
}

// The classes of ASCII bytes that tokenize reads.
const (
	classWord   = 1 << iota // a letter, a digit or '_'
	classLetter             // a letter
	classDigit              // a digit
	classMark               // a mark that starts a token: + ( @ ' #
)

var byteClass = func() (t [256]uint8) {
	for b := 0; b < utf8.RuneSelf; b++ {
		switch {
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			t[b] = classWord | classLetter
		case b >= '0' && b <= '9':
			t[b] = classWord | classDigit
		case b == '_':
			t[b] = classWord
		case strings.IndexByte("+(@'#", byte(b)) >= 0:
			t[b] = classMark
		}
	}
	return t
}()

// needsDigit reports whether every match of the pattern re holds an ASCII
// digit: a literal digit or a class of digits only that every way through
// the pattern must take.
func needsDigit(re *regexp.Regexp) bool {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return false
	}
	return mustHoldDigit(t)
}

func mustHoldDigit(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpLiteral:
		for _, r := range t.Rune {
			if r >= '0' && r <= '9' {
				return true
			}
		}
	case syntax.OpCharClass:
		if len(t.Rune) == 0 {
			return false
		}
		for k := 0; k < len(t.Rune); k += 2 {
			if t.Rune[k] < '0' || t.Rune[k+1] > '9' {
				return false
			}
		}
		return true
	case syntax.OpCapture, syntax.OpPlus:
		return mustHoldDigit(t.Sub[0])
	case syntax.OpRepeat:
		return t.Min >= 1 && mustHoldDigit(t.Sub[0])
	case syntax.OpConcat:
		for _, u := range t.Sub {
			if mustHoldDigit(u) {
				return true
			}
		}
	case syntax.OpAlternate:
		for _, u := range t.Sub {
			if !mustHoldDigit(u) {
				return false
			}
		}
		return len(t.Sub) > 0
	}
	return false
}

// trig says at which tokens a rule is tried: first is a cheap filter on
// the token's first byte, fn the full test.
type trig struct {
	first [256]bool
	fn    func(text string, t token) bool
	// words, when set, are the only lower-cased token words the trigger
	// accepts, each with the rest of the test: a rule set finds such rules
	// with one lookup per token and runs only that rest.
	words map[string]func(string, token) bool
	// parts are the triggers a tOr trigger is made of.
	parts []*trig
	// next, when set, holds every byte that may follow the token's
	// letters (text[t.wend]) where fn accepts it: fn refuses a token at
	// the end of the text or before any other byte, so the walk need not
	// ask it there.
	next *[256]bool
	// run, when run[1] > 0, bounds the maximal run of ASCII digits that
	// starts every token fn accepts: run[0] <= its length <= run[1].
	run [2]int
	// after, when set, holds every byte that may follow the maximal run
	// of ASCII digits at the start of a token fn accepts (index 256: the
	// end of the text): at a digit token, the walk need not ask fn
	// where another follows.
	after *[257]bool
	// then, when set, says what the test of each of words is: a test of
	// what follows the word (tWordsThen, tWordsThenDigit), which a walk
	// can make once for all such rules of a word (wordGate).
	then *then
}

// then is the test of what follows a token's word of tWordsThen (the next
// word is one of next) or, with digit, of tWordsThenDigit.
type then struct {
	digit bool
	next  []string
}

func always(string, token) bool { return true }

// wordTrig is a trigger for the token words ws, each with the test rest
// for what follows the word.
func wordTrig(ws map[string]bool, rest func(string, token) bool) *trig {
	g := custom(wordFirsts(keys(ws)), false, func(text string, t token) bool { return inSet(ws, text, t) && rest(text, t) })
	g.words = make(map[string]func(string, token) bool, len(ws))
	for w := range ws {
		g.words[w] = rest
	}
	return g
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func (g *trig) accepts(text string, t token) bool {
	return g.first[text[t.start]] && g.fn(text, t)
}

// custom builds a trigger from a first-byte set (nonASCII adds every
// multi-byte rune start) and a test.
func custom(first string, nonASCII bool, fn func(string, token) bool) *trig {
	g := &trig{fn: fn}
	for i := 0; i < len(first); i++ {
		g.first[first[i]] = true
	}
	if nonASCII {
		for b := 0xC0; b < 0x100; b++ {
			g.first[b] = true
		}
	}
	return g
}

func wordFirsts(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if w != "" {
			b.WriteByte(w[0] | 0x20)
			b.WriteByte(w[0] &^ 0x20)
		}
	}
	return b.String()
}

const digits = "0123456789"

// tShape accepts a token that starts with a run of minRun to maxRun
// digits followed by one of the bytes in next (any byte, or the end of the
// text, when next is empty; "\x00" in next also accepts the end).
func tShape(minRun, maxRun int, next string) *trig {
	g := withRun(minRun, maxRun, custom(digits, false, func(text string, t token) bool {
		j := t.start
		for j < len(text) && isDigit(text[j]) && j-t.start <= maxRun {
			j++
		}
		n := j - t.start
		if n < minRun || n > maxRun {
			return false
		}
		if next == "" {
			return true
		}
		if j == len(text) {
			return strings.IndexByte(next, 0) >= 0
		}
		return strings.IndexByte(next, text[j]) >= 0
	}))
	if next != "" {
		// The byte after the run is one of next ("\x00" also stands for
		// the end of the text).
		g.after = new([257]bool)
		for i := 0; i < len(next); i++ {
			g.after[next[i]] = true
			if next[i] == 0 {
				g.after[256] = true
			}
		}
	}
	return g
}

// withRun sets g.run to [lo, hi] when lo >= 1: g accepts only tokens that
// start with a maximal run of lo to hi ASCII digits.
func withRun(lo, hi int, g *trig) *trig {
	if lo >= 1 && hi >= lo {
		g.run = [2]int{lo, hi}
	}
	return g
}

const (
	nextSpace = " \t\n\r"
	nextAlpha = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

func tWords(words ...string) *trig { return wordTrig(set(words...), always) }

func tOr(gs ...*trig) *trig {
	g := &trig{fn: func(text string, t token) bool {
		for _, h := range gs {
			if h.accepts(text, t) {
				return true
			}
		}
		return false
	}}
	g.after = afterUnion(gs)
	for _, h := range gs {
		for b := range h.first {
			g.first[b] = g.first[b] || h.first[b]
		}
		if h.parts != nil {
			g.parts = append(g.parts, h.parts...)
		} else {
			g.parts = append(g.parts, h)
		}
	}
	return g
}

// afterUnion is trig.after of a trigger that accepts what one of gs
// does: at a digit token only those of gs that start at a digit accept,
// each where its after allows; nil when one of them has none.
func afterUnion(gs []*trig) *[257]bool {
	var u *[257]bool
	for _, h := range gs {
		digitFirst := false
		for b := '0'; b <= '9'; b++ {
			digitFirst = digitFirst || h.first[b]
		}
		if !digitFirst {
			continue
		}
		if h.after == nil {
			return nil
		}
		if u == nil {
			u = new([257]bool)
		}
		for b, ok := range h.after {
			u[b] = u[b] || ok
		}
	}
	return u
}

func tByte(bs string) *trig {
	return custom(bs, false, func(string, token) bool { return true })
}

// inSet reports whether the token's letters, lower-cased, are in m. It does
// not allocate.
func inSet(m map[string]bool, text string, t token) bool {
	var buf [24]byte
	b := lowerToken(&buf, text, t)
	return b != nil && m[string(b)]
}

// inVocab is inSet for a list of package vocab.
func inVocab(s vocab.Set, text string, t token) bool {
	var buf [24]byte
	b := lowerToken(&buf, text, t)
	return b != nil && s.Has(string(b))
}

// lowerToken writes the token in ASCII lower case into buf and returns it;
// nil when the token is empty or longer than buf.
func lowerToken(buf *[24]byte, text string, t token) []byte {
	n := t.wend - t.start
	if n == 0 || n > len(buf) {
		return nil
	}
	for k := 0; k < n; k++ {
		buf[k] = text[t.start+k] | 0x20
	}
	return buf[:n]
}

// equalLower reports whether the ASCII letters s, lower-cased, are w.
func equalLower(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// afterWord returns the index of the first non-blank byte after the token's
// word (and an optional trailing period).
func afterWord(text string, t token) int {
	j := t.wend
	if j < len(text) && text[j] == '.' {
		j++
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '-') {
		j++
	}
	return j
}

// tWordsThen accepts a token in words when the following word is in next.
func tWordsThen(words []string, next []string) *trig {
	g := wordTrig(set(words...), nextWordIn(next))
	g.then = &then{next: next}
	return g
}

// nextWordIn returns the test of tWordsThen: the word after the token's
// (afterWord) is one of next, in any case.
func nextWordIn(next []string) func(string, token) bool {
	// The lengths and first letters of the next words: most words after
	// a token have another, and are not looked up; the others are
	// compared with the few words of their length.
	var lens uint32
	var first [256]bool
	var byLen [32][]string
	longest := 0
	for _, w := range next {
		if w != "" && len(w) < 32 {
			lens |= 1 << len(w)
			first[w[0]|0x20], first[w[0]&^0x20] = true, true
			byLen[len(w)] = append(byLen[len(w)], w)
			longest = max(longest, len(w))
		}
	}
	// A word is read to one letter past the longest: a longer one is
	// none of them either way.
	limit := min(24, longest+1)
	return func(text string, t token) bool {
		j := afterWord(text, t)
		if j == len(text) || !first[text[j]] {
			return false
		}
		k := j
		for k < len(text) && k-j < limit && (text[k]|0x20 >= 'a' && text[k]|0x20 <= 'z') {
			k++
		}
		if lens&(1<<(k-j)) == 0 {
			return false
		}
		for _, w := range byLen[k-j] {
			if equalLower(text[j:k], w) {
				return true
			}
		}
		return false
	}
}

// tWordsThenDigit accepts a token in words followed (after an optional
// "the") by a digit or an apostrophe.
func tWordsThenDigit(words ...string) *trig {
	g := wordTrig(set(words...), digitNext)
	g.then = &then{digit: true}
	return g
}

// digitNext is the test of tWordsThenDigit.
func digitNext(text string, t token) bool {
	j := afterWord(text, t)
	if j+4 < len(text) && text[j:j+3] == "the" || j+4 < len(text) && text[j:j+3] == "THE" {
		j = afterWord(text, token{start: j, wend: j + 3})
	}
	return j < len(text) && (isDigit(text[j]) || text[j] == '\'')
}

// wordGate is the union of the tests of the rules a word's walk tries
// when each is a test of what follows the word (trig.then): the walk asks
// it once, and tries none of those rules where it refuses. A word's
// wordsThen rules accept where the next word is one of theirs, so where
// it is one of all of theirs (nextWordIn of their union: its limit is at
// least each one's, and a word of a set is shorter than that set's
// limit, so the union reads the same word); digit says some rule is
// tWordsThenDigit's.
type wordGate struct {
	digit bool
	words func(string, token) bool // nil when no rule is tWordsThen's
}

func (g *wordGate) accepts(text string, t token) bool {
	return g.digit && digitNext(text, t) || g.words != nil && g.words(text, t)
}

// newWordGate returns the gate of rules whose word tests are ths, or nil
// when one of them is not a test of what follows the word.
func newWordGate(ths []*then) *wordGate {
	g := &wordGate{}
	var next []string
	for _, th := range ths {
		if th == nil {
			return nil
		}
		g.digit = g.digit || th.digit
		next = append(next, th.next...)
	}
	if len(next) > 0 {
		g.words = nextWordIn(next)
	}
	return g
}

// ruleSet is a detector's rules. Its pass (own) says which of them to try
// at a token; when the set is one of several detectors' that run on the
// same documents (Default), their rules are tried in one walk over the
// tokens (shared), once per document, and each set takes its own hits.
type ruleSet struct {
	rules  []rule
	scans  []int
	own    *pass
	shared *pass
	index  int // the set's index among shared's
}

// pass is the table of one walk over a document's tokens that tries the
// rules of one or more sets: one lookup by the token's lower-cased word
// for the rules whose trigger is a word list, one by its first byte for
// the others. Only the rules picked run their full trigger test. Rules
// are numbered across the sets, in order.
type pass struct {
	sets    []*ruleSet
	rules   []*rule
	set     []int // the set of each rule
	local   []int // the rule's index in its set
	win     []int // each rule's window
	byWord  map[string]*cands
	byFirst [256]cands
	// byRun[d][n] is byFirst['0'+d] without the rules whose trigger
	// refuses a token that starts with a maximal run of n digits
	// (trig.run; n = maxRun stands for maxRun or more), for the walk to
	// read at a digit.
	byRun [10][maxRun + 1]cands
	// wordBits has the bit wordHash(w) set for every w in byWord: most
	// words miss it and skip the map.
	wordBits [64]uint64
	// words are byWord's entries ordered by wordHash, wordHead the index
	// + 1 of the first of each hash: the walk finds a token's word among
	// the few of its hash (the token's hash is made for wordBits) by
	// comparing bytes, without hashing the word again for the map.
	words    []wordEntry
	wordHead [4096]uint16
	walk     bool // some rule is tried at tokens
	// pubs says that the walk also notes where the kinds of publication
	// stand (pubKindsAtTokens) and keeps them with the document's
	// analysis for Publication: words holds the kinds too (share).
	pubs bool
	// toks holds token slices (*[]token) for the walks to reuse: a walk's
	// tokens are read by it alone and not kept past it.
	toks sync.Pool
}

// wordEntry is a word of pass.byWord, its hash and its rules, or a kind
// of publication (pub, its index in pubKindList; -1 for none).
type wordEntry struct {
	w   string
	h   uint16
	pub int8
	cs  *cands // nil for a kind of publication that is no rule's word
}

// wordCands is byWord[the token's letters in lower case], for a token of
// 1 to 24 letters whose wordHash is h.
func (p *pass) wordCands(text string, t token, h uint) *cands {
	if e := p.wordAt(text, t, h); e != nil {
		return e.cs
	}
	return nil
}

// wordAt returns the entry of words for the token's letters in lower
// case, for a token of 1 to 24 letters whose wordHash is h; nil if none.
func (p *pass) wordAt(text string, t token, h uint) *wordEntry {
	w := text[t.start:t.wend]
	for k := int(p.wordHead[h]) - 1; k >= 0 && k < len(p.words) && uint(p.words[k].h) == h; k++ {
		if equalLower(w, p.words[k].w) {
			return &p.words[k]
		}
	}
	return nil
}

// cands are the rules to try at a token, those that need a digit in their
// window (rule.digit) apart, with the widest of their windows: at most
// tokens no digit is in reach, and the whole list is passed over. The
// order in which two rules are tried at one token does not matter: each
// rule keeps its own place in the text (pass.run), and finish orders the
// hits by span and rule.
type cands struct {
	free, digit []cand
	win         int // the widest window of digit's rules
	// next, when set, holds every byte after a token's letters at which
	// some rule of free may be accepted (the union of their trig.next):
	// before another byte, or at the end of the text, free is passed
	// over. ungated says a rule of free has no such set.
	next    *[256]bool
	ungated bool
	// gate, when set, is the union of the tests of free, for a word's
	// rules (wordGate): where it refuses, free is passed over.
	gate *wordGate
}

// add adds c to cs; next is c's trig.next.
func (cs *cands) add(p *pass, c cand, next *[256]bool) {
	if p.rules[c.rule].digit {
		cs.digit = append(cs.digit, c)
		cs.win = max(cs.win, p.win[c.rule])
		return
	}
	switch {
	case next == nil:
		cs.next, cs.ungated = nil, true
	case !cs.ungated:
		u := new([256]bool)
		if cs.next != nil {
			*u = *cs.next
		}
		for b, ok := range next {
			u[b] = u[b] || ok
		}
		cs.next = u
	}
	cs.free = append(cs.free, c)
}

// freeAt reports whether a rule of cs.free may accept t: none does before
// a byte after its letters outside cs.next.
func (cs *cands) freeAt(text string, t token) bool {
	return len(cs.free) > 0 && (cs.next == nil || t.wend < len(text) && cs.next[text[t.wend]])
}

// wordHash is a cheap hash of a lower-cased word for pass.wordBits.
func wordHash(w string) uint {
	return (uint(w[0])*31 + uint(w[len(w)-1])*7 + uint(len(w))*131 + uint(w[len(w)/2])) & 4095
}

// tokenHash is wordHash of the token's word in lower case (ASCII letters,
// so |0x20 lowers each).
func tokenHash(text string, t token) uint {
	n := t.wend - t.start
	return (uint(text[t.start]|0x20)*31 + uint(text[t.wend-1]|0x20)*7 + uint(n)*131 + uint(text[t.start+n/2]|0x20)) & 4095
}

// cand is a rule to try at a token (its number in the pass), its window
// and the test that decides.
type cand struct {
	rule int
	win  int
	test func(string, token) bool
	part *trig // the trigger test is of (nil for a word's)
	then *then // for a word's, its trigger's then
	// after is part.after: at a digit token, test is not asked where the
	// byte after its run of digits is not in it.
	after *[257]bool
}

func newRuleSet(rs ...rule) *ruleSet {
	s := &ruleSet{rules: rs}
	for i := range rs {
		r := &rs[i]
		if r.re != nil && (needsDigit(r.re)) {
			r.digit = true
		}
		if r.scan != nil {
			s.scans = append(s.scans, i)
		}
	}
	s.own = newPass(false, s)
	return s
}

// share makes the sets, which run on the same documents, take their hits
// from one pass over each document's tokens, made by the first of them to
// run and kept with the document's analysis.
func share(sets ...*ruleSet) {
	p := newPass(true, sets...)
	for i, s := range sets {
		s.shared, s.index = p, i
	}
}

// newPass makes the pass of the sets; with pubs, it also notes the kinds
// of publication (pass.pubs).
func newPass(pubs bool, sets ...*ruleSet) *pass {
	p := &pass{sets: sets, byWord: map[string]*cands{}, pubs: pubs}
	for si, s := range sets {
		for i := range s.rules {
			r := &s.rules[i]
			g := len(p.rules)
			p.rules = append(p.rules, r)
			p.set = append(p.set, si)
			p.local = append(p.local, i)
			p.win = append(p.win, cmp.Or(r.win, defaultWindow))
			if r.scan != nil {
				continue
			}
			p.walk = true
			parts := r.trig.parts
			if parts == nil {
				parts = []*trig{r.trig}
			}
			for _, pt := range parts {
				if pt.words != nil {
					for w, rest := range pt.words {
						if p.byWord[w] == nil {
							p.byWord[w] = &cands{}
						}
						p.byWord[w].add(p, cand{g, p.win[g], rest, nil, pt.then, nil}, nil)
						h := wordHash(w)
						p.wordBits[h>>6] |= 1 << (h & 63)
					}
					continue
				}
				for b, ok := range pt.first {
					if ok {
						p.byFirst[b].add(p, cand{g, p.win[g], pt.fn, pt, nil, pt.after}, pt.next)
					}
				}
			}
		}
	}
	for d := range p.byRun {
		for n := range p.byRun[d] {
			cs := &p.byFirst['0'+d]
			for _, c := range cs.free {
				if runAllows(c.part, n) {
					p.byRun[d][n].add(p, c, c.part.next)
				}
			}
			for _, c := range cs.digit {
				if runAllows(c.part, n) {
					p.byRun[d][n].add(p, c, c.part.next)
				}
			}
		}
	}
	for _, cs := range p.byWord {
		ths := make([]*then, len(cs.free))
		for i, c := range cs.free {
			ths[i] = c.then
		}
		cs.gate = newWordGate(ths)
	}
	for w, cs := range p.byWord {
		pub := -1
		if pubs {
			pub = slices.Index(pubKindList, w)
		}
		p.words = append(p.words, wordEntry{w, uint16(wordHash(w)), int8(pub), cs})
	}
	if pubs {
		for k, w := range pubKindList {
			if p.byWord[w] == nil {
				p.words = append(p.words, wordEntry{w, uint16(wordHash(w)), int8(k), nil})
			}
			h := wordHash(w)
			p.wordBits[h>>6] |= 1 << (h & 63)
		}
	}
	slices.SortFunc(p.words, func(a, b wordEntry) int { return cmp.Or(cmp.Compare(a.h, b.h), strings.Compare(a.w, b.w)) })
	for k := len(p.words) - 1; k >= 0; k-- {
		p.wordHead[p.words[k].h] = uint16(k + 1)
	}
	return p
}

// maxRun is the longest run of digits byRun tells from longer ones.
const maxRun = 13

// runAllows reports whether g may accept a token that starts with a
// maximal run of n digits (n == maxRun: maxRun digits or more).
func runAllows(g *trig, n int) bool {
	if g.run[1] == 0 {
		return true
	}
	if n == maxRun {
		return g.run[1] >= maxRun
	}
	return g.run[0] <= n && n <= g.run[1]
}

// afterDigits returns the index into trig.after of what follows the run
// of ASCII digits that reaches j: the byte after it, or 256 at the end of
// the text.
func afterDigits(text string, j int) int {
	for j < len(text) && isDigit(text[j]) {
		j++ // a run of maxRun digits or more
	}
	if j == len(text) {
		return 256
	}
	return int(text[j])
}

// leadingDigits returns the length of the run of ASCII digits at i, up
// to maxRun.
func leadingDigits(text string, i int) int {
	n := 0
	for i+n < len(text) && n < maxRun && isDigit(text[i+n]) {
		n++
	}
	return n
}

// passHits are the hits of a pass over one document, by set.
type passHits struct {
	hits [][]hit
	err  error
}

// runRules applies every rule of s to the text of doc and returns the
// hits, which the caller owns.
func runRules(ctx context.Context, doc *deid.Doc, s *ruleSet) ([]hit, error) {
	if s.shared != nil {
		res := deid.AnalysisValue(doc.Analysis(), s.shared, func() passHits {
			hs, err := s.shared.run(ctx, doc)
			return passHits{hs, err}
		})
		if res.err == nil {
			return slices.Clone(res.hits[s.index]), nil
		}
		// The shared pass was stopped (its context was cancelled): run
		// this set alone, under this call's context.
	}
	hs, err := s.own.run(ctx, doc)
	if err != nil {
		return nil, err
	}
	return hs[0], nil
}

// run applies the rules of every set of p to the text of doc and returns
// the hits of each set: those of its scanners first, in order, then those
// of its rules in the order of the tokens.
func (p *pass) run(ctx context.Context, doc *deid.Doc) ([][]hit, error) {
	text := doc.Text
	hs := make([][]hit, len(p.sets))
	for si, s := range p.sets {
		for _, i := range s.scans {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			for _, h := range s.rules[i].scan(text) {
				h.ord = i
				hs[si] = append(hs[si], h)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !p.walk {
		return hs, nil
	}
	an := doc.Analysis()
	buf, _ := p.toks.Get().(*[]token)
	if buf == nil {
		buf = new([]token)
	}
	toks, inner := tokensFromWordsInto((*buf)[:0], an.Text(), an.Words())
	// The kinds of publication the walk notes at the tokens of their
	// words, as pubKindsAtTokens does (unless inner: then from the text).
	pubs := pubNotes{on: p.pubs && !inner}
	st := make([]ruleState, len(p.rules))
	for k, t := range toks {
		if k&1023 == 1023 {
			if err := ctx.Err(); err != nil {
				*buf = toks[:0]
				p.toks.Put(buf)
				return nil, err
			}
		}
		cs := &p.byFirst[text[t.start]]
		ab := -1 // at a digit token, the byte after its run of digits
		if d := text[t.start] - '0'; d <= 9 {
			n := leadingDigits(text, t.start)
			cs = &p.byRun[d][n]
			ab = afterDigits(text, t.start+n)
		}
		if len(cs.free) > 0 || len(cs.digit) > 0 && t.digitWithin(cs.win) {
			if cs.freeAt(text, t) {
				p.try(text, k, t, cs.free, false, ab, st, hs)
			}
			if t.digitWithin(cs.win) {
				p.try(text, k, t, cs.digit, true, ab, st, hs)
			}
		}
		if t.wend > t.start && t.wend-t.start <= 24 {
			if h := tokenHash(text, t); p.wordBits[h>>6]&(1<<(h&63)) != 0 {
				if e := p.wordAt(text, t, h); e != nil {
					if e.pub >= 0 {
						pubs.note(text, t, e)
					}
					if cs := e.cs; cs != nil {
						if cs.gate == nil || cs.gate.accepts(text, t) {
							p.try(text, k, t, cs.free, false, -1, st, hs)
						}
						if t.digitWithin(cs.win) {
							p.try(text, k, t, cs.digit, true, -1, st, hs)
						}
					}
				}
			}
		}
	}
	*buf = toks[:0]
	p.toks.Put(buf)
	if p.pubs {
		at := pubs.at
		if inner {
			at = pubKindsAt(text)
		}
		deid.AnalysisValue(an, pubKindsKey{}, func() [][2]int { return at })
	}
	return hs, nil
}

// pubNotes are the kinds of publication a walk notes (when on), as
// pubKindsAtTokens finds them.
type pubNotes struct {
	at [][2]int
	on bool
}

// note adds the kind of publication e at token t, as pubKindsAtTokens
// does: where the token's letters are the kind, in lower case, and no
// ASCII letter or digit follows them.
func (n *pubNotes) note(text string, t token, e *wordEntry) {
	if n.on && text[t.start:t.wend] == e.w && (t.wend == len(text) || !isASCIIAlnum(text[t.wend])) {
		n.at = append(n.at, [2]int{int(e.pub), t.start})
	}
}

// ruleState is where a rule stands in a pass over a document: the end of
// its last accepted match (it is not tried before) and the token index + 1
// at which it was last tried (it is tried once per token).
type ruleState struct {
	next, tried int
}

// try tries the rules cs at token k (t), each unless it was tried there,
// its last match covers t, or (digit) no digit is in its window, or (ab
// >= 0: t is a digit token, ab the byte after its digits) its after
// refuses ab, or its test refuses; the hits go to hs by set.
func (p *pass) try(text string, k int, t token, cs []cand, digit bool, ab int, st []ruleState, hs [][]hit) {
	for _, c := range cs {
		g := c.rule
		s := &st[g]
		if s.tried == k+1 || t.start < s.next || digit && !t.digitWithin(c.win) || ab >= 0 && c.after != nil && !c.after[ab] || !c.test(text, t) {
			continue
		}
		s.tried = k + 1
		si, i := p.set[g], p.local[g]
		n := len(hs[si])
		hs[si], s.next = tryAt(text, t.start, *p.rules[g], hs[si], s.next)
		for j := n; j < len(hs[si]); j++ {
			hs[si][j].ord = i
		}
	}
}

// tryAt runs r's anchored pattern at i and records what its function makes
// of the match; next moves past an accepted match.
func tryAt(text string, i int, r rule, hs []hit, next int) ([]hit, int) {
	if r.need != nil && !r.need(text, i) {
		return hs, next
	}
	w := r.win
	if w == 0 {
		w = defaultWindow
	}
	end := min(len(text), i+w)
	var m []int
	if r.match != nil {
		m = r.match(text[i:end])
	} else {
		m = r.re.FindStringSubmatchIndex(text[i:end])
	}
	if m == nil || m[1] == 0 {
		return hs, next
	}
	if end < len(text) && m[1] == end-i {
		return hs, next // cut by the window: do not trust it
	}
	for k := range m {
		if m[k] >= 0 {
			m[k] += i
		}
	}
	got := r.fn(text, m)
	if len(got) > 0 {
		hs = append(hs, got...)
		next = m[1]
	}
	return hs, next
}

// scanAt is a rule scanner helper: it tries r at each position starts
// yields, in increasing order.
func scanAt(text string, r rule, starts []int) []hit {
	var hs []hit
	next := 0
	for _, i := range starts {
		if i < next {
			continue
		}
		hs, next = tryAt(text, i, r, hs, next)
	}
	return hs
}

// finish turns hits into findings: it drops invalid spans (out of range,
// empty, not on rune boundaries), trims surrounding space, and removes hits
// contained in a longer or more confident hit of the same detector.
func finish(text, name string, kind deid.Kind, hs []hit) []deid.Finding {
	valid := hs[:0]
	for _, h := range hs {
		for h.start < h.end && h.start < len(text) && isSpaceByte(text[h.start]) {
			h.start++
		}
		for h.end > h.start && h.end <= len(text) && isSpaceByte(text[h.end-1]) {
			h.end--
		}
		if h.start < 0 || h.end > len(text) || h.start >= h.end {
			continue
		}
		// An unbalanced bracket at either end belongs to the text around
		// the finding: "(555-0187)" keeps its brackets round "[phone]".
		if text[h.start] == '(' && !strings.Contains(text[h.start:h.end], ")") {
			h.start++
		}
		if h.end > h.start && text[h.end-1] == ')' && !strings.Contains(text[h.start:h.end], "(") {
			h.end--
		}
		if h.start >= h.end {
			continue
		}
		if !utf8.RuneStart(text[h.start]) || (h.end < len(text) && !utf8.RuneStart(text[h.end])) {
			continue
		}
		valid = append(valid, h)
	}
	sort.SliceStable(valid, func(i, j int) bool {
		if valid[i].start != valid[j].start {
			return valid[i].start < valid[j].start
		}
		if valid[i].end != valid[j].end {
			return valid[i].end > valid[j].end
		}
		return valid[i].ord < valid[j].ord
	})
	out := make([]deid.Finding, 0, len(valid))
	maxEnd := -1
	for _, h := range valid {
		if h.end <= maxEnd {
			// Contained in an earlier, longer hit.
			continue
		}
		if h.end > maxEnd {
			maxEnd = h.end
		}
		out = append(out, deid.Finding{
			Start:      h.start,
			End:        h.end,
			Kind:       kind,
			Type:       deid.Type(h.typ),
			Text:       text[h.start:h.end],
			Recognizer: name,
			Confidence: h.conf,
			Date:       h.date,
			Age:        h.age,
		})
	}
	return out
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isASCIIAlnum(b byte) bool {
	return isDigit(b) || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// letterBefore reports whether the rune ending at i is a letter or digit
// (RE2's \b only knows ASCII, so this catches "é12345").
func wordRuneBefore(text string, i int) bool {
	if i <= 0 || i > len(text) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '_'
}

// wordRuneAfter reports whether the rune starting at i is a letter or digit.
func wordRuneAfter(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '_'
}

// prevWord returns the lower-cased word (letters, digits, '/', '#', '@')
// ending before i, skipping at most a few spaces and punctuation bytes.
func prevWord(text string, i int) string {
	j := i
	for k := 0; j > 0 && k < 4; k++ {
		b := text[j-1]
		if isSpaceByte(b) || b == ':' || b == ',' || b == '(' || b == '-' || b == '=' {
			j--
			continue
		}
		break
	}
	e := j
	for j > 0 && e-j < 24 {
		b := text[j-1]
		if isASCIIAlnum(b) || b == '/' || b == '#' || b == '@' || b == '\'' || b == '.' || b == '$' {
			j--
			continue
		}
		break
	}
	return strings.ToLower(strings.TrimRight(text[j:e], "."))
}

// nextWord returns the lower-cased ASCII word starting after i, skipping
// spaces only. It returns "" when the next thing is punctuation or the end.
func nextWord(text string, i int) string {
	j := i
	for j < len(text) && j-i < 4 && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	s := j
	for j < len(text) && j-s < 24 && (isASCIIAlnum(text[j]) || text[j] == '/') {
		j++
	}
	return strings.ToLower(text[s:j])
}

// window returns up to n bytes of text before i.
func window(text string, i, n int) string {
	s := i - n
	if s < 0 {
		s = 0
	}
	return text[s:i]
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// atoi parses a short run of ASCII digits; it returns -1 on anything else.
func atoi(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// group returns submatch g of m in text, or "" when it did not take part.
func group(text string, m []int, g int) string {
	if 2*g+1 >= len(m) || m[2*g] < 0 {
		return ""
	}
	return text[m[2*g]:m[2*g+1]]
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func countLetters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if b := s[i] | 0x20; b >= 'a' && b <= 'z' {
			n++
		}
	}
	return n
}

// shapeItem is one step of a digit-shape trigger (see tDigits).
type shapeItem struct {
	min, max int       // a maximal run of min..max digits, when set [0] is false
	set      [256]bool // one byte of the set, or up to three when opt
	isSet    bool
	opt      bool
}

// tDigits accepts a token whose first bytes have a shape, written as a
// sequence of "N-M" (a maximal run of N to M digits), "[...]" (one byte of
// the set) and "{...}" (zero to three bytes of the set); a space in a set
// stands for any blank. "1-4[/.-]1-2[/.-]1-4" accepts "3/4/21".
func tDigits(spec string) *trig {
	var items []shapeItem
	for i := 0; i < len(spec); {
		switch c := spec[i]; {
		case c == '[' || c == '{':
			close := byte(']')
			if c == '{' {
				close = '}'
			}
			j := strings.IndexByte(spec[i+1:], close) + i + 1
			it := shapeItem{isSet: true, opt: c == '{'}
			for _, b := range []byte(spec[i+1 : j]) {
				it.set[b] = true
				if b == ' ' {
					it.set['\t'], it.set['\n'], it.set['\r'] = true, true, true
				}
			}
			items = append(items, it)
			i = j + 1
		default:
			lo, hi := int(spec[i]-'0'), int(spec[i+2]-'0')
			if i+3 < len(spec) && isDigit(spec[i+3]) {
				hi = hi*10 + int(spec[i+3]-'0')
				i++
			}
			items = append(items, shapeItem{min: lo, max: hi})
			i += 3
		}
	}
	g := custom(digits, false, func(text string, t token) bool {
		j := t.start
		for ix := range items {
			it := &items[ix] // not a copy of its 256-byte set at every step
			switch {
			case it.isSet && it.opt:
				for k := 0; k < 3 && j < len(text) && it.set[text[j]]; k++ {
					j++
				}
			case it.isSet:
				if j >= len(text) || !it.set[text[j]] {
					return false
				}
				j++
			default:
				k := j
				for k < len(text) && isDigit(text[k]) && k-j <= it.max {
					k++
				}
				if n := k - j; n < it.min || n > it.max {
					return false
				}
				j = k
			}
		}
		return true
	})
	if it := items[0]; !it.isSet {
		withRun(it.min, it.max, g)
		if len(items) > 1 && items[1].isSet && !items[1].opt {
			// The byte after the first run is one of the next item's set
			// (not the end of the text).
			g.after = new([257]bool)
			copy(g.after[:256], items[1].set[:])
		}
	}
	return g
}
