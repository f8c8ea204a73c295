package risk

import (
	"fmt"
	"math"
	"strings"

	"github.com/veil-blog/veil/internal/risk/phrase"
)

// areaInfo is the smallest area a post states or implies.
type areaInfo struct {
	name string
	pop  float64
	// detail is set when a stated number narrowed the area ("a population of 212"); wider
	// is the population without it.
	detail *Detail
	wider  float64
}

var sizeClasses = []string{"small town", "small city", "mid-sized city", "large city", "major city"}

// sizeClassWords are the words of each size class, in phrase.Key form.
var sizeClassWords = func() [][]string {
	out := make([][]string, len(sizeClasses))
	for i, c := range sizeClasses {
		out[i] = strings.Fields(phrase.Key(c))
	}
	return out
}()

// area finds the smallest area: the home area by default; a place size class the
// de-identifier or the author wrote ("a small town in the West"); a US state or a country
// left as written; a town's stated population.
func (f *finder) area(home string) areaInfo {
	best := f.homeArea(home)
	consider := func(name string, pop float64) {
		if pop > 0 && pop < best.pop {
			best = areaInfo{name: name, pop: pop}
		}
	}
	it := f.iter(candArea)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		tk := &f.toks[i] // not a copy of the token at every step
		// "a small town", "a small coastal town", "a mid-sized city in the West".
		if tk.cls&clsArticle != 0 { // "a", "an"
			next := ""
			if i+1 < len(f.toks) {
				next = f.keyAt(i + 1)
			}
			for ci, c := range sizeClasses {
				cw := sizeClassWords[ci]
				if len(cw) > 1 && next != cw[0] {
					continue // phraseAfter skips no word before the last
				}
				j, ok := f.phraseAfter(i+1, cw)
				if !ok {
					continue
				}
				region := ""
				if f.next(j-1, 1) == "in" && f.next(j-1, 2) == "the" {
					if _, known := f.t.Region(f.next(j-1, 3)); known {
						region = f.next(j-1, 3)
					}
				}
				consider("a "+c+" in the "+orUS(region), f.t.Area("a "+c, region))
				// "a small town in Minnesota": the state's people living in places of that
				// size, at the national share of the class.
				if f.next(j-1, 1) == "in" && j < len(f.toks) && f.toks[j].sent == tk.sent && j+1 < len(f.toks) && f.toks[j+1].upper {
					if name, ok := f.lex.USState(f.rawAt(j + 1)); ok && name == f.rawAt(j+1) {
						if p, ok := f.t.StateNamed(name); ok {
							consider("a "+c+" in "+name, p*f.t.Area("a "+c, "")/f.us)
						}
					}
				}
			}
		}
		if tk.upper && f.mayBePlace(i) {
			if code, ok := f.lex.Country(f.rawAt(i)); ok && code != "US" {
				p, _ := f.t.Territory(code)
				consider(f.rawAt(i), p)
			}
			if name, ok := f.lex.USState(f.rawAt(i)); ok && name == f.rawAt(i) {
				if p, ok := f.t.StateNamed(name); ok {
					consider(name, p)
				}
			}
		}
	}
	wider := best.pop
	// "a population of 212", "a village of 300 people", "212 residents".
	it = f.iter(candNumber)
	for i := it.from(0, len(f.toks)); i < len(f.toks); i = it.from(i+1, len(f.toks)) {
		// A word is letters and digits: "212,000" is two words, and neither is a
		// population.
		if c := f.text[f.toks[i].start]; c < '0' || c > '9' {
			continue // atoi takes digits only
		}
		n, ok := atoi(f.rawAt(i))
		if !ok || n < 2 || n > 100000 {
			continue
		}
		back := 1
		for approx[f.prev(i, back)] {
			back++ // "of about 300", "of fewer than 300"
		}
		p1, p2, n1 := f.prev(i, back), f.prev(i, back+1), f.next(i, 1)
		settlement := settlements[p2] || settlements[f.prev(i, back+2)]
		if !(p1 == "of" && (p2 == "population" || settlement && (n1 == "people" || n1 == "souls" || n1 == "residents" || n1 == "")) || n1 == "residents" || n1 == "inhabitants") {
			continue
		}
		// A town of n people is one of the US places of about that size.
		towns := math.Max(1, f.t.Places(int(math.Floor(4*math.Log10(float64(n))))))
		pop := float64(n) * towns
		if pop < best.pop {
			d := f.span(KindArea, i, i+1)
			d.Why = fmt.Sprintf("a place of %d people: one of about %.0f US places that size", n, towns)
			d.Say = "leave out the population"
			best = areaInfo{name: fmt.Sprintf("a place of %d people", n), pop: pop, detail: &d, wider: wider}
		}
	}
	return best
}

// mayBePlace reports whether token i, as written, may name a country other than the US or
// be a US state's name as the lexicon writes it: false when the lexicon said neither of the
// same spelling earlier in the document (a word is asked once per spelling, at its first;
// another spelling of the key is asked each time).
func (f *finder) mayBePlace(i int) bool {
	tk := f.toks[i]
	w := &f.vocab[tk.id]
	if w.facts&factPlaceKnown != 0 {
		return w.facts&factPlace != 0 || f.text[w.placeStart:w.placeEnd] != f.rawAt(i)
	}
	w.facts |= factPlaceKnown
	w.placeStart, w.placeEnd = int32(tk.start), int32(tk.end)
	raw := f.rawAt(i)
	code, country := f.lex.Country(raw)
	name, state := f.lex.USState(raw)
	if country && code != "US" || state && name == raw {
		w.facts |= factPlace
		return true
	}
	return false
}

func orUS(region string) string {
	if region == "" {
		return "US"
	}
	return strings.ToUpper(region[:1]) + region[1:]
}

// phraseAfter matches words from token i, allowing one extra modifier before the last
// word ("a small coastal town").
func (f *finder) phraseAfter(i int, words []string) (int, bool) {
	j := i
	for n, w := range words {
		if j >= len(f.toks) || f.toks[j].sent != f.toks[i].sent {
			return 0, false
		}
		if f.keyAt(j) != w {
			if n == len(words)-1 && j+1 < len(f.toks) && f.keyAt(j+1) == w && !f.toks[j].upper {
				j++
			} else {
				return 0, false
			}
		}
		j++
	}
	return j, true
}

// homeArea resolves risk.homeArea: a country code or a US Census region; the US when empty
// or unknown.
func (f *finder) homeArea(home string) areaInfo {
	if home != "" {
		if p, ok := f.t.Territory(strings.ToUpper(home)); ok {
			return areaInfo{name: strings.ToUpper(home), pop: p}
		}
		if p, ok := f.t.Region(strings.ToLower(home)); ok {
			return areaInfo{name: "the " + orUS(strings.ToLower(home)), pop: p}
		}
		if p, ok := f.t.State(strings.ToLower(home)); ok {
			return areaInfo{name: strings.ToUpper(home), pop: p}
		}
	}
	return areaInfo{name: "US", pop: f.us}
}

// ValidHomeArea reports whether s names an area the tables know.
func ValidHomeArea(s string) bool {
	if s == "" {
		// The default (the whole country) needs no tables.
		return true
	}
	t := DefaultTables()
	_, c := t.Territory(strings.ToUpper(s))
	_, r := t.Region(strings.ToLower(s))
	_, st := t.State(strings.ToLower(s))
	return c || r || st
}
