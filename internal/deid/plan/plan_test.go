package plan

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/deid"
)

// engine is a deid engine with the given options and this package's planner.
func engine(opts ...deid.Option) *deid.Engine {
	return deid.New(append(opts, deid.WithPlanner(New()))...)
}

// testPlanner runs the planner with fixed settings.
type testPlanner struct{ s deid.Settings }

// settings returns a testPlanner with the key, the gazetteer (nil: one
// that knows nothing) and the default actions.
func settings(key string, g deid.Gazetteer) testPlanner {
	if g == nil {
		g = noGaz{}
	}
	return testPlanner{deid.Settings{Key: []byte(key), Gazetteer: g, Actions: deid.DefaultActions()}}
}

func (t testPlanner) plan(doc *deid.Doc, fs []deid.Finding) []deid.Finding {
	return New().Plan(doc, fs, t.s)
}

// noGaz knows no name, place or word.
type noGaz struct{}

func (noGaz) Sex(string) deid.Sex                 { return deid.SexUnknown }
func (noGaz) Place(string) (deid.PlaceInfo, bool) { return deid.PlaceInfo{}, false }
func (noGaz) WordLevel(string) (int, bool)        { return 0, false }

// reDetector reports every match of a pattern as one kind; a stand-in for
// the recognizers.
type reDetector struct {
	re   *regexp.Regexp
	kind deid.Kind
	typ  deid.Type
	conf float64
}

func (d reDetector) Name() string { return "test/" + string(d.kind) }
func (d reDetector) Detect(_ context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	var out []deid.Finding
	for _, m := range d.re.FindAllStringIndex(doc.Text, -1) {
		out = append(out, deid.Finding{Start: m[0], End: m[1], Kind: d.kind, Type: d.typ, Text: doc.Text[m[0]:m[1]], Confidence: d.conf})
	}
	return out, nil
}

// fakeGaz is a tiny gazetteer for planner tests.
type fakeGaz struct{}

func (fakeGaz) Sex(name string) deid.Sex {
	switch name {
	case "odette", "marisol":
		return deid.Female
	case "tomasz":
		return deid.Male
	}
	return deid.SexUnknown
}

