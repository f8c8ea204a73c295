package rules

import (
	"context"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
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
	// Non-ASCII letters and digits, and bytes that are none, before a kind.
	pieces := append(slices.Clone(exactPieces), "٣", "ü", "\xe2\x80", "—", "a_")
	shared := ruleSetOf(Default()[0]).shared
	fastPath := 0
	for i := 0; i < 20000; i++ {
		text := randomText(r, pieces, 1+r.Intn(40))
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
		ts, inner := tokenizeAll(text)
		if fast := pubKindsAtTokens(text, tokenized{ts, inner}); !reflect.DeepEqual(fast, at) {
			t.Fatalf("pubKindsAtTokens(%q)\n got %v\nwant %v", text, fast, at)
		}
		// The shared walk of the rules notes them for Publication.
		doc := &deid.Doc{Text: text}
		if _, err := shared.run(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		noted := deid.AnalysisValue(doc.Analysis(), pubKindsKey{}, func() [][2]int {
			t.Fatalf("the walk noted no kinds in %q", text)
			return nil
		})
		if !reflect.DeepEqual(noted, at) {
			t.Fatalf("the walk's kinds in %q\n got %v\nwant %v", text, noted, at)
		}
		if !inner {
			fastPath++
		}
	}
	if fastPath < 2000 {
		t.Errorf("only %d texts read from their tokens", fastPath)
	}
}

// plainSet is s as the rules ran before their shortcuts: its own pass,
// and no rule skipped for want of a digit or of its need.
func plainSet(s *ruleSet) *ruleSet {
	rs := slices.Clone(s.rules)
	for i := range rs {
		rs[i].digit, rs[i].need = false, nil
	}
	p := &ruleSet{rules: rs, scans: s.scans}
	p.own = newPass(false, p)
	for b := range p.own.byFirst {
		p.own.byFirst[b].next = nil // no rule passed over for the byte after its token's letters
		for _, l := range [][]cand{p.own.byFirst[b].free, p.own.byFirst[b].digit} {
			for i := range l {
				l[i].after = nil // nor for the byte after its digits
			}
		}
	}
	for d := range p.own.byRun {
		for n := range p.own.byRun[d] {
			p.own.byRun[d][n] = p.own.byFirst['0'+d] // nor for the length of its digits
		}
	}
	for _, cs := range p.own.byWord {
		cs.gate = nil // nor for what follows its word
	}
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

// tokenizeRef is tokenize as it was first written, byte by byte.
func tokenizeRef(text string) []token {
	var ts []token
	prevWord := false
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			w := isASCIIAlnum(b) || b == '_'
			if w && !prevWord || b == '+' || b == '(' || b == '@' || b == '\'' || b == '#' {
				j := i
				for j < len(text) && j-i < 24 && (text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z') {
					j++
				}
				ts = append(ts, token{start: i, wend: j})
			}
			prevWord = w
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		w := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if w && !prevWord || r == '’' {
			ts = append(ts, token{start: i, wend: i})
		}
		prevWord = w
		i += size
	}
	for k := range ts {
		ts[k].digit = len(text)
		if d := strings.IndexAny(text[ts[k].start:], "0123456789"); d >= 0 {
			ts[k].digit = ts[k].start + d
		}
	}
	return ts
}

func TestTokenizeIsRef(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	pieces := append(slices.Clone(rulePieces), "abcdefghijklmnopqrstuvwxyzabcdefgh", "x1_y", "_", "__", "\xff", "\xe2\x80", "ü", "٣", "Ⅻ", "a\u0301")
	for i := 0; i < 20000; i++ {
		text := randomText(r, pieces, r.Intn(60))
		if got, want := tokenize(text), tokenizeRef(text); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Fatalf("tokenize(%q)\n got %v\nwant %v", text, got, want)
		}
	}
}

