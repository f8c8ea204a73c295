package ner

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

func detect(t testing.TB, d *Detector, text string) []deid.Finding {
	t.Helper()
	fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	checkFindings(t, text, fs)
	return fs
}

// checkFindings asserts the invariants every finding must keep.
func checkFindings(t testing.TB, text string, fs []deid.Finding) {
	t.Helper()
	for _, f := range fs {
		if err := f.Check(text); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if !utf8.RuneStart(text[f.Start]) || f.End < len(text) && !utf8.RuneStart(text[f.End]) {
			t.Fatalf("%q: finding %+v not on rune boundaries", text, f)
		}
		if !f.Kind.Valid() || f.Recognizer != Name || f.Confidence <= 0 || !strings.HasPrefix(string(f.Type), "ner-") {
			t.Fatalf("%q: bad finding %+v", text, f)
		}
	}
}

func TestDetectOffsetsInLongText(t *testing.T) {
	// Spans found in later chunks of a text with multi-byte characters
	// point at the right bytes.
	text := "Caf\u00e9 notes \u2014 \u201cfine\u201d.\n\n" + strings.Repeat("\u00e9t\u00e9 ", 400) +
		"\nThe applicant, Mr Gordon Pettigrew, lives in Cheshire."
	fs := detect(t, New(), text)
	var got []string
	for _, f := range fs {
		got = append(got, f.Text)
	}
	if strings.Join(got, "|") != "Mr Gordon Pettigrew|Cheshire" {
		t.Errorf("got %q", got)
	}
}

func TestName(t *testing.T) {
	if got := New().Name(); got != "ner/prose" {
		t.Errorf("Name() = %q", got)
	}
}

