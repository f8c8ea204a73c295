package ner

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// tokenFeats is what the tagger and the entity model read of one token's
// text alone, whatever its neighbours: its fixed tag, if it has one, and
// the weights of the features that depend on the text only. Looking them
// up takes about eleven probes of the model's large tables, each mostly a
// wait for memory; a token's text recurs (60 % of the tokens of the
// windows of generated posts are words of the tagger's fixed list, and a
// further part repeats within the text), so each distinct text is looked
// up once per text, or once per process for the fixed words.
type tokenFeats struct {
	// fixed is the tag the tagger gives the token whatever its context
	// (a word of its list, or one of its special cases), if hasFixed;
	// else it predicts one.
	fixed    string
	fixedID  int32 // the tagger's tagID of fixed
	hasFixed bool
	// norm is the form the tagger reads as context (normalize), with its
	// features in each role; suffix is the "i suffix" of the token's own
	// last three bytes.
	norm   string
	ctx    ctxFeats
	suffix [2]int32
	first  byte // the first byte of the text, whose "i pref1" the tagger reads
	// The entity model's: the text in lower case, its shape, whether it
	// is in prose's word list, and the weights of the text as "word", of
	// its lower case as "word.lower", "prevword" and "nextword", and of
	// its prefix and suffix of three bytes.
	lower                             string
	shape                             int8
	inList                            bool
	word, wordLower, prefix3, suffix3 weightsOf
	asPrevWord, asNextWord            weightsOf
	wordLen                           weightsOf
	// tagWord and wordNextPos say whether the features the tagger and
	// the entity model look up by the token and a tag ("i-1 tag+i word"
	// of norm, "word+nextpos" of lower) can exist (see wordTable).
	tagWord, wordNextPos bool
	// prefix, for a token whose tag is predicted, holds its scores after
	// the first three of the tagger's features, which read the token's
	// text alone (see tagPrefix); nil if the tagger has more than 64
	// classes.
	prefix *tagPrefix
}

// tagPrefix holds the tagger's scores of a token after its first three
// features, "bias", "i suffix" and "i pref1": a function of the token's
// text, summed once per token text rather than at each of its
// occurrences (some 40 of a predicted token's 120 weight rows).
type tagPrefix struct {
	scores  [64]float64
	touched [64]bool
}

// newTokenFeats looks up the features of token text w.
func (m *model) newTokenFeats(w string) *tokenFeats {
	f := new(tokenFeats)
	m.fillTokenFeats(f, w)
	return f
}

// fillTokenFeats sets *f, which is zero, to the features of token text w.
func (m *model) fillTokenFeats(f *tokenFeats, w string) {
	t, e := m.tagger, m.ents
	lower := strings.ToLower(w)
	f.norm, f.first = normalizeLower(w, lower), w[0]
	// The keys a token is looked up by are often one string (a word in
	// lower case is its own lower case, normal form and, if short, its
	// suffix): each is looked up once.
	var rows wordRows
	rw := rows.find(t.words, w)
	rl := rows.find(t.words, lower)
	rn := rows.find(t.words, f.norm)
	f.fixed, f.hasFixed = t.fixedTag(w, rw)
	f.fixedID = t.tagID(f.fixed)
	f.ctx.words = t.words.ctxWords(rn)
	f.ctx.suffixes = t.words.suffixes(rows.find(t.words, f.norm[len(f.norm)-min(len(f.norm), 3):]))
	f.suffix = t.words.suffixes(rows.find(t.words, w[len(w)-min(len(w), 3):]))[roleSuffix]
	f.lower, f.shape = lower, shapeOfLower(w, lower)
	f.inList = rw.mask&bitInList != 0
	f.word = t.words.weights(rw, wWord)
	f.wordLower = t.words.weights(rl, wLower) // rl: the row of lower
	f.asPrevWord = t.words.weights(rl, wPrev)
	f.asNextWord = t.words.weights(rl, wNext)
	f.tagWord = rn.mask&bitTagWord != 0
	f.wordNextPos = rl.mask&bitWordNextPos != 0
	suffix3, prefix3 := w[len(w)-min(len(w), 3):], w[:min(len(w), 3)]
	if isASCII(w) {
		// The lower case of an ASCII word's ends is that of the word.
		suffix3, prefix3 = lower[len(lower)-len(suffix3):], lower[:len(prefix3)]
	} else {
		suffix3, prefix3 = strings.ToLower(suffix3), strings.ToLower(prefix3)
	}
	f.suffix3 = t.words.weights(rows.find(t.words, suffix3), wSuffix3)
	f.prefix3 = t.words.weights(rows.find(t.words, prefix3), wPrefix3)
	if len(w) < maxWordLen {
		f.wordLen = e.small.wordLen[len(w)]
	} else {
		f.wordLen = e.weightsOf(fWordLen, strconv.Itoa(len(w)))
	}
	if !f.hasFixed && t.biasScores != nil {
		f.prefix = t.prefixOf(f.suffix, f.first)
	}
}