func (fakeGaz) Place(name string) (deid.PlaceInfo, bool) {
	switch strings.ToLower(name) {
	case "springfield":
		return deid.PlaceInfo{Population: 114_000, Region: "the Midwest", Country: "US"}, true
	case "chicago":
		return deid.PlaceInfo{Population: 2_700_000, Region: "the Midwest", Country: "US"}, true
	case "lyon":
		return deid.PlaceInfo{Population: 500_000, Country: "FR"}, true
	case "il", "illinois":
		return deid.PlaceInfo{Level: deid.State, Region: "the Midwest", Country: "US"}, true
	case "united kingdom":
		return deid.PlaceInfo{Level: deid.Country, Country: "GB"}, true
	}
	return deid.PlaceInfo{}, false
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

func TestPlanReplacements(t *testing.T) {
	tests := []struct {
		text string
		f    deid.Finding
		want string
	}{
		{"in Springfield now", deid.Finding{Start: 3, End: 14, Kind: deid.Place, Type: "city"}, "a mid-sized city in the Midwest"},
		{"Chicago was cold", deid.Finding{Start: 0, End: 7, Kind: deid.Place}, "A major city in the Midwest"},
		{"near Lyon today", deid.Finding{Start: 5, End: 9, Kind: deid.Place}, "a large city"},
		{"at the Springfield Games", deid.Finding{Start: 7, End: 24, Kind: deid.Place}, "mid-sized city in the Midwest"},
		{"at Larkin Springs we", deid.Finding{Start: 3, End: 17, Kind: deid.Place}, "a small town"},
		// A known place as the last word of an unknown name is another place ("Quill
		// Springfield"), and a place of a stated state is not the namesake elsewhere.
		{"at Quill Springfield we", deid.Finding{Start: 3, End: 20, Kind: deid.Place}, "a small town"},
		{"in downtown Springfield", deid.Finding{Start: 3, End: 23, Kind: deid.Place}, "a mid-sized city in the Midwest"},
		{"near Lyon, Illinois", deid.Finding{Start: 5, End: 19, Kind: deid.Place}, "a small town in the Midwest"},
		{"near Springfield, Illinois", deid.Finding{Start: 5, End: 26, Kind: deid.Place}, "a mid-sized city in the Midwest"},
		{"LIVES IN LARKIN", deid.Finding{Start: 9, End: 15, Kind: deid.Place}, "A SMALL TOWN"},
		{"in Ohio", deid.Finding{Start: 3, End: 7, Kind: deid.Place, Type: "state"}, "Ohio"},
		{"in the United Kingdom", deid.Finding{Start: 7, End: 21, Kind: deid.Place, Type: "ner-gpe"}, "United Kingdom"},
		{"at 12 Elm Street", deid.Finding{Start: 3, End: 16, Kind: deid.Place, Type: "street"}, "[address]"},
		{"at Calloway Ridge Community Health Center.", deid.Finding{Start: 3, End: 41, Kind: deid.Organization, Type: "center"}, "a community health center"},
		{"Alder Valley Family Services", deid.Finding{Start: 0, End: 28, Kind: deid.Organization}, "A family services agency"},
		{"to WVMC today", deid.Finding{Start: 3, End: 7, Kind: deid.Organization, Type: "hospital"}, "a hospital"},
		{"at Zorblax Inc", deid.Finding{Start: 3, End: 14, Kind: deid.Organization, Type: "company"}, "an organisation"},
		{"a 34-year-old teacher", deid.Finding{Start: 0, End: 13, Kind: deid.Age, Age: 34}, "A mid-30s"},
		{"with an 81-year-old man", deid.Finding{Start: 5, End: 19, Kind: deid.Age, Age: 81}, "an early-80s"},
		{"with a 97-year-old rower", deid.Finding{Start: 5, End: 18, Kind: deid.Age, Age: 97}, "an over-89-year-old"},
		{"she was 58 then", deid.Finding{Start: 8, End: 10, Kind: deid.Age, Age: 58}, "in her late 50s"},
		{"pt is 58 yo male", deid.Finding{Start: 6, End: 11, Kind: deid.Age, Age: 58}, "late-50s"},
		{"and i'm 23 y/o.", deid.Finding{Start: 8, End: 14, Kind: deid.Age, Age: 23}, "in my early 20s"},
		{"My patient, who is 45, lives alone", deid.Finding{Start: 19, End: 21, Kind: deid.Age, Age: 45}, "in their mid-40s"},
		{"she was aged 91", deid.Finding{Start: 8, End: 15, Kind: deid.Age, Age: 91}, "over 89"},
		// Safe Harbor allows one category for ages over 89, not decades.
		{"she is in her 90s", deid.Finding{Start: 14, End: 17, Kind: deid.Age, Type: "age-range", Age: 90}, "over 89"},
		{"in her late 80s", deid.Finding{Start: 7, End: 15, Kind: deid.Age, Type: "age-range", Age: 87}, "late 80s"},
		{"call 555-0187", deid.Finding{Start: 5, End: 13, Kind: deid.Contact, Type: "phone"}, "[phone]"},
		{"see x.org", deid.Finding{Start: 4, End: 9, Kind: deid.Contact, Type: "domain"}, "[url]"},
		{"case #CW-1", deid.Finding{Start: 5, End: 10, Kind: deid.ID, Type: "case"}, "[id]"},
		{"on 7/22 we", deid.Finding{Start: 3, End: 7, Kind: deid.Date, Date: &deid.DateValue{Month: 7, Day: 22}}, ""},
		{"until 5 Jan.", deid.Finding{Start: 6, End: 12, Kind: deid.Date, Date: &deid.DateValue{Month: 1, Day: 5}}, "16 September."},
		{"last Tuesday", deid.Finding{Start: 0, End: 12, Kind: deid.Date, Type: "weekday", Date: &deid.DateValue{Relative: true}}, "Recently"},
		{"two weeks ago", deid.Finding{Start: 0, End: 13, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "Some weeks ago"},
		{"4 days ago", deid.Finding{Start: 0, End: 10, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "Recently"},
		{"she fell 4 months ago", deid.Finding{Start: 9, End: 21, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "some months ago"},
		// A year is no protected element.
		{"about two years ago", deid.Finding{Start: 6, End: 19, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "two years ago"},
		// Relative to the story, not to the time of writing.
		{"she came back the next week", deid.Finding{Start: 18, End: 27, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "next week"},
		{"she came back next week", deid.Finding{Start: 14, End: 23, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "soon"},
		{"By last Tuesday we knew", deid.Finding{Start: 3, End: 15, Kind: deid.Date, Type: "weekday", Date: &deid.DateValue{Relative: true}}, "a recent date"},
		{"wait until next week", deid.Finding{Start: 11, End: 20, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "a later date"},
		{"eleven days later", deid.Finding{Start: 0, End: 17, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "eleven days later"},
		{"sentenced to 14 years", deid.Finding{Start: 13, End: 21, Kind: deid.Date, Type: "duration", Date: &deid.DateValue{Length: 14, Unit: "year"}}, "over ten years"},
		{"sentenced to eleven years", deid.Finding{Start: 13, End: 25, Kind: deid.Date, Type: "duration", Date: &deid.DateValue{Length: 11, Unit: "year"}}, "over ten years"},
		{"serving six months", deid.Finding{Start: 8, End: 18, Kind: deid.Date, Type: "duration", Date: &deid.DateValue{Length: 6, Unit: "month"}}, "some months"},
		{"a term of 3 years", deid.Finding{Start: 10, End: 17, Kind: deid.Date, Type: "duration", Date: &deid.DateValue{Length: 3, Unit: "year"}}, "a few years"},
		{"see you tomorrow", deid.Finding{Start: 8, End: 16, Kind: deid.Date, Type: "relative", Date: &deid.DateValue{Relative: true}}, "soon"},
		{"on Sunday we", deid.Finding{Start: 3, End: 9, Kind: deid.Date, Type: "weekday"}, "Sunday"},
		{"on Tuesday the 10th we", deid.Finding{Start: 3, End: 19, Kind: deid.Date, Type: "weekday"}, "a Tuesday"},
		{"in spring 2019", deid.Finding{Start: 3, End: 14, Kind: deid.Date, Type: "season", Date: &deid.DateValue{Year: 2019}}, "spring 2019"},
		{"at Larkspur House Hospice", deid.Finding{Start: 3, End: 25, Kind: deid.Organization, Type: "hospice"}, "a hospice"},
		// After "the" the phrase needs no article of its own.
		{"at the Larkspur House Hospice", deid.Finding{Start: 7, End: 29, Kind: deid.Organization, Type: "hospice"}, "hospice"},
		{"The Larkspur House Hospice", deid.Finding{Start: 4, End: 26, Kind: deid.Organization, Type: "hospice"}, "hospice"},
		{"Another Larkspur House Hospice", deid.Finding{Start: 8, End: 30, Kind: deid.Organization, Type: "hospice"}, "a hospice"},
		{"at 3 a.m.", deid.Finding{Start: 3, End: 9, Kind: deid.Date, Type: "time"}, "[time]."},
		{"at 3 a.m. we left", deid.Finding{Start: 3, End: 9, Kind: deid.Date, Type: "time"}, "[time]"},
	}
	e := settings("k", fakeGaz{})
	for _, tt := range tests {
		f := tt.f
		f.Text = tt.text[f.Start:f.End]
		got := e.plan(&deid.Doc{Text: tt.text}, []deid.Finding{f})[0].Replacement
		if tt.want == "" {
			// A numeric date keeps its numeric form, with another day.
			if !regexp.MustCompile(`^\d{1,2}/\d{1,2}$`).MatchString(got) || got == f.Text {
				t.Errorf("%q: numeric date replaced by %q", tt.text, got)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%q [%s %s]: got %q, want %q", tt.text, f.Kind, f.Text, got, tt.want)
		}
	}
}

func TestPlaceActions(t *testing.T) {
	text := "She moved from Larkin Springs to Larkin Springs."
	f := deid.Finding{Start: 15, End: 29, Kind: deid.Place, Text: "Larkin Springs"}
	g := deid.Finding{Start: 33, End: 47, Kind: deid.Place, Text: "Larkin Springs"}
	for action, check := range map[deid.Action]func(string) bool{
		deid.Redact:     func(r string) bool { return r == "[place]" },
		deid.Generalise: func(r string) bool { return r == "a small town" },
		deid.Replace: func(r string) bool {
			for _, n := range placeNames {
				if n == r {
					return true
				}
			}
			return false
		},
	} {
		e := settings("k", nil)
		e.s.Actions[deid.Place] = action
		fs := e.plan(&deid.Doc{Text: text}, []deid.Finding{f, g})
		if !check(fs[0].Replacement) || fs[0].Replacement != fs[1].Replacement {
			t.Errorf("%s: %q, %q", action, fs[0].Replacement, fs[1].Replacement)
		}
	}
}

func TestCityTakesItsState(t *testing.T) {
	city := reDetector{re: regexp.MustCompile(`Springfield`), kind: deid.Place, conf: 0.8}
	state := reDetector{re: regexp.MustCompile(`\bIL\b`), kind: deid.Place, typ: deid.TypeState, conf: 0.8}
	res, err := engine(deid.WithDetectors(city, state), deid.WithGazetteer(fakeGaz{})).Deidentify(context.Background(), &deid.Doc{Text: "in Springfield, IL 62704"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "in a mid-sized city in the Midwest 62704"; res.Text != want || len(res.Findings) != 1 {
		t.Errorf("got %q with %d findings, want %q with one", res.Text, len(res.Findings), want)
	}
}

func TestAgeNumberWidensToThePhrase(t *testing.T) {
	for _, tt := range []struct{ text, num, want string }{
		{"She is a 34-year-old teacher.", "34", "She is a mid-30s teacher."},
		{"an 81-year-old man", "81", "An early-80s man"},
		{"with a 97-year-old rower", "97", "with an over-89-year-old rower"},
		{"58 YO FEMALE", "58", "LATE-50S FEMALE"},
		{"aged 44 years old", "44", "aged mid-40s"},
		{"she was 58 then", "58", "she was in her late 50s then"},
		{"She turned 45 in May.", "45", "She turned 40-something in May."},
		{"At the age of 51 she left.", "51", "In their early 50s she left."},
		{"he left at the age of 93.", "93", "he left aged over 89."},
		{"Mateo, aged 4, and", "4", "Mateo, aged under 5, and"},
		{"a 7-year-old boy", "7", "A school-age boy"},
		{"a 4-year-old girl", "4", "An under-5 girl"},
		// Written apart, "year old" before a noun is still an adjective.
		{"The 8 year old boy waited.", "8", "The school-age boy waited."},
		{"a 45 yr old man", "45", "A mid-40s man"},
		{"Pt is a 14 y.o. male.", "14", "Pt is a teenage male."},
		{"He is 52 y.o. He lives alone.", "52", "He is in his early 50s. He lives alone."},
		{"She is 8 years old.", "8", "She is between 5 and 12."},
		{"he is 16", "16", "he is in his teens"},
		// Ordinals and the way people write ages in prose.
		{"it was her 43rd birthday", "43", "it was her 40-something birthday"},
		{"for his 101st party", "101", "for his 90th-or-later party"},
		{"my 7th birthday", "7", "my childhood birthday"},
		{"She is 88 years young.", "88", "She is in her late 80s."},
	} {
		i := strings.Index(tt.text, tt.num)
		d := reDetector{re: regexp.MustCompile(regexp.QuoteMeta(tt.num)), kind: deid.Age, conf: 0.9}
		res, err := engine(deid.WithDetectors(d), deid.WithKey([]byte("k"))).Deidentify(context.Background(), &deid.Doc{Text: tt.text})
		if err != nil || i < 0 {
			t.Fatal(err)
		}
		if res.Text != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, res.Text, tt.want)
		}
		if err := res.Findings[0].Check(tt.text); err != nil {
			t.Error(err)
		}
	}
}

func TestPseudonymKeepsSex(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`Odette|Tomasz`), kind: deid.Person, conf: 0.9}
	e := engine(deid.WithDetectors(d), deid.WithKey([]byte("k")), deid.WithGazetteer(fakeGaz{}))
	res, _ := e.Deidentify(context.Background(), &deid.Doc{Text: "Odette and Tomasz"})
	in := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	if !in(femaleNames, res.Findings[0].Replacement) || !in(maleNames, res.Findings[1].Replacement) {
		t.Errorf("pseudonyms %q, %q do not keep the sex", res.Findings[0].Replacement, res.Findings[1].Replacement)
	}
}

func TestReplacementsStayInsideHashtags(t *testing.T) {
	e := settings("k", fakeGaz{})
	for _, tt := range []struct {
		text string
		f    deid.Finding
	}{
		{"we love #Springfield", deid.Finding{Start: 9, End: 20, Kind: deid.Place}},
		{"go #TeamSpringfield now", deid.Finding{Start: 8, End: 19, Kind: deid.Place}},
		{"for #Odette today", deid.Finding{Start: 4, End: 11, Kind: deid.Person}},
		{"at #KVMC today", deid.Finding{Start: 4, End: 8, Kind: deid.Organization, Type: "hospital"}},
	} {
		f := tt.f
		f.Text = tt.text[f.Start:f.End]
		r := e.plan(&deid.Doc{Text: tt.text}, []deid.Finding{f})[0].Replacement
		if strings.ContainsAny(r, " []") || r == "" {
			t.Errorf("%q: replacement %q breaks the hashtag", tt.text, r)
		}
		if strings.HasPrefix(f.Text, "#") != strings.HasPrefix(r, "#") {
			t.Errorf("%q: replacement %q lost or gained the '#'", tt.text, r)
		}
	}
}

func TestTitleGluedToNameStays(t *testing.T) {
	e := settings("k", fakeGaz{})
	text := "Dr.Vorn in to assess; Vorn agreed."
	fs := e.plan(&deid.Doc{Text: text}, []deid.Finding{
		{Start: 0, End: 7, Kind: deid.Person, Text: "Dr.Vorn"},
		{Start: 22, End: 26, Kind: deid.Person, Text: "Vorn"},
	})
	got, alone := fs[0].Replacement, fs[1].Replacement
	if !strings.HasPrefix(got, "Dr.") || got == "Dr.Vorn" || got != "Dr."+alone {
		t.Errorf("Dr.Vorn -> %q, Vorn -> %q: want Dr. and the same surname", got, alone)
	}
}

func TestNoArticleAfterThe(t *testing.T) {
	e := settings("k", fakeGaz{})
	for _, tt := range []struct {
		text string
		f    deid.Finding
		want string
	}{
		{"seen at the Larkspur House Hospice today", deid.Finding{Start: 12, End: 34, Kind: deid.Organization, Type: "hospice"}, "seen at the hospice today"},
		{"The Larkspur House Hospice called.", deid.Finding{Start: 4, End: 26, Kind: deid.Organization, Type: "hospice"}, "The hospice called."},
		{"in the Quillan's Ferry area", deid.Finding{Start: 7, End: 22, Kind: deid.Place}, "in the small town area"},
		{"bathe Larkspur House Hospice", deid.Finding{Start: 6, End: 28, Kind: deid.Organization, Type: "hospice"}, "bathe a hospice"},
	} {
		fs := []deid.Finding{tt.f}
		fs[0].Text = tt.text[tt.f.Start:tt.f.End]
		got := deid.Apply(tt.text, e.plan(&deid.Doc{Text: tt.text}, fs))
		if got != tt.want {
			t.Errorf("%q -> %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestArticle(t *testing.T) {
	for phrase, want := range map[string]string{
		"university hospital": "a", "hospice": "a", "early-80s": "an", "over-89-year-old": "an",
		"Urgent care centre": "an", "European city": "a", "one-room school": "a", "": "a",
	} {
		if got := article(phrase); got != want {
			t.Errorf("article(%q) = %q, want %q", phrase, got, want)
		}
	}
}

func TestWrittenDateKeepsItsForm(t *testing.T) {
	day := time.Date(2001, time.April, 1, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		orig string
		year int
		want string
	}{
		{"March 3, 2021", 2021, "April 1, 2021"},
		{"March 3", 0, "April 1"},
		{"3 March 2021", 2021, "1 April 2021"},
		{"3rd March", 0, "1st April"},
		{"the 3rd of March", 0, "the 1st of April"},
		{"The 22nd of March 2020", 2020, "The 1st of April 2020"},
	} {
		if got := writtenDate(tt.orig, day, tt.year); got != tt.want {
			t.Errorf("writtenDate(%q) = %q, want %q", tt.orig, got, tt.want)
		}
	}
	for n, want := range map[int]string{1: "st", 2: "nd", 3: "rd", 4: "th", 11: "th", 12: "th", 13: "th", 21: "st", 22: "nd", 23: "rd", 30: "th"} {
		if got := ordinalSuffix(n); got != want {
			t.Errorf("ordinalSuffix(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDatePlanning(t *testing.T) {
	p := &document{s: settings("k", nil).s, doc: &deid.Doc{}}
	shift := p.shiftDays()
	if shift == 0 || shift < -120 || shift > 120 {
		t.Fatalf("shift = %d", shift)
	}
	tests := []struct {
		v      *deid.DateValue
		action deid.Action
		want   string
	}{
		{&deid.DateValue{Year: 2021}, deid.Replace, "2021"},
		{&deid.DateValue{Year: 2021, Month: 3}, deid.Generalise, "March 2021"},
		{&deid.DateValue{Year: 2021, Month: 3, Day: 4}, deid.Generalise, "March 2021"},
		{&deid.DateValue{Year: 2021, Month: 3, Day: 4}, deid.Redact, "[date]"},
		{nil, deid.Replace, "[date]"},
	}
	for _, tt := range tests {
		if got := p.date(deid.Finding{Date: tt.v, Text: "x"}, tt.action); got != tt.want {
			t.Errorf("date(%+v, %s) = %q, want %q", tt.v, tt.action, got, tt.want)
		}
	}
	if got := p.date(deid.Finding{Text: "last week", Date: &deid.DateValue{Relative: true}}, deid.Replace); got != "recently" {
		t.Errorf("relative date = %q", got)
	}
	if got := p.date(deid.Finding{Text: "March 2021", Date: &deid.DateValue{Year: 2021, Month: 3}}, deid.Replace); !strings.HasSuffix(got, " 2021") {
		t.Errorf("month and year = %q, want a shifted month of 2021", got)
	}
	got := p.date(deid.Finding{Date: &deid.DateValue{Year: 2021, Month: 6, Day: 15}}, deid.Replace)
	if !strings.HasSuffix(got, ", 2021") || got == "June 15, 2021" {
		t.Errorf("shifted date = %q: want another month/day in 2021", got)
	}
}

// TestGrownFindingIsNotKeptAsWritten checks that a finding the planner would keep as
// written (a season, a year, an age band) is not kept once it has grown to hold the
// words of a name it overlapped: the name would be published whole.
func TestGrownFindingIsNotKeptAsWritten(t *testing.T) {
	for _, c := range []struct {
		text      string
		kept      reDetector
		name, out string
	}{
		{"We met Autumn Lindqvist at the fair.", reDetector{re: regexp.MustCompile(`Autumn`), kind: deid.Date, typ: deid.TypeSeason, conf: 0.9}, "Autumn Lindqvist", "Lindqvist"},
		{"Report by 1987 Hollis, filed late.", reDetector{re: regexp.MustCompile(`1987`), kind: deid.Date, typ: deid.TypeYear, conf: 0.9}, "1987 Hollis", "Hollis"},
		{"Both in their 40s Brannigan twins came.", reDetector{re: regexp.MustCompile(`in their 40s`), kind: deid.Age, conf: 0.9}, "40s Brannigan", "Brannigan"},
	} {
		name := reDetector{re: regexp.MustCompile(regexp.QuoteMeta(c.name)), kind: deid.Person, conf: 0.8}
		res, err := engine(deid.WithDetectors(c.kept, name), deid.WithKey([]byte("k"))).Deidentify(context.Background(), &deid.Doc{Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(res.Text, c.out) {
			t.Errorf("%q: got %q, which keeps %q", c.text, res.Text, c.out)
		}
	}
	// Alone, they stay as written.
	res, err := engine(deid.WithDetectors(reDetector{re: regexp.MustCompile(`in their 40s`), kind: deid.Age, conf: 0.9}), deid.WithKey([]byte("k"))).Deidentify(context.Background(), &deid.Doc{Text: "Both in their 40s, they came."})
	if err != nil || res.Text != "Both in their 40s, they came." {
		t.Errorf("a band alone: got %q, %v", res.Text, err)
	}
}
