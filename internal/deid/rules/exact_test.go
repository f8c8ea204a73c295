package rules

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// randomText joins n pieces drawn from pieces, so that the shortcuts of the
// rules meet their words, their neighbours and the characters that decide
// their edges in every order.
func randomText(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

// exactPieces are the pieces randomText draws from, unless a test gives
// its own.
var exactPieces = []string{
	" ", " ", " ", "\n", "\t", "  ", ".", ",", ";", ":", ")", "(", "-", "_", "'", "’", "&", "1", "42", "é", "ſ", "\xff",
	"of", "Of", "OF", "off", "issue", "Issues", "ISSUE", "episode", "Episodes", "edition", "instalment", "Installments",
	"instament", "The", "the", "Quiet", "Lantern", "Moss", "and", "x", "Hollow", "a", "my", "our", "weekly",
	"blog", "letter", "newsletter", "Blog", "vlog", "zine", "podcast", "column", "channel", "journal", "blogs",
	"Pingback", "Trackback", "back", "|", "–",
}

// partOfPieces make texts in which partOfRE often matches.
var partOfPieces = []string{
	" ", " ", " ", "  ", "\n", ".", ",", "x", "1", "_", "é", "ſ", "’s", "'", " & ",
	"issue of ", "Issues of ", "episode  of\t", "EDITION of ", "instalments of ", "installment OF ", "episodeſ of ", "issue\nof ",
	"The ", "Quiet ", "Lantern", "Moss ", "and ", "of ", "the ", "Év ", "Ab ", "A ", "QUIET ",
}

func TestPartOfMatchesIsFindAll(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	found := 0
	for i := 0; i < 20000; i++ {
		pieces := exactPieces
		if i%2 == 0 {
			pieces = partOfPieces
		}
		text := randomText(r, pieces, 1+r.Intn(40))
		if i%3 == 0 {
			text = strings.ReplaceAll(text, "ſ", "s")
		}
		got := partOfMatches(text)
		want := partOfRE.FindAllStringSubmatchIndex(text, -1)
		if len(got) != 0 || len(want) != 0 {
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("partOfMatches(%q)\n got %v\nwant %v", text, got, want)
			}
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d matches in the random texts: they do not exercise the pattern", found)
	}
}

func TestPubKindsAtIsIndex(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		text := randomText(r, exactPieces, 1+r.Intn(40))
		var want [][2]int
		for k, kind := range pubKindList {
			for off := 0; ; {
				p := strings.Index(text[off:], kind)
				if p < 0 {
					break
				}
				p += off
				off = p + len(kind)
				if p > 0 && isASCIIAlnum(text[p-1]) || off < len(text) && isASCIIAlnum(text[off]) {
					continue
				}
				want = append(want, [2]int{k, p})
			}
		}
		var got [][2]int
		at := pubKindsAt(text)
		for k := range pubKindList {
			for _, a := range at {
				if a[0] == k {
					got = append(got, a)
				}
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("pubKindsAt(%q)\n got %v\nwant %v", text, got, want)
		}
	}
}
