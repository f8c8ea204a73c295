package deid

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// publicBodySpansRef is publicBodySpans as first written: every word looked
// up.
func publicBodySpansRef(text string, ws []word) []termMatch {
	var out []termMatch
	flush := func(run []word) {
		for len(run) > 0 && vocab.PublicBodyJoiners().Has(run[len(run)-1].key) {
			run = run[:len(run)-1]
		}
		for len(run) > 0 && vocab.PublicBodyJoiners().Has(run[0].key) {
			run = run[1:]
		}
		if len(run) < 2 {
			return
		}
		head := false
		for _, w := range run {
			head = head || vocab.PublicBodyHeads().Has(bodyKey(w.key))
		}
		if head {
			out = append(out, termMatch{start: int(run[0].start), end: int(run[len(run)-1].end)})
		}
	}
	var run []word
	for i, w := range ws {
		k := bodyKey(w.key)
		inName := (isUpperByte(text[w.start]) || vocab.PublicBodyJoiners().Has(k)) && vocab.PublicBodyWords().Has(k)
		if inName && len(run) > 0 && strings.Trim(text[ws[i-1].end:w.start], " ") != "" {
			flush(run)
			run = nil
		}
		if !inName {
			flush(run)
			run = nil
			continue
		}
		run = append(run, w)
	}
	flush(run)
	return out
}

// glueWords are pieces for random texts: the lists' own words in several
// cases and with possessive endings, and words of no list.
func glueWords() []string {
	var out []string
	add := func(ws []string, n int) {
		for i := 0; i < n && i < len(ws); i++ {
			w := ws[i*7%len(ws)]
			out = append(out, w, strings.ToUpper(w[:1])+w[1:], w+"'s", strings.ToUpper(w[:1])+w[1:]+"’s")
		}
	}
	add(vocab.PublicBodyJoiners().Words(), 20)
	add(vocab.PublicBodyWords().Words(), 40)
	add(vocab.PublicBodyHeads().Words(), 20)
	return append(out, "Quibble", "marrow", "Tansy", "zed's")
}

func TestPublicBodySpansIsRef(t *testing.T) {
	words := glueWords()
	seps := []string{" ", " ", " ", "  ", ", ", ".\n", " - ", "\n"}
	r := rand.New(rand.NewSource(3))
	found := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(12); n > 0; n-- {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		text := b.String()
		ws := splitWords(text)
		got, want := publicBodySpans(text, ws), publicBodySpansRef(text, ws)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("publicBodySpans(%q)\n got %v\nwant %v", text, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d spans", found)
	}
}

// TestMergeByStartIsSort checks that merging the findings of each detector
// in turn gives what sorting all of them so far gives, ties in their order.
func TestMergeByStartIsSort(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 5000; i++ {
		var all, found []Finding
		for d := r.Intn(6); d > 0; d-- {
			fs := make([]Finding, r.Intn(8))
			for j := range fs {
				start := r.Intn(20)
				fs[j] = Finding{Start: start, End: start + 1 + r.Intn(5), Recognizer: string(rune('a' + d)), Confidence: float64(j)}
			}
			all = append(all, fs...)
			if r.Intn(2) == 0 {
				fs = sortedByStart(fs)
			}
			if len(fs) > 0 {
				found = mergeByStart(found, byStart(fs))
			}
			if want := sortedByStart(all); !reflect.DeepEqual(found, want) && len(want) > 0 {
				t.Fatalf("merged %v\nwant %v", found, want)
			}
		}
	}
}

// propagateRef is propagate as first written: every name finding's words
// split twice and looked up, however often the name was found.
func (e *Engine) propagateRef(text string, ws []word, fs []Finding) []Finding {
	words := map[string]Finding{}
	var terms []string
	for _, f := range fs {
		if f.Kind != Person && f.Kind != Place && f.Kind != Organization {
			continue
		}
		for _, w := range nameWords(f.Text, f.Kind) {
			key := termID(w)
			if _, ok := words[key]; ok {
				continue
			}
			words[key] = f
			terms = append(terms, w)
		}
	}
	if len(terms) == 0 {
		return fs
	}
	out := fs
	for _, m := range newTermSet(terms).find(text, ws) {
		occ := text[m.start:m.end]
		src, ok := words[m.id]
		if !ok {
			continue
		}
		if isLower(occ) && e.isCommon(strings.ToLower(occ)) {
			continue
		}
		out = append(out, Finding{
			Start: m.start, End: m.end, Kind: src.Kind, Type: src.Type, Text: occ,
			Recognizer: "propagate", Confidence: src.Confidence * 0.9,
		})
	}
	return e.propagateGlued(text, ws, words, out)
}

// TestPropagateIsRef finds random spans of random texts (names repeated, in
// other cases, with titles and possessives) as findings of random kinds, and
// compares propagate with its first form.
func TestPropagateIsRef(t *testing.T) {
	pieces := []string{"Quillon", "quillon", "QUILLON", "Tansy", "Marrow's", "Dr", "Dr.", "Mrs", "Vell-Aster", "Vell", "Aster", "the", "Orbury", "Annexe", "Orbury3", "é", "of"}
	seps := []string{" ", " ", ", ", ".\n", "-", "_"}
	kinds := []Kind{Person, Person, Place, Organization, Date}
	e := New()
	r := rand.New(rand.NewSource(4))
	found := 0
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := r.Intn(20); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		text := b.String()
		ws := splitWords(text)
		var fs []Finding
		for n := r.Intn(6); n > 0 && len(ws) > 0; n-- {
			a := r.Intn(len(ws))
			z := min(len(ws)-1, a+r.Intn(3))
			fs = append(fs, Finding{Start: int(ws[a].start), End: int(ws[z].end), Kind: kinds[r.Intn(len(kinds))],
				Text: text[ws[a].start:ws[z].end], Confidence: float64(r.Intn(10)) / 10})
		}
		got, want := e.propagate(text, ws, fs), e.propagateRef(text, ws, fs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("propagate(%q, %v)\n got %v\nwant %v", text, fs, got, want)
		}
		found += len(want) - len(fs)
	}
	if found < 1000 {
		t.Errorf("only %d findings propagated", found)
	}
}