// wordRows are the rows of the word table one token has looked up.
type wordRows struct {
	n    int
	keys [7]string
	rows [7]wordRow
}

// find returns the row of key k, looked up once per token.
func (r *wordRows) find(t *wordTable, k string) wordRow {
	for i := range r.n {
		if r.keys[i] == k {
			return r.rows[i]
		}
	}
	row := t.find(k)
	if r.n < len(r.keys) {
		r.keys[r.n], r.rows[r.n] = k, row
		r.n++
	}
	return row
}

// initFrequent looks up the features of the words of the tagger's fixed
// list, the most frequent words of English, once per process.
func (m *model) initFrequent() {
	tags := m.tagger.tags
	m.frequent = make(map[string]*tokenFeats, tags.Len())
	for r := range tags.Len() {
		w := tags.Key(r)
		m.frequent[w] = m.newTokenFeats(w)
	}
}

// tokenCache holds the features of token texts (see tokenFeats), and
// prose's tokens of white-space delimited words (see splitWord). Both are
// functions of the text of the token or word and of the model alone, so
// the cache serves text after text: a Detector keeps its caches in a pool
// (Detector.caches), each used by one call of Detect at a time, so that a
// word met in an earlier post of a build's worker is neither split nor
// looked up in the model again. Its keys and the strings its entries hold
// are its own copies (see own), never the text's, so a cache keeps no text
// alive; it is emptied between texts once it holds more than maxCachedWords
// words or maxCachedTexts token texts (see begin).
type tokenCache struct {
	m      *model
	byText map[string]*tokenFeats
	feats  []*tokenFeats
	ids    []int32 // the tag ids of a window's tokens (see tagger.tag), in idsBuf while they fit
	idsBuf [64]int32
	// byWord maps a word, as it is and sanitized, to the tokens of its
	// sanitized form: two words prose's sanitizer makes equal share one
	// entry, as they share prose's cached tokens.
	byWord map[string]*wordTokens
	// window numbers the calls of tokens, for wordTokens.window.
	window int32
	words  []Span
	ents   []*wordTokens
	// slab, toksBuf and featsBuf hold the entries of byWord and their
	// slices (see newWord).
	slab     []wordTokens
	toksBuf  []string
	featsBuf []*tokenFeats
	// featSlab holds the features of the text's new token texts, cut
	// from blocks (see featsOf); toks is the slice tokens returns,
	// reused by its next call.
	featSlab []tokenFeats
	toks     []prose.Token
	// memo holds what the features keyed by a token and a tag beside it
	// say, for the tokens of this cache and of the fixed list (see
	// ctxMemo).
	memo ctxMemo
	// cands holds what the Detector's candidate test learns of a word in
	// any text (see wordMemo).
	cands    map[string]*wordMemo
	memoSlab []wordMemo // holds the memos of cands, cut from blocks
	// windows holds the entities of the text's windows tagged (see
	// entities); begin empties it.
	windows map[string][]entity
	// scratch, textCands, lowerIDs and lowerRuns are space for one text
	// (windowsWhere's, textInfo.cands and lowerWords'), reused by the
	// next.
	scratch   windowScratch
	textCands map[string]int8
	lowerIDs  []bool
	lowerRuns map[string]bool
	// arena holds the bytes of the cache's strings (see own).
	arena []byte
	// spoilt is set when a call that used the cache panicked: it may hold
	// a half-made entry, and is not used again.
	spoilt bool
}

