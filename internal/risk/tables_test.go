package risk

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/lexicon"
	"github.com/veil-blog/veil/internal/risk/phrase"
)

func readSource(t *testing.T) []byte {
	t.Helper()
	gz, err := os.ReadFile("data/tables.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	return gz
}

// TestFrozenIsFresh checks that the embedded pack is what Freeze makes of
// data/tables.tsv.gz today (run go generate ./internal/risk/ after changing either).
func TestFrozenIsFresh(t *testing.T) {
	gz := readSource(t)
	b, err := Freeze(gz, lexicon.Default())
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != packedTables {
		t.Fatal("data/tables.pack is stale: run go generate ./internal/risk/")
	}
	again, err := Freeze(gz, lexicon.Default())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, again) {
		t.Error("two runs of Freeze differ")
	}
}

// TestFrozenMatchesSource reads every row of the source through the frozen tables.
func TestFrozenMatchesSource(t *testing.T) {
	src, err := parseSource(readSource(t))
	if err != nil {
		t.Fatal(err)
	}
	tab := DefaultTables()
	maxWords := 0
	for kind, m := range src.phrases {
		for key, want := range m {
			maxWords = max(maxWords, len(strings.Fields(key)))
			if got, ok := tab.get(kind, key); !ok || got != want {
				t.Errorf("kind %d, %q: got %+v %v, want %+v", kind, key, got, ok, want)
			}
			for other := range numPhraseKinds {
				if _, in := src.phrases[other][key]; !in && tab.has(tab.phrase(key), other) {
					t.Errorf("%q is not of kind %d, but the table says it is", key, other)
				}
			}
			// Every word prefix of a phrase is marked as continued.
			for i := 0; i < len(key); i++ {
				if key[i] == ' ' && !tab.continues(tab.phrase(key[:i])) {
					t.Errorf("%q: its prefix %q is not marked", key, key[:i])
				}
			}
			// and its second word as one.
			if w := strings.Fields(key); len(w) > 1 && !tab.second(tab.phrase(w[1])) {
				t.Errorf("%q: its second word is not marked", key)
			}
		}
	}
	// A word is marked as beginning a condition of the lexicon exactly when it does.
	lex := lexicon.Default()
	for e := range lex.Entries(lexicon.Condition) {
		if w, _, _ := strings.Cut(e, " "); plainWord(w) && tab.bits(tab.phrase(w))&bitLexCondition == 0 {
			t.Errorf("%q begins the condition %q, but is not marked", w, e)
		}
	}
	for r := range tab.phrases.Len() {
		if k := tab.phrases.Key(r); tab.bits(r)&bitLexCondition != 0 && !lex.Starts(lexicon.Condition, k) {
			t.Errorf("%q is marked, but begins no condition", k)
		}
	}
	// Every one-word key passes the filter in front of the table; most other words do not.
	for r := range tab.phrases.Len() {
		if k := tab.phrases.Key(r); !strings.Contains(k, " ") && !tab.mayHaveWord(hashBytes([]byte(k))) {
			t.Errorf("%q: a key the filter rules out", k)
		}
	}
	passed := 0
	for i := range 10000 {
		k := fmt.Sprintf("zq%dv", i)
		if tab.mayHaveWord(hashBytes([]byte(k))) {
			passed++
		}
	}
	if passed > 300 {
		t.Errorf("the filter passes %d of 10,000 words that are no key", passed)
	}
	if tab.maxWords != maxWords {
		t.Errorf("maxWords %d, want %d", tab.maxWords, maxWords)
	}
	for _, k := range []string{"zzqx", "", "a b c d e f"} {
		if r := tab.phrase(k); r >= 0 {
			t.Errorf("%q: row %d, want none", k, r)
		}
	}
	for key, want := range src.acronyms {
		if got, ok := tab.Acronym(key); !ok || got != want {
			t.Errorf("acronym %q: got %+v, want %+v", key, got, want)
		}
	}
	for _, c := range []struct {
		m   map[string]float64
		get func(string) (float64, bool)
	}{{src.territories, tab.Territory}, {src.regions, tab.Region}, {src.states, tab.State}} {
		for k, want := range c.m {
			if got, ok := c.get(k); !ok || got != want {
				t.Errorf("%q: got %v, want %v", k, got, want)
			}
		}
	}
	for k, want := range src.areas {
		class, region, _ := strings.Cut(k, "|")
		if got := tab.Area(class, region); got != want {
			t.Errorf("area %q: got %v, want %v", k, got, want)
		}
	}
	if tab.ages != src.ages {
		t.Errorf("ages %v, want %v", tab.ages, src.ages)
	}
	for b := -1; b < 40; b++ {
		if got := tab.Places(b); got != src.hist[b] {
			t.Errorf("band %d: %v places, want %v", b, got, src.hist[b])
		}
	}
	// A state by its name: the population of its code.
	for code, p := range src.states {
		name, ok := lex.USState(strings.ToUpper(code))
		if !ok {
			continue
		}
		if got, ok := tab.StateNamed(name); !ok || got > p {
			t.Errorf("state %q (%s): got %v, want at most %v", name, code, got, p)
		}
	}
	for _, e := range src.phrases[tabGroup] {
		if got := tab.Group(e.Note); got != e.Value {
			t.Errorf("group %s: %v, want %v", e.Note, got, e.Value)
		}
	}
}

