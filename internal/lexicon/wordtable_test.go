package lexicon

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// oldWords is word_facts as it was laid out before wordTable (a Table of
// five value words a row, built from the same builder) with the Go map of
// one-word category entries Facts read then: the oracle of the tests below.
type oldWords struct {
	t    *Table
	cats map[string]uint16
	l    *Lexicon
}

func newOldWords(t *testing.T, l *Lexicon) *oldWords {
	t.Helper()
	src := source()
	tb, err := src.buildWordFacts()
	if err != nil {
		t.Fatal(err)
	}
	b, err := tb.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	tab, err := OpenTable(string(b))
	if err != nil {
		t.Fatal(err)
	}
	cats := map[string]uint16{}
	for c := Category(1); c < numCategories; c++ {
		ct := l.category(c)
		for r := range ct.Len() {
			if k := ct.Key(r); !strings.Contains(k, " ") {
				cats[k] |= 1 << c
			}
		}
	}
	return &oldWords{tab, cats, l}
}

func (o *oldWords) row(k string) (int, uint32, bool) {
	r, ok := o.t.Find(k)
	if !ok {
		return 0, 0, false
	}
	return r, o.t.Word(r, factLevels), true
}

func (o *oldWords) categorySet(k []byte) uint16 {
	if bytes.IndexByte(k, ' ') < 0 {
		return o.cats[string(k)]
	}
	var set uint16
	for c := Category(1); c < numCategories; c++ {
		if o.l.has(c, k) {
			set |= 1 << c
		}
	}
	return set
}

// facts is Facts as it was.
func (o *oldWords) facts(s string) Facts {
	var f Facts
	var buf [64]byte
	k := appendKey(buf[:0], s)
	r, lv, ok := o.row(view(k))
	if ok {
		if lv&factFirst != 0 {
			f.Female, f.Male, f.First = o.t.Int32(r, factFemale), o.t.Int32(r, factMale), true
		}
		f.Surname, f.Rank = o.t.Int32(r, factSurname), o.t.Int32(r, factRank)
	}
	words, proper := lv, lv
	if base, poss := cutPossessive(k); poss && lv&(factWord|factProper) != factWord|factProper {
		_, blv, _ := o.row(view(base))
		if lv&factWord == 0 {
			words = blv
		}
		if lv&factProper == 0 {
			proper = blv
		}
	}
	if words&factWord != 0 {
		f.Level = uint8(words)
	}
	if proper&factProper != 0 {
		f.Proper, f.Abbrev = uint8(proper>>8), uint8(proper>>16)
	}
	if plainWord(s) {
		f.cats = o.categorySet(k)
	} else {
		var pbuf [64]byte
		f.cats = o.categorySet(appendPhraseKey(pbuf[:0], s))
	}
	return f
}

// accessors returns what FirstName, Surname and WordRank said of s.
func (o *oldWords) accessors(s string) [5]int {
	var out [5]int
	r, lv, ok := o.row(key(s))
	if ok && lv&factFirst != 0 {
		out[0], out[1], out[2] = int(o.t.Int32(r, factFemale)), int(o.t.Int32(r, factMale)), 1
	}
	if ok && lv&factSurn != 0 {
		out[3] = int(o.t.Int32(r, factSurname))
	}
	if ok && lv&factRanked != 0 {
		out[4] = int(o.t.Int32(r, factRank))
	}
	return out
}

func newAccessors(l *Lexicon, s string) [5]int {
	var out [5]int
	if fe, ma, ok := l.FirstName(s); ok {
		out[0], out[1], out[2] = fe, ma, 1
	}
	out[3], _ = l.Surname(s)
	out[4], _ = l.WordRank(s)
	return out
}

