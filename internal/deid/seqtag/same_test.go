package seqtag

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestSameAsReference: the tagger finds what the reference (ref_test.go, the
// code before it was made faster) finds, with margins equal bit for bit, in
// both registers, with and without the document's analysis; and the
// detector reports what the reference's findings give at the model's
// margins. The texts are invented and random (words of the word lists,
// names among them, in every case, with marks, handles, initials and line
// breaks), plus, when set, the posts of VEIL_BENCH_SITE and the texts of
// the JSONL file SEQ_BENCH.
func TestSameAsReference(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := readRefModel(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	lex := lexicon.Default()
	texts := append(benchtext.Texts(4), randomTexts(lex, 400)...)
	texts = append(texts, extraTexts(t)...)
	if testing.Short() {
		texts = texts[:60]
	}
	ctx := context.Background()
	reported := 0
	for _, note := range []bool{false, true} {
		det := New(lex, WithNote(func(*deid.Doc) bool { return note }))
		for _, text := range texts {
			want := ref.refFind(lex, nil, text, note)
			if got := m.Find(lex, text, note); !sameFound(got, want) {
				t.Fatalf("note %v, %q:\n got %v\nwant %v", note, text, got, want)
			}
			doc := &deid.Doc{Text: text}
			want = ref.refFind(lex, doc.Analysis(), text, note)
			if got := m.find(lex, doc.Analysis(), text, note); !sameFound(got, want) {
				t.Fatalf("note %v, with the analysis, %q:\n got %v\nwant %v", note, text, got, want)
			}
			fs, err := det.Detect(ctx, &deid.Doc{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			var got, wantSpans []Found
			for _, f := range fs {
				got = append(got, Found{f.Start, f.End, string(f.Type[len("seq-"):]), 0})
			}
			for _, f := range want {
				if f.Margin >= m.Margin(note, f.Kind) && !lex.InCategory(lexicon.Kinship, text[f.Start:f.End]) {
					wantSpans = append(wantSpans, Found{f.Start, f.End, f.Kind, 0})
				}
			}
			if !slices.Equal(got, wantSpans) {
				t.Fatalf("note %v, Detect %q:\n got %v\nwant %v", note, text, got, wantSpans)
			}
			reported += len(got)
		}
	}
	if reported < 50 {
		t.Errorf("the texts gave %d names at the model's margins: too few to compare", reported)
	}
	t.Logf("%d texts, %d names reported", len(texts), reported)
}

func sameFound(a, b []Found) bool {
	return slices.EqualFunc(a, b, func(x, y Found) bool {
		return x.Start == y.Start && x.End == y.End && x.Kind == y.Kind &&
			math.Float32bits(x.Margin) == math.Float32bits(y.Margin)
	})
}

// randomTexts makes n texts of words drawn from the word lists, with names
// (words the lists know as first names or surnames) often among them, in
// random case, between marks, handles, initials, digits and line breaks.
func randomTexts(lex *lexicon.Lexicon, n int) []string {
	var words, names []string
	i := 0
	for w := range lex.Words() {
		i++
		if _, _, ok := lex.FirstName(w); ok && len(names) < 3000 {
			names = append(names, w)
		} else if _, ok := lex.Surname(w); ok && len(names) < 3000 {
			names = append(names, w)
		} else if i%7 == 0 {
			words = append(words, w)
		}
	}
	marks := []string{".", ",", ";", ":", "!", "?", "\"", "“", "”", "(", ")", "-", "–", "'s", "’s", "'", "&", "/", "...", "\n", "\n\n", "#", "@", "http://x.example"}
	odd := []string{"Zoë", "ÉLODIE", "mcAdam", "O'Brannagh", "Lou-Bette", "van der", "R.J.", "N.Z", "Dr.Vance", "3rd", "A1", "12:30", "St", "Mt.", "São", "naïve", "ﬁsh", "İz", "#Zoë", "@\xffab", "#İz", "\xe2\x80", "\xff", "ǅa"}
	r := rand.New(rand.NewPCG(7, 11))
	out := make([]string, n)
	for k := range out {
		var sb strings.Builder
		length := 1 + r.IntN(120)
		caps := r.IntN(6) == 0 // a text in capitals, as notes write
		for range length {
			var w string
			switch x := r.IntN(20); {
			case x < 9:
				w = words[r.IntN(len(words))]
			case x < 14:
				w = names[r.IntN(len(names))]
			case x < 18:
				w = marks[r.IntN(len(marks))]
			case x < 19:
				w = odd[r.IntN(len(odd))]
			default:
				w = string(rune('A'+r.IntN(26))) + "."
			}
			switch c := r.IntN(10); {
			case caps || c == 0:
				w = strings.ToUpper(w)
			case c < 5:
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			if r.IntN(4) != 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(w)
		}
		out[k] = sb.String()
	}
	return out
}

// extraTexts reads the post bodies of VEIL_BENCH_SITE and the texts of the
// JSONL file SEQ_BENCH, when they are set.
func extraTexts(t *testing.T) []string {
	var out []string
	if root := os.Getenv("VEIL_BENCH_SITE"); root != "" {
		paths, _ := filepath.Glob(filepath.Join(root, "content", "posts", "*.md"))
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(src))
		}
	}
	if f, err := os.Open(os.Getenv("SEQ_BENCH")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var d struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &d) == nil {
				out = append(out, d.Text)
			}
		}
	}
	return out
}

// TestTokenizeSameAsReference: the tokenizer splits random strings of
// bytes and of runes (spaces, marks, letters of several scripts, combining
// marks, invalid UTF-8) as the reference does, and gives their tokens the
// same shapes.
func TestTokenizeSameAsReference(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u0085", "\u00a0", "\u2003", "a", "Z", "q", "7", "é", "ß", "Ω", "ж", "中", "\u0301", "'", "’", "s", "S", "-", ".", "#", "@", "_", ",", "!", "\"", "\xff", "\xe2\x80", "x'", "'s", "’S", "Ǆ", "ǅ", "A", "Bc", "D9", "Éz", "-", "#", "@"}
	r := rand.New(rand.NewPCG(3, 5))
	for range 20000 {
		var sb strings.Builder
		for range r.IntN(24) {
			if r.IntN(8) == 0 {
				sb.WriteByte(byte(r.IntN(256)))
			} else {
				sb.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		text := sb.String()
		var got, want []string
		for _, tok := range Tokenize(text) {
			got = append(got, fmt.Sprint(tok.Start, tok.End, tok.Text))
		}
		for _, tok := range refTokenize(text) {
			want = append(want, fmt.Sprint(tok.Start, tok.End, tok.Text))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("Tokenize(%q) = %q, want %q", text, got, want)
		}
		for _, tok := range Tokenize(text) {
			if got, want := shapeOf(tok.Text), refShapeOf(tok.Text); got != want {
				t.Fatalf("shapeOf(%q) = %d, want %d", tok.Text, got, want)
			}
		}
	}
}

// TestASCIIWordBytes: the table of word bytes is isWordRune's ASCII.
func TestASCIIWordBytes(t *testing.T) {
	if len(asciiWordBytes) != 256 {
		t.Fatalf("%d bytes", len(asciiWordBytes))
	}
	for c := range 256 {
		if got, want := asciiWordBytes[c] == 'w', c < utf8.RuneSelf && isWordRune(rune(c)); got != want {
			t.Errorf("byte %#x: word %v, want %v", c, got, want)
		}
	}
}

// TestASCIIClass: the classes of bytes tokenize reads are those of
// unicode.IsSpace and isWordRune.
func TestASCIIClass(t *testing.T) {
	if len(asciiClass) != 256 {
		t.Fatalf("%d bytes", len(asciiClass))
	}
	for c := range 256 {
		want := byte('.')
		switch r := rune(c); {
		case c >= utf8.RuneSelf || r == '#' || r == '@' || r == '\'':
			want = '-'
		case unicode.IsSpace(r):
			want = ' '
		case isWordRune(r):
			want = 'w'
		}
		if got := asciiClass[c]; got != want {
			t.Errorf("byte %#x: class %q, want %q", c, got, want)
		}
	}
}

// TestFeaturesSameAsReference: the trainer hashes the same features, in
// the same order, as the reference, so that a model trained now is the
// model trained before.
func TestFeaturesSameAsReference(t *testing.T) {
	lex := lexicon.Default()
	for k, text := range randomTexts(lex, 100) {
		note := k%2 == 1
		ws, types, reg := analyse(lex, nil, text, tokenize(text, nil), note)
		rws, rreg := refAnalyse(lex, nil, text, refTokenize(text), note)
		if reg != rreg || len(ws) != len(rws) {
			t.Fatalf("%q: register %d, %d words; want %d, %d", text, reg, len(ws), rreg, len(rws))
		}
		for i := range ws {
			for p := range uint8(numTags) {
				got := tagFeatures(staticFeatures(nil, ws, types, i, reg), ws, types, i, p, p/2)
				want := refTagFeatures(refStaticFeatures(nil, rws, i, rreg), rws, i, p, p/2)
				if !slices.Equal(got, want) {
					t.Fatalf("%q, word %d after %d: features differ", text, i, p)
				}
			}
		}
	}
}

// TestLowerCaseKey: the lexicon's lookup form of a word (lower case, with
// typographic apostrophes made plain) is that of its lower case, so that
// lookup may ask IsCountry of the word rather than of its lower case:
// lower-casing a rune twice gives what once does, no other rune lower-cases
// to an apostrophe, and strings.ToLower agrees on strings with invalid
// UTF-8 and apostrophes.
func TestLowerCaseKey(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		if unicode.ToLower(l) != l {
			t.Errorf("%U lower-cases to %U, which lower-cases to %U", r, l, unicode.ToLower(l))
		}
		if (l == '\'' || l == '’') && l != r {
			t.Errorf("%U lower-cases to an apostrophe", r)
		}
	}
	key := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "’", "'")) }
	for _, s := range []string{"O’Neill", "\xffAB’\xe2\x80", "\xe2\x80’\x99", "İZ’S", "ǅA", "\u212AELVIN", "’’"} {
		if got, want := key(strings.ToLower(s)), key(s); got != want {
			t.Errorf("key(ToLower(%q)) = %q, want %q", s, got, want)
		}
	}
	lex := lexicon.Default()
	for _, s := range []string{"LESOTHO", "Lesotho", "Côte D’Ivoire", "CÔTE D’IVOIRE", "Türkiye", "TÜRKIYE", "\u212Airibati"} {
		if got, want := lex.IsCountry(s), lex.IsCountry(strings.ToLower(s)); got != want {
			t.Errorf("IsCountry(%q) = %v, IsCountry of its lower case %v", s, got, want)
		} else if !got {
			t.Errorf("IsCountry(%q) = false: the test names countries", s)
		}
	}
}