// The scanners as they were first written, byte by byte.
func scanCodesRef(text string) []hit {
	var hs []hit
	for i := 0; i < len(text); {
		if !isASCIIAlnum(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isASCIIAlnum(text[j]) || text[j] == '-' && j+1 < len(text) && isASCIIAlnum(text[j+1]) && j > i) {
			j++
		}
		tok := text[i:j]
		if countLetters(tok) == 0 {
			// Each hyphen-free digit run on its own.
			for k := i; k < j; {
				if !isDigit(text[k]) {
					k++
					continue
				}
				l := k
				for l < j && isDigit(text[l]) {
					l++
				}
				if l-k >= 6 {
					hs = append(hs, digitRun(text, []int{k, l})...)
				}
				k = l
			}
		} else if countDigits(tok) > 0 {
			hs = append(hs, mixedID(text, []int{i, j})...)
			if !strings.Contains(tok, "-") {
				// fine
			} else if len(hs) == 0 || hs[len(hs)-1].start != i {
				// Try each hyphen part alone: "ID-12345678".
				for _, part := range splitKeep(text, i, j) {
					if countLetters(text[part[0]:part[1]]) == 0 && part[1]-part[0] >= 6 {
						hs = append(hs, digitRun(text, part[:])...)
					} else {
						hs = append(hs, mixedID(text, part[:])...)
					}
				}
			}
		}
		i = j
	}
	return hs
}
func scanEmailRef(text string) []hit {
	var starts []int
	for i := 0; i < len(text); i++ {
		if text[i] != '@' {
			continue
		}
		j := i
		for j > 0 && i-j < 64 && (isASCIIAlnum(text[j-1]) || strings.IndexByte("._%+-", text[j-1]) >= 0) {
			j--
		}
		for j < i && !isASCIIAlnum(text[j]) {
			j++
		}
		if j < i && (len(starts) == 0 || starts[len(starts)-1] < j) {
			starts = append(starts, j)
		}
	}
	return scanAt(text, rule{re: emailRe, fn: emailHit, win: 320}, starts)
}
func scanDomainRef(text string) []hit {
	var starts []int
	last := -1
	for i := 1; i+1 < len(text); i++ {
		if text[i] != '.' || !isASCIIAlnum(text[i-1]) || text[i+1]|0x20 < 'a' || text[i+1]|0x20 > 'z' {
			continue
		}
		j := i
		for j > 0 && i-j < 253 && (isASCIIAlnum(text[j-1]) || text[j-1] == '.' || text[j-1] == '-') {
			j--
		}
		for j < i && !isASCIIAlnum(text[j]) {
			j++
		}
		if j > last {
			starts = append(starts, j)
			last = j
		}
	}
	return scanAt(text, rule{match: matchDomain, fn: domainHit, win: 400}, starts)
}

func TestScannersAreRef(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	pieces := append(slices.Clone(rulePieces), "A-4471", "AB-12-CD", "x-", "-", "--", "1234567", "ab12cd34", "a.b", "@x.org", "j.doe@example.org", ".uk", "co.uk")
	n := 0
	for i := 0; i < 20000; i++ {
		text := randomText(r, pieces, r.Intn(80))
		for _, f := range []struct {
			name      string
			fast, ref func(string) []hit
		}{{"scanCodes", scanCodes, scanCodesRef}, {"scanEmail", scanEmail, scanEmailRef}, {"scanDomain", scanDomain, scanDomainRef}} {
			got, want := f.fast(text), f.ref(text)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s(%q)\n got %v\nwant %v", f.name, text, got, want)
			}
			n += len(want)
		}
	}
	if n < 5000 {
		t.Errorf("only %d hits in the random texts", n)
	}
}

// hasPhoneCueRef is hasPhoneCue as it was first written: every cue tried
// at every word start.
func hasPhoneCueRef(w string) bool {
	for k := 0; k < len(w); k++ {
		if !isASCIIAlnum(w[k]) || k > 0 && isASCIIAlnum(w[k-1]) {
			continue
		}
		for c := range vocab.PhoneCues().All() {
			if len(w)-k < len(c) || !hasPrefixFold(w[k:], c) {
				continue
			}
			if e := k + len(c); len(c) > 2 || e == len(w) || !isASCIIAlnum(w[e]) {
				return true
			}
		}
	}
	return false
}

