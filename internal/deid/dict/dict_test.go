package dict

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// detectAll runs every dictionary detector over text and checks each
// finding's span.
func detectAll(t testing.TB, text string) []deid.Finding {
	t.Helper()
	var all []deid.Finding
	for _, d := range Default(lexicon.Default()) {
		fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
		if err != nil {
			t.Fatalf("%s: %v", d.Name(), err)
		}
		for _, f := range fs {
			if err := f.Check(text); err != nil {
				t.Fatalf("%s on %q: %v", d.Name(), text, err)
			}
		}
		all = append(all, fs...)
	}
	return all
}

// found lists the findings as "kind:text" for messages and comparisons.
func found(fs []deid.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%s", f.Kind, f.Text))
	}
	return out
}

func has(fs []deid.Finding, kind deid.Kind, text string) bool {
	for _, f := range fs {
		if f.Kind == kind && f.Text == text {
			return true
		}
	}
	return false
}

// covers reports whether some finding of kind covers the word w.
func covers(text string, fs []deid.Finding, kind deid.Kind, w string) bool {
	i := strings.Index(text, w)
	for _, f := range fs {
		if f.Kind == kind && f.Start <= i && i+len(w) <= f.End {
			return true
		}
	}
	return false
}

func TestDeterministic(t *testing.T) {
	text := "Hi Hope, my client Ivy Okafor moved to Alder Creek from Winstead Hospital in Tucson."
	a := found(detectAll(t, text))
	for range 3 {
		if b := found(detectAll(t, text)); strings.Join(a, "|") != strings.Join(b, "|") {
			t.Fatalf("got %v then %v", a, b)
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, d := range Default(lexicon.Default()) {
		if _, err := d.Detect(ctx, &deid.Doc{Text: "Odette"}); err == nil {
			t.Errorf("%s: want an error on a cancelled context", d.Name())
		}
	}
}

// FuzzDict checks that no input makes a detector panic or return a span
// that leaves the text or splits a rune.
func FuzzDict(f *testing.F) {
	for _, s := range []string{
		"", "Dr.", "Dr. Ada Okafor's note", "Lou-Bette O'Neill", "R.", "D.E. Penhallow",
		"Springfield, IL", "in Alder Creek", "University of", "Acme LLC", "Lucía Zoë\u0301",
		"GU-foley", "\xff\xfeOdette", "Hi ,", "—\nMarisol", "'s", "-'", "St. Mary's Hospital",
		"DR.VARELLI", "t.co/x", "x\u00a0Okafor", "\n\n\nSuite 5\nRiisa\nEstonia 1",
	} {
		f.Add(s)
	}
	dets := Default(lexicon.Default())
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range dets {
			fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range fs {
				if err := x.Check(text); err != nil {
					t.Fatal(err)
				}
				if !utf8Boundary(text, x.Start) || !utf8Boundary(text, x.End) {
					t.Fatalf("finding [%d,%d) splits a rune", x.Start, x.End)
				}
			}
		}
	})
}

// utf8Boundary reports whether decoding s rune by rune (invalid bytes one
// at a time) stops at byte i.
func utf8Boundary(s string, i int) bool {
	for k := 0; k < len(s); {
		if k == i {
			return true
		}
		if k > i {
			return false
		}
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	}
	return i == len(s)
}

// BenchmarkDict runs all dictionary detectors over a 1,500-word post.
func BenchmarkDict(b *testing.B) {
	para := "Last Tuesday my client Rose Okafor came to the clinic with her son Mateo. " +
		"She moved to Alder Creek from New Bedford after Dr. Zanetti at Winstead Hospital " +
		"referred her to the University of Vermont. We talked about hope, work and the " +
		"weekend; she will call Grace Kowal, her sister, before the next session in May. "
	var sb strings.Builder
	for sb.Len() < 1500*6 {
		sb.WriteString(para)
	}
	text := sb.String()
	dets := Default(lexicon.Default())
	doc := &deid.Doc{Text: text}
	for _, d := range dets { // load the tables outside the timing
		if _, err := d.Detect(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	// Two texts in turn, so that each round analyses its text afresh (the
	// detectors share the analysis of the last text, as in the engine).
	docs := []*deid.Doc{doc, {Text: text + " "}}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	k := 0
	for b.Loop() {
		k++
		for _, d := range dets {
			if _, err := d.Detect(context.Background(), docs[k%2]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// analyseText runs the dictionary analysis on a text of its own.
func analyseText(lex *lexicon.Lexicon, text string) *result {
	return analyse(lex, (&deid.Doc{Text: text}).Analysis())
}

// TestLookupPlaceGate: the prefix gate of lookupPlace changes no answer,
// for names of places, countries and states of several words and for
// phrases that are none.
func TestLookupPlaceGate(t *testing.T) {
	lex := lexicon.Default()
	found := 0
	for _, key := range []string{
		"salt lake city", "new york", "united kingdom", "north dakota", "port of spain", "st. louis",
		"saint louis", "rio de janeiro", "south africa", "new zealand", "the dog", "salt water",
		"new", "quillon", "west", "los angeles", "las vegas", "hong kong", "ivory coast", "de la",
		"united states of america", "district of columbia", "kuala lumpur", "new delhi", "san josé",
	} {
		gt, gp := lookupPlace(lex, key)
		wt, wp := lookupPlaceAll(lex, key)
		if gt != wt || gp != wp {
			t.Errorf("lookupPlace(%q) = %q, %d; without the gate %q, %d", key, gt, gp, wt, wp)
		}
		if gt != "" && strings.Contains(key, " ") {
			found++
		}
	}
	if found < 10 {
		t.Errorf("only %d of the names of several words found", found)
	}
}
