package rules

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

type span struct {
	Text, Type string
}

func run(t testing.TB, d deid.Detector, text string) []deid.Finding {
	t.Helper()
	fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
	if err != nil {
		t.Fatalf("%s: %v", d.Name(), err)
	}
	for _, f := range fs {
		if err := f.Check(text); err != nil {
			t.Fatalf("%s on %q: %v", d.Name(), text, err)
		}
		if f.Recognizer != d.Name() || f.Replacement != "" || f.Confidence <= 0 || f.Confidence > 1 {
			t.Fatalf("%s: bad finding %+v", d.Name(), f)
		}
	}
	return fs
}

type tcase struct {
	in   string
	want []span // nil: no finding
}

func check(t *testing.T, d deid.Detector, kind deid.Kind, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		fs := run(t, d, c.in)
		var got []span
		for _, f := range fs {
			if f.Kind != kind {
				t.Errorf("%s(%q): kind %s, want %s", d.Name(), c.in, f.Kind, kind)
			}
			got = append(got, span{f.Text, string(f.Type)})
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s(%q)\n got %v\nwant %v", d.Name(), c.in, got, c.want)
		}
	}
}

func s(text, typ string) span { return span{text, typ} }

func TestDateValue(t *testing.T) {
	fs := run(t, NewDate(), "March 3, 2021; 2021-03-04; 28 Oct, 88; yesterday")
	want := []deid.DateValue{{Year: 2021, Month: 3, Day: 3}, {Year: 2021, Month: 3, Day: 4}, {Year: 1988, Month: 10, Day: 28}, {Relative: true}}
	if len(fs) != len(want) {
		t.Fatalf("got %d findings: %+v", len(fs), fs)
	}
	for i, f := range fs {
		if f.Date == nil || *f.Date != want[i] {
			t.Errorf("%q: date %+v, want %+v", f.Text, f.Date, want[i])
		}
	}
}

func TestAge(t *testing.T) {
	fs := run(t, NewAge(), "a ninety-two-year-old; in his late 80s")
	if len(fs) != 2 || fs[0].Age != 92 || fs[1].Age != 87 {
		t.Errorf("ages: %+v", fs)
	}
}

const corpus = `O: 58 YEAR OLD FEMALE ADMITTED IN TRANSFER; PMH: CAD, S/P MI 1992; 7/22 FOUND BY HUSBAND; EF EST 20%;
BUN 54, CR 2.8; 7/23 AT WINSTEAD- 2 FFP, 2 UNITS PRBC. ARRIVED APPROX. 2130. BP 120/80, percocet 5/325.
Met Jane (a 34-year-old) on Tuesday the 10th at 45 Elm St Apt 2B, Springfield, IL 62704 — she said “call me”
at (555) 123-4567 or jane.doe@example.org; see https://example.org/x_(y). Twitter @jane_doe; IP 10.0.0.1.
MRN: 12345678, SSN 123-45-6789, case #A-4471, card 4111 1111 1111 1111, plate 7ABC123.
Οδός Αναγεννήσεως 318, 6750 Koskikatu 25 Apt. 864. In her late 80s; turned ninety-two. 3 March 2021, 2021-03-04.
` + "bad utf8 \xff\xfe 12/3\xe2\x82 and \xe2\x80 555-1234 é12345 ü@x.de 12\xcc:30 pm"

func TestCorpusFindingsValid(t *testing.T) {
	n := 0
	for _, d := range Default() {
		for _, f := range run(t, d, corpus) {
			n++
			if err := f.Check(corpus); err != nil {
				t.Error(err)
			}
			if !f.Kind.Valid() || f.Type == "" {
				t.Errorf("bad kind/type: %+v", f)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d findings on the corpus", n)
	}
}

func TestDefaultNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Default() {
		if seen[d.Name()] || !strings.HasPrefix(d.Name(), "rules/") {
			t.Errorf("bad or duplicate name %q", d.Name())
		}
		seen[d.Name()] = true
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, d := range Default() {
		if _, err := d.Detect(ctx, &deid.Doc{Text: corpus}); err == nil {
			t.Errorf("%s ignored a cancelled context", d.Name())
		}
	}
}

func FuzzRules(f *testing.F) {
	for _, seed := range strings.Split(corpus, "\n") {
		f.Add(seed)
	}
	f.Add("\xff@\xfe.com 1/1/\xff 555-\xc3")
	f.Add("+1 (555) 123-4567x12 ::1 fe80:: 1:2:3:4:5:6:7:8")
	f.Add("")
	dets := Default()
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range dets {
			fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range fs {
				if err := fd.Check(text); err != nil {
					t.Fatalf("%s: %v", d.Name(), err)
				}
				if !utf8.RuneStart(text[fd.Start]) || fd.End < len(text) && !utf8.RuneStart(text[fd.End]) {
					t.Fatalf("%s: span [%d,%d) not on rune boundaries in %q", d.Name(), fd.Start, fd.End, text)
				}
			}
		}
	})
}