// TestWordTableIsOldFacts checks Facts, and FirstName, Surname and WordRank,
// against their former forms over the former table: for every key of
// word_facts and of the categories, in lower, title and upper case and as
// possessives, and for random strings of letters, marks, white space and
// non-ASCII letters; so the layout of records, the lowering of plain words
// eight bytes at a time and the categories in records change no answer.
func TestWordTableIsOldFacts(t *testing.T) {
	l := Default()
	old := newOldWords(t, l)
	var inputs []string
	add := func(k string) {
		inputs = append(inputs, k, strings.ToUpper(k), k+"'s", strings.ToUpper(k)+"’s")
		if k != "" {
			inputs = append(inputs, strings.ToUpper(k[:1])+k[1:])
		}
	}
	for r := range old.t.Len() {
		add(old.t.Key(r))
	}
	for c := Category(1); c < numCategories; c++ {
		ct := l.category(c)
		for r := range ct.Len() {
			add(ct.Key(r))
		}
	}
	rng := rand.New(rand.NewPCG(3, 17))
	alphabet := []rune("aAeEnNsSzZqQ'’ -.\t\n\u00a0\x00\x1féÉß0İ")
	for range 200000 {
		n := rng.IntN(24)
		if rng.IntN(20) == 0 {
			n = 50 + rng.IntN(30) // about the 64 bytes of the key buffer
		}
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	inputs = append(inputs, "", "'s", "’s", "s", "'", strings.Repeat("a", 64), strings.Repeat("A", 65))
	for _, s := range inputs {
		got, want := l.Facts(s), old.facts(s)
		got.place = 0 // the place word is TestWordPlaceIsOld's
		if got != want {
			t.Fatalf("Facts(%q) = %+v, want %+v", s, got, want)
		}
		if got, want := newAccessors(l, s), old.accessors(s); got != want {
			t.Fatalf("FirstName, Surname, WordRank of %q = %v, want %v", s, got, want)
		}
	}
	if len(inputs) < 2000000 {
		t.Errorf("only %d inputs", len(inputs))
	}
}

// TestLowerPlain checks lowerPlain against appendKey and plainWord on
// random strings of every byte value, of every length up to 70.
func TestLowerPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for i := range 300000 {
		b := make([]byte, i%71)
		for j := range b {
			switch rng.IntN(4) {
			case 0:
				b[j] = byte(rng.IntN(256))
			case 1:
				b[j] = byte('A' + rng.IntN(26))
			default:
				b[j] = byte(0x21 + rng.IntN(0x5f))
			}
		}
		s := string(b)
		var buf [64]byte
		got, ok := lowerPlain(&buf, s)
		plain := len(s) > 0 && len(s) <= 64 && plainWord(s) && !strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' })
		if ok != plain {
			t.Fatalf("lowerPlain(%q): %v, want %v", s, ok, plain)
		}
		if ok && got != string(appendKey(nil, s)) {
			t.Fatalf("lowerPlain(%q) = %q, want %q", s, got, appendKey(nil, s))
		}
		if ok && hashBuf(&buf, len(got)) != hashKey(got) {
			t.Fatalf("hashBuf of %q is not its hashKey", got)
		}
	}
}

// TestWordsInListOrder: Words yields the word list in its file's order
// (Words sorts the words of the records, the file being sorted).
func TestWordsInListOrder(t *testing.T) {
	var want []string
	if err := source().table("words.tsv.gz", 2, func(f []string) error { want = append(want, f[0]); return nil }); err != nil {
		t.Fatal(err)
	}
	var got []string
	for w := range Default().Words() {
		got = append(got, w)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Words yields %d words, not the list's %d in its order", len(got), len(want))
	}
}

// TestWordTableRecords: the records are the former table's rows in its
// order, then the categories' one-word entries it did not hold; each
// record holds the categories of which its key is a one-word entry.
func TestWordTableRecords(t *testing.T) {
	l := Default()
	old := newOldWords(t, l)
	w := l.wordTab()
	i := 0
	last := ""
	w.each(func(p int) bool {
		k, lv := w.key(p), w.levels(p)
		if i < old.t.Len() {
			if want := old.t.Key(i); k != want || lv&^(wfCats|wfPlace) != old.t.Word(i, factLevels) {
				t.Fatalf("record %d: %q %x, want %q %x", i, k, lv, want, old.t.Word(i, factLevels))
			}
		} else if _, _, found := old.row(k); found || lv&^(wfCats|wfPlace) != 0 || lv == 0 || i > old.t.Len() && k <= last {
			t.Fatalf("record %d: %q %x after %q", i, k, lv, last)
		}
		if got, want := uint16(w.num(p, lv, wfCats)), old.cats[k]; got != want {
			t.Fatalf("%q: categories %b, want %b", k, got, want)
		}
		i++
		last = k
		return true
	})
	if i != w.nrecs || i <= old.t.Len() {
		t.Errorf("%d records, header says %d, former table %d rows", i, w.nrecs, old.t.Len())
	}
	n := 0
	for k := range old.cats {
		if _, ok := w.find(k, hashKey(k)); !ok {
			t.Errorf("%q: no record", k)
		}
		n++
	}
	if n < 1000 {
		t.Errorf("only %d one-word category entries", n)
	}
}