// The bounds of what a tokenCache keeps from one text to the next (see
// begin). A word's entry takes about 150 bytes, a token text's features
// about 1 KB with its tagger prefix and a memo pair about 60: a full
// cache holds about 6 MB, one per worker. (After the 1,000 posts of the
// generated site one cache held 667 words, 392 token texts and 869 + 573
// pairs.) Windows are kept for one text only (see entities).
const (
	maxCachedWords = 4096
	maxCachedTexts = 4096
	maxMemoPairs   = 8192
)

// entities returns d.entities(w), the entities of window w: a function of
// the window's text alone (and of the model), which a post repeats ("said
// Marisol." after each quote). So each distinct window is tagged once per
// text: its entities are kept with a copy of its text until the next text
// begins. They are not kept from text to text: posts of the generated
// benchmark sites repeat whole windows from post to post (their text is
// made from templates: 7,227 windows in 1,000 posts are 3,558 distinct
// texts), while the dev sets' real texts repeat 0.5-13 % of theirs, so a
// cache across texts would speed up the benchmark far more than a real
// site. The entities returned are shared: the caller only reads them.
func (c *tokenCache) entities(d *Detector, w string) []entity {
	if ents, ok := c.windows[w]; ok {
		return ents
	}
	ents := d.entities(w, c)
	if c.spoilt {
		return ents // a panic in tag: nothing kept
	}
	if c.windows == nil {
		c.windows = make(map[string][]entity, 64)
	}
	c.windows[strings.Clone(w)] = ents
	return ents
}

// ctxMemo keeps, from token to token and text to text, the weights of
// the two features that are keyed by a token's text and the tag of a
// token beside it: the entity model's "word+nextpos" (the token's lower
// case and the next token's tag) and the tagger's "i-1 tag+i word" (the
// tag before and the token's normal form). Each is a probe of a large
// table of the model, mostly a wait for memory, and a token meets the
// same tags beside it again and again (on the generated site, 39,491
// probes of "word+nextpos" in 1,000 posts were of 801 distinct keys). A
// pair is keyed by the token's features (one per token text in a cache,
// or of the fixed list, see tokenCache.featsOf) and by the tag's
// posFeats (one per tag the model numbers) or tagID, which name the
// strings the key is made of.
type ctxMemo struct {
	nextPos map[nextPosKey]weightsOf
	tagWord map[tagWordKey][2]int32
}

type nextPosKey struct {
	tok  *tokenFeats
	next *posFeats
}

type tagWordKey struct {
	tok  *tokenFeats
	prev int32 // the tagID of the tag before
}

// begin readies the cache for a new text: one that holds more words or
// token texts than its bounds, or whose windows' count nears the int32
// limit, is emptied.
func (c *tokenCache) begin() {
	// Windows are kept for one text only (see entities). Their keys are
	// their own copies (not in the arena), and the entities are the
	// windows' alone.
	clear(c.windows)
	if len(c.byWord) <= maxCachedWords && len(c.byText) <= maxCachedTexts && c.window < 1<<30 &&
		len(c.memo.nextPos) <= maxMemoPairs && len(c.memo.tagWord) <= maxMemoPairs && len(c.cands) <= maxCachedWords {
		return
	}
	clear(c.cands)
	// The entries' blocks are dropped, not reused: nothing still reads
	// them, but a block is never written twice (see newWord and own).
	clear(c.byWord)
	clear(c.byText)
	clear(c.memo.nextPos)
	clear(c.memo.tagWord)
	c.window = 0
	c.slab, c.toksBuf, c.featsBuf, c.featSlab, c.memoSlab, c.arena = nil, nil, nil, nil, nil, nil
}

