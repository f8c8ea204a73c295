package deid

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// fakeGaz is a tiny gazetteer for planner tests.
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
	case "chicago":
		return PlaceInfo{Population: 2_700_000, Region: "the Midwest", Country: "US"}, true
	case "lyon":
		return PlaceInfo{Population: 500_000, Country: "FR"}, true
	}
	return PlaceInfo{}, false
}

func (fakeGaz) IsCommonWord(w string) bool {
	switch w {
	case "will", "community", "health", "center", "hospital", "family", "services", "high", "school", "memorial":
		return true
	}
	return false
}

func TestPlanReplacements(t *testing.T) {
	tests := []struct {
		text string
		f    Finding
		want string
	}{
		{"in Springfield now", Finding{Start: 3, End: 14, Kind: Place, Type: "city"}, "a mid-sized city in the Midwest"},
		{"Chicago was cold", Finding{Start: 0, End: 7, Kind: Place}, "A major city in the Midwest"},
		{"near Lyon today", Finding{Start: 5, End: 9, Kind: Place}, "a large city"},
		{"at Larkin Springs we", Finding{Start: 3, End: 17, Kind: Place}, "a small town"},
		{"LIVES IN LARKIN", Finding{Start: 9, End: 15, Kind: Place}, "A SMALL TOWN"},
		{"in Ohio", Finding{Start: 3, End: 7, Kind: Place, Type: "state"}, "Ohio"},
		{"at 12 Elm Street", Finding{Start: 3, End: 16, Kind: Place, Type: "street"}, "[address]"},
		{"at Calloway Ridge Community Health Center.", Finding{Start: 3, End: 41, Kind: Organization, Type: "center"}, "a community health center"},
		{"Alder Valley Family Services", Finding{Start: 0, End: 28, Kind: Organization}, "A family services agency"},
		{"at Zorblax Inc", Finding{Start: 3, End: 14, Kind: Organization, Type: "company"}, "an organisation"},
		{"a 34-year-old teacher", Finding{Start: 0, End: 13, Kind: Age, Age: 34}, "A mid-30s"},
		{"with an 81-year-old man", Finding{Start: 5, End: 19, Kind: Age, Age: 81}, "an early-80s"},
		{"with a 97-year-old rower", Finding{Start: 5, End: 18, Kind: Age, Age: 97}, "an over-89-year-old"},
		{"she was 58 then", Finding{Start: 8, End: 10, Kind: Age, Age: 58}, "in her late-50s"},
		{"she was aged 91", Finding{Start: 8, End: 15, Kind: Age, Age: 91}, "over 89"},
		{"call 555-0187", Finding{Start: 5, End: 13, Kind: Contact, Type: "phone"}, "[phone]"},
		{"see x.org", Finding{Start: 4, End: 9, Kind: Contact, Type: "domain"}, "[url]"},
		{"case #CW-1", Finding{Start: 5, End: 10, Kind: ID, Type: "case"}, "[id]"},
		{"on 7/22 we", Finding{Start: 3, End: 7, Kind: Date, Date: &DateValue{Month: 7, Day: 22}}, ""},
		{"last Tuesday", Finding{Start: 0, End: 12, Kind: Date, Date: &DateValue{Relative: true}}, "Recently"},
		{"at 3 a.m.", Finding{Start: 3, End: 9, Kind: Date, Type: "time"}, "[time]"},
	}
	e := New(WithKey([]byte("k")), WithGazetteer(fakeGaz{}))
	for _, tt := range tests {
		f := tt.f
		f.Text = tt.text[f.Start:f.End]
		got := e.plan(&Doc{Text: tt.text}, []Finding{f})[0].Replacement
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

func TestPseudonymKeepsSex(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`Odette|Tomasz`), kind: Person, conf: 0.9}
	e := New(WithDetectors(d), WithKey([]byte("k")), WithGazetteer(fakeGaz{}))
	res, _ := e.Deidentify(context.Background(), &Doc{Text: "Odette and Tomasz"})
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