// TestWordTableHot: the hot records are copies, byte for byte, of the
// records of the hotWords words of lowest rank, and the hot slots find each.
func TestWordTableHot(t *testing.T) {
	l := Default()
	w := l.wordTab()
	type ranked struct {
		p    int
		rank uint32
	}
	var all []ranked
	w.each(func(p int) bool {
		if lv := w.levels(p); lv&factRanked != 0 {
			all = append(all, ranked{p, w.num(p, lv, factRanked)})
		}
		return true
	})
	slices.SortStableFunc(all, func(a, b ranked) int { return cmpUint32(a.rank, b.rank) })
	if len(all) < hotWords {
		t.Fatalf("%d ranked words", len(all))
	}
	p := w.recLen
	for i, r := range all[:hotWords] {
		k := w.key(r.p)
		size := w.next(r.p) - r.p
		if !bytes.Equal(w.recsView[p:p+size], w.recsView[r.p:r.p+size]) {
			t.Fatalf("hot record %d (%q) is not a copy", i, k)
		}
		if got, ok := w.probe(w.hotView, w.hotMask, k, hashKey(k)); !ok || got != p {
			t.Fatalf("%q: hot slots give %d, %v; want %d", k, got, ok, p)
		}
		if got, ok := w.find(k, hashKey(k)); !ok || got != p {
			t.Fatalf("%q: find gives %d, %v; want %d", k, got, ok, p)
		}
		p += size
	}
	if p+8 != len(w.recsView) {
		t.Errorf("hot records end at %d, want %d", p, len(w.recsView)-8)
	}
}

// TestWordPlaceIsOld checks WordPlace, read from the place words of
// word_facts, against its former form (wordPlace: a probe of places,
// countries and both state tables) for every key of those tables and of
// word_facts in lower, title and upper case, every state code as written,
// and random strings.
func TestWordPlaceIsOld(t *testing.T) {
	l := Default()
	var inputs []string
	add := func(k string) {
		inputs = append(inputs, k, strings.ToUpper(k))
		if k != "" {
			inputs = append(inputs, strings.ToUpper(k[:1])+k[1:])
		}
	}
	for _, name := range []string{"places", "countries", "states_name", "states_code"} {
		tab, err := l.open(name)
		if err != nil {
			t.Fatal(err)
		}
		for r := range tab.Len() {
			add(tab.Key(r))
		}
	}
	for _, k := range wordKeys(l) {
		add(k)
	}
	rng := rand.New(rand.NewPCG(9, 4))
	alphabet := []rune("aAiInNdDoOsSyY'’ -.\tÉé")
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	found := 0
	for _, w := range inputs {
		want := l.wordPlace(w, key(w))
		if got := l.WordPlace(w); got != want {
			t.Fatalf("WordPlace(%q) = %+v, want %+v", w, got, want)
		}
		if got := l.Facts(w).Place(l, w); got != want {
			t.Fatalf("Facts(%q).Place = %+v, want %+v", w, got, want)
		}
		if lw := strings.ToLower(w); key(lw) == key(w) {
			if got := l.Facts(lw).Place(l, w); got != want {
				t.Fatalf("Facts(%q).Place(%q) = %+v, want %+v", lw, w, got, want)
			}
		}
		if want != (WordPlace{}) {
			found++
		}
	}
	if found < 100000 {
		t.Errorf("only %d inputs are places, countries or states", found)
	}
}