var benchText = func() string {
	para := `Met with the client (a 34-year-old single mother) on Tuesday the 10th after the week after Christmas.
She moved to 45 Elm St Apt 2B, Springfield, IL 62704 in spring 2019 and can be reached at (555) 123-4567 or
jane.doe@example.org. Her case #A-4471 was reopened on March 3, 2021; the last review was 3/4/21. We talked about
her father, who turned 90 last week, and her worries about money, school, and the long winter. She said she
felt more hopeful than in the 1990s, when things were hard. BP 120/80, pulse 72, she takes 5/325 twice a day and
had 2 units of blood in 2015. I reflected on how much of my own practice is listening, and on the supervision
session where we discussed boundaries, burnout and the way small kindnesses matter to people in crisis.
`
	return strings.Repeat(para, 9) // about 1,500 words
}()

// BenchmarkRules runs every rule detector on one 1,500-word text, as a
// new document each time: the detectors share what they derive from a
// document (its tokens, their one pass over them), which a reused
// document would hand back from the last run.
func BenchmarkRules(b *testing.B) {
	dets := Default()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		doc := &deid.Doc{Text: benchText}
		for _, d := range dets {
			if _, err := d.Detect(context.Background(), doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestDurationLength(t *testing.T) {
	for _, tt := range []struct {
		text   string
		length int
		unit   string
	}{
		{"he was sentenced to twenty-two years for it", 22, "year"},
		{"and ten years' imprisonment followed", 10, "year"},
		{"after serving about six months of it", 6, "month"},
	} {
		fs, err := NewDate().Detect(context.Background(), &deid.Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		ok := false
		for _, f := range fs {
			if f.Type == "duration" && f.Date != nil {
				ok = f.Date.Length == tt.length && f.Date.Unit == tt.unit
				if !ok {
					t.Errorf("%q: length %d %q, want %d %q", tt.text, f.Date.Length, f.Date.Unit, tt.length, tt.unit)
				}
			}
		}
		if !ok {
			t.Errorf("%q: no duration with its length in %+v", tt.text, fs)
		}
	}
}

// TestStreetSuffixWord checks tStreetSuffixWord against its definition: the
// lower-cased word ends in a street suffix.
func TestStreetSuffixWord(t *testing.T) {
	for _, text := range []string{
		"Koskikatu 3", "FRIEDHOFSTRASSE", "Friedhofstraße 1", "Hauptstr.", "Kungsgatan", "Storgata", "Main",
		"Strandvägen", "Andrássy út", "Vej", "Tie", "ABCtie", "Xstr", "Ölstr", "Oak-Ring", "Élysée", "Q", "Katu\xff",
		"K\xffkatu", "İstr", "KATU",
	} {
		tok := token{start: 0}
		j := 0
		for j < len(text) && j < 40 && (isASCIIAlnum(text[j]) || text[j] >= 0x80 || text[j] == '-') {
			j++
		}
		b := text[0]
		want := false
		if b >= 'A' && b <= 'Z' || b >= 0xC0 {
			w := strings.ToLower(text[:j])
			for s := range vocab.GluedStreetSuffixes().All() {
				if strings.HasSuffix(w, s) {
					want = true
				}
			}
		}
		if got := tStreetSuffixWord(text, tok); got != want {
			t.Errorf("tStreetSuffixWord(%q) = %v, want %v", text, got, want)
		}
	}
}