// TestOpenTablesRefusesDamage checks that a damaged pack is an error when the tables are
// opened, not a panic while scoring.
func TestOpenTablesRefusesDamage(t *testing.T) {
	if _, err := openTables(packedTables); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 10, len(packedTables) / 2, len(packedTables) - 1} {
		if _, err := openTables(packedTables[:n]); err == nil {
			t.Errorf("%d of %d bytes: no error", n, len(packedTables))
		}
	}
}

// TestWordKey checks the tokenizer's fast key against phrase.Key on words of every shape
// the tokenizer makes.
func TestWordKey(t *testing.T) {
	for _, w := range []string{"plain", "Capital", "ALLCAPS", "o'clock", "Kell'Oran", "x2", "1987",
		"naïve", "Ærin", "Brønvik", "it’s", "İstan", "straße", "ǅemal", "ﬁne", "a", "Z"} {
		if got, want := wordKey(w), phrase.Key(w); got != want {
			t.Errorf("wordKey(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestVocabularyKeys checks the document's vocabulary: every token's word has wordKey's key
// of the token as written, and two tokens share an id exactly when their keys are equal,
// whichever of the hash table's paths (plain, lowered, not ASCII) found them, and across
// its growth.
func TestVocabularyKeys(t *testing.T) {
	words := []string{"plain", "Plain", "PLAIN", "o'clock", "O'Clock", "oclock", "Kell'Oran", "x2", "X2",
		"1987", "naïve", "Naïve", "naive", "Ærin", "it’s", "its", "It's", "straße", "ﬁne", "fine", "a", "A"}
	for i := range 300 { // more words than the first table holds
		words = append(words, fmt.Sprintf("w%dx", i), fmt.Sprintf("W%dX", i))
	}
	// Words whose keys end in the same eight bytes (so have the same keyPre): only their lengths,
	// and for more than eight bytes the string compare, tell them apart.
	for i := range 40 {
		w := strings.Repeat("q", i) + "rstuvwxy"
		words = append(words, w, strings.ToUpper(w), strings.Repeat("ö", i)+"rstuvwxy", w[:max(1, len(w)-3)])
	}
	text := strings.Join(words, " ") + ". " + strings.Join(words, ", ")
	toks, vocab := tokenize(DefaultTables(), text, new(scratch))
	if len(toks) != 2*len(words) {
		t.Fatalf("%d tokens, want %d", len(toks), 2*len(words))
	}
	byKey := map[string]int32{}
	for _, tk := range toks {
		raw := text[tk.start:tk.end]
		w := vocab[tk.id]
		if w.key != wordKey(raw) {
			t.Errorf("%q: key %q, want %q", raw, w.key, wordKey(raw))
		}
		if id, seen := byKey[w.key]; seen && id != tk.id {
			t.Errorf("%q: id %d, but its key %q has id %d", raw, tk.id, w.key, id)
		}
		byKey[w.key] = tk.id
		if tk.cls != w.cls || tk.bits != w.bits || w.cls != wordClasses[w.key] || int(w.row) != DefaultTables().phrase(w.key) {
			t.Errorf("%q: the token's classes, bits or row are not its word's", raw)
		}
	}
	if len(byKey) != len(vocab) {
		t.Errorf("%d keys, %d words in the vocabulary", len(byKey), len(vocab))
	}
}

// TestAtoi checks the number reader against strconv.Atoi on words.
func TestAtoi(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{{"0", 0, true}, {"212", 212, true}, {"", 0, false}, {"12a", 0, false}, {"١٢", 0, false},
		{"99999999999999999999", 0, false}, {"+5", 0, false}} {
		if got, ok := atoi(c.in); got != c.want || ok != c.ok {
			t.Errorf("atoi(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestClassBitsHoldEveryWord: classesOf skips the map only for words no class has.
func TestClassBitsHoldEveryWord(t *testing.T) {
	for w, c := range wordClasses {
		if got := classesOf(w, hashBytes([]byte(w))); got != c {
			t.Errorf("classesOf(%q) = %b, want %b", w, got, c)
		}
	}
	if got := classesOf("zzqx", hashBytes([]byte("zzqx"))); got != 0 {
		t.Errorf("classesOf(zzqx) = %b", got)
	}
}

// TestVocabularySamePre fills a small vocabulary with keys that share their last eight
// bytes, and so their keyPre, in random orders: a key is found again exactly when it is
// the same, whichever path (the word itself, a lowered copy) looks it up. Each round also
// holds a longer key whose first slot is that of the eight-byte key, added before it, so
// that the eight-byte key's probe sequence meets a key of the same keyPre.
func TestVocabularySamePre(t *testing.T) {
	tab := DefaultTables()
	rng := rand.New(rand.NewSource(8))
	for round := range 200 {
		tail := string(rune('a'+round%26)) + "stuvwxy"
		v := newVocab(1, new(scratch))
		pre, home := keyPre(tail), v.slotOf(keyPre(tail), len(tail))&uint32(len(v.slots)-1)
		var keys []string
		for n := 9; len(keys) < 2; n++ {
			if v.slotOf(pre, n)&uint32(len(v.slots)-1) == home {
				keys = append(keys, strings.Repeat(string(rune('b'+round%20)), n-8)+tail)
			}
		}
		// The same through tokenize (a text this short has a vocabulary of as many slots).
		text := keys[0] + " " + tail + ", " + tail + " " + strings.ToUpper(tail) + " " + keys[1] + " " + keys[0]
		toks, vocab := tokenize(tab, text, new(scratch))
		for i, tk := range toks {
			if raw := text[tk.start:tk.end]; vocab[tk.id].key != wordKey(raw) || i > 0 && (vocab[tk.id].key == vocab[toks[i-1].id].key) != (tk.id == toks[i-1].id) {
				t.Fatalf("round %d: %q: key %q", round, raw, vocab[tk.id].key)
			}
		}
		var more []string
		for i := range 20 {
			more = append(more, strings.Repeat(string(rune('b'+i)), 1+rng.Intn(12))+tail)
		}
		more = append(more, tail, tail[1:], "z"+tail)
		rng.Shuffle(len(more), func(i, j int) { more[i], more[j] = more[j], more[i] })
		keys = append(keys, more...)
		ids := map[string]int32{}
		for pass := range 3 {
			for _, k := range keys {
				var id int32
				if pass == 1 {
					id = v.id(tab, strings.ToUpper(k), false, true)
				} else {
					id = v.lookup(tab, nil, k, true)
				}
				if want, seen := ids[k]; seen && id != want || v.words[id].key != k {
					t.Fatalf("round %d pass %d: %q has id %d (key %q), want %d", round, pass, k, id, v.words[id].key, want)
				}
				ids[k] = id
			}
		}
		if len(v.words) != len(ids) {
			t.Fatalf("round %d: %d words for %d keys", round, len(v.words), len(ids))
		}
	}
}

// TestScanByte checks scanWords' byte table: a letter or digit is its wordByte, at '0' or
// above; a byte that is not ASCII is 0; every other ASCII byte is one gap flag, below '0',
// the one boundaryASCII reads it as.
func TestScanByte(t *testing.T) {
	for c := range 256 {
		k := scanByte[c]
		switch {
		case c >= utf8.RuneSelf:
			if k != 0 {
				t.Errorf("%#x: %d, want 0", c, k)
			}
		case wordByte[c] != 0:
			if k != wordByte[c] || k < '0' {
				t.Errorf("%q: %d, want %d", rune(c), k, wordByte[c])
			}
		default:
			s, cl := boundaryASCII(string(rune(c)))
			want := recGapMore
			switch {
			case c == '\n':
				want = recGapBreak
			case s:
				want = recGapSentence
			case cl:
				want = recGapClause
			}
			if k != want || k >= '0' {
				t.Errorf("%q: %d, want %d", rune(c), k, want)
			}
		}
	}
}
