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

func TestPersons(t *testing.T) {
	tests := []struct {
		text string
		want []string // exact person spans
		not  []string // words no person finding may cover
	}{
		{"I met Odette at the clinic.", []string{"Odette"}, nil},
		{"Yesterday I saw Odette's mother.", []string{"Odette"}, nil},
		{"Her friend Lou-Bette O'Neill came too.", []string{"Lou-Bette O'Neill"}, nil},
		{"We spoke with Tomasz R. Kowal on Monday.", []string{"Tomasz R. Kowal"}, []string{"Monday"}},
		// The title stays outside the span, so "Dr." stays readable.
		{"The referral came from Dr. Ada Okafor last week.", []string{"Ada Okafor"}, []string{"Dr"}},
		{"The referral came from Dr. Zanetti.", []string{"Zanetti"}, nil},
		{"Lucía and Zoë came in together.", []string{"Zoë"}, nil},
		{"Rose early and went to work.", nil, []string{"Rose"}},
		{"I met my client Rose today.", []string{"Rose"}, nil},
		{"Will you come?", nil, []string{"Will"}},
		{"Will Okafor came to the group.", []string{"Will Okafor"}, nil},
		{"I spoke to Grace Okafor.", []string{"Grace Okafor"}, nil},
		{"Hi Grace, thanks for the notes.", []string{"Grace"}, nil},
		{"Thanks, Will.", []string{"Will"}, nil},
		{"We hope for the best.", nil, []string{"hope"}},
		{"There is hope.", nil, []string{"hope"}},
		{"Her son Mateo is four.", []string{"Mateo"}, nil},
		{"The patient Joy was calm.", []string{"Joy"}, nil},
		{"Pastor Grace led the prayer.", []string{"Grace"}, []string{"Pastor"}},
		{"The visit was in May.", nil, []string{"May"}},
		{"We met with Asamblea later.", []string{"Asamblea"}, nil},
		{"Signed,\nMarisol", []string{"Marisol"}, nil},
		{"I think the Bill passed.", nil, []string{"Bill"}},
		{"i saw jessica at the mall", []string{"jessica"}, nil},
		{"PT SEEN BY DR PRENTICE TODAY.", []string{"PRENTICE"}, []string{"PT", "SEEN"}},
		{"GU: FOLEY DRAINING CLEAR URINE. NEO WEANED.", nil, []string{"NEO", "GU"}},
		{"per dr vasquez, hold lasix.", []string{"vasquez"}, []string{"lasix"}},
		{"W. CASTELLI AWARE OF K 3.2.", []string{"W. CASTELLI"}, nil},
		{"We use Facebook and Medicaid.", nil, []string{"Facebook", "Medicaid"}},
		{"http://t.co/A68YH6AZqP", nil, []string{"co"}},
		// A title without a period is part of the name; with one it is not.
		{"The applicant, Mr Gordon Pettigrew, appealed.", []string{"Mr Gordon Pettigrew"}, nil},
		{"They were represented by Ms K. Aksoy.", []string{"Ms K. Aksoy"}, nil},
		{"Mrs. Odette Marchand called.", []string{"Odette Marchand"}, []string{"Mrs"}},
		{"I'm Odile Brannigan and you're Marian.", []string{"Odile Brannigan", "Marian"}, []string{"I'm", "you're"}},
		{"You're late, Odette.", []string{"Odette"}, []string{"You're"}},
		// Frequent first names and surnames are ordinary words one by one;
		// as a pair they are a person, whatever the gazetteer says of "Lopez".
		{"We met Marisol Lopez today.", []string{"Marisol Lopez"}, nil},
		{"Jon Dawes said no.", []string{"Jon Dawes"}, nil},
		{"lol the research on shift work and decision-making is clear", nil, []string{"decision-making"}},
		{"We drove past Mount Vernon and Grace Church.", nil, []string{"Vernon", "Grace"}},
		// A word no list has opening a sentence names someone only as a
		// subject or standing alone, not before the word it describes.
		{"Neurodivergent kids often struggle with noise.", nil, []string{"Neurodivergent"}},
		// In a note, a possessive before a device or dressing is the
		// patient's; a name before a sign or a device is an eponym.
		{"BP 90/60, HR 110, SpO2 94% RA. Mrs Dlamini's ulcer redressed.", []string{"Mrs Dlamini"}, nil},
		{"BP 90/60, HR 110, SpO2 94% RA. Quinton catheter flushed, Kussmaul's respirations noted.", nil, []string{"Quinton", "Kussmaul"}},
		// A middle initial without a full stop, then a frequent surname
		// that is also a word.
		{"Yesterday Trevor B Jenkins gave us props.", []string{"Trevor B Jenkins"}, nil},
		{"We asked Mary J Baker twice.", []string{"Mary J Baker"}, nil},
		// Credentials after a name are no part of it, nor a state.
		{"Seen by Ana Ruiz, MD today.", []string{"Ana Ruiz"}, []string{"MD"}},
	}
	for _, tt := range tests {
		fs := detectAll(t, tt.text)
		for _, w := range tt.want {
			if !has(fs, deid.Person, w) {
				t.Errorf("%q: want person %q, got %v", tt.text, w, found(fs))
			}
		}
		for _, w := range tt.not {
			if covers(tt.text, fs, deid.Person, w) {
				t.Errorf("%q: %q must not be a person, got %v", tt.text, w, found(fs))
			}
		}
	}
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		text, want, typ string
	}{
		{"She grew up in New Bedford and moved away.", "New Bedford", "city"},
		{"They drove to Salt Lake City last year.", "Salt Lake City", "city"},
		{"He lives near Willowbrae Creek now.", "Willowbrae Creek", "small-place"},
		{"The family farm is in Harlan County.", "Harlan County", "small-place"},
		{"They camp at Lake Wobegon every summer.", "Lake Wobegon", "small-place"},
		{"Her aunt is in Springfield, IL this week.", "Springfield", "city"},
		{"Her aunt is in Smallvillex, OH this week.", "Smallvillex", "town"},
		{"She moved to Okeechobeeville in June.", "Okeechobeeville", "place"},
		{"He came from Ohio.", "Ohio", "state"},
		{"She was born in Kenya.", "Kenya", "country"},
		{"We were in Tucson.", "Tucson", "city"},
	}
	for _, tt := range tests {
		fs := detectAll(t, tt.text)
		ok := false
		for _, f := range fs {
			if f.Kind == deid.Place && f.Text == tt.want && string(f.Type) == tt.typ {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: want place %q (%s), got %v", tt.text, tt.want, tt.typ, found(fs))
		}
	}
	if fs := detectAll(t, "Seen by Ana Ruiz, MD today."); covers("Seen by Ana Ruiz, MD today.", fs, deid.Place, "MD") {
		t.Errorf("the credential MD after a name taken for Maryland: %v", found(fs))
	}
	for _, text := range []string{
		"I hope you are well.", "Reading is good for you.", "The mobile phone rang.",
	} {
		for _, f := range detectAll(t, text) {
			if f.Kind == deid.Place {
				t.Errorf("%q: unexpected place %q", text, f.Text)
			}
		}
	}
}

