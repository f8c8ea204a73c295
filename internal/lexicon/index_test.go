package lexicon

import (
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestIndexMatchesMap checks each indexed table against a map of its rows (a later row of
// the same key wins), for every key and for keys it does not hold.
func TestIndexMatchesMap(t *testing.T) {
	l := New()
	for _, tb := range []struct {
		name    string
		nfields int
		ix      *index
	}{
		{"first_names.tsv.gz", 3, l.firstNames.get(l.loadFirstNames)},
		{"surnames.tsv.gz", 2, l.surnames.get(l.loadSurnames)},
		{"word_rank.tsv.gz", 2, l.ranks.get(l.loadRanks)},
		{"words.tsv.gz", 2, l.words.get(l.loadWords)},
	} {
		want := map[string]string{}
		err := l.table(tb.name, tb.nfields, func(f []string) error {
			want[f[0]] = f[1]
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(tb.ix.rows) != len(want) {
			t.Errorf("%s: %d rows indexed, %d keys", tb.name, len(tb.ix.rows), len(want))
		}
		for k, v := range want {
			a, _, ok := tb.ix.get(k)
			if !ok || int(a) != mustAtoi(t, v) {
				t.Fatalf("%s: %q: got %d, %v; want %s", tb.name, k, a, ok, v)
			}
			if _, _, ok := tb.ix.get(k + "\x00"); ok {
				t.Fatalf("%s: %q found", tb.name, k+"\x00")
			}
		}
	}
}

func mustAtoi(t *testing.T, s string) int {
	n, err := atoi32(s)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// TestIndexGrowsAndReplaces builds an index with too small a size hint and repeated keys.
func TestIndexGrowsAndReplaces(t *testing.T) {
	text := "b\t1\na\t2\nb\t3\nc\t4\nd\t5\ne\t6\n"
	ix := &index{text: text, slots: make([]uint32, 2), seed: maphash.MakeSeed()}
	err := eachRow("t", text, 2, func(start int, f []string) error {
		n, err := atoi32(f[1])
		ix.add(indexRow{uint32(start), uint32(start + len(f[0])), n, -n})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]int32{"a": 2, "b": 3, "c": 4, "d": 5, "e": 6} {
		if a, b, ok := ix.get(k); !ok || a != want || b != -want {
			t.Errorf("%q: got %d, %d, %v; want %d", k, a, b, ok, want)
		}
	}
	if _, _, ok := ix.get("f"); ok {
		t.Error(`"f" found`)
	}
	if len(ix.rows) != 5 {
		t.Errorf("%d rows, want 5", len(ix.rows))
	}
}

// TestKeyForms checks the allocation-free lookup forms against their plain definitions.
func TestKeyForms(t *testing.T) {
	ref := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "’", "'")) }
	for _, s := range []string{"", "a", "abc", "Abc", "ABC", "o’neil", "O’Neil", "o'neil", "São Paulo",
		"ȺȺ", "İstanbul", "x\xffY", "new  york", " New\tYork\u00a0City ", "a\u2003b", "\u0085", "Ǆemal"} {
		if got, want := key(s), ref(s); got != want {
			t.Errorf("key(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendKey([]byte("x "), s)), "x "+ref(s); got != want {
			t.Errorf("appendKey(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendPhraseKey(nil, s)), phraseKey(strings.Fields(s)); got != want {
			t.Errorf("appendPhraseKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestMatchAtForms checks MatchAt on words in several cases and with spaces inside a word.
func TestMatchAtForms(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		words []string
		want  int
	}{
		{[]string{"bipolar", "disorder", "today"}, 2},
		{[]string{"BIPOLAR", "Disorder"}, 2},
		{[]string{"bipolar disorder"}, 0},
		{[]string{"today", "bipolar"}, 0},
		{nil, 0},
	} {
		if got := l.MatchAt(Condition, tc.words); got != tc.want {
			t.Errorf("MatchAt(Condition, %q) = %d, want %d", tc.words, got, tc.want)
		}
	}
}

// TestLookupsDoNotAllocate checks that lookups of ASCII words, in any case, allocate nothing.
func TestLookupsDoNotAllocate(t *testing.T) {
	l := Default()
	words := []string{"Bipolar", "disorder", "today"}
	l.MatchAt(Condition, words)
	l.InCategory(Title, "Dr")
	l.WordLevel("x")
	if n := testing.AllocsPerRun(100, func() {
		l.MatchAt(Condition, words)
		l.InCategory(Title, " Dr ")
		l.WordLevel("table")
	}); n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}

// TestPlacesMatchMap checks the place index against a map from each name's lookup forms to
// its places, sorted as Places promises.
func TestPlacesMatchMap(t *testing.T) {
	l := New()
	want := map[string][]Place{}
	err := l.table("places.tsv.gz", 5, func(f []string) error {
		p := Place{Name: f[0], Country: f[2], Admin1: f[3], Population: mustAtoi(t, f[4])}
		k := key(f[0])
		want[k] = append(want[k], p)
		if a := key(f[1]); f[1] != "" && a != k {
			want[a] = append(want[a], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pi := l.places.get(l.loadPlaces)
	if len(pi.ix.rows) != len(want) {
		t.Errorf("%d names indexed, want %d", len(pi.ix.rows), len(want))
	}
	for k, ps := range want {
		got := l.Places(k)
		if len(got) != len(ps) {
			t.Fatalf("%q: %d places, want %d", k, len(got), len(ps))
		}
		for i := 1; i < len(got); i++ {
			if got[i].Population > got[i-1].Population {
				t.Fatalf("%q: not most populous first: %v", k, got)
			}
		}
		for _, p := range ps {
			if !slices.Contains(got, p) {
				t.Fatalf("%q: %v missing from %v", k, p, got)
			}
		}
		q := k
		if up := strings.ToUpper(k); key(up) == k {
			q = up
		}
		if p, ok := l.Place(q); !ok || p != got[0] {
			t.Fatalf("Place(%q) = %v, %v; want %v", q, p, ok, got[0])
		}
	}
	if _, ok := l.Place("Xqzzvville"); ok {
		t.Error("Place(Xqzzvville) found")
	}
}

// TestProperMatchesMap checks the proper index against the lowest levels of each word's
// rows, kept by kind in a map.
func TestProperMatchesMap(t *testing.T) {
	l := New()
	want := map[string]properLevels{}
	err := l.table("proper.tsv.gz", 3, func(f []string) error {
		lv := uint8(mustAtoi(t, f[1]))
		k := key(f[0])
		p := want[k]
		at := &p.proper
		if f[2] == "A" {
			at = &p.abbrev
		}
		if *at == 0 || lv < *at {
			*at = lv
		}
		want[k] = p
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ix := l.proper.get(l.loadProper)
	if len(ix.rows) != len(want) {
		t.Errorf("%d words indexed, want %d", len(ix.rows), len(want))
	}
	for k, p := range want {
		if got := l.properFor(k); got != p {
			t.Fatalf("%q: got %v, want %v", k, got, p)
		}
	}
}

// TestNumbers checks the tables' number parsing against strconv.
func TestNumbers(t *testing.T) {
	for _, s := range []string{"0", "7", "42", "123456789", "2147483647", "2147483648", "-5", "+5", "", "1a", "٣", "007"} {
		want, werr := strconv.ParseInt(s, 10, 32)
		got, err := atoi32(s)
		if int64(got) != want && werr == nil || (err == nil) != (werr == nil) {
			t.Errorf("atoi32(%q) = %d, %v; want %d, %v", s, got, err, want, werr)
		}
	}
	for _, s := range []string{"1", "10", "95", "255", "256", "0", "00", "", "x", "-1", "010"} {
		want, werr := strconv.ParseUint(s, 10, 8)
		if werr == nil && want == 0 {
			werr = strconv.ErrRange
		}
		got, err := level(s)
		if uint64(got) != want && werr == nil || (err == nil) != (werr == nil) {
			t.Errorf("level(%q) = %d, %v; want %d, %v", s, got, err, want, werr)
		}
	}
}

// TestWords checks that Words yields each word once with the level WordLevel gives it.
func TestWords(t *testing.T) {
	l := Default()
	n := 0
	for w, lv := range l.Words() {
		if got, ok := l.WordLevel(w); !ok || got != lv {
			t.Fatalf("%q: Words says %d, WordLevel %d, %v", w, lv, got, ok)
		}
		n++
	}
	if ix := l.words.get(l.loadWords); n != len(ix.rows) || n < 200000 {
		t.Errorf("%d words yielded, %d indexed", n, len(ix.rows))
	}
}
