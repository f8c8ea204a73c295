package ner

import (
	"context"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestTokenCacheAcrossTexts checks that a token cache kept from text to
// text (as a Detector's pool keeps it) gives every window the tokens,
// sharing and features that a cache made for its text alone gives, as
// each call of Detect had before; that every entry it keeps is what the
// model says of its key; and that none of its strings points into a text.
func TestTokenCacheAcrossTexts(t *testing.T) {
	m := loadModel()
	var windows []string
	for _, s := range tokenizeTexts(t) {
		windows = append(windows, proseText(s))
	}
	// Every window a substring of one string, so that a string of the
	// cache that points into a text is seen by its address.
	all := strings.Join(windows, "\x00")
	var texts [][]string
	for off, i := 0, 0; i < len(windows); i++ {
		s := all[off : off+len(windows[i])]
		off += len(windows[i]) + 1
		if i%17 == 0 {
			texts = append(texts, nil)
		}
		texts[len(texts)-1] = append(texts[len(texts)-1], s)
	}
	inText := func(s string) bool {
		if s == "" {
			return false
		}
		p, base := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(all)))
		return base <= p && p < base+uintptr(len(all))
	}
	kept := newTokenCache(m)
	checked := 0
	for k, text := range texts {
		if k%50 == 0 || k == len(texts)-1 {
			// What the cache keeps, before begin may empty it.
			checked += checkTokenCache(t, kept, inText)
		}
		kept.begin()
		fresh := newTokenCache(m)
		for _, s := range text {
			toks, feats, src := kept.tokens(s)
			toks, feats, src = slices.Clone(toks), slices.Clone(feats), slices.Clone(src)
			wantToks, wantFeats, wantSrc := fresh.tokens(s)
			if !slices.Equal(toks, wantToks) || !slices.Equal(src, wantSrc) {
				t.Fatalf("%q: tokens %v sharing %v, a fresh cache gives %v %v", s, toks, src, wantToks, wantSrc)
			}
			for i := range feats {
				if !reflect.DeepEqual(*feats[i], *wantFeats[i]) {
					t.Fatalf("%q: token %q: features %+v, a fresh cache gives %+v", s, toks[i].Text, *feats[i], *wantFeats[i])
				}
			}
		}
	}
	if checked < 5000 {
		t.Fatalf("%d entries checked: the test reads too few", checked)
	}
}

// checkTokenCache checks that every entry of c is what the model says of
// its key and that none of its strings points into a text (inText), and
// returns the number of entries checked.
func checkTokenCache(t *testing.T, kept *tokenCache, inText func(string) bool) int {
	t.Helper()
	m := kept.m
	for k, f := range kept.byText {
		if want := m.newTokenFeats(k); !reflect.DeepEqual(*f, *want) {
			t.Fatalf("token text %q: kept %+v, the model says %+v", k, *f, *want)
		}
		for _, s := range []string{k, f.lower, f.norm, f.fixed} {
			if inText(s) {
				t.Fatalf("token text %q: the kept string %q points into a text", k, s)
			}
		}
	}
	for k, e := range kept.byWord {
		if want := splitWord(nil, sanitize(k)); !slices.Equal(e.toks, want) {
			t.Fatalf("word %q: kept tokens %q, want %q", k, e.toks, want)
		}
		for j, tok := range e.toks {
			if e.feats[j] != kept.featsOf(tok) {
				t.Fatalf("word %q: token %q has the features of another text", k, tok)
			}
			if inText(tok) {
				t.Fatalf("word %q: the kept token %q points into a text", k, tok)
			}
		}
		if inText(k) {
			t.Fatalf("the kept word %q points into a text", k)
		}
	}
	return len(kept.byText) + len(kept.byWord)
}

// TestTokenCacheBounds checks that begin empties a cache that holds more
// than its bounds, or whose window count nears the int32 limit, and keeps
// one within them.
func TestTokenCacheBounds(t *testing.T) {
	m := loadModel()
	c := newTokenCache(m)
	c.tokens("Ann met Bob at the café")
	c.begin()
	if len(c.byWord) == 0 {
		t.Fatal("begin emptied a small cache")
	}
	c.window = 1 << 30
	c.begin()
	if len(c.byWord) != 0 || len(c.byText) != 0 || c.window != 0 {
		t.Fatalf("begin kept %d words, window %d, at the window limit", len(c.byWord), c.window)
	}
	// After emptying, a word's entry is made again, and its sharing
	// within a window is that of a fresh cache.
	s := "Ann, Ann and Ann went"
	toks, _, src := c.tokens(s)
	wantToks, _, wantSrc := newTokenCache(m).tokens(s)
	if !slices.Equal(toks, wantToks) || !slices.Equal(src, wantSrc) {
		t.Fatalf("after emptying: %v %v, want %v %v", toks, src, wantToks, wantSrc)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	var b strings.Builder
	for range maxCachedWords + 10 {
		for range 6 {
			b.WriteByte(byte('a' + rng.IntN(26)))
		}
		b.WriteByte(' ')
	}
	c.tokens(b.String())
	if len(c.byWord) <= maxCachedWords {
		t.Fatalf("%d words: the test does not pass the bound", len(c.byWord))
	}
	c.begin()
	if len(c.byWord) != 0 || len(c.byText) != 0 {
		t.Fatalf("begin kept %d words and %d token texts past the bounds", len(c.byWord), len(c.byText))
	}
}

// TestDetectAcrossTexts checks that a Detector that tags text after text
// (its token caches kept in its pool) finds in each what a new Detector
// finds in it alone.
func TestDetectAcrossTexts(t *testing.T) {
	lex := lexicon.Default()
	texts := refTexts(t)
	rng := rand.New(rand.NewPCG(9, 4))
	for range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(texts[rng.IntN(len(texts))])
			b.WriteString(". ")
		}
		texts = append(texts, b.String())
	}
	for _, mk := range []func() *Detector{func() *Detector { return New() }, func() *Detector { return New(WithLexicon(lex)) }} {
		kept := mk()
		for _, s := range texts {
			got, err := kept.Detect(context.Background(), &deid.Doc{Text: s})
			if err != nil {
				t.Fatal(err)
			}
			want, err := mk().Detect(context.Background(), &deid.Doc{Text: s})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: %v, a new Detector finds %v", s, got, want)
			}
		}
	}
}

