package ner

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// refTokenInfo holds the features of one token that its neighbours share.
type refTokenInfo struct {
	lower, lowerTag, shape string
}

// classifyRef is classify as it was before its small-domain features were
// looked up once per model: the oracle of TestClassifyMatchesRef.
// It sets the Label of each token, as prose's entity extracter does.
func (m *maxent) classifyRef(toks []prose.Token) {
	info := make([]refTokenInfo, len(toks))
	for i, t := range toks {
		info[i] = refTokenInfo{lower: strings.ToLower(t.Text), lowerTag: strings.ToLower(t.Tag), shape: shape(t.Text)}
	}
	scores := make([]float64, len(m.labels))
	var buf []byte
	prevTag := "None" // the simplified label of the token before
	for i := range toks {
		word := toks[i].Text
		var vals [numFeatures]string
		vals[fBias] = "True"
		vals[fWordlist] = "False"
		if m.inList(word) {
			vals[fWordlist] = "True"
		}
		vals[fWord] = word
		vals[fPos] = toks[i].Tag
		vals[fWordLower] = info[i].lower
		vals[fSuffix3] = strings.ToLower(word[len(word)-min(len(word), 3):])
		vals[fPrefix3] = strings.ToLower(word[:min(len(word), 3)])
		vals[fShape] = info[i].shape
		vals[fWordLen] = strconv.Itoa(len(word))
		prevShape := "None"
		vals[fPrevTag], vals[fPrevWord], vals[fPrevPos] = "None", "None", "None"
		if i > 0 {
			vals[fPrevWord] = info[i-1].lower
			vals[fPrevPos] = toks[i-1].Tag
			vals[fPrevTag] = prevTag
			if i > 1 {
				// prose leaves the shape of the word before the second
				// one as "None".
				prevShape = info[i-1].shape
			}
		}
		vals[fNextWord], vals[fNextPos] = "None", "None"
		if i < len(toks)-1 {
			vals[fNextWord] = info[i+1].lower
			vals[fNextPos] = info[i+1].lowerTag
		}
		for l := range scores {
			scores[l] = 0
		}
		for f := range vals {
			var vw valueWeights
			var ok bool
			switch f {
			case fWordNextPos:
				buf = join(buf[:0], vals[fWordLower], vals[fNextPos])
				vw, ok = m.feat(f, string(buf))
			case fPosPrevTag:
				buf = join(buf[:0], vals[fPos], vals[fPrevTag])
				vw, ok = m.feat(f, string(buf))
			case fShapePrevTag:
				buf = join(buf[:0], prevShape, vals[fPrevTag])
				vw, ok = m.feat(f, string(buf))
			default:
				vw, ok = m.feat(f, vals[f])
			}
			if !ok {
				continue
			}
			scores[vw.label] += vw.w
			for r := int(vw.start); r < int(vw.start)+int(vw.n); r++ {
				scores[m.more.Word(r, 0)] += m.more.Float64(r, 1)
			}
		}
		best, bestScore := -1, math.Inf(-1)
		for l, s := range scores {
			if s > bestScore {
				best, bestScore = l, s
			}
		}
		label, simple := "", ""
		if best >= 0 {
			label, simple = m.labels[best], m.simple[best]
		}
		toks[i].Label = label
		prevTag = simple
	}
}

// refTexts are texts to compare the model's code with its reference on:
// the lines of testdata/reflection.txt, the windows the Detector cuts from
// them, and random sequences of their words, with random capitals and some
// tokens of odd shapes.
func refTexts(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/reflection.txt")
	if err != nil {
		t.Fatal(err)
	}
	var texts, words []string
	for _, line := range strings.Split(string(b), "\n") {
		texts = append(texts, line)
		words = append(words, strings.Fields(line)...)
		for _, c := range chunks(line, maxChunk) {
			for _, w := range windows(line[c.Start:c.End], windowWords) {
				texts = append(texts, line[c.Start:c.End][w.Start:w.End])
			}
		}
	}
	words = append(words, "-LRB-", "-", "0", "*T*-1", ":)", "@Ann", "a@b.org", "www.x.org", "1999", "3.5",
		"Ürsula", "ÉCOLE", "naïve", "x\xff", "McAllister", "iPhone", "O'Dara-Quill", "Loooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooong")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		n := 1 + rng.IntN(12)
		ws := make([]string, n)
		for i := range ws {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(5) {
			case 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case 1:
				w = strings.ToLower(w)
			}
			ws[i] = w
		}
		texts = append(texts, strings.Join(ws, " "))
	}
	return texts
}

