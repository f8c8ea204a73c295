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
	typ  string
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

func TestDeidentifyReplacesConsistently(t *testing.T) {
	e := New(WithDetectors(names()), WithKey([]byte("k1")))
	text := "Odette Marchand came in. Later odette and ODETTE's sister spoke with Dr. Okafor. Marchand left."
	res, err := e.Deidentify(context.Background(), &Doc{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"Odette", "odette", "ODETTE", "Okafor", "Marchand"} {
		if strings.Contains(res.Text, leak) {
			t.Errorf("output %q still contains %q", res.Text, leak)
		}
	}
	byText := map[string]string{}
	for _, f := range res.Findings {
		if err := f.Check(text); err != nil {
			t.Error(err)
		}
		byText[f.Text] = f.Replacement
	}
	full := strings.Fields(byText["Odette Marchand"])
	if len(full) != 2 || byText["Marchand"] != full[1] {
		t.Errorf("first name and surname not consistent with full name: %v", byText)
	}
	if byText["ODETTE"] != strings.ToUpper(full[0]) || byText["odette"] != strings.ToLower(full[0]) {
		t.Errorf("case not kept: %v", byText)
	}
	if !strings.Contains(res.Text, strings.ToUpper(full[0])+"'s sister") {
		t.Errorf("possessive lost: %q", res.Text)
	}
	// Same key: same output; other key: other pseudonyms.
	again, _ := New(WithDetectors(names()), WithKey([]byte("k1"))).Deidentify(context.Background(), &Doc{Text: text})
	if again.Text != res.Text {
		t.Errorf("not deterministic:\n%s\n%s", res.Text, again.Text)
	}
	other, _ := New(WithDetectors(names()), WithKey([]byte("another key"))).Deidentify(context.Background(), &Doc{Text: text})
	if other.Text == res.Text {
		t.Errorf("key does not change pseudonyms: %s", other.Text)
	}
}

func TestPseudonymNeverARealNameOfThePost(t *testing.T) {
	// Whatever pseudonym "Odette" would get, if it already appears in the
	// text, another one must be chosen.
	e := New(WithDetectors(names()), WithKey([]byte("k1")))
	base, _ := e.Deidentify(context.Background(), &Doc{Text: "Odette Marchand"})
	first := strings.Fields(base.Text)[0]
	text := "Odette Marchand met " + first + "."
	res, _ := e.Deidentify(context.Background(), &Doc{Text: text})
	if strings.HasPrefix(res.Text, first+" ") {
		t.Errorf("pseudonym %q reused although %q is in the post: %q", first, first, res.Text)
	}
}

func TestKnownAndAllow(t *testing.T) {
	e := New(WithDetectors(reDetector{re: regexp.MustCompile(`HIPAA|Medicaid|Alder Creek`), kind: Organization, conf: 0.5}))
	doc := &Doc{
		Text:  "Under HIPAA, the team at alder   creek and Saint Jude's Home spoke of Medicaid.",
		Known: []KnownTerm{{Term: "Saint Jude", Kind: Organization, Replacement: "a care home"}, {Term: "Alder Creek", Kind: Place}},
		Allow: []string{"hipaa", "Medicaid"},
	}
	res, err := e.Deidentify(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	want := "Under HIPAA, the team at a small town and a care home's Home spoke of Medicaid."
	if res.Text != want {
		t.Errorf("got  %q\nwant %q", res.Text, want)
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

func TestDatePlanning(t *testing.T) {
	e := New(WithKey([]byte("k")))
	p := &planner{e: e, doc: &Doc{}}
	shift := p.shiftDays()
	if shift == 0 || shift < -120 || shift > 120 {
		t.Fatalf("shift = %d", shift)
	}
	tests := []struct {
		v      *DateValue
		action Action
		want   string
	}{
		{&DateValue{Year: 2021}, Replace, "2021"},
		{&DateValue{Year: 2021, Month: 3}, Generalise, "March 2021"},
		{&DateValue{Year: 2021, Month: 3, Day: 4}, Generalise, "March 2021"},
		{&DateValue{Year: 2021, Month: 3, Day: 4}, Redact, "[date]"},
		{nil, Replace, "[date]"},
	}
	for _, tt := range tests {
		if got := p.date(Finding{Date: tt.v, Text: "x"}, tt.action); got != tt.want {
			t.Errorf("date(%+v, %s) = %q, want %q", tt.v, tt.action, got, tt.want)
		}
	}
	if got := p.date(Finding{Text: "last week", Date: &DateValue{Relative: true}}, Replace); got != "recently" {
		t.Errorf("relative date = %q", got)
	}
	if got := p.date(Finding{Text: "March 2021", Date: &DateValue{Year: 2021, Month: 3}}, Replace); !strings.HasSuffix(got, " 2021") {
		t.Errorf("month and year = %q, want a shifted month of 2021", got)
	}
	got := p.date(Finding{Date: &DateValue{Year: 2021, Month: 6, Day: 15}}, Replace)
	if !strings.HasSuffix(got, ", 2021") || got == "June 15, 2021" {
		t.Errorf("shifted date = %q: want another month/day in 2021", got)
	}
}

func TestFamiliarTitlesStayAndNameTheFirstName(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`Uncle Dev|\bDev\b|Grandma Rose Ellery|\bRose\b`), kind: Person, conf: 0.9}
	e := New(WithDetectors(d), WithKey([]byte("k")))
	text := `She said "Uncle Dev" was coming. Dev left. Grandma Rose Ellery called and Rose cried.`
	res, err := e.Deidentify(context.Background(), &Doc{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]string{}
	for _, f := range res.Findings {
		by[f.Text] = f.Replacement
	}
	uncle, grandma := strings.Fields(by["Uncle Dev"]), strings.Fields(by["Grandma Rose Ellery"])
	if len(uncle) != 2 || uncle[0] != "Uncle" || uncle[1] != by["Dev"] {
		t.Errorf("Uncle Dev -> %q, Dev -> %q", by["Uncle Dev"], by["Dev"])
	}
	if len(grandma) != 3 || grandma[0] != "Grandma" || grandma[1] != by["Rose"] {
		t.Errorf("Grandma Rose Ellery -> %q, Rose -> %q", by["Grandma Rose Ellery"], by["Rose"])
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

func TestPropagatedKeepsTheFoundType(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`Brackenfield Infirmary`), kind: Organization, typ: "hospital", conf: 0.8}
	e := New(WithDetectors(d), WithGazetteer(fakeGaz{}))
	res, _ := e.Deidentify(context.Background(), &Doc{Text: "Sent to Brackenfield Infirmary. Later BRACKENFIELD INFIRMARY called."})
	if strings.Count(res.Text, "a hospital") != 2 {
		t.Errorf("propagated occurrence not described as the found one: %q", res.Text)
	}
}
