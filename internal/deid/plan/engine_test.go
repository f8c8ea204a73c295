package plan

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// These tests run the engine with this package's planner: they check what
// a reader of the de-identified text sees.

func names() deid.Detector {
	return reDetector{re: regexp.MustCompile(`\b(?:Odette Marchand|Okafor)\b`), kind: deid.Person, conf: 0.8}
}

func TestPredicateAges(t *testing.T) {
	names := reDetector{re: regexp.MustCompile(`\b(?:Walter|Marisol Lopez)\b`), kind: deid.Person, conf: 0.9}
	e := engine(deid.WithDetectors(names), deid.WithKey([]byte("k")))
	for _, tt := range []struct {
		text string
		ages []string // the age findings' texts, in order
		out  string   // a phrase the de-identified text must hold
	}{
		{"Walter was 97 when he came to us.", []string{"97"}, "was over 89 when"},
		{"She is 92 and lives alone.", []string{"92"}, "She is over 89 and"},
		{"He was only 91.", []string{"91"}, "He was only over 89."},
		{"I was 14 when it happened.", []string{"14"}, "I was in my teens when"},
		{"I'm 34.", []string{"34"}, "I'm in my mid-30s."},
		{"She turned 45 this week.", []string{"45"}, "She turned 40-something"},
		{"It rained. At 94, she still swims.", []string{"At 94"}, "Aged over 89, she still swims."},
		{"At 8, he moved.", []string{"At 8"}, "As a child, he moved."},
		{"At 45, Marisol Lopez left.", []string{"At 45"}, "Aged mid-40s, "},
		// Measurements, counts and times are no ages.
		{"BP was 97 over 60.", nil, "97 over 60"},
		{"HR was 97.", nil, "HR was 97."},
		{"She was 5 minutes late.", nil, "5 minutes"},
		{"He is 1 of 3.", nil, "1 of 3"},
		{"We were 3 and then 4.", nil, "We were 3"},
		{"At 3, the clinic opens.", nil, "At 3, the clinic"},
		{"She is 150 and counting.", nil, "150"},
		{"He was 92.5 kg.", nil, "92.5"},
		{"She is 1 in a million.", nil, "1 in a million"},
		{"She was 45 in 2019.", []string{"45"}, "in her mid-40s in 2019"},
	} {
		res, err := e.Deidentify(context.Background(), &deid.Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			if f.Kind == deid.Age {
				got = append(got, f.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.ages, "|") {
			t.Errorf("%q: ages %q, want %q", tt.text, got, tt.ages)
		}
		if !strings.Contains(res.Text, tt.out) {
			t.Errorf("%q -> %q, want it to hold %q", tt.text, res.Text, tt.out)
		}
	}
}

func TestDeidentifyReplacesConsistently(t *testing.T) {
	e := engine(deid.WithDetectors(names()), deid.WithKey([]byte("k1")))
	text := "Odette Marchand came in. Later odette and ODETTE's sister spoke with Dr. Okafor. Marchand left."
	res, err := e.Deidentify(context.Background(), &deid.Doc{Text: text})
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
	again, _ := engine(deid.WithDetectors(names()), deid.WithKey([]byte("k1"))).Deidentify(context.Background(), &deid.Doc{Text: text})
	if again.Text != res.Text {
		t.Errorf("not deterministic:\n%s\n%s", res.Text, again.Text)
	}
	other, _ := engine(deid.WithDetectors(names()), deid.WithKey([]byte("another key"))).Deidentify(context.Background(), &deid.Doc{Text: text})
	if other.Text == res.Text {
		t.Errorf("key does not change pseudonyms: %s", other.Text)
	}
}

func TestPseudonymNeverARealNameOfThePost(t *testing.T) {
	// Whatever pseudonym "Odette" would get, if it already appears in the
	// text, another one must be chosen.
	e := engine(deid.WithDetectors(names()), deid.WithKey([]byte("k1")))
	base, _ := e.Deidentify(context.Background(), &deid.Doc{Text: "Odette Marchand"})
	first := strings.Fields(base.Text)[0]
	text := "Odette Marchand met " + first + "."
	res, _ := e.Deidentify(context.Background(), &deid.Doc{Text: text})
	if strings.HasPrefix(res.Text, first+" ") {
		t.Errorf("pseudonym %q reused although %q is in the post: %q", first, first, res.Text)
	}
}

func TestKnownAndAllow(t *testing.T) {
	e := engine(deid.WithDetectors(reDetector{re: regexp.MustCompile(`HIPAA|Medicaid|Alder Creek`), kind: deid.Organization, conf: 0.5}))
	doc := &deid.Doc{
		Text:  "Under HIPAA, the team at alder   creek and Saint Jude's Home spoke of Medicaid.",
		Known: []deid.KnownTerm{{Term: "Saint Jude", Kind: deid.Organization, Replacement: "a care home"}, {Term: "Alder Creek", Kind: deid.Place}},
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

func TestFamiliarTitlesStayAndNameTheFirstName(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`Uncle Dev|\bDev\b|Grandma Rose Ellery|\bRose\b`), kind: deid.Person, conf: 0.9}
	e := engine(deid.WithDetectors(d), deid.WithKey([]byte("k")))
	text := `She said "Uncle Dev" was coming. Dev left. Grandma Rose Ellery called and Rose cried.`
	res, err := e.Deidentify(context.Background(), &deid.Doc{Text: text})
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

func TestPropagatedKeepsTheFoundType(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`Brackenfield Infirmary`), kind: deid.Organization, typ: "hospital", conf: 0.8}
	e := engine(deid.WithDetectors(d), deid.WithGazetteer(fakeGaz{}))
	res, _ := e.Deidentify(context.Background(), &deid.Doc{Text: "Sent to Brackenfield Infirmary. Later BRACKENFIELD INFIRMARY called."})
	if strings.Count(res.Text, "a hospital") != 2 {
		t.Errorf("propagated occurrence not described as the found one: %q", res.Text)
	}
}
