package risk

import (
	"math/rand"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

// TestCandsHoldEveryStart: each finder's candidate list (newFinder) holds every token at
// which the finder's first test, as each finder asked it of every token before the lists,
// lets it go on (or, for the finders that call match, where it finds a phrase), in random texts of the words the finders read (closed classes, phrases
// of every table, acronyms, numbers, capitals, possessives, words that are not ASCII).
// A list that leaves out a token of its test fails it; the lists must also be in order.
func TestCandsHoldEveryStart(t *testing.T) {
	pool := candTestWords(t)
	src, err := parseSource(readSource(t))
	if err != nil {
		t.Fatal(err)
	}
	var phrases []string // whole phrases of every kind and media cues, for the finders to find
	for _, m := range src.phrases {
		keys := orderedKeys(m)
		for k := 0; k < len(keys); k += 1 + len(keys)/300 {
			phrases = append(phrases, keys[k])
		}
	}
	for _, p := range []string{"in her forties", "in his teens", "in their 60s", "her 30s", "in her 40", "in his sixties"} {
		for range 20 {
			phrases = append(phrases, p)
		}
	}
	for _, cues := range [][][]string{mediaCues, viralCues} {
		for _, cue := range cues {
			for range 20 {
				phrases = append(phrases, strings.Join(cue, " "))
			}
		}
	}
	rng := rand.New(rand.NewSource(12))
	seps := []string{" ", " ", " ", " ", ", ", ". ", "\n\n", " - ", "; ", " (", ") ", "’s ", "'s ", "-"}
	tab := DefaultTables()
	for n := 0; n < 4000; n++ {
		var b strings.Builder
		for k := 3 + rng.Intn(60); k > 0; k-- {
			w := pool[rng.Intn(len(pool))]
			if rng.Intn(4) == 0 {
				w = phrases[rng.Intn(len(phrases))]
			}
			switch rng.Intn(8) {
			case 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case 1:
				w = strings.ToUpper(w)
			}
			b.WriteString(w)
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		text := b.String()
		f := newFinder(tab, text)
		for k, ref := range candRefs {
			list := f.cands[k]
			in := map[int]bool{}
			for x, i := range list {
				if x > 0 && list[x-1] >= i {
					t.Fatalf("finder %d: list out of order: %v", k, list)
				}
				in[int(i)] = true
			}
			for i := range f.toks {
				if ref(f, i) && !in[i] {
					t.Fatalf("finder %d: token %d (%q) passes its test but is not listed, in %q", k, i, f.rawAt(i), text)
				}
			}
		}
		f.release()
	}
}

// candRefs are the finders' first tests, as each loop asked them of every token; for the
// finders that call match (conditions, roles, origins), whether the former match finds a
// phrase of one of their kinds at the token, or one of their other first cases holds.
var candRefs = [numCands]func(f *finder, i int) bool{
	candCondition: func(f *finder, i int) bool {
		tk := &f.toks[i]
		_, _, ok := f.matchRef(i, tabCondition, f.t.maxWords)
		return ok ||
			tk.upper && mayBeAcronym(f.text[tk.start:tk.end]) ||
			len(f.keyAt(i)) >= 4 && f.startsCondition(i) ||
			f.toks[i].upper && f.clsNext(i, 1)&clsEponymHead != 0
	},
	candOccupation: func(f *finder, i int) bool {
		return !(f.clsAt(i)&clsArticle == 0 && !occupationCue(f.keyAt(i)))
	},
	candRole: func(f *finder, i int) bool {
		tk := &f.toks[i]
		_, _, ok := f.matchRef(i, tabRole, 3)
		return i >= 1 && (ok || f.text[tk.end-1] == 's' && possessive(f.text[tk.start:tk.end]))
	},
	candUnique: func(f *finder, i int) bool {
		return i >= 1 && !(f.clsAt(i)&clsUnique == 0 && f.keyAt(i) != "one")
	},
	candDistinction: func(f *finder, i int) bool {
		return f.clsAt(i)&(clsDistinction|clsDistinctionCue) != 0
	},
	candOrigin: func(f *finder, i int) bool {
		for _, kind := range []int{tabReligion, tabNationality, tabLanguage} {
			if _, _, ok := f.matchRef(i, kind, 3); ok {
				return true
			}
		}
		return false
	},
	candAge: func(f *finder, i int) bool {
		if f.clsAt(i)&(clsAgeCue|clsNumberWord) == 0 {
			if c := f.text[f.toks[i].start]; c < utf8.RuneSelf && (c < '0' || c > '9') || !startsDigit(f.keyAt(i)) {
				return false
			}
		}
		_, _, j := f.ageAt(i)
		return j != i // ages finds an age here
	},
	candChildren: func(f *finder, i int) bool {
		return !(f.clsAt(i)&(clsParent|clsMultiple) == 0 && !(i+1 < len(f.toks) && f.toks[i+1].sent == f.toks[i].sent && f.clsAt(i+1)&clsChild != 0))
	},
	candEvent: func(f *finder, i int) bool {
		return f.toks[i].cls&(clsSmallEvent|clsLargeEvent) != 0
	},
	candMedia: func(f *finder, i int) bool {
		if f.clsAt(i)&clsCueStart == 0 {
			return false
		}
		cues := cuesByFirst[f.keyAt(i)]
		for _, cue := range append(cues.viral, cues.media...) {
			if f.cueAt(i, cue) {
				return true // the cue media would find
			}
		}
		return false
	},
	candArea: func(f *finder, i int) bool {
		return f.toks[i].cls&clsArticle != 0 || f.toks[i].upper
	},
	candNumber: func(f *finder, i int) bool {
		c := f.text[f.toks[i].start]
		return !(c < '0' || c > '9')
	},
}

// candTestWords: the closed classes, words of the tables' phrases and acronyms, the words
// of this package's verdict cases, numbers and invented words.
func candTestWords(t *testing.T) []string {
	t.Helper()
	src, err := parseSource(readSource(t))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for w := range wordClasses {
		seen[w] = true
	}
	rng := rand.New(rand.NewSource(3))
	for _, m := range src.phrases {
		keys := orderedKeys(m)
		for range 300 {
			for _, w := range strings.Fields(keys[rng.Intn(len(keys))]) {
				seen[w] = true
			}
		}
	}
	for a := range src.acronyms {
		seen[a] = true
	}
	files, _ := filepath.Glob("testdata/verdicts/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			for _, w := range strings.Fields(string(f.Data)) {
				seen[w] = true
			}
		}
	}
	for _, w := range []string{"7", "12", "1961", "300", "4th", "3rd", "90s", "twenty", "Brennick's", "ministers'",
		"naïve", "Zoë", "Åsmund", "١٢", "x", "o'clock", "ÉTÉ", "chairs", "glass", "Quillon"} {
		seen[w] = true
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		if w != "" {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}