// TestSpoiltCacheDropped checks that a cache a panic may have left
// half-made does not go back to the pool.
func TestSpoiltCacheDropped(t *testing.T) {
	d := New()
	c := d.getCache(loadModel())
	c.spoilt = true
	d.putCache(c)
	if got, _ := d.caches.Get().(*tokenCache); got == c {
		t.Fatal("a spoilt cache was put back")
	}
}

// TestWindowCache checks that a token cache's entities of a window, kept
// from text to text, are what the window's tagging alone gives, that the
// kept texts are copies, and that begin empties the windows past their
// bound without emptying the rest.
func TestWindowCache(t *testing.T) {
	m := loadModel()
	d := New()
	lines := refTexts(t)
	all := strings.Join(lines, "\n")
	c := newTokenCache(m)
	base := uintptr(unsafe.Pointer(unsafe.StringData(all)))
	kept := 0
	for _, line := range strings.Split(all, "\n") {
		c.begin()
		if len(c.windows) != 0 {
			t.Fatalf("begin kept %d windows of the text before", len(c.windows))
		}
		for _, ch := range chunks(line, maxChunk) {
			for _, p := range windows(line[ch.Start:ch.End], windowWords) {
				w := line[ch.Start:ch.End][p.Start:p.End]
				for range 2 {
					if got, want := c.entities(d, w), d.entities(w, newTokenCache(m)); !reflect.DeepEqual(got, want) {
						t.Fatalf("%q: entities %v, tagged alone %v", w, got, want)
					}
				}
			}
		}
		for w, ents := range c.windows {
			if p := uintptr(unsafe.Pointer(unsafe.StringData(w))); base <= p && p < base+uintptr(len(all)) {
				t.Fatalf("the kept window %q points into a text", w)
			}
			if want := d.entities(w, newTokenCache(m)); !reflect.DeepEqual(ents, want) {
				t.Fatalf("%q: kept %v, tagged alone %v", w, ents, want)
			}
		}
		kept += len(c.windows)
	}
	if kept < 1000 {
		t.Fatalf("%d windows kept: the test reads too few", kept)
	}
	words := len(c.byWord)
	if words == 0 || words > maxCachedWords {
		t.Fatalf("%d words: the test needs a cache within its bound", words)
	}
	c.begin()
	if len(c.windows) != 0 || len(c.byWord) != words {
		t.Fatalf("begin left %d windows and %d of %d words", len(c.windows), len(c.byWord), words)
	}
}

// TestCacheKeepsNoText checks that once a text is done, nothing its token
// cache keeps for the next points into it.
func TestCacheKeepsNoText(t *testing.T) {
	d := New(WithLexicon(lexicon.Default()))
	c := d.getCache(loadModel())
	var texts []string
	for _, s := range refTexts(t)[:300] {
		texts = append(texts, s+" Naïve Zoë met O'Dara-Quill, well-known in Port Vila.")
	}
	all := strings.Join(texts, "\n")
	base := uintptr(unsafe.Pointer(unsafe.StringData(all)))
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && base <= p && p < base+uintptr(len(all))
	}
	off, windows := 0, 0
	for _, s := range texts {
		text := all[off : off+len(s)]
		off += len(s) + 1
		if _, err := d.detect(context.Background(), &deid.Doc{Text: text}, c); err != nil {
			t.Fatal(err)
		}
		c.endText()
		if len(c.textCands) != 0 || len(c.lowerRuns) != 0 {
			t.Fatalf("%q: after the text, %d candidates and %d lower-case runs remain", text, len(c.textCands), len(c.lowerRuns))
		}
		for w := range c.windows {
			if inText(w) {
				t.Fatalf("window %q points into a text", w)
			}
		}
		windows += len(c.windows)
		c.begin()
	}
	for w := range c.byWord {
		if inText(w) {
			t.Fatalf("word %q points into a text", w)
		}
	}
	for w := range c.byText {
		if inText(w) {
			t.Fatalf("token text %q points into a text", w)
		}
	}
	for w := range c.cands {
		if inText(w) {
			t.Fatalf("candidate %q points into a text", w)
		}
	}
	if len(c.cands) == 0 || windows == 0 || cap(c.lowerIDs) == 0 || c.textCands == nil {
		t.Fatal("the texts left nothing in the cache: the test reads nothing")
	}
}