func TestOrgs(t *testing.T) {
	tests := []struct {
		text, want, typ string
	}{
		{"She was admitted to Winstead Hospital overnight.", "Winstead Hospital", "hospital"},
		{"He studies at the University of Vermont now.", "University of Vermont", "university"},
		{"Her son goes to Lincoln Elementary School.", "Lincoln Elementary School", "school"},
		{"She stayed at Saint Jude's Hospice.", "Saint Jude's Hospice", "hospice"},
		{"He works for Acme Widgets LLC.", "Acme Widgets LLC", "company"},
		{"TRANSFERRED FROM WINSTEAD HOSPITAL ER.", "WINSTEAD HOSPITAL", "hospital"},
		{"The Department of Human Services called.", "Department of Human Services", "department"},
		{"She is registered at Cobbler's Row Surgery.", "Cobbler's Row Surgery", "surgery"},
		{"She is registered at Cobbler’s Row Surgery.", "Cobbler’s Row Surgery", "surgery"},
		{"He was seen at Prescott Memorial yesterday.", "Prescott Memorial", "hospital"},
	}
	for _, tt := range tests {
		fs := detectAll(t, tt.text)
		ok := false
		for _, f := range fs {
			if f.Kind == deid.Organization && f.Text == tt.want && string(f.Type) == tt.typ {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: want organization %q (%s), got %v", tt.text, tt.want, tt.typ, found(fs))
		}
	}
	for _, text := range []string{"She went to the Hospital.", "PT RETURNED HOME.", "The Red Cross helped."} {
		for _, f := range detectAll(t, text) {
			if f.Kind == deid.Organization {
				t.Errorf("%q: unexpected organization %q", text, f.Text)
			}
		}
	}
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