func TestHasPhoneCueIsRef(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	pieces := append(slices.Clone(rulePieces), vocab.PhoneCues().Words()...)
	for _, c := range vocab.PhoneCues().Words() {
		pieces = append(pieces, strings.ToUpper(c), c[:len(c)-1], c+"x")
	}
	found := 0
	for i := 0; i < 20000; i++ {
		w := randomText(r, pieces, r.Intn(8))
		got, want := hasPhoneCue(w), hasPhoneCueRef(w)
		if got != want {
			t.Fatalf("hasPhoneCue(%q) = %v, want %v", w, got, want)
		}
		if want {
			found++
		}
	}
	if found < 2000 {
		t.Errorf("only %d texts with a cue: the test does not exercise the cues", found)
	}
}

// tWordsThenRef is tWordsThen as it was first written: the next word
// looked up in a map.
func tWordsThenRef(words []string, next []string) *trig {
	n := set(next...)
	return wordTrig(set(words...), func(text string, t token) bool {
		j := afterWord(text, t)
		k := j
		for k < len(text) && k-j < 24 && (text[k]|0x20 >= 'a' && text[k]|0x20 <= 'z') {
			k++
		}
		return k > j && inSet(n, text, token{start: j, wend: k})
	})
}

func TestWordsThenIsRef(t *testing.T) {
	words, next := []string{"the", "last", "a"}, []string{"day", "days", "week", "weekend", "of", "corner", "Mar", "oct"}
	fast, ref := tWordsThen(words, next), tWordsThenRef(words, next)
	r := rand.New(rand.NewSource(6))
	ws := []string{"the", "The", "THE", "last", "a", "A", "day", "DAYS", "Week", "weekend", "weekends", "da", "of", "Of", "off",
		"corner", "Corner", "cornerstone", "dayz", "Mar", "oct", "x", "1", "é"}
	seps := []string{" ", " ", "  ", ". ", "-", "\n", ", ", "", "_"}
	accepted := 0
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := r.Intn(20); n >= 0; n-- {
			b.WriteString(ws[r.Intn(len(ws))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		text := b.String()
		for _, tk := range tokenize(text) {
			got, want := fast.accepts(text, tk), ref.accepts(text, tk)
			if got != want {
				t.Fatalf("tWordsThen at %d of %q: %v, want %v", tk.start, text, got, want)
			}
			if want {
				accepted++
			}
		}
	}
	if accepted < 500 {
		t.Errorf("only %d tokens accepted: the test does not exercise the trigger", accepted)
	}
}

// TestPhoneSevenFirstKeepsFindings compares the phone detector with the one
// that tries every pattern wherever its trigger says, on random texts full of
// numbers.
func TestPhoneSevenFirstKeepsFindings(t *testing.T) {
	fast, slow := newPhone(true), newPhone(false)
	pieces := append(slices.Clone(rulePieces), "ext", "x", "fax", "cell", "tel:", "Phone:", "call", "pager", "#")
	seps := []string{" ", "-", ".", "/", "(", ")", "- ", " ", "", ", "}
	r := rand.New(rand.NewSource(8))
	found := 0
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for n := 1 + r.Intn(12); n > 0; n-- {
			if r.Intn(3) == 0 {
				b.WriteString(pieces[r.Intn(len(pieces))])
				continue
			}
			for d := 1 + r.Intn(5); d > 0; d-- {
				b.WriteByte(byte('0' + r.Intn(10)))
			}
			b.WriteString(seps[r.Intn(len(seps))])
		}
		text := b.String()
		got, err := fast.Detect(context.Background(), &deid.Doc{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		want, err := slow.Detect(context.Background(), &deid.Doc{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("phone(%q)\n got %+v\nwant %+v", text, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d phone numbers in the random texts", found)
	}
}

// TestWordCandsIsMap compares the walk's lookup of a token's word with the
// map it reads, at every token of random texts, in every pass of Default
// and of each detector alone.
func TestWordCandsIsMap(t *testing.T) {
	var passes []*pass
	for _, d := range Default() {
		if s := ruleSetOf(d); s != nil {
			passes = append(passes, s.own, s.shared)
		}
	}
	r := rand.New(rand.NewSource(9))
	var ws []string
	for _, p := range passes {
		for w := range p.byWord {
			ws = append(ws, w, strings.ToUpper(w), w+"s", w[:len(w)-1]+"x")
		}
	}
	ws = append(ws, rulePieces...)
	seps := []string{" ", " ", "\n", ". ", ", ", "-", "_", "é", "1", ""}
	found := 0
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := r.Intn(40); n >= 0; n-- {
			b.WriteString(ws[r.Intn(len(ws))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		text := b.String()
		for _, tk := range tokenize(text) {
			if tk.wend == tk.start || tk.wend-tk.start > 24 {
				continue
			}
			var buf [24]byte
			for _, p := range passes {
				want := p.byWord[string(lowerToken(&buf, text, tk))]
				if got := p.wordCands(text, tk, tokenHash(text, tk)); got != want {
					t.Fatalf("wordCands at %d of %q: %p, want %p", tk.start, text, got, want)
				}
				if want != nil {
					found++
				}
			}
		}
	}
	if found < 10000 {
		t.Errorf("only %d tokens with rules", found)
	}
}

// ruleSetOf returns the rule set of a detector of Default (nil for
// Publication, which has none).
func ruleSetOf(d deid.Detector) *ruleSet {
	switch v := d.(type) {
	case *Email:
		return v.rules
	case *URL:
		return v.rules
	case *Handle:
		return v.rules
	case *IP:
		return v.rules
	case *Phone:
		return v.rules
	case *SSN:
		return v.rules
	case *IDNumber:
		return v.rules
	case *Date:
		return v.rules
	case *Age:
		return v.rules
	case *Street:
		return v.rules
	case *POBox:
		return v.rules
	case *PostalCode:
		return v.rules
	}
	return nil
}

// TestWordGateIsUnion compares each word's gate with the tests it stands
// for, at every token of random texts of the rules' words and the words
// that may follow them, in every pass of Default and of each detector
// alone: the gate accepts exactly where one of the word's rules does.
func TestWordGateIsUnion(t *testing.T) {
	var passes []*pass
	for _, d := range Default() {
		if s := ruleSetOf(d); s != nil {
			passes = append(passes, s.own, s.shared)
		}
	}
	var ws []string
	gates := 0
	for _, p := range passes {
		for w, cs := range p.byWord {
			ws = append(ws, w, strings.ToUpper(w))
			if cs.gate != nil {
				gates++
				for _, c := range cs.free {
					ws = append(ws, c.then.next...)
					for _, n := range c.then.next {
						ws = append(ws, strings.ToUpper(n), n+"s", n[:len(n)-1])
					}
				}
			}
		}
	}
	if gates < 20 {
		t.Fatalf("only %d words with a gate", gates)
	}
	ws = append(ws, "the", "THE", "The", "1", "42", "'", "’", "x", "é", "ſ")
	seps := []string{" ", " ", "  ", ". ", ".", "-", "\n", ", ", "", "_", " '", "\t"}
	r := rand.New(rand.NewSource(11))
	accepted, refused := 0, 0
	for i := 0; i < 4000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n >= 0; n-- {
			b.WriteString(ws[r.Intn(len(ws))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		text := b.String()
		for _, tk := range tokenize(text) {
			if tk.wend == tk.start || tk.wend-tk.start > 24 {
				continue
			}
			for _, p := range passes {
				cs := p.wordCands(text, tk, tokenHash(text, tk))
				if cs == nil || cs.gate == nil {
					continue
				}
				want := false
				for _, c := range cs.free {
					want = want || c.test(text, tk)
				}
				if got := cs.gate.accepts(text, tk); got != want {
					t.Fatalf("gate of %q at %d of %q: %v, want %v", text[tk.start:tk.wend], tk.start, text, got, want)
				}
				if want {
					accepted++
				} else {
					refused++
				}
			}
		}
	}
	if accepted < 2000 || refused < 2000 {
		t.Errorf("%d tokens accepted, %d refused: the test does not exercise the gates", accepted, refused)
	}
}
