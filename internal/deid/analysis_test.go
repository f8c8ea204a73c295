package deid

import (
	"context"
	"reflect"
	"testing"
)

// analysisSpy records the analysis each call of Detect was given.
type analysisSpy struct{ seen *[]*Analysis }

func (analysisSpy) Name() string { return "spy" }
func (s analysisSpy) Detect(_ context.Context, doc *Doc) ([]Finding, error) {
	*s.seen = append(*s.seen, doc.Analysis())
	return nil, nil
}

// TestAnalysisPerDocument: the detectors of one run share one analysis of
// the text, and a second run on the same Doc makes a new one (nothing of a
// text is kept between runs, so a benchmark on one text measures the work).
func TestAnalysisPerDocument(t *testing.T) {
	var seen []*Analysis
	e := New(WithDetectors(analysisSpy{&seen}, analysisSpy{&seen}))
	doc := &Doc{Text: "Quill met Dr. Arbenz in Tolland on Tuesday."}
	for range 2 {
		if _, err := e.Deidentify(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	}
	if len(seen) != 4 {
		t.Fatalf("%d calls, want 4", len(seen))
	}
	if seen[0] != seen[1] || seen[2] != seen[3] {
		t.Errorf("the detectors of one run saw different analyses")
	}
	if seen[0] == seen[2] {
		t.Errorf("two runs on one Doc shared an analysis")
	}
	if doc.analysis != nil {
		t.Errorf("Deidentify changed the caller's Doc")
	}
	if seen[0].Text() != doc.Text {
		t.Errorf("analysis of %q, want the document's text", seen[0].Text())
	}
}

// TestAnalysisIDs: each distinct lookup form has one id, in order of first
// appearance, and a Doc's analysis follows its text.
func TestAnalysisIDs(t *testing.T) {
	doc := &Doc{Text: "Wren saw wren’s ship; WREN's ship sailed."}
	a := doc.Analysis()
	var got []int32
	for _, w := range a.Words() {
		got = append(got, w.ID)
		if a.Vocab()[w.ID] != w.Lower {
			t.Errorf("word %q has id %d, which is %q", w.Text, w.ID, a.Vocab()[w.ID])
		}
	}
	want := []int32{0, 1, 0, 2, 0, 2, 3}
	if len(got) != len(want) {
		t.Fatalf("ids %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ids %v, want %v", got, want)
		}
	}
	if id, ok := a.ID("ship"); !ok || id != 2 {
		t.Errorf("ID(ship) = %d, %v", id, ok)
	}
	if _, ok := a.ID("boat"); ok {
		t.Errorf("ID(boat) found")
	}
	doc.Text = "Another text"
	if doc.Analysis() == a || len(doc.Analysis().Words()) != 2 {
		t.Errorf("the analysis did not follow a new text")
	}
	n := 0
	build := func() int { n++; return n }
	if AnalysisValue(a, "k", build) != 1 || AnalysisValue(a, "k", build) != 1 || n != 1 {
		t.Errorf("AnalysisValue built its value %d times", n)
	}
}

// TestAnalysisVocab: the words of an analysis are Tokenize's, each with
// the id of its lookup form in the vocabulary, which lists the distinct
// forms in order of first appearance, as a map from forms to ids gives
// them; ID finds every form and no other.
func TestAnalysisVocab(t *testing.T) {
	for _, text := range tokenizeTexts() {
		a := (&Doc{Text: text}).Analysis()
		got, want := a.Words(), Tokenize(text)
		ids := map[string]int32{}
		var vocab []string
		for i := range want {
			w := &want[i]
			id, ok := ids[w.Lower]
			if !ok {
				id = int32(len(vocab))
				ids[w.Lower] = id
				vocab = append(vocab, w.Lower)
			}
			w.ID = id
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Words(%q):\n got %+v\nwant %+v", text, got, want)
		}
		if !reflect.DeepEqual(a.Vocab(), vocab) {
			t.Fatalf("Vocab(%q) = %q, want %q", text, a.Vocab(), vocab)
		}
		for form, want := range ids {
			if id, ok := a.ID(form); !ok || id != want {
				t.Fatalf("ID(%q) in %q = %d, %v; want %d", form, text, id, ok, want)
			}
		}
		for _, w := range got {
			if id, ok := a.WordID(w.Text); !ok || id != w.ID {
				t.Fatalf("WordID(%q) in %q = %d, %v; want %d", w.Text, text, id, ok, w.ID)
			}
		}
		for _, form := range []string{"", "zz", "Bo", "bo's"} {
			if _, in := ids[form]; !in {
				if id, ok := a.ID(form); ok {
					t.Fatalf("ID(%q) in %q = %d, not a word of it", form, text, id)
				}
				if id, ok := a.WordID(form); ok && LookupForm(form) == form {
					t.Fatalf("WordID(%q) in %q = %d, not a word of it", form, text, id)
				}
			}
		}
	}
}
