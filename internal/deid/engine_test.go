package deid

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// reDetector reports every match of a pattern as one kind; a test stand-in
// for the real recognizers, which live in subpackages.
type reDetector struct {
	re   *regexp.Regexp
	kind Kind
	typ  Type
	conf float64
}

func (d reDetector) Name() string { return "test/" + string(d.kind) }
func (d reDetector) Detect(_ context.Context, doc *Doc) ([]Finding, error) {
	var out []Finding
	for _, m := range d.re.FindAllStringIndex(doc.Text, -1) {
		out = append(out, Finding{Start: m[0], End: m[1], Kind: d.kind, Type: d.typ, Text: doc.Text[m[0]:m[1]], Confidence: d.conf})
	}
	return out, nil
}

type panicky struct{}

func (panicky) Name() string { return "panicky" }
func (panicky) Detect(context.Context, *Doc) ([]Finding, error) {
	panic("boom")
}

type liar struct{}

func (liar) Name() string { return "liar" }
func (liar) Detect(_ context.Context, doc *Doc) ([]Finding, error) {
	return []Finding{{Start: 0, End: len(doc.Text) + 5, Kind: Person, Text: doc.Text}}, nil
}

// fakeGaz is a tiny gazetteer for tests.
type fakeGaz struct{}

func (fakeGaz) Sex(name string) Sex {
	switch name {
	case "odette", "marisol":
		return Female
	case "tomasz":
		return Male
	}
	return SexUnknown
}

func (fakeGaz) Place(name string) (PlaceInfo, bool) {
	switch strings.ToLower(name) {
	case "springfield":
		return PlaceInfo{Population: 114_000, Region: "the Midwest", Country: "US"}, true
	case "il", "illinois":
		return PlaceInfo{Level: State, Region: "the Midwest", Country: "US"}, true
	}
	return PlaceInfo{}, false
}

func (fakeGaz) WordLevel(w string) (int, bool) {
	switch w {
	case "will", "community", "health", "center", "hospital", "family", "services", "high", "school", "house":
		return 20, true
	case "larkspur", "hospice":
		return 55, true
	}
	return 0, false
}

func names() Detector {
	return reDetector{re: regexp.MustCompile(`\b(?:Odette Marchand|Okafor)\b`), kind: Person, conf: 0.8}
}

func TestMergeKeepsMostSpecificKind(t *testing.T) {
	text := "call 555-1234 now"
	fs := []Finding{
		{Start: 5, End: 13, Kind: Person, Text: "555-1234", Confidence: 0.9},
		{Start: 5, End: 9, Kind: Contact, Type: "phone", Text: "555-", Confidence: 0.5},
		{Start: 14, End: 17, Kind: Rare, Text: "now"},
	}
	got := Merge(text, fs)
	if len(got) != 2 || got[0].Kind != Contact || got[0].Start != 5 || got[0].End != 13 || got[0].Text != "555-1234" {
		t.Fatalf("Merge = %+v", got)
	}
	if fs[0].Kind != Person {
		t.Errorf("Merge modified its input")
	}
}

func TestMergeKeepsTheContainingNameLikeFinding(t *testing.T) {
	text := "at 12 Martin Luther King Blvd today"
	street := Finding{Start: 3, End: 29, Kind: Place, Type: "street", Confidence: 0.85}
	name := Finding{Start: 6, End: 25, Kind: Person, Confidence: 0.9}
	for _, fs := range [][]Finding{{street, name}, {name, street}} {
		got := Merge(text, fs)
		if len(got) != 1 || got[0].Kind != Place || got[0].Type != "street" || got[0].Text != "12 Martin Luther King Blvd" {
			t.Errorf("Merge(%v) = %+v", fs, got)
		}
	}
	// Overlap without containment: confidence decides as before.
	a := Finding{Start: 3, End: 12, Kind: Place, Confidence: 0.7}
	b := Finding{Start: 6, End: 18, Kind: Person, Confidence: 0.9}
	if got := Merge(text, []Finding{a, b}); len(got) != 1 || got[0].Kind != Person || got[0].Start != 3 || got[0].End != 18 {
		t.Errorf("overlap: %+v", got)
	}
	// The same holds between structured kinds: a case number is no phone.
	text2 := "file (case #CW-2022-04417) was thin"
	id := Finding{Start: 12, End: 25, Kind: ID, Confidence: 0.85}
	phone := Finding{Start: 15, End: 25, Kind: Contact, Confidence: 0.8}
	if got := Merge(text2, []Finding{phone, id}); len(got) != 1 || got[0].Kind != ID || got[0].Text != "CW-2022-04417" {
		t.Errorf("id holding a phone: %+v", got)
	}
	// A weak container does not overrule a strong name inside it.
	weak := Finding{Start: 0, End: 25, Kind: Organization, Confidence: 0.6}
	if got := Merge(text, []Finding{weak, name}); len(got) != 1 || got[0].Kind != Person {
		t.Errorf("weak container: %+v", got)
	}
}