// TestClassifyMatchesRef checks that classify labels every token as
// classifyRef does, bit for bit the same scores deciding.
func TestClassifyMatchesRef(t *testing.T) {
	m := loadModel()
	cache := newTokenCache(m) // shared by the texts, as by the windows of one text
	for _, s := range refTexts(t) {
		doc, err := prose.NewDocument(proseText(s), prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		toks := doc.Tokens()
		ids := m.tagger.tag(toks, cache.of(toks), nil, nil)
		if len(toks) > 2 && len(s)%3 == 0 {
			toks[1].Tag = "-XYZ-" // a tag the tagger copies from a token
			ids[1] = m.tagger.tagID(toks[1].Tag)
		}
		for i, tok := range toks {
			if id := m.tagger.tagID(tok.Tag); ids[i] != id {
				t.Fatalf("%q: tag id of %q %d, want %d", s, tok.Tag, ids[i], id)
			}
		}
		want := slices.Clone(toks)
		m.ents.classifyRef(want)
		m.ents.classify(toks, cache.of(toks), ids, nil)
		if !slices.Equal(toks, want) {
			t.Errorf("%q: labels %v, want %v", s, toks, want)
		}
	}
}

// tagRef is tag as it was before the tag features were looked up once per
// model: the oracle of TestTagMatchesRef.
func (t *tagger) tagRef(toks []prose.Token) {
	ctx := make([]string, len(toks)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, tok := range toks {
		ctx[i+2] = normalize(tok.Text)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	scores := make([]float64, len(t.classes))
	touched := make([]bool, len(t.classes))
	var buf []byte
	pos := make([]refCtxFeats, len(ctx))
	p1, p2 := "-START-", "-START2-"
	for i := range toks {
		word := toks[i].Text
		var tag string
		switch {
		case word == "-":
			tag = "-"
		case vocab.Emoticons().Has(word):
			tag = "SYM"
		// The regexps need a '.' (a link) or an '@' (an e-mail address).
		case strings.HasPrefix(word, "@"),
			strings.IndexByte(word, '.') >= 0 && commonregex.LinkRegex.MatchString(word),
			strings.IndexByte(word, '@') >= 0 && commonregex.EmailRegex.MatchString(word):
			tag = "NN"
		case (word == "0" || word[0] == '*') && noneRE.MatchString(word):
			tag = "-NONE-"
		case len(word) == 5 && word[0] == '-' && keepRE.MatchString(word):
			tag = word
		default:
			var ok bool
			var r int
			if r, ok = t.tags.Find(word); ok {
				tag = t.tags.String(r, 0)
			} else {
				tag, buf = t.predictRef(scores, touched, buf, pos, i+2, ctx, word, p1, p2)
			}
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

// predictRef scores the features prose's featurize gives token i of ctx
// (whose text is w; p1 and p2 are the tags of the two tokens before) and
// returns the best tag. scores, touched, buf and pos are scratch space;
// pos caches the features of the context words across the tokens of ctx.
func (t *tagger) predictRef(scores []float64, touched []bool, buf []byte, pos []refCtxFeats, i int, ctx []string, w, p1, p2 string) (string, []byte) {
	clear(touched)
	addRange := func(r [2]int32) {
		for k := int(r[0]); k < int(r[1]); k++ {
			class := t.weights.Word(k, 0)
			if !touched[class] {
				// Only the tags of features found are scored.
				touched[class] = true
				scores[class] = 0
			}
			scores[class] += t.weights.Float64(k, 1)
		}
	}
	add := func(parts ...string) {
		buf = buf[:0]
		for k, p := range parts {
			if k > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, p...)
		}
		if r, ok := t.feats.Find(string(buf)); ok {
			addRange([2]int32{t.feats.Int32(r, 0), t.feats.Int32(r, 1)})
		}
	}
	// The features in prose's order.
	addRange(t.bias)
	addRange(t.suffix(w[len(w)-min(len(w), 3):])[roleSuffix])
	addRange(t.pref1[w[0]]) // prose converts the first byte, not rune
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	cur, prev1 := t.atRef(pos, ctx, i), t.atRef(pos, ctx, i-1)
	addRange(cur.words[roleWord])
	add("i-1 tag+i word", p1, ctx[i])
	addRange(prev1.words[rolePrev1Word])
	addRange(prev1.suffixes[rolePrev1Suffix])
	addRange(t.atRef(pos, ctx, i-2).words[rolePrev2Word])
	next1 := t.atRef(pos, ctx, i+1)
	addRange(next1.words[roleNext1Word])
	addRange(next1.suffixes[roleNext1Suffix])
	addRange(t.atRef(pos, ctx, i+2).words[roleNext2Word])
	best, bestScore := "", math.Inf(-1)
	for c, s := range scores {
		if touched[c] && s > bestScore {
			best, bestScore = t.classes[c], s
		}
	}
	return best, buf
}

// refCtxFeats and atRef are ctxFeats and the tagger's lookup of them as they
// were, for tagRef.
type refCtxFeats struct {
	words    [numWordRoles][2]int32
	suffixes [numSuffixRoles][2]int32
	done     bool
}

func (t *tagger) atRef(pos []refCtxFeats, ctx []string, k int) *refCtxFeats {
	p := &pos[k]
	if !p.done {
		p.done = true
		w := ctx[k]
		p.words = t.words.ctxWords(t.words.find(w))
		p.suffixes = t.suffix(w[len(w)-min(len(w), 3):])
	}
	return p
}

// TestTagMatchesRef checks that tag gives every token the tag tagRef
// gives.
func TestTagMatchesRef(t *testing.T) {
	m := loadModel()
	cache := newTokenCache(m) // shared by the texts, as by the windows of one text
	for _, s := range refTexts(t) {
		doc, err := prose.NewDocument(proseText(s), prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		toks := doc.Tokens()
		want := slices.Clone(toks)
		m.tagger.tagRef(want)
		m.tagger.tag(toks, cache.of(toks), nil, nil)
		if !slices.Equal(toks, want) {
			t.Errorf("%q: tags %v, want %v", s, toks, want)
		}
	}
}

// windowsRef is windowsWhere as it was before it noted capitals on its
// way through a word: the oracle of TestWindowsMatchRef.
func windowsRef(s string, ctx int, cand func(words []string, i int) bool) []Span {
	var words []Span
	var names []int // indexes into words of words that may be names
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				break
			}
			j += size
		}
		if mayBeName(s[i:j]) {
			names = append(names, len(words))
		}
		words = append(words, Span{i, j})
		i = j
	}
	if cand != nil && len(names) > 0 {
		texts := make([]string, len(words))
		for k, w := range words {
			texts[k] = s[w.Start:w.End]
		}
		kept := names[:0]
		for _, n := range names {
			if cand(texts, n) {
				kept = append(kept, n)
			}
		}
		names = kept
	}
	var out []Span
	last := -1 // last word index covered by out
	for _, n := range names {
		lo, hi := max(n-ctx, 0), min(n+ctx, len(words)-1)
		if len(out) > 0 && lo <= last+1 {
			out[len(out)-1].End = words[hi].End
		} else {
			out = append(out, Span{words[lo].Start, words[hi].End})
		}
		last = hi
	}
	return out
}

// TestWindowsMatchRef checks windowsWhere against windowsRef, with and
// without a test of the candidates, on the reference texts and on random
// strings of letters, capitals, white space of every kind and invalid
// bytes.
func TestWindowsMatchRef(t *testing.T) {
	texts := refTexts(t)
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "B", "Cd", "é", "É", " ", "\t", "\n", "\u00a0", "\u2003", "\xff", "'", "The", "MR", "Ann", ".", "ǅ",
		"\xe2\x80", "\xc2", "\x85", "\xa0", "\u3000", "\u2019", "Ña", "None", "sat quietly ", "abcdefghijklmnop", "a b c d e f g h "}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	odd := func(words []string, i int) bool { return len(words[i])%2 == 1 }
	neighbours := func(words []string, i int) bool {
		if i == 0 {
			return true
		}
		n := len(words[i-1])
		if i+1 < len(words) {
			n += len(words[i+1])
		}
		return n%2 == 0
	}
	var scratch windowScratch
	for _, s := range texts {
		if got, want := holdsNameWord(s), len(windowsRef(s, 0, nil)) > 0; got != want {
			t.Errorf("holdsNameWord(%q) = %v, want %v", s, got, want)
		}
		for _, ctx := range []int{0, 1, 3} {
			if got, want := windowsWhere(s, ctx, nil, &scratch), windowsRef(s, ctx, nil); !slices.Equal(got, want) {
				t.Errorf("windowsWhere(%q, %d) = %v, want %v", s, ctx, got, want)
			}
			got := windowsWhere(s, ctx, func(w chunkWords, i int) bool {
				words := make([]string, w.len())
				for k := range words {
					words[k] = w.at(k)
				}
				return odd(words, i)
			}, &scratch)
			if want := windowsRef(s, ctx, odd); !slices.Equal(got, want) {
				t.Errorf("windowsWhere(%q, %d, odd) = %v, want %v", s, ctx, got, want)
			}
			// A test that reads the words around the candidate, as
			// candidate does: the word before it and whether one follows.
			got = windowsWhere(s, ctx, func(w chunkWords, i int) bool {
				words := make([]string, w.len())
				for k := range words {
					words[k] = w.at(k)
				}
				return neighbours(words, i)
			}, &scratch)
			if want := windowsRef(s, ctx, neighbours); !slices.Equal(got, want) {
				t.Errorf("windowsWhere(%q, %d, neighbours) = %v, want %v", s, ctx, got, want)
			}
		}
	}
}

// isDoseTokenRef and clinicalRef are isDoseToken and clinical as they were
// before they stopped allocating: the oracles of TestDoseMatchesRef.
func isDoseTokenRef(prev, w string) bool {
	w = strings.Trim(w, "./")
	if w == "" {
		return false
	}
	lw := strings.ToLower(w)
	if i := strings.IndexByte(lw, '/'); i > 0 {
		lw = lw[:i] // "mcg/kg/min", "cc/hr"
	}
	if vocab.RouteWords().Has(lw) {
		return true
	}
	if len(lw) >= 2 && lw[0] == 'q' && lw[1] >= '0' && lw[1] <= '9' {
		// q4h, q6hr, q12hrs, q2
		rest := strings.TrimLeft(lw[1:], "0123456789")
		return rest == "" || rest == "h" || rest == "hr" || rest == "hrs"
	}
	unit := strings.TrimLeft(lw, "0123456789.")
	if unit == lw { // no number in front: the number must be the previous token
		prev = strings.Trim(prev, "./")
		if prev == "" || strings.Trim(prev, "0123456789.") != "" {
			return false
		}
	}
	return vocab.Units().Has(unit)
}
func clinicalRef(text string) bool {
	n, prev := 0, ""
	for _, w := range doseTokenFields(text) {
		dose := isDoseTokenRef(prev, w)
		prev = w
		if dose {
			n++
			if n >= clinicalOrders {
				return true
			}
		}
	}
	return false
}

// shorthandCountsRef counts the capitalised words and the short ones of
// text as shorthand did before it read abbreviations off the text's word
// facts.
func shorthandCountsRef(lex *lexicon.Lexicon, text string) (caps, short int) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			continue
		}
		caps++
		n := utf8.RuneCountInString(w)
		if n >= 2 && n <= 4 && w == strings.ToUpper(w) {
			short++
		} else if _, ok := lex.AbbrevLevel(w); ok {
			short++
		}
	}
	return caps, short
}