// endText empties what the cache lent the text just done and that holds
// pieces of it, so that a cache in the pool keeps no text alive.
func (c *tokenCache) endText() {
	clear(c.textCands)
	clear(c.lowerRuns)
}

// wordMemo returns the memo of word w, made empty if w has none. (A memo
// is changed in place: assigning to a map entry would also replace its
// key, the cache's own copy, with w.)
func (c *tokenCache) wordMemo(w string) *wordMemo {
	m := c.cands[w]
	if m == nil {
		if len(c.memoSlab) == cap(c.memoSlab) {
			c.memoSlab = make([]wordMemo, 0, 64)
		}
		c.memoSlab = c.memoSlab[:len(c.memoSlab)+1]
		m = &c.memoSlab[len(c.memoSlab)-1]
		if c.cands == nil {
			c.cands = make(map[string]*wordMemo, 64)
		}
		c.cands[c.own(w)] = m
	}
	return m
}

// own returns a copy of s in the cache's arena: the keys of the cache and
// the strings of its entries are made from it, so that they do not point
// into a text after it is done. The arena's bytes are written once.
func (c *tokenCache) own(s string) string {
	if len(s) == 0 {
		return ""
	}
	const block = 4096
	if len(s) > block/8 {
		return strings.Clone(s)
	}
	if cap(c.arena)-len(c.arena) < len(s) {
		c.arena = make([]byte, 0, block)
	}
	start := len(c.arena)
	c.arena = append(c.arena, s...)
	return unsafe.String(&c.arena[start], len(s))
}

// wordTokens are prose's tokens of one word and their features.
type wordTokens struct {
	toks  []string
	feats []*tokenFeats
	// window and last note, in the window being tokenized, that the word
	// occurs there and the index of its last occurrence (see tokens).
	window, last int32
}

func newTokenCache(m *model) *tokenCache {
	// Sized for a text's usual distinct words and token texts (about 30
	// and 16 on generated posts): a map that grows rehashes.
	c := &tokenCache{m: m, byText: make(map[string]*tokenFeats, 32), byWord: make(map[string]*wordTokens, 64),
		memo: ctxMemo{nextPos: make(map[nextPosKey]weightsOf, 64), tagWord: make(map[tagWordKey][2]int32, 32)}}
	c.ids = c.idsBuf[:0]
	return c
}

// featsOf returns the features of token text w.
func (c *tokenCache) featsOf(w string) *tokenFeats {
	f, ok := c.m.frequent[w]
	if !ok {
		if f, ok = c.byText[w]; !ok {
			w = c.own(w)
			if len(c.featSlab) == cap(c.featSlab) {
				// Blocks of 8, 16, 32 and then 64: most texts have a few
				// dozen new token texts.
				c.featSlab = make([]tokenFeats, 0, min(max(8, 2*cap(c.featSlab)), 64))
			}
			c.featSlab = c.featSlab[:len(c.featSlab)+1]
			f = &c.featSlab[len(c.featSlab)-1]
			c.m.fillTokenFeats(f, w)
			c.byText[w] = f
		}
	}
	return f
}

// of returns the features of each of toks, in a slice reused by the next
// call.
func (c *tokenCache) of(toks []prose.Token) []*tokenFeats {
	c.feats = c.feats[:0]
	for _, tok := range toks {
		c.feats = append(c.feats, c.featsOf(tok.Text))
	}
	return c.feats
}

// word returns the tokens of word w.
func (c *tokenCache) word(w string) *wordTokens {
	if e, ok := c.byWord[w]; ok {
		return e
	}
	key := sanitize(w)
	e, ok := c.byWord[key]
	if !ok {
		key = c.own(key)
		e = c.newWord(key)
		c.byWord[key] = e
	}
	if key != w {
		c.byWord[c.own(w)] = e
	}
	return e
}