func TestKnownTermKeepsItsReplacementWhateverItsSpelling(t *testing.T) {
	doc := &Doc{Text: "Later dr okafor and DR. OKAFOR came.", Known: []KnownTerm{{Term: "Dr. Okafor", Kind: Person, Replacement: "the consultant"}}}
	res, err := New().Deidentify(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Later the consultant and the consultant came."; res.Text != want {
		t.Errorf("got %q, want %q", res.Text, want)
	}
}

// A known name written as one word joined by hyphens or underscores (a
// file, folder, tag or anchor name) is the name.
func TestKnownTermInsideJoinedWord(t *testing.T) {
	doc := &Doc{Text: "See okafor-ama's file, ama_okafor and the #okafor-ama-notes anchor; Lou-Bette came.",
		Known: []KnownTerm{{Term: "Ama Okafor", Kind: Person, Replacement: "the client"}, {Term: "Okafor Ama", Kind: Person, Replacement: "the client"}, {Term: "Lou-Bette", Kind: Person, Replacement: "her aunt"}}}
	res, err := New().Deidentify(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := "See the client's file, the client and the #the client-notes anchor; her aunt came."; res.Text != want {
		t.Errorf("got  %q\nwant %q", res.Text, want)
	}
}

func TestDetectorFailuresFailClosed(t *testing.T) {
	for _, d := range []Detector{panicky{}, liar{}} {
		res, err := New(WithDetectors(d)).Deidentify(context.Background(), &Doc{Text: "some text"})
		if err == nil || res != nil {
			t.Errorf("%s: got result %v, err %v; want an error and no result", d.Name(), res, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New(WithDetectors(names())).Deidentify(ctx, &Doc{Text: "x"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
}

func TestCommonWordNotPropagatedLowerCase(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`Will Okafor`), kind: Person, conf: 0.9}
	e := New(WithDetectors(d), WithGazetteer(fakeGaz{}))
	res, _ := e.Deidentify(context.Background(), &Doc{Text: "Will Okafor said he will come. Will came."})
	if !strings.Contains(res.Text, " will come") {
		t.Errorf("lower-case common word replaced: %q", res.Text)
	}
	if strings.Contains(res.Text, "Will came") {
		t.Errorf("capitalised name not propagated: %q", res.Text)
	}
}

func TestNameGluedToNumberPropagated(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`\bBrackenfield\b`), kind: Organization, conf: 0.8}
	e := New(WithDetectors(d), WithGazetteer(fakeGaz{}))
	res, _ := e.Deidentify(context.Background(), &Doc{Text: "Sent to Brackenfield 4. Back on BRACKENFIELD2 now; bed 12, unit Brackenfield123."})
	if strings.Contains(strings.ToLower(res.Text), "brackenfield2") {
		t.Errorf("name glued to a floor number not propagated: %q", res.Text)
	}
	if !strings.Contains(res.Text, "2 now") {
		t.Errorf("the number after the name should stay: %q", res.Text)
	}
	// Three digits or more make a code, not a name and its floor.
	if !strings.Contains(res.Text, "Brackenfield123") {
		t.Errorf("code with a name prefix replaced: %q", res.Text)
	}
}

// countingPlanner records that it ran and replaces each finding by its
// kind written in capitals.
type countingPlanner struct{ runs *int }

func (p countingPlanner) Plan(doc *Doc, fs []Finding, s Settings) []Finding {
	*p.runs++
	out := append([]Finding(nil), fs...)
	for i := range out {
		out[i].Replacement = strings.ToUpper(string(out[i].Kind))
	}
	return out
}

func TestEngineRunsTheGivenPlanner(t *testing.T) {
	text := "Okafor came; call 555-0187."
	phone := reDetector{re: regexp.MustCompile(`555-\d{4}`), kind: Contact, typ: "phone", conf: 0.9}
	for _, tt := range []struct {
		planner bool
		want    string
	}{
		// An engine given no planner leaks nothing: every finding becomes
		// its kind's label.
		{false, "[person] came; call [contact]."},
		{true, "PERSON came; call CONTACT."},
	} {
		runs := 0
		opts := []Option{WithDetectors(names(), phone)}
		if tt.planner {
			opts = append(opts, WithPlanner(countingPlanner{&runs}))
		}
		res, err := New(opts...).Deidentify(context.Background(), &Doc{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if res.Text != tt.want || runs != boolInt(tt.planner) {
			t.Errorf("planner %v: got %q after %d runs, want %q", tt.planner, res.Text, runs, tt.want)
		}
	}
}
