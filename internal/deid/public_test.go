package deid

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

func TestPublicTermsAreNotFindings(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`\b(?:Medicaid|Red Cross|Ada|Odette|NHS)\b`), kind: Organization, conf: 0.6}
	e := New(WithDetectors(d), WithKey([]byte("k")))
	text := "Odette, on Medicaid, was helped by the Red Cross and the NHS; Ada came too."
	fs, err := e.Detect(context.Background(), &Doc{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Text)
	}
	if len(got) != 2 || got[0] != "Odette" || got[1] != "Ada" {
		t.Errorf("findings %q, want only the names", got)
	}
	// The author's known list still wins.
	fs, _ = e.Detect(context.Background(), &Doc{Text: text, Known: []KnownTerm{{Term: "Red Cross", Kind: Organization}}})
	found := false
	for _, f := range fs {
		found = found || f.Text == "Red Cross"
	}
	if !found {
		t.Errorf("a known term that is also public was dropped: %v", fs)
	}
}

func TestPublicBodies(t *testing.T) {
	for name, want := range map[string]bool{
		"Supreme Court": true, "Court of Appeal": true, "the District Court": true,
		"Foreign and Commonwealth Office": true, "European Commission of Human Rights": true,
		"Council": true, "Crown Prosecution Service's": true, "Her Majesty's Government": true,
		// A profession's regulators and licensing boards.
		"the State Board of Nursing": true, "Board of Behavioral Sciences": true,
		"Board of Examiners in Psychology": true, "Alder Valley Nursing Board": false,
		// A place, a local name or a field says where or which.
		"Izmir State Security Court": false, "Alder Valley Family Services": false,
		"Employment Tribunal": false, "Martial Law Court": false, "Springfield City Council": false,
		// No institution at all.
		"Supreme": false, "High and Mighty": false, "": false,
	} {
		if got := publicBody(name); got != want {
			t.Errorf("publicBody(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestProfessionalCodes(t *testing.T) {
	d := reDetector{re: regexp.MustCompile(`\b(?:QWPA Code|QWPA|Code|Tavi)\b`), kind: Person, conf: 0.6}
	e := New(WithDetectors(d), WithKey([]byte("k")))
	for _, tt := range []struct {
		text string
		kept []string
	}{
		{"Per the QWPA Code of Ethics, Tavi was told.", []string{"Tavi"}},
		{"The QWPA Ethical Framework and the QWPA Standards of Practice agree.", nil},
		// An employer's code of conduct names a workplace.
		{"Under the QWPA Code of Conduct we met.", []string{"QWPA Code"}},
	} {
		fs, err := e.Detect(context.Background(), &Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			got = append(got, f.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.kept, "|") {
			t.Errorf("%q: findings %q, want %q", tt.text, got, tt.kept)
		}
	}
}
