package deid

import (
	"context"
	"regexp"
	"testing"
)

func TestEponymsAreNoNames(t *testing.T) {
	// A detector that, like the real ones, takes capitalised words for names.
	names := reDetector{re: regexp.MustCompile(`\b(?:Parkinson|Erdheim|Chester|Down|Odette|Glasgow Coma Scale|Apgar|Walter|Lyme|Kowalczyk|Aroha|Okafor)\b`), kind: Person, conf: 0.9}
	places := reDetector{re: regexp.MustCompile(`\bMayo\b`), kind: Place, conf: 0.9}
	e := New(WithDetectors(names, places), WithKey([]byte("k")), WithGazetteer(fakeGaz{}))
	for _, tt := range []struct {
		text  string
		names []string // the name findings left, in order
	}{
		{"He has Parkinson's disease.", nil},
		{"She had Erdheim–Chester disease.", nil},
		{"Her son has Down syndrome.", nil},
		{"GCS by the Glasgow Coma Scale.", nil},
		{"An Apgar score of 9.", nil},
		{"Walter has Lyme disease.", []string{"Walter"}},
		// A possessive first name is a person's: her disease.
		{"Odette's disease progressed.", []string{"Odette"}},
		// An institution before a scale or protocol names the institution.
		{"Per the Mayo scale.", []string{"Mayo"}},
		{"Per the Mayo Clinic scale.", []string{"Mayo"}},
		{"Chester was quiet; Odette went to Chester.", []string{"Chester", "Odette", "Chester"}},
		{"Down the road lived Walter.", []string{"Down", "Walter"}},
		// A person is never dropped: after a title, found elsewhere, or a
		// possessive that is no known eponym.
		{"Mr Kowalczyk's daughter said Mr Kowalczyk's tumour was back.", []string{"Kowalczyk", "Kowalczyk"}},
		{"Kowalczyk came. Kowalczyk disease, she said.", []string{"Kowalczyk", "Kowalczyk"}},
		{"Aroha's fracture healed.", []string{"Aroha"}},
		{"Aroha's disease progressed.", []string{"Aroha"}},
		{"Dr Okafor's score was high.", []string{"Okafor"}},
	} {
		fs, err := e.Detect(context.Background(), &Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			if f.Kind == Person || f.Kind == Place {
				got = append(got, f.Text)
			}
		}
		if len(got) != len(tt.names) {
			t.Errorf("%q: names %q, want %q", tt.text, got, tt.names)
			continue
		}
		for i := range got {
			if got[i] != tt.names[i] {
				t.Errorf("%q: names %q, want %q", tt.text, got, tt.names)
			}
		}
	}
}
