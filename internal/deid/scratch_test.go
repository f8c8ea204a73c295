package deid

import (
	"context"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestLentAnalysisIsFresh reads the texts of TestTokenizeAsBefore one
// after another, shuffled and with long texts among them, in analyses
// whose arrays the engine lends and takes back (so that each is made in
// what the texts before it left there), and compares each one's words,
// vocabulary, ids and glue words with those of an analysis made in new
// arrays.
func TestLentAnalysisIsFresh(t *testing.T) {
	texts := tokenizeTexts()
	r := rand.New(rand.NewPCG(7, 8))
	r.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	for i := 0; i < len(texts); i += 50 {
		// Long texts now and then, so that later ones have large arrays
		// holding many words of others.
		texts[i] = strings.Repeat(texts[i]+" ", 40+r.IntN(40))
	}
	e := New()
	for _, text := range texts {
		doc := e.lend(&Doc{Text: text})
		a := doc.Analysis()
		fresh := (&Doc{Text: text}).Analysis()
		if got, want := a.Words(), fresh.Words(); !reflect.DeepEqual(got, want) {
			t.Fatalf("Words(%q) in lent arrays:\n got %+v\nwant %+v", text, got, want)
		}
		if got, want := a.Vocab(), fresh.Vocab(); !reflect.DeepEqual(got, want) {
			t.Fatalf("Vocab(%q) in lent arrays = %q, want %q", text, got, want)
		}
		for id, form := range fresh.Vocab() {
			if got, ok := a.ID(form); !ok || got != int32(id) {
				t.Fatalf("ID(%q) in %q = %d, %v; want %d", form, text, got, ok, id)
			}
		}
		for _, form := range []string{"zz", "bo's", "\x00"} {
			_, want := fresh.ID(form)
			if _, got := a.ID(form); got != want {
				t.Fatalf("ID(%q) in %q: %v, want %v", form, text, got, want)
			}
		}
		sc := doc.analysis.lent
		got := splitWordsInto(sc.glue, text)
		sc.glue = got
		if want := splitWords(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitWords(%q) in a lent array:\n got %+v\nwant %+v", text, got, want)
		}
		e.release(doc)
	}
}

// TestReleasedAnalysisPanics: once the engine has taken the arrays back,
// asking the analysis for its words is a mistake, and fails loudly rather
// than reading another document's words.
func TestReleasedAnalysisPanics(t *testing.T) {
	e := New()
	for _, made := range []bool{true, false} {
		doc := e.lend(&Doc{Text: "Quill met Arbenz."})
		if made {
			doc.Analysis().Words()
		}
		e.release(doc)
		for name, read := range map[string]func(a *Analysis){
			"Words":  func(a *Analysis) { a.Words() },
			"Vocab":  func(a *Analysis) { a.Vocab() },
			"ID":     func(a *Analysis) { a.ID("quill") },
			"WordID": func(a *Analysis) { a.WordID("Quill") },
		} {
			func() {
				defer func() {
					if recover() == nil {
						t.Errorf("%s after release (words made: %v) did not panic", name, made)
					}
				}()
				read(doc.Analysis())
			}()
		}
	}
}

// TestFreshScratchSpoils: with WithFreshScratch, a detector that kept the
// words of the document before reads junk, so that comparing an engine
// with it and one without finds the mistake (TestScratchReuseIsFresh).
func TestFreshScratchSpoils(t *testing.T) {
	k := &keeper{}
	e := New(WithDetectors(k), WithFreshScratch())
	for _, text := range []string{"Quill met Arbenz.", "Tolland is far."} {
		if _, err := e.Deidentify(context.Background(), &Doc{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if len(k.kept) == 0 || k.kept[0].Text != "\x00spoilt" {
		t.Errorf("the words kept from the first text read %+v, want junk", k.kept)
	}
}

// keeper is a detector that (wrongly) keeps the words of each text.
type keeper struct{ kept []Word }

func (*keeper) Name() string { return "keeper" }

func (k *keeper) Detect(_ context.Context, doc *Doc) ([]Finding, error) {
	k.kept = doc.Analysis().Words()
	return nil, nil
}

// TestLentDetectIsUnlent runs random detectors (random spans of random
// kinds over texts with eponyms, titles and repeated names; sorted or not;
// some finding nothing) through the engine's detection with arrays lent
// and reused from text to text, and without (each Doc, merge and filter in
// new arrays, as before the arrays were lent), and compares what each
// detector sees in Doc.Found and the findings returned.
func TestLentDetectIsUnlent(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"Quill", "Arbenz", "Mr", "Dr.", "disease", "syndrome", "Tolland", "met", "the", "'s", " ", " ", ", ", ".\n", "Quill's", "sign", "Vell", "of"}
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			b.WriteByte(' ')
		}
		text := b.String()
		seed := r.Uint64()
		run := func(lent bool) ([]Finding, [][]Finding) {
			var seen [][]Finding
			var ds []Detector
			dr := rand.New(rand.NewPCG(seed, 1))
			for d := range 1 + dr.IntN(8) {
				fs := make([]Finding, dr.IntN(6))
				for j := range fs {
					s := dr.IntN(len(text))
					e := min(len(text), s+1+dr.IntN(12))
					fs[j] = Finding{Start: s, End: e, Kind: []Kind{Person, Place, Organization, Date}[dr.IntN(4)], Text: text[s:e],
						Recognizer: string(rune('a' + d)), Confidence: float64(dr.IntN(10)) / 10}
				}
				if dr.IntN(2) == 0 {
					fs = sortedByStart(fs)
				}
				ds = append(ds, fixed{fs, &seen})
			}
			e := New(WithDetectors(ds...))
			if lent {
				// The arrays of an earlier text, holding its findings.
				if _, err := e.detect(context.Background(), &Doc{Text: text + text}); err != nil {
					t.Fatal(err)
				}
				seen = nil
				found, err := e.detect(context.Background(), &Doc{Text: text})
				if err != nil {
					t.Fatal(err)
				}
				return found, seen
			}
			found, err := e.detectAnalysed(context.Background(), analysed(&Doc{Text: text}))
			if err != nil {
				t.Fatal(err)
			}
			return found, seen
		}
		got, gotSeen := run(true)
		want, wantSeen := run(false)
		if !reflect.DeepEqual(gotSeen, wantSeen) {
			t.Fatalf("%q: the detectors saw\n%v\nwith lent arrays, want\n%v", text, gotSeen, wantSeen)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: found\n%v\nwith lent arrays, want\n%v", text, got, want)
		}
	}
}

// fixed is a detector that finds fs wherever it looks (those that fit the
// text) and notes a copy of the Found it was given.
type fixed struct {
	fs   []Finding
	seen *[][]Finding
}

func (fixed) Name() string { return "fixed" }

func (d fixed) Detect(_ context.Context, doc *Doc) ([]Finding, error) {
	*d.seen = append(*d.seen, slices.Clone(doc.Found))
	var out []Finding
	for _, f := range d.fs {
		if f.End <= len(doc.Text) {
			f.Text = doc.Text[f.Start:f.End]
			out = append(out, f)
		}
	}
	return out, nil
}

// TestDropEponymsInPlace: dropEponyms, which moves the findings it keeps
// down in its input's array, returns what it did when it copied them to a
// new one, on random findings over texts with eponyms, titles and
// citations.
func TestDropEponymsInPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"Quill", "Arbenz", "Mr", "Dr.", "disease", "syndrome", "Tolland", "(Quill, 2019)", "Genesis 3:4", "the", "'s", "sign", "Vell", "of", "et al."}
	e := New()
	dropped := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			b.WriteByte(' ')
		}
		text := b.String()
		fs := make([]Finding, r.IntN(8))
		for j := range fs {
			s := r.IntN(len(text))
			end := min(len(text), s+1+r.IntN(12))
			fs[j] = Finding{Start: s, End: end, Kind: []Kind{Person, Place, Organization, Date}[r.IntN(4)], Text: text[s:end]}
		}
		want := dropEponymsCopy(e, text, fs)
		got := e.dropEponyms(text, slices.Clone(fs))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q, %v:\nin place %v\nwant %v", text, fs, got, want)
		}
		dropped += len(fs) - len(want)
	}
	if dropped < 100 {
		t.Errorf("%d findings dropped: the test reaches dropEponyms' filter too little", dropped)
	}
}

