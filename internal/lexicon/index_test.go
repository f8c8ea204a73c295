package lexicon

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestIndexMatchesMap checks the word lists of word_facts against a map of each list's rows
// (a later row of the same key wins), for every key and for keys it does not hold.
func TestIndexMatchesMap(t *testing.T) {
	l, src := New(), source()
	ix := l.wordTab()
	for _, tb := range []struct {
		name    string
		nfields int
		flag    uint32
		val     func(p int, levels uint32) int
	}{
		{"first_names.tsv.gz", 3, factFirst, func(p int, _ uint32) int { f, _ := ix.births(p); return int(f) }},
		{"surnames.tsv.gz", 2, factSurn, func(p int, lv uint32) int { return int(int32(ix.num(p, lv, factSurn))) }},
		{"word_rank.tsv.gz", 2, factRanked, func(p int, lv uint32) int { return int(int32(ix.num(p, lv, factRanked))) }},
		{"words.tsv.gz", 2, factWord, func(_ int, lv uint32) int { return int(lv & 0xff) }},
	} {
		want := map[string]string{}
		err := src.table(tb.name, tb.nfields, func(f []string) error {
			want[f[0]] = f[1]
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		ix.each(func(p int) bool {
			if ix.levels(p)&tb.flag != 0 {
				n++
			}
			return true
		})
		if n != len(want) {
			t.Errorf("%s: %d rows indexed, %d keys", tb.name, n, len(want))
		}
		for k, v := range want {
			_, p, lv, ok := l.wordRec(k)
			if !ok || lv&tb.flag == 0 || tb.val(p, lv) != mustAtoi(t, v) {
				t.Fatalf("%s: %q: got %v, %b; want %s", tb.name, k, ok, lv, v)
			}
			if lv := l.levelsOf(k + "\x00"); lv&tb.flag != 0 {
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

// source returns a Lexicon that builds its tables from the TSV files of data/.
func source() *Lexicon { return &Lexicon{src: os.DirFS(".")} }

// TestTableBuilder builds tables with repeated keys, many keys (so that probes collide),
// strings and no keys, and reads them back.
func TestTableBuilder(t *testing.T) {
	b := NewTableBuilder(3)
	want := map[string]int32{}
	for i := range 5000 {
		k := strconv.Itoa(i % 3000) // the later 2,000 repeat keys
		r, added := b.Insert(k)
		if added != (i < 3000) {
			t.Fatalf("%q: added %v", k, added)
		}
		b.Vals(r)[0] = uint32(i)
		b.SetFloat64(r, 1, float64(i)/7)
		want[k] = int32(i)
	}
	b.SetAux(42)
	data, err := b.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := b.Bytes()
	if !slices.Equal(data, again) {
		t.Error("two layouts of one table differ")
	}
	tb, err := OpenTable(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if tb.Len() != 3000 || tb.Aux() != 42 {
		t.Errorf("Len %d, Aux %d; want 3000, 42", tb.Len(), tb.Aux())
	}
	for k, v := range want {
		r, ok := tb.Find(k)
		if !ok || tb.Key(r) != k || tb.Int32(r, 0) != v || tb.Float64(r, 1) != float64(v)/7 {
			t.Fatalf("%q: row %d, %v: %q %d %v", k, r, ok, tb.Key(r), tb.Int32(r, 0), tb.Float64(r, 1))
		}
		if r, err := strconv.Atoi(k); err != nil || tb.Key(r) != k {
			t.Fatalf("%q is not row %d: rows keep the order of first insertion", k, r)
		}
	}
	for _, k := range []string{"", "3000", "-1", "x"} {
		if _, ok := tb.Find(k); ok {
			t.Errorf("%q found", k)
		}
	}

	a := NewArrayBuilder(4)
	for _, s := range []string{"b", "", "a", "b"} {
		r := a.Append()
		a.SetString(r, 0, s)
		a.SetString(r, 2, s+s)
	}
	data, _ = a.Bytes()
	arr, err := OpenTable(string(data))
	if err != nil {
		t.Fatal(err)
	}
	for r, s := range []string{"b", "", "a", "b"} {
		if arr.String(r, 0) != s || arr.String(r, 2) != s+s || arr.Key(r) != "" {
			t.Errorf("row %d: %q %q %q", r, arr.String(r, 0), arr.String(r, 2), arr.Key(r))
		}
	}
	if _, ok := arr.Find("b"); ok {
		t.Error("an array found a key")
	}

	// A damaged table is an error, not a panic later.
	for _, n := range []int{0, 3, 27, len(data) - 1} {
		if _, err := OpenTable(string(data[:n])); err == nil {
			t.Errorf("%d of %d bytes: no error", n, len(data))
		}
	}
}

// TestPack packs and unpacks tables, and refuses damaged packs.
func TestPack(t *testing.T) {
	in := map[string][]byte{"b": []byte("second"), "a": []byte("first"), "": nil}
	p := Pack(in)
	out, err := Unpack(string(p))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Errorf("%d tables, want %d", len(out), len(in))
	}
	for k, v := range in {
		if out[k] != string(v) {
			t.Errorf("%q: %q, want %q", k, out[k], v)
		}
	}
	for n := range len(p) - 1 {
		if _, err := Unpack(string(p[:n])); err == nil && n < len(p)-len("secondfirst") {
			t.Errorf("%d of %d bytes: no error", n, len(p))
		}
	}
}

// TestFrozenIsFresh checks that the embedded pack is what Freeze makes of data/ today (run
// go generate ./internal/lexicon/ after changing data/ or the table layouts).
func TestFrozenIsFresh(t *testing.T) {
	b, err := Freeze(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != packed {
		t.Fatal("lexicon.pack is stale: run go generate ./internal/lexicon/")
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
	err := source().table("places.tsv.gz", 5, func(f []string) error {
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
	if pi.ix.Len() != len(want) {
		t.Errorf("%d names indexed, want %d", pi.ix.Len(), len(want))
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
	err := source().table("proper.tsv.gz", 3, func(f []string) error {
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
	ix := l.wordTab()
	n := 0
	ix.each(func(p int) bool {
		if ix.levels(p)&factProper != 0 {
			n++
		}
		return true
	})
	if n != len(want) {
		t.Errorf("%d words indexed, want %d", n, len(want))
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
	src := map[string]bool{}
	if err := source().table("words.tsv.gz", 2, func(f []string) error { src[f[0]] = true; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != len(src) || n < 200000 {
		t.Errorf("%d words yielded, %d in the list", n, len(src))
	}
}
