package deid

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// labelGaz knows a few invented first names with their births, and a few
// ordinary words with their SCOWL size.
type labelGaz struct{ fakeGaz }

func (labelGaz) FirstNameBirths(name string) int {
	return map[string]int{"zelphine": 4_000, "corabelle": 90_000, "fenwick": 600, "brindle": 2_000}[name]
}

func (labelGaz) WordLevel(w string) (int, bool) {
	l, ok := map[string]int{"corabelle": 35, "fenwick": 35, "brindle": 20, "towns": 20, "visit": 10, "small": 10,
		"paper": 10, "clip": 20}[w]
	return l, ok
}

// Tags are read by the lexicons alone: an ordinary word stays whatever a
// context rule made of it; a first name that is no everyday word is a name
// even in lower case; a name found in the running text is replaced in a
// tag too.
func TestLabels(t *testing.T) {
	// A context rule that takes lower-case words for names, as the rules
	// for short informal texts do.
	lower := reDetector{re: regexp.MustCompile(`\b(?:fenwick|brindle|small)\b`), kind: Person, typ: "lowercase", conf: 0.4}
	named := reDetector{re: regexp.MustCompile(`Mrs Quillon|Small Towns|Quorvane|Paperclips`), kind: Person, typ: "titled", conf: 0.9}
	e := New(WithDetectors(lower, named), WithKey([]byte("k")), WithGazetteer(labelGaz{}))
	for _, tt := range []struct {
		name, title string
		labels      []string
		body        string
		want        []string // the labels as published
	}{
		{"ordinary words stay", "Notes", []string{"small-towns", "fenwick", "brindle-walks"}, "A walk.",
			[]string{"small-towns", "fenwick", "brindle-walks"}},
		{"names are found in lower case", "Notes", []string{"zelphine-visit", "corabelle", "visit"}, "A walk.",
			[]string{"*-visit", "*", "visit"}},
		{"a name of the text is a name in a tag", "Notes", []string{"quillon", "small"}, "We saw Mrs Quillon today.",
			[]string{"*", "small"}},
		// A capitalised compound of everyday words taken for a name in the
		// running text is not propagated into a label.
		{"compound", "Using Paperclips", []string{"paperclips", "quorvane"}, "We met Quorvane there.",
			[]string{"paperclips", "*"}},
		// Title case says nothing of ordinary words; a capitalised word
		// in no word list may be a surname.
		{"title case", "Notes", []string{"Small Towns", "Quorvane"}, "A walk.",
			[]string{"Small Towns", "*"}},
		{"the body's context rules still apply outside labels", "Notes", []string{"visit"}, "then fenwick came",
			[]string{"visit"}},
		// A character reference before the labels moves them in the text
		// the recognizers read.
		{"after a reference", "Tom &amp; Zelphine", []string{"zelphine", "brindle"}, "A walk.",
			[]string{"*", "brindle"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.title + "\n\n"
			var labels []Label
			for _, l := range tt.labels {
				labels = append(labels, Label{len(text), len(text) + len(l)})
				text += l + "\n\n"
			}
			bodyStart := len(text)
			text += tt.body
			res, err := e.Deidentify(context.Background(), &Doc{Text: text, Labels: labels})
			if err != nil {
				t.Fatal(err)
			}
			for i, l := range labels {
				var local []Finding
				for _, f := range res.Findings {
					if f.Start >= l.Start && f.End <= l.End {
						f.Start, f.End = f.Start-l.Start, f.End-l.Start
						local = append(local, f)
					}
				}
				got := Apply(text[l.Start:l.End], local)
				want := tt.want[i]
				if strings.Contains(want, "*") {
					if got == tt.labels[i] || !strings.HasSuffix(got, strings.TrimPrefix(want, "*")) {
						t.Errorf("label %q published as %q, want a name replaced (%s)", tt.labels[i], got, want)
					}
				} else if got != want {
					t.Errorf("label %q published as %q, want %q", tt.labels[i], got, want)
				}
			}
			if tt.name == "the body's context rules still apply outside labels" {
				found := false
				for _, f := range res.Findings {
					found = found || f.Start >= bodyStart && f.Text == "fenwick"
				}
				if !found {
					t.Error("the body's lower-case name was dropped")
				}
			}
		})
	}
}
