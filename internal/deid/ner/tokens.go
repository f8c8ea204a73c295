package ner

import (
	"strconv"
	"strings"

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
}

// newTokenFeats looks up the features of token text w.
func (m *model) newTokenFeats(w string) *tokenFeats {
	t, e := m.tagger, m.ents
	f := &tokenFeats{norm: normalize(w), first: w[0]}
	f.fixed, f.hasFixed = t.fixedTag(w)
	f.ctx = t.ctxFeatsOf(f.norm)
	f.suffix = t.suffix(w[len(w)-min(len(w), 3):])[roleSuffix]
	f.lower, f.shape = strings.ToLower(w), shapeOf(w)
	_, f.inList = e.basic.Find(w)
	f.word = e.weightsOf(fWord, w)
	f.wordLower = e.weightsOf(fWordLower, f.lower)
	f.asPrevWord = e.weightsOf(fPrevWord, f.lower)
	f.asNextWord = e.weightsOf(fNextWord, f.lower)
	f.suffix3 = e.weightsOf(fSuffix3, strings.ToLower(w[len(w)-min(len(w), 3):]))
	f.prefix3 = e.weightsOf(fPrefix3, strings.ToLower(w[:min(len(w), 3)]))
	if len(w) < maxWordLen {
		f.wordLen = e.small.wordLen[len(w)]
	} else {
		f.wordLen = e.weightsOf(fWordLen, strconv.Itoa(len(w)))
	}
	return f
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

// tokenCache holds the features of the token texts of one text (see
// tokenFeats). It belongs to one call of Detect.
type tokenCache struct {
	m      *model
	byText map[string]*tokenFeats
	feats  []*tokenFeats
	// wordTokens is the number of prose's tokens of a white-space
	// delimited word tokenized alone (see sharing).
	wordTokens map[string]int
}

func newTokenCache(m *model) *tokenCache {
	return &tokenCache{m: m, byText: map[string]*tokenFeats{}, wordTokens: map[string]int{}}
}

// of returns the features of each of toks, in a slice reused by the next
// call.
func (c *tokenCache) of(toks []prose.Token) []*tokenFeats {
	c.feats = c.feats[:0]
	for _, tok := range toks {
		f, ok := c.m.frequent[tok.Text]
		if !ok {
			if f, ok = c.byText[tok.Text]; !ok {
				f = c.m.newTokenFeats(tok.Text)
				c.byText[tok.Text] = f
			}
		}
		c.feats = append(c.feats, f)
	}
	return c.feats
}

// fixedTag returns the tag the tagger gives word whatever its context, or
// false if it has to predict one.
func (t *tagger) fixedTag(word string) (string, bool) {
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
	if r, ok := t.tags.Find(word); ok {
		return t.tags.String(r, 0), true
	}
	return "", false
}