// dropEponymsCopy is dropEponyms as it was, its output in a new array.
func dropEponymsCopy(e *Engine, text string, fs []Finding) []Finding {
	in := make([]bool, len(fs))
	person := map[string]bool{}
	var seen map[string]bool
	var versed map[string]bool
	for _, f := range fs {
		if nameLike(f.Kind) && f.Replacement == "" && bookReference(text, f) {
			if versed == nil {
				versed = map[string]bool{}
			}
			versed[termID(f.Text)] = true
		}
	}
	for i, f := range fs {
		if nameLike(f.Kind) && f.Replacement == "" {
			in[i] = e.inEponym(text, f) || (f.Kind == Person || f.Kind == Place) && citedAuthor(text, f) || citedWork(text, f, versed)
		}
		if !in[i] && f.Kind == Person && !seen[f.Text] {
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[f.Text] = true
			person[termID(f.Text)] = true
		}
	}
	out := fs[:0:0]
	if len(fs) > 0 {
		out = make([]Finding, 0, len(fs))
	}
	for i, f := range fs {
		if in[i] && !person[termID(f.Text)] && !afterTitle(text, f.Start) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// TestAnalysisArray: an array lent with a document is the one the same
// key had in the document before, one per key and document; without the
// engine's arrays, or asked twice, it is new; WithFreshScratch spoils it.
func TestAnalysisArray(t *testing.T) {
	type key struct{ n int }
	if got := AnalysisArray[int32]((&Doc{Text: "Quill"}).Analysis(), key{}, 3); len(got) != 3 || got[0] != 0 {
		t.Errorf("unlent array %v, want 3 zeros", got)
	}
	e := New()
	doc := e.lend(&Doc{Text: "Quill met Arbenz."})
	a1 := AnalysisArray[int32](doc.Analysis(), key{1}, 4)
	a1[0] = 7
	if again := AnalysisArray[int32](doc.Analysis(), key{1}, 4); &again[0] == &a1[0] {
		t.Errorf("one key gave one array twice for a document")
	}
	b1 := AnalysisArray[int32](doc.Analysis(), key{2}, 4)
	if &b1[0] == &a1[0] {
		t.Errorf("two keys gave one array")
	}
	if e0 := AnalysisArray[int32](doc.Analysis(), key{3}, 0); e0 == nil {
		t.Errorf("an empty array is nil, unlike make's")
	}
	e.release(doc)
	doc = e.lend(&Doc{Text: "Tolland is far."})
	if sc := doc.analysis.lent; sc.arrays[key{1}] == nil {
		t.Skip("the pool dropped the arrays (a collection ran)")
	}
	a2 := AnalysisArray[int32](doc.Analysis(), key{1}, 2)
	if &a2[0] != &a1[0] || a2[0] != 7 {
		t.Errorf("the next document got %v at %p, want the array at %p as left", a2, &a2[0], &a1[0])
	}
	e.release(doc)

	f := New(WithFreshScratch())
	doc = f.lend(&Doc{Text: "Quill met Arbenz."})
	s := AnalysisArray[struct {
		A int32
		B uint8
	}](doc.Analysis(), key{}, 2)
	f.release(doc)
	if s[1].A != -0x5a5a5a5b || s[1].B != 0xa5 {
		t.Errorf("a released array holds %+v, want junk", s)
	}
}

// TestTokenizeIntoLent: with lent arrays, tokenizeInto does not count the
// words first, and a text with more words than the room it guesses (a
// word in four bytes: "a b c d") grows the slice: the words and vocabulary
// are those of a text tokenized in new arrays, whatever the array lent.
func TestTokenizeIntoLent(t *testing.T) {
	texts := append(tokenizeTexts(), "a b c d e f g h", strings.Repeat("x y ", 300), strings.Repeat("É ü ", 99))
	grown := 0
	r := rand.New(rand.NewPCG(9, 10))
	for _, text := range texts {
		var want vocabTable
		wantWords := tokenize(text, &want)
		for _, c := range []int{0, 1, len(text) / 4, len(text)/4 + 1, len(text)} {
			c += r.IntN(2)
			buf := make([]Word, min(r.IntN(3), c), c)
			for i := range buf[:cap(buf)] {
				buf[:cap(buf)][i] = Word{Text: "\x00old", Caps: true, LineEnd: true, ID: 99}
			}
			var v vocabTable
			got := tokenizeInto(buf, true, text, &v)
			if !reflect.DeepEqual(got, wantWords) || !reflect.DeepEqual(v.forms, want.forms) && len(want.forms)+len(v.forms) > 0 {
				t.Fatalf("tokenizeInto(cap %d, %q):\n got %+v %q\nwant %+v %q", cap(buf), text, got, v.forms, wantWords, want.forms)
			}
			if len(got) > len(text)/4+1 {
				grown++
			}
		}
	}
	if grown < 100 {
		t.Errorf("%d texts had more words than the room guessed: the growing is tested too little", grown)
	}
}