// newWord makes the entry of sanitized word key, a string the cache owns
// (see own). The entries and their
// slices are cut from blocks shared by the cache's words, which are never
// written again.
func (c *tokenCache) newWord(key string) *wordTokens {
	if len(c.slab) == cap(c.slab) {
		c.slab = make([]wordTokens, 0, 64)
	}
	c.slab = c.slab[:len(c.slab)+1]
	e := &c.slab[len(c.slab)-1]
	e.window = -1
	start := len(c.toksBuf)
	c.toksBuf = splitWord(c.toksBuf, key)
	e.toks = c.toksBuf[start:len(c.toksBuf):len(c.toksBuf)]
	start = len(c.featsBuf)
	for _, t := range e.toks {
		c.featsBuf = append(c.featsBuf, c.featsOf(t))
	}
	e.feats = c.featsBuf[start:len(c.featsBuf):len(c.featsBuf)]
	return e
}

// tokens returns prose's tokens of s (which prose's tokenizer would give,
// see splitWord), their features and, if prose gives two of them the same
// *Token values, src (see sharing); the tokens and their features are in
// slices reused by the next call.
func (c *tokenCache) tokens(s string) (toks []prose.Token, feats []*tokenFeats, src []int) {
	c.window++
	words := appendFieldSpans(c.words[:0], s)
	ents := c.ents[:0]
	// prose's tokenizer caches the tokens of each word but the one that
	// ends the text, and gives a cached word's later occurrences the
	// same *Token values (see sharing).
	cached := len(words)
	if cached > 0 && words[cached-1].End == len(s) {
		cached--
	}
	repeated := false
	n := 0
	for i, w := range words {
		e := c.word(s[w.Start:w.End])
		ents = append(ents, e)
		n += len(e.toks)
		if i < cached {
			if e.window == c.window {
				repeated = true
			}
			e.window, e.last = c.window, int32(i)
		}
	}
	c.words, c.ents = words, ents
	toks = c.toks[:0]
	if cap(toks) < n {
		toks = make([]prose.Token, 0, n)
	}
	feats = c.feats[:0]
	for _, e := range ents {
		for j, t := range e.toks {
			toks = append(toks, prose.Token{Text: t})
			feats = append(feats, e.feats[j])
		}
	}
	c.feats, c.toks = feats, toks
	if !repeated || len(words) < 2 {
		return toks, feats, nil
	}
	// Each occurrence of a cached word ends up with the values of its
	// last occurrence.
	first := make([]int, len(words)+1) // index of the first token of each word
	for i, e := range ents {
		first[i+1] = first[i] + len(e.toks)
	}
	src = make([]int, len(toks))
	for i := range src {
		src[i] = i
	}
	for i, e := range ents[:cached] {
		l := int(e.last)
		for j := first[i]; j < first[i+1]; j++ {
			src[j] = first[l] + j - first[i]
		}
	}
	return toks, feats, src
}

// fixedTag returns the tag the tagger gives word whatever its context, or
// false if it has to predict one; r is word's row of the word table.
func (t *tagger) fixedTag(word string, r wordRow) (string, bool) {
	switch {
	case word == "-":
		return "-", true
	case vocab.Emoticons().Has(word):
		return "SYM", true
	// The regexps need a '.' (a link) or an '@' (an e-mail address).
	case strings.HasPrefix(word, "@"),
		strings.IndexByte(word, '.') >= 0 && commonregex.LinkRegex.MatchString(word),
		strings.IndexByte(word, '@') >= 0 && commonregex.EmailRegex.MatchString(word):
		return "NN", true
	case (word == "0" || word[0] == '*') && noneRE.MatchString(word):
		return "-NONE-", true
	case len(word) == 5 && word[0] == '-' && keepRE.MatchString(word):
		return word, true
	}
	return t.words.tag(r)
}
