package deid

import (
	"context"
	"math/rand/v2"
	"reflect"
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