// doseTexts are refTexts with drug orders, numbers and units mixed in.
func doseTexts(t *testing.T) []string {
	texts := refTexts(t)
	rng := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"4mg", "IV", "iv", "prn", "PRN", "q4h", "Q6HR", "q12", "1", "2.5", "mcg/kg/min", "cc/hr", "mg", "MG",
		"gtt", ".", "/", "./", "Tylenol", "BID", "bid", "po", "x", "é", "5/", "\xff", "ASAP", "NY", "Dr", "Pt", "OK", "DNR", "Yardle"}
	for range 3000 {
		ws := make([]string, rng.IntN(16))
		for i := range ws {
			ws[i] = pieces[rng.IntN(len(pieces))]
		}
		texts = append(texts, strings.Join(ws, []string{" ", ", ", "; ", "-"}[rng.IntN(4)]))
	}
	return texts
}

// TestDoseMatchesRef checks isDoseToken, clinical and the counts of
// shorthand against the code they replaced.
func TestDoseMatchesRef(t *testing.T) {
	lex := lexicon.Default()
	d := New(WithLexicon(lex))
	for _, s := range doseTexts(t) {
		if got, want := clinical(s), clinicalRef(s); got != want {
			t.Errorf("clinical(%q) = %v, want %v", s, got, want)
		}
		ws := doseTokenFields(s)
		for i, w := range ws {
			prev := ""
			if i > 0 {
				prev = ws[i-1]
			}
			if got, want := isDoseToken(prev, w), isDoseTokenRef(prev, w); got != want {
				t.Errorf("isDoseToken(%q, %q) = %v, want %v", prev, w, got, want)
			}
		}
		caps, short := shorthandCountsRef(lex, s)
		want := caps >= 3 && float64(short) > shorthandShare*float64(caps) || clinicalRef(s)
		if got := d.shorthand(newTextInfo(&deid.Doc{Text: s})); got != want {
			t.Errorf("shorthand(%q) = %v, want %v (%d capitalised, %d short)", s, got, want, caps, short)
		}
	}
}