// dropAllowedRef is dropAllowed as first written: publicBody asked for
// every name finding, however often its text was found.
func dropAllowedRef(doc *Doc, ws []word, fs []Finding) []Finding {
	if len(fs) == 0 {
		return fs
	}
	allowed := map[string]bool{}
	for _, a := range doc.Allow {
		allowed[termID(a)] = true
	}
	spans := newTermSet(doc.Allow).find(doc.Text, ws)
	public := publicTermSet().find(doc.Text, ws)
	codes := professionalCodes(doc.Text)
	bodies := publicBodySpans(doc.Text, ws)
	return slices.DeleteFunc(slices.Clone(fs), func(f Finding) bool {
		return len(allowed) > 0 && allowed[termID(f.Text)] || insideAny(f, spans) || insideAny(f, public) || insideAny(f, codes) ||
			nameLike(f.Kind) && (publicBody(f.Text) || insideAny(f, bodies))
	})
}

func TestDropAllowedIsRef(t *testing.T) {
	words := append(glueWords(), vocab.PublicTerms().Words()[:20]...)
	words = append(words, "Quillon", "Tansy", "Quillon Tansy")
	seps := []string{" ", " ", " ", ", ", ".\n"}
	kinds := []Kind{Person, Place, Organization, Date}
	r := rand.New(rand.NewSource(8))
	dropped := 0
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := r.Intn(14); n > 0; n-- {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		doc := &Doc{Text: b.String()}
		if r.Intn(3) == 0 {
			doc.Allow = []string{"Quillon", words[r.Intn(len(words))]}
		}
		ws := splitWords(doc.Text)
		var fs []Finding
		for n := r.Intn(8); n > 0 && len(ws) > 0; n-- {
			a := r.Intn(len(ws))
			z := min(len(ws)-1, a+r.Intn(3))
			fs = append(fs, Finding{Start: int(ws[a].start), End: int(ws[z].end), Kind: kinds[r.Intn(len(kinds))], Text: doc.Text[ws[a].start:ws[z].end]})
		}
		got, want := dropAllowed(doc, ws, fs), dropAllowedRef(doc, ws, fs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("dropAllowed(%q, %v)\n got %v\nwant %v", doc.Text, fs, got, want)
		}
		dropped += len(fs) - len(want)
	}
	if dropped < 1000 {
		t.Errorf("only %d findings dropped", dropped)
	}
}

// appositiveAgesRef is appositiveAges as first written: every byte of the
// text visited for '(' and ','.
func appositiveAgesRef(text string, fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Kind != Person {
			continue
		}
		if s, e, n, ok := ageAfter(text, f.End); ok {
			out = append(out, Finding{Start: s, End: e, Kind: Age, Type: TypeApposition, Text: text[s:e],
				Recognizer: "context", Confidence: 0.8, Age: n})
		}
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '(' && text[i] != ',' {
			continue
		}
		if d := i + 1 + boolInt(text[i] == ','); d >= len(text) || !isDigit(text[d]) || text[i] == ',' && text[i+1] != ' ' {
			continue
		}
		j := i
		if j > 0 && text[j-1] == ' ' && text[i] == '(' {
			j--
		}
		_, w := vocab.WordBefore(text, j)
		if !kinAgeWord(strings.ToLower(w)) {
			continue
		}
		if s, e, n, ok := ageAfter(text, j); ok && (text[i] == '(' || strings.HasPrefix(text[e:], ", ") || strings.HasPrefix(text[e:], ",\n")) {
			out = append(out, Finding{Start: s, End: e, Kind: Age, Type: TypeApposition, Text: text[s:e],
				Recognizer: "context", Confidence: 0.7, Age: n})
		}
	}
	return out
}

