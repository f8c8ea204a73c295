package rules

import (
	"context"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
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

// plainSet is s as the rules ran before their shortcuts: its own pass,
// and no rule skipped for want of a digit.
func plainSet(s *ruleSet) *ruleSet {
	rs := slices.Clone(s.rules)
	for i := range rs {
		rs[i].digit = false
	}
	p := &ruleSet{rules: rs, scans: s.scans}
	p.own = newPass(p)
	return p
}

// plain returns d with plainSet's rules.
func plain(t *testing.T, d deid.Detector) deid.Detector {
	switch v := d.(type) {
	case *Email:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *URL:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *Handle:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *IP:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *Phone:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *SSN:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *IDNumber:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *Date:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *Age:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *Street:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *POBox:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case *PostalCode:
		c := *v
		c.rules = plainSet(v.rules)
		return &c
	case Publication:
		return v
	}
	t.Fatalf("no plain form of %T", d)
	return nil
}

// rulePieces make texts in which every rule of Default finds something
// now and then: invented numbers, dates, addresses and contacts, cue
// words and the blanks and marks between them.
var rulePieces = []string{
	" ", " ", " ", " ", "  ", "\n", "\t", ".", ",", ";", ":", "(", ")", "-", "/", "#", "'", "’", "+", "@", "_", "é", "ſ",
	"1", "7", "12", "42", "365", "2024", "1987", "04", "555", "0187", "62704", "123456789", "4111",
	"the", "The", "a", "an", "on", "in", "of", "by", "since", "last", "next", "this", "her", "his", "my", "our",
	"March", "Mar", "oct", "Tuesday", "spring", "Christmas", "yesterday", "years", "year", "old", "aged", "turned",
	"months", "ago", "st", "nd", "th", "Elm", "St", "Street", "Rd", "Ave", "Apt", "Suite", "PO", "Box", "IL", "Ohio",
	"zip", "MRN", "case", "no", "No.", "file", "account", "ID", "SSN", "phone", "call", "tel", "ext", "fax",
	"www", "http", "https", "://", "example", ".org", ".com", "x", "AB", "Koskikatu", "Rue", "Calle", "corner",
	"SW1A", "1AA", "K1A", "0B1", "birthday", "decade", "1990s", "'90s", "late", "early", "mid",
}

// TestShortcutsKeepFindings runs every detector of Default and its plain
// form (one pass each, no rule skipped) on random texts, and wants the
// same findings.
func TestShortcutsKeepFindings(t *testing.T) {
	fast := Default()
	var slow []deid.Detector
	for _, d := range fast {
		slow = append(slow, plain(t, d))
	}
	r := rand.New(rand.NewSource(3))
	found := 0
	for i := 0; i < 3000; i++ {
		text := randomText(r, rulePieces, 1+r.Intn(300))
		doc := &deid.Doc{Text: text}
		for k := range fast {
			got, err := fast[k].Detect(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			want, err := slow[k].Detect(context.Background(), &deid.Doc{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s(%q)\n got %+v\nwant %+v", fast[k].Name(), text, got, want)
			}
			found += len(want)
		}
	}
	if found < 3000 {
		t.Errorf("only %d findings in the random texts: they do not exercise the rules", found)
	}
}