// TestTokenizeWords: with the words of the document's analysis,
// tokenizeWords splits a text as tokenize does and gives each token the
// id of the word of the analysis with its span (found here by a search of
// them all), on random strings of bytes and runes, the random texts of
// TestSameAsReference and, when set, the posts of VEIL_BENCH_SITE and the
// texts of SEQ_BENCH.
func TestTokenizeWords(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\u00a0", "\u2003", "a", "Z", "q", "7", "é", "ß", "ж", "\u0301", "'", "’", "s", "S", "-", "‐", ".", "#", "@", "_", ",", "\xff", "\xe2\x80", "x'", "'s", "’S", "ǅ", "A", "Bc", "D9", "Éz", "Ann", "N.Z", "R.", "who", "Rob-who", "-W. ", "O'Kea", "ab-3", "x'9"}
	r := rand.New(rand.NewPCG(5, 8))
	var texts []string
	for range 20000 {
		var sb strings.Builder
		for range r.IntN(24) {
			if r.IntN(8) == 0 {
				sb.WriteByte(byte(r.IntN(256)))
			} else {
				sb.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		texts = append(texts, sb.String())
	}
	texts = append(texts, randomTexts(lexicon.Default(), 400)...)
	texts = append(texts, extraTexts(t)...)
	fast, lower := 0, 0
	for _, text := range texts {
		an := (&deid.Doc{Text: text}).Analysis()
		dw := an.Words()
		toks := tokenizeWords(text, dw, nil)
		want := tokenize(text, nil)
		if !slices.EqualFunc(toks, want, func(a, b span) bool { return a.start == b.start && a.end == b.end }) {
			t.Fatalf("tokenizeWords(%q) = %v, want %v", text, toks, want)
		}
		for _, tok := range toks {
			want := int32(-1)
			for _, w := range dw {
				if w.Start == tok.start && w.End == tok.end {
					want = w.ID
				}
				if w.Letters == w.End-w.Start && w.Start == tok.start {
					fast++
				}
			}
			if tok.lower {
				lower++
				if tok.word == 0 || an.Vocab()[tok.word-1] != text[tok.start:tok.end] {
					t.Fatalf("%q: token %q is not its lookup form", text, text[tok.start:tok.end])
				}
			}
			if tok.word-1 != want {
				t.Fatalf("%q: token %q has the id %d, want %d", text, text[tok.start:tok.end], tok.word-1, want)
			}
		}
	}
	if fast < 1000 || lower < 1000 {
		t.Errorf("%d tokens at words of ASCII letters, %d in small letters: too few to test the shortcuts", fast, lower)
	}
}

// TestLookupPlaceFromFacts: lookup, which reads a word's places, country
// and state from the place word of its facts (lexicon.Facts.Place), tells
// what the reference's Place, IsCountry and USState lookups tell, with the
// facts of the word and of its lookup form: every third word of the word
// lists in four cases and with a typographic apostrophe, every pair of
// capitals (the state codes are matched as written), the tokens of the
// random texts and, when set, of the posts of VEIL_BENCH_SITE.
func TestLookupPlaceFromFacts(t *testing.T) {
	lex := lexicon.Default()
	var words []string
	i := 0
	for w := range lex.Words() {
		if i++; i%3 != 0 && !testing.Short() || i%31 == 0 {
			title := strings.ToUpper(w[:1]) + w[1:]
			words = append(words, w, title, strings.ToUpper(w), "x"+title, strings.ReplaceAll(title, "'", "’"))
		}
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			words = append(words, string([]rune{a, b}), string([]rune{a, b + 'a' - 'A'}))
		}
	}
	for _, text := range append(randomTexts(lex, 100), extraTexts(t)...) {
		for _, tok := range tokenize(text, nil) {
			words = append(words, text[tok.start:tok.end])
		}
	}
	places, countries, states := 0, 0, 0
	for _, w := range words {
		lower := strings.ToLower(w)
		want := refLookup(lex, w, lower, lex.Facts(w))
		for _, x := range []lexicon.Facts{lex.Facts(w), lex.Facts(deid.LookupForm(w))} {
			if got := lookup(lex, w, lower, x); refInfo(got) != want {
				t.Fatalf("lookup(%q) = %+v, want %+v", w, got, want)
			}
		}
		if want.pop > 0 {
			places++
		}
		if want.flags&flCountry != 0 {
			countries++
		}
		if want.flags&flState != 0 {
			states++
		}
	}
	if places < 100 || countries < 10 || states < 10 {
		t.Errorf("%d places, %d countries, %d states among %d words: too few to compare", places, countries, states, len(words))
	}
	t.Logf("%d words: %d places, %d countries, %d states", len(words), places, countries, states)
}