// chunksRef is chunks as it was before it skipped plain ASCII bytes: the
// oracle of TestChunksMatchRef.
func chunksRef(text string, max int) []Span {
	var out []Span
	emit := func(s, e int) {
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if !isSpace(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !isSpace(r) {
				break
			}
			e -= size
		}
		if s < e {
			out = append(out, Span{s, e})
		}
	}
	start := 0      // start of the current chunk
	lastSpace := -1 // end of the last white space rune in the chunk
	wordStart := 0  // start of the current word
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if i+size-start > max && i > start {
			// Cut before this rune, at the last white space if there is one
			// in the second half of the chunk.
			cut := i
			if lastSpace > start+max/2 {
				cut = lastSpace
			}
			emit(start, cut)
			start, lastSpace = cut, -1
			if wordStart < start {
				wordStart = start
			}
			continue
		}
		switch {
		case r == '\n':
			emit(start, i)
			start, lastSpace, wordStart = i+size, -1, i+size
		case isSpace(r):
			if i > start && endsSentence(text[wordStart:i]) {
				emit(start, i)
				start, lastSpace = i+size, -1
			} else {
				lastSpace = i + size
			}
			wordStart = i + size
		}
		i += size
	}
	emit(start, len(text))
	return out
}

// TestChunksMatchRef checks chunks against chunksRef on the reference
// texts and random strings of words, sentence ends, abbreviations, white
// space and non-ASCII bytes, at several bounds.
func TestChunksMatchRef(t *testing.T) {
	texts := refTexts(t)
	rng := rand.New(rand.NewPCG(9, 10))
	pieces := []string{"word", "Ann", "Dr.", "Q.R.", "end.", "why?", "no!", "\u201d", " ", "  ", "\n", "\t", "\u00a0", "é", "\xff", "x", "\")", "aaaaaaaaaaaaaaaaaaaa", "\u2003", "\u2019", "'", "\r", "\v", ")", "Mr.", "A. ", ", ", "1990", "-", ";", "bbbbbbb,bbbb", "cc:dd", "plainwordsandmore "}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		for _, max := range []int{5, 10, 37, maxChunk} {
			want := chunksRef(s, max)
			if got := chunks(s, max); !slices.Equal(got, want) {
				t.Errorf("chunks(%q, %d) = %v, want %v", s, max, got, want)
			}
			// A loop that leaves eachChunk early has read the first
			// chunks, and eachChunk stops without yielding again (the
			// range would panic if it did).
			if len(want) > 0 {
				stop := rng.IntN(len(want))
				var got []Span
				for c := range eachChunk(s, max) {
					got = append(got, c)
					if len(got) > stop {
						break
					}
				}
				if !slices.Equal(got, want[:stop+1]) {
					t.Errorf("eachChunk(%q, %d) up to %d = %v, want %v", s, max, stop, got, want[:stop+1])
				}
			}
		}
	}
}