func TestAppositiveAgesIsRef(t *testing.T) {
	pieces := []string{"my son", "son", "daughter", "mother", "Quillon", " (", "(", ", ", ",", "7", "12", "34", ")", " ", "\n", "aged", "yo", "-year-old", "é", "my son (7) ", "her daughter, 12, ", "mother (34)"}
	r := rand.New(rand.NewSource(6))
	found := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(16); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		got, want := appositiveAges(text, nil), appositiveAgesRef(text, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("appositiveAges(%q)\n got %v\nwant %v", text, got, want)
		}
		found += len(want)
	}
	if found < 500 {
		t.Errorf("only %d ages", found)
	}
}

// namedPeopleRef is namedPeople as first written, asking nameCueEnd at
// every word.
func (e *Engine) namedPeopleRef(text string, ws []word) []Finding {
	var out []Finding
	for i := 0; i < len(ws); i++ {
		k := e.nameCueEnd(text, ws, i)
		if k < 0 {
			continue
		}
		j := k
		for j < len(ws) && j < k+3 && e.nameWordAt(text, ws, j, j == k) {
			if j > k && strings.ContainsAny(text[ws[j-1].end:ws[j].start], ",;:?!\n") {
				break
			}
			j++
		}
		if j > k {
			s, end := int(ws[k].start), int(ws[j-1].end)
			out = append(out, Finding{Start: s, End: end, Kind: Person, Type: "named", Text: text[s:end], Recognizer: "context", Confidence: 0.8})
			i = j - 1
		}
	}
	return out
}

// TestNamedPeopleIsRef compares namedPeople, which passes over words no
// cue starts with, with its first form on random texts of every cue
// nameCueEnd knows, in both cases, and invented names.
func TestNamedPeopleIsRef(t *testing.T) {
	e := New()
	pieces := []string{"name", "Name", "surname", "nickname", "names", "name's", "calls", "call", "called", "Calls",
		"goes", "go", "went", "GOES", "is", "was", "me", "by", "Zelvo", "Maritsa", "quill", "the", "a",
		" ", " ", " ", ": ", "? ", ", ", ".\n", "\n"}
	r := rand.New(rand.NewSource(12))
	found := 0
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for n := r.Intn(24); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		ws := splitWords(text)
		got, want := e.namedPeople(text, ws), e.namedPeopleRef(text, ws)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("namedPeople(%q)\n got %+v\nwant %+v", text, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d names found", found)
	}
}

// predicateAgesRef is predicateAges as first written, reading every byte
// and making the person bounds first.
func predicateAgesRef(text string, fs []Finding) []Finding {
	personEnds, personStarts := personBounds(fs)
	var out []Finding
	for s := 0; s < len(text); s++ {
		if !isDigit(text[s]) {
			continue
		}
		e := s
		for e < len(text) && isDigit(text[e]) {
			e++
		}
		start, n, typ, ok := ageBefore(text, s, e, personEnds, personStarts)
		if ok {
			out = append(out, Finding{
				Start: start, End: e, Kind: Age, Type: typ, Text: text[start:e],
				Recognizer: "context", Confidence: 0.75, Age: n,
			})
		}
		s = e
	}
	return out
}

// TestPredicateAgesIsRef compares predicateAges, which finds digits eight
// bytes at a time, with its first form on random texts of invented
// sentences around numbers, with bytes beyond ASCII and every byte next to
// a digit's, with and without person findings.
func TestPredicateAgesIsRef(t *testing.T) {
	pieces := []string{"she", "is", "was", "turned", "Quillon", "at", "At", "died", "my son", "aged", "nearly", "only",
		" ", " ", " ", "  ", ", ", ". ", "\n", "7", "34", "91", "120", "1234", "0", "/", ":", "é", "\xb0", "\xba", "\xff",
		"(", ")", "years", "old", "he", "when", "she was 34. ", "At 91, she ", "Quillon is 7, ", "my son turned 12 ",
		"he died at 67. ", "Quillon was 120.\n"}
	r := rand.New(rand.NewSource(13))
	found := 0
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
			if r.Intn(2) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		var fs []Finding
		for k := 0; ; k += len("Quillon") {
			j := strings.Index(text[k:], "Quillon")
			if j < 0 {
				break
			}
			if k += j; r.Intn(2) == 0 {
				fs = append(fs, Finding{Start: k, End: k + len("Quillon"), Kind: Person, Text: "Quillon"})
			}
		}
		got, want := predicateAges(text, fs), predicateAgesRef(text, fs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("predicateAges(%q)\n got %+v\nwant %+v", text, got, want)
		}
		found += len(want)
	}
	if found < 500 {
		t.Errorf("only %d ages found", found)
	}
	// Every byte value next to a digit, at every offset of an 8-byte read.
	for c := 0; c < 256; c++ {
		for off := 0; off < 17; off++ {
			text := strings.Repeat("x", off) + string(rune(0)) + " 7 and"
			text = strings.Replace(text, "\x00", string([]byte{byte(c)}), 1)
			if got, want := nextDigit(text, 0), strings.IndexAny(text, "0123456789"); got != want {
				t.Fatalf("nextDigit(%q) = %d, want %d", text, got, want)
			}
		}
	}
}