func TestModelSharedAcrossDetectors(t *testing.T) {
	New()
	New()
	if loadModel() != loadModel() {
		t.Error("the model was loaded twice")
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().Detect(ctx, &deid.Doc{Text: "Jon Dawes lives in Lisbon."}); err == nil {
		t.Error("Detect ignored a cancelled context")
	}
}

// TestConcurrentDetect shares one Detector (and so one prose model) among
// goroutines; run it with -race to check that prose does not write to the
// model while classifying.
func TestConcurrentDetect(t *testing.T) {
	d := New()
	texts := []string{
		"I met Jon Dawes in Lisbon and Vienna yesterday.",
		"The applicant, Mr Gordon Pettigrew, lives in Cheshire.",
		"We visited Harlan Pettibone in Tucson last week.",
		"Darnell Whitfield's jersey was retired in Philadelphia.",
	}
	wantN := make([]int, len(texts))
	for i, s := range texts {
		wantN[i] = len(detect(t, d, s))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				k := (g + i) % len(texts)
				fs, err := d.Detect(context.Background(), &deid.Doc{Text: texts[k]})
				if err != nil || len(fs) != wantN[k] {
					t.Errorf("%q: %d findings, err %v; want %d", texts[k], len(fs), err, wantN[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestAllCapsGate documents why chunks without an upper-case letter
// followed by a lower-case one are skipped: in capitals prose tags every
// word as a proper noun and labels words that are not names.
func TestAllCapsGate(t *testing.T) {
	d := New()
	d.gate, d.window = false, 0
	fs := detect(t, d, "58 YEAR OLD FEMALE ADMITTED IN TRANSFER FOR MENTAL STATUS CHANGES POST FALL AT HOME.")
	if len(fs) == 0 {
		t.Log("prose no longer labels capitalised clinical words; the gate may be too strict")
	}
	for _, f := range fs {
		t.Logf("ungated: %s %q", f.Type, f.Text)
	}
	d = New()
	if fs := detect(t, d, "MARISOL WENT HOME TO BOSTON WITH JON DAWES."); len(fs) != 0 {
		t.Errorf("gated detector looked at an all-caps sentence: %v", fs)
	}
}

func TestMayHoldName(t *testing.T) {
	for s, want := range map[string]bool{
		"Marisol went home.":     true,
		"she met Ann":            true,
		"all lower case":         false,
		"ALL CAPS NOTE":          false,
		"12345 67890 !!!":        false,
		"I":                      false,
		"x := f(A, B)":           false,
		"\u00c9lodie est partie": true,
		"\u00c9\u00c9":           false,
		"":                       false,
	} {
		if got := mayHoldName(s); got != want {
			t.Errorf("mayHoldName(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		text string
		max  int
		want []string
	}{
		{"First. Second! Third? Four", 100, []string{"First.", "Second!", "Third?", "Four"}},
		// A short capitalised word before a full stop may be a title.
		{"I met Ann. She left.", 100, []string{"I met Ann. She left."}},
		{"Dr. Jane Doe met Mr. J. Smith in the U.S. today. Then left.", 100,
			[]string{"Dr. Jane Doe met Mr. J. Smith in the U.S. today.", "Then left."}},
		{"line one\n\n  line two  \r\nthree", 100, []string{"line one", "line two", "three"}},
		{"He said \u201cstop.\u201d Then he left.", 100, []string{"He said \u201cstop.\u201d", "Then he left."}},
		{"aaaa bbbb cccc dddd", 10, []string{"aaaa bbbb", "cccc dddd"}},
		{"aaaaaaaaaaaaaaaaaaaaaaaa", 10, []string{"aaaaaaaaaa", "aaaaaaaaaa", "aaaa"}},
		{"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", 5, []string{"\u00e9\u00e9", "\u00e9\u00e9", "\u00e9\u00e9"}},
		{"   \n\t ", 10, nil},
		{"", 10, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range chunks(tt.text, tt.max) {
			got = append(got, tt.text[c.Start:c.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("chunks(%q, %d) = %q, want %q", tt.text, tt.max, got, tt.want)
		}
	}
}

// TestLinear checks that large inputs with nothing for prose to do, or
// with pathological shapes, finish quickly. It asserts no timing.
func TestLinear(t *testing.T) {
	d := New()
	for name, text := range map[string]string{
		"no letters":    strings.Repeat("-+= ", 1<<18),
		"digits":        strings.Repeat("0123456789", 10_000),
		"one long line": strings.Repeat("x", 1<<20),
		"spaces":        strings.Repeat(" ", 1<<20),
		"newlines":      strings.Repeat("\n", 1<<20),
		"invalid":       strings.Repeat("\xff", 1<<20),
		"capitals word": "Ab" + strings.Repeat("c", 100_000),
		"apostrophes":   "Ann " + strings.Repeat("n't", 30_000),
		"dotted":        "Ann " + strings.Repeat("A.", 50_000),
	} {
		t.Run(name, func(t *testing.T) { detect(t, d, text) })
	}
}

func BenchmarkDetect(b *testing.B) {
	text, err := os.ReadFile("testdata/reflection.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name   string
		gate   bool
		window int
	}{{"windowed", true, windowWords}, {"gated", true, 0}, {"ungated", false, 0}} {
		b.Run(bc.name, func(b *testing.B) {
			d := New()
			d.gate, d.window = bc.gate, bc.window
			doc := &deid.Doc{Text: string(text)}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.Detect(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestWindows(t *testing.T) {
	tests := []struct {
		text string
		ctx  int
		want []string
	}{
		{"The case was heard in the court of appeal last year.", 3, nil},
		{"we saw that the applicant had lived for years in Cork with her sister and two small children", 2,
			[]string{"years in Cork with her"}},
		{"Ann and Bob", 1, []string{"Ann and Bob"}},
		{"Ann went out and then came back home to meet Bob at six", 1,
			[]string{"Ann went", "meet Bob at"}},
		{"\u201cAnn,\u201d she said", 0, []string{"\u201cAnn,\u201d"}},
		{"ALL CAPS AND digits 123", 3, nil},
		{"", 3, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range windows(tt.text, tt.ctx) {
			got = append(got, tt.text[w.Start:w.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("windows(%q, %d) = %q, want %q", tt.text, tt.ctx, got, tt.want)
		}
	}
}

func TestAfterTitle(t *testing.T) {
	for before, want := range map[string]bool{
		"Mr ":           true,
		"we saw Mrs  ":  true,
		"asked Dr. ":    true,
		"\tProf\u00a0 ": false, // only spaces before the name, as in the text
		"Mr":            false,
		"Mister ":       false,
		"":              false,
		" ":             false,
		"\xff Ms ":      true,
	} {
		if got := afterTitle(before); got != want {
			t.Errorf("afterTitle(%q) = %v, want %v", before, got, want)
		}
	}
}

func TestProseTitle(t *testing.T) {
	for w, want := range map[string]bool{"Mr": true, "Lady": true, "Dr": true, "MR": false, "mr": false, "Jr": false, "M": false, "": false} {
		if got := proseTitle(w); got != want {
			t.Errorf("proseTitle(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestPartsSkipExplainedWindows checks which windows prose is given when earlier
// recognizers found names: a window whose possible names (a possessive's "'s" aside) all
// lie in strong name findings is skipped; a weak finding, or one capitalised word left
// unexplained, keeps the window whole.
func TestPartsSkipExplainedWindows(t *testing.T) {
	d := New(WithLexicon(lexicon.Default()))
	text := "We met at noon and Talvrin Oskaby's sister waited outside the door for a while."
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	name := func(s string, conf float64) deid.Finding {
		st, en := at(s)
		return deid.Finding{Start: st, End: en, Kind: deid.Person, Text: s, Confidence: conf}
	}
	if ps := d.Parts(&deid.Doc{Text: text}); len(ps) != 1 {
		t.Fatalf("no findings: parts %v, want one window", ps)
	}
	for _, c := range []struct {
		found []deid.Finding
		want  int
	}{
		{[]deid.Finding{name("Talvrin Oskaby", 0.9)}, 0},
		{[]deid.Finding{name("Talvrin Oskaby", 0.5)}, 1},
		{[]deid.Finding{name("Talvrin", 0.9)}, 1},
	} {
		if ps := d.Parts(&deid.Doc{Text: text, Found: c.found}); len(ps) != c.want {
			t.Errorf("found %+v: %d parts, want %d", c.found, len(ps), c.want)
		}
	}
}