// sharingRef is the sharing tag used before tokenCache.tokens: the oracle of
// TestTokensMatchProse. sharing reports which tokens of s prose gives the same *Token values.
// prose's tokenizer caches the tokens of each white-space delimited word of
// its (sanitized) input and gives every later occurrence of the word the
// same *Token values, except for a last word that ends the text, which it
// splits without the cache. Its tagger and then its extracter set the tags
// and labels in order, so each occurrence of a repeated word ends up with
// the tags and labels of the last one; the extracter reads the tags so
// shared. sharing returns nil if no token is shared, else, for each token,
// the index of the token whose values it ends up with.
//
// counts, if not nil, keeps the number of tokens of each word tokenized
// alone, from one call to the next: prose's tokens of a word depend on the
// word only.
func sharingRef(s string, toks []prose.Token, counts map[string]int) []int {
	words := fieldSpans(s)
	if len(words) < 2 {
		return nil
	}
	cached := words
	if words[len(words)-1].End == len(s) {
		cached = words[:len(words)-1]
	}
	// The sanitizer never touches white space, so the words of s are
	// those of prose's input; the cache is keyed by their sanitized text.
	keys := make([]string, len(cached))
	last := make(map[string]int, len(cached)) // key -> its last word
	repeated := false
	for i, w := range cached {
		keys[i] = sanitize(s[w.Start:w.End])
		if _, ok := last[keys[i]]; ok {
			repeated = true
		}
		last[keys[i]] = i
	}
	if !repeated {
		return nil
	}
	// The tokens of each word, counted by tokenizing it alone (prose may
	// drop part of a word, so they cannot be found by their text).
	first := make([]int, len(words)+1) // index of the first token of each word
	for i, w := range words {
		word := s[w.Start:w.End]
		n, ok := counts[word]
		if !ok {
			doc, err := prose.NewDocument(word,
				prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
			if err != nil {
				return nil
			}
			n = len(doc.Tokens())
			if counts != nil {
				counts[word] = n
			}
		}
		first[i+1] = first[i] + n
	}
	if first[len(words)] != len(toks) {
		return nil // not expected
	}
	src := make([]int, len(toks))
	for i := range src {
		src[i] = i
	}
	for i := range cached {
		l := last[keys[i]]
		for j := first[i]; j < first[i+1]; j++ {
			src[j] = first[l] + j - first[i]
		}
	}
	return src
}

// TestDoseTokenMatchesRef checks isDoseToken against isDoseTokenRef on
// random tokens built from numbers, dots, slashes, units and routes in
// either case and other letters, so that many are longer than any unit
// or route.
func TestDoseTokenMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 13))
	pieces := []string{"q", "Q", "1", "12", "2.5", ".", "/", "mg", "MG", "mcg", "kg", "min", "hr", "hrs", "h", "iv", "IV", "prn", "tid", "x", "word", "é", "K"}
	for w := range vocab.Units().All() {
		pieces = append(pieces, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for w := range vocab.RouteWords().All() {
		pieces = append(pieces, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		w := b.String()
		for _, prev := range []string{"", "3", "the"} {
			if got, want := isDoseToken(prev, w), isDoseTokenRef(prev, w); got != want {
				t.Fatalf("isDoseToken(%q, %q) = %v, want %v", prev, w, got, want)
			}
		}
	}
}

// TestDoseTokensMatchRef checks doseTokens's count against isDoseTokenRef
// of each field, on the dose texts and random texts of routes, units,
// numbers and words in either case.
func TestDoseTokensMatchRef(t *testing.T) {
	texts := doseTexts(t)
	rng := rand.New(rand.NewPCG(14, 15))
	pieces := []string{" ", " ", ", ", ".", "/", "2", "10", "0.5", "the", "Nurse", "walked", "QUIETLY", "q6h", "x"}
	for w := range vocab.Units().All() {
		pieces = append(pieces, w, strings.ToUpper(w), "5"+w)
	}
	for w := range vocab.RouteWords().All() {
		pieces = append(pieces, w, strings.ToUpper(w))
	}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		want, prev := 0, ""
		for _, w := range doseTokenFields(s) {
			if isDoseTokenRef(prev, w) {
				want++
			}
			prev = w
		}
		if got := doseTokens(s, math.MaxInt); got != want {
			t.Fatalf("doseTokens(%q) = %d, want %d", s, got, want)
		}
	}
}

// normalize is the form of a word prose's tagger uses as context, as
// newTokenFeats made it before normalizeLower: tagRef's.
func normalize(word string) string {
	switch {
	case word == "":
		return word
	case word[0] != '-' && strings.IndexByte(word, '-') >= 0:
		return "!HYPHEN"
	case len(word) == 4 && isAtoi(word):
		return "!YEAR"
	case '0' <= word[0] && word[0] <= '9':
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

// addWeightsRef is addWeights as it was before it read the rows without
// a bounds check each: the oracle of TestAddWeightsMatchesRef.
func addWeightsRef(scores []float64, touched []bool, rows []byte, stride int) {
	for len(rows) >= 12 {
		r := rows[:12]
		class := binary.LittleEndian.Uint32(r)
		touched[class] = true
		scores[class] += math.Float64frombits(binary.LittleEndian.Uint64(r[4:]))
		if len(rows) < stride {
			break
		}
		rows = rows[stride:]
	}
}

// TestAddWeightsMatchesRef compares addWeights and addLabelWeights with
// addWeightsRef on random rows, strides and lengths, as Table.Rows gives
// them and cut short.
func TestAddWeightsMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		stride := 12 + 4*rng.IntN(4)
		n := rng.IntN(6)
		size := 0
		if n > 0 {
			size = stride*(n-1) + 12
		}
		if rng.IntN(4) == 0 && size > 0 {
			size -= rng.IntN(min(size, stride) + 1) // a cut row
		}
		rows := make([]byte, size)
		for i := range rows {
			rows[i] = byte(rng.Uint32()) // padding between rows
		}
		for off := 0; off+12 <= size; off += stride {
			binary.LittleEndian.PutUint32(rows[off:], uint32(rng.IntN(8)))
			binary.LittleEndian.PutUint64(rows[off+4:], math.Float64bits(rng.NormFloat64()))
		}
		var got, want, got2 [8]float64
		var tGot, tWant [8]bool
		addWeights(got[:], tGot[:], rows, stride)
		addWeightsRef(want[:], tWant[:], rows, stride)
		addLabelWeights(got2[:], rows, stride)
		var got64 [64]float64
		var t64 [64]bool
		var got16 [16]float64
		addWeights64(&got64, &t64, rows, stride)
		addLabelWeights16(&got16, rows, stride)
		for c := range got {
			if math.Float64bits(got[c]) != math.Float64bits(want[c]) || tGot[c] != tWant[c] ||
				math.Float64bits(got2[c]) != math.Float64bits(want[c]) ||
				math.Float64bits(got64[c]) != math.Float64bits(want[c]) || t64[c] != tWant[c] ||
				math.Float64bits(got16[c]) != math.Float64bits(want[c]) {
				t.Fatalf("stride %d, %d bytes: class %d: %v %v %v %v %v, want %v %v", stride, size, c, got[c], tGot[c], got2[c], got64[c], got16[c], want[c], tWant[c])
			}
		}
	}
}

// cutCliticRef is cutClitic before it looked for an apostrophe first: the
// oracle of TestCutCliticMatchesRef.
func cutCliticRef(w string) (string, bool) {
	w = strings.ReplaceAll(w, "’", "'")
	for _, c := range []string{"n't", "'d", "'ve", "'re", "'ll", "'m"} {
		if stem, ok := strings.CutSuffix(w, c); ok && stem != "" {
			return stem, true
		}
	}
	return "", false
}

// TestCutCliticMatchesRef compares cutClitic with cutCliticRef on random
// words of letters, both apostrophes, their bytes alone and the endings.
func TestCutCliticMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"a", "n", "t", "d", "ve", "re", "ll", "m", "'", "’", "\xe2\x80", "\x99", "n't", "n’t", "'d", "’d", "'ve", "’re", "'ll", "’m", "é", "W"}
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		w := b.String()
		gs, gok := cutClitic(w)
		ws, wok := cutCliticRef(w)
		if gs != ws || gok != wok {
			t.Fatalf("cutClitic(%q) = %q, %v; want %q, %v", w, gs, gok, ws, wok)
		}
	}
}
