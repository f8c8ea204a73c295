package plan

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pseudonyms: common, ordinary US names, so that a replaced post reads
// naturally and a pseudonym does not itself stand out as a rare detail. The
// lists are split by the sex the first-name lexicon gives, so that a client
// keeps the pronouns that go with the name; unisex names serve when the sex
// is not known.
var femaleNames = []string{
	"Abigail", "Alice", "Alison", "Amanda", "Amy", "Andrea", "Angela", "Anna",
	"Audrey", "Barbara", "Beth", "Brenda", "Caroline", "Catherine", "Cheryl",
	"Christine", "Claire", "Cynthia", "Deborah", "Denise", "Diane", "Donna",
	"Eileen", "Elaine", "Eleanor", "Elena", "Ellen", "Emily", "Erin", "Eva",
	"Fiona", "Gloria", "Hannah", "Helen", "Irene", "Jacqueline", "Janet", "Jean",
	"Marian", "Jessica", "Joan", "Joanne", "Judith", "Julia", "Karen", "Katherine",
	"Laura", "Leah", "Linda", "Lisa", "Lois", "Louise", "Lydia", "Margaret",
	"Maria", "Marilyn", "Martha", "Megan", "Melissa", "Michelle", "Miriam", "Monica",
	"Nancy", "Natalie", "Nicole", "Nora", "Olivia", "Pamela", "Patricia", "Paula",
	"Rachel", "Rebecca", "Rita", "Ruth", "Sandra", "Sarah", "Sharon", "Sheila",
	"Sonia", "Stephanie", "Susan", "Teresa", "Theresa", "Valerie", "Vanessa",
	"Veronica", "Victoria", "Wendy", "Yvonne", "Zoe",
}

var maleNames = []string{
	"Aaron", "Adam", "Alan", "Albert", "Andrew", "Anthony", "Arthur", "Benjamin",
	"Brian", "Bruce", "Carl", "Charles", "Christopher", "Craig", "Daniel", "David",
	"Dennis", "Donald", "Douglas", "Edward", "Eric", "Eugene", "Frank", "Gary",
	"George", "Gerald", "Gregory", "Harold", "Henry", "Howard", "Isaac", "Jacob",
	"James", "Jason", "Jeffrey", "Jeremy", "John", "Jonathan", "Joseph", "Joshua",
	"Keith", "Kenneth", "Kevin", "Larry", "Lawrence", "Leonard", "Louis", "Luke",
	"Marcus", "Martin", "Matthew", "Michael", "Nathan", "Neil", "Nicholas", "Oliver",
	"Oscar", "Patrick", "Paul", "Peter", "Philip", "Ralph", "Raymond", "Richard",
	"Robert", "Roger", "Ronald", "Russell", "Samuel", "Scott", "Simon", "Stephen",
	"Steven", "Thomas", "Timothy", "Victor", "Vincent", "Walter", "Wayne", "William",
}

var unisexNames = []string{
	"Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery",
	"Quinn", "Robin", "Sam", "Drew", "Jesse", "Cameron", "Rowan", "Blair",
	"Emery", "Hayden", "Kendall", "Logan", "Parker", "Reese", "Sage", "Skyler",
	"Dana", "Kerry", "Lee", "Marion", "Shannon", "Tracy", "Ellis", "Frankie",
}

var surnames = []string{
	"Adams", "Allen", "Anderson", "Bailey", "Baker", "Barnes", "Bell", "Bennett",
	"Brooks", "Brown", "Butler", "Campbell", "Carter", "Clark", "Cole", "Collins",
	"Cook", "Cooper", "Cox", "Davis", "Dixon", "Edwards", "Ellis", "Evans",
	"Fisher", "Foster", "Gardner", "Gibson", "Graham", "Gray", "Griffin", "Hall",
	"Hamilton", "Harris", "Hayes", "Henderson", "Hill", "Holmes", "Howard", "Hughes",
	"Hunt", "Jenkins", "Johnson", "Jones", "Kelly", "Kennedy", "King", "Lawrence",
	"Lewis", "Long", "Marshall", "Martin", "Mason", "Meyer", "Miller", "Mitchell",
	"Moore", "Morgan", "Morris", "Murphy", "Murray", "Nelson", "Owens", "Palmer",
	"Parker", "Perry", "Phillips", "Porter", "Powell", "Price", "Reed", "Reynolds",
	"Richardson", "Roberts", "Robinson", "Rogers", "Russell", "Sanders", "Scott",
	"Shaw", "Simmons", "Smith", "Spencer", "Stewart", "Stone", "Sullivan", "Taylor",
	"Thomas", "Thompson", "Turner", "Walker", "Wallace", "Ward", "Warren", "Watson",
	"Webb", "Wells", "West", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
}

// placeNames are pseudonymous place names for `deid: {place: replace}`:
// plain English town names of the kind found in many states, so that none
// points to one place.
var placeNames = []string{
	"Ashford", "Brookfield", "Cedar Hill", "Clearwater", "Fairview", "Georgetown",
	"Glenwood", "Greenville", "Hillcrest", "Lakeside", "Maple Grove", "Meadowbrook",
	"Millbrook", "Oak Ridge", "Pine Hill", "Riverside", "Rockport", "Salem",
	"Springdale", "Stonebridge", "Westfield", "Willow Bend", "Woodland", "Northfield",
}

// pseudonymWords are the pseudonyms in lower case, the words pick must not
// choose when the text holds them; maxPseudonymWord is the longest in bytes.
// Both are made once and only read.
var pseudonymWords, maxPseudonymWord = func() (map[string]bool, int) {
	m, longest := map[string]bool{}, 0
	for _, list := range [][]string{femaleNames, maleNames, unisexNames, surnames, placeNames} {
		for _, n := range list {
			m[strings.ToLower(n)] = true
			longest = max(longest, len(n))
		}
	}
	return m, longest
}()

// pseudonymBits has the bit wordBit(w) set for every pseudonym w, and
// pseudonymBits2 the bit wordBit2(w): most words of a text miss one of them
// and are not looked up.
var pseudonymBits, pseudonymBits2 = func() (t, t2 [64]uint64) {
	for w := range pseudonymWords {
		if w != "" {
			h, h2 := wordBit(w), wordBit2(w)
			t[h>>6] |= 1 << (h & 63)
			t2[h2>>6] |= 1 << (h2 & 63)
		}
	}
	return t, t2
}()

// wordBit2 is another cheap hash of a word of ASCII letters, the same for
// any case of it, from other bytes than wordBit's.
func wordBit2(w string) uint {
	return (uint(w[min(1, len(w)-1)]|0x20)*37 + uint(w[max(0, len(w)-2)]|0x20)*11 + uint(w[len(w)/3]|0x20)*3) & 4095
}

// wordBit is a cheap hash of a word of ASCII letters, the same for any
// case of it (|0x20 lowers a letter).
func wordBit(w string) uint {
	return (uint(w[0]|0x20)*31 + uint(w[len(w)-1]|0x20)*7 + uint(len(w))*131 + uint(w[len(w)/2]|0x20)) & 4095
}

// pseudonymsByBit lists the pseudonyms in lower case by wordBit: those
// with bit h are pseudonymList[pseudonymsByBit[h]:pseudonymsByBit[h+1]],
// so that a word the bits let through is compared with the few pseudonyms
// of its bit instead of being hashed again for a map. Made once and only
// read.
var pseudonymList, pseudonymsByBit = func() ([]string, *[4097]uint16) {
	var list []string
	for w := range pseudonymWords {
		if w != "" {
			list = append(list, w)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if hi, hj := wordBit(list[i]), wordBit(list[j]); hi != hj {
			return hi < hj
		}
		return list[i] < list[j]
	})
	var by [4097]uint16
	k := 0
	for h := range 4097 {
		for k < len(list) && wordBit(list[k]) < uint(h) {
			k++
		}
		by[h] = uint16(k)
	}
	return list, &by
}()

// letterClass is how pseudonymsIn reads a byte: an ASCII letter
// (classLetter), another ASCII byte (0), or the first or a later byte of
// a character beyond ASCII (classWide), which is decoded.
var letterClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classWide
		case isLetterByte(byte(c)):
			t[c] = classLetter
		}
	}
	return t
}()

const (
	classLetter = 1
	classWide   = 2
)

// pseudonymsIn returns the pseudonyms that text holds as words (runs of
// letters), in any case, in one pass and without copying the text's other
// words: a post is never given a pseudonym that is a real name in it.
func pseudonymsIn(text string) map[string]bool {
	used := map[string]bool{}
	pseudonymsInto(used, text)
	return used
}

// pseudonymsInForms is pseudonymsIn of a text whose distinct lookup forms
// (deid.Analysis.Vocab) are forms: each form is read once, however often
// its word is written, and there are about a quarter as many. It gives what
// pseudonymsIn gives because every letter of a text is in a word of
// deid.Tokenize (or is the "s" of a possessive, no pseudonym), no run of
// letters goes past a word's ends, and a form is its word lowered rune by
// rune (with ’ made '), which keeps letters letters and others not
// (TestLowerKeepsLetters reads every rune) and is what pseudonymsIn does
// to a run again, which changes nothing more (lowering is idempotent).
func pseudonymsInForms(forms []string) map[string]bool {
	used := map[string]bool{}
	for _, f := range forms {
		pseudonymsInto(used, f)
	}
	return used
}

// pseudonymsInto adds to used the pseudonyms text holds (pseudonymsIn).
func pseudonymsInto(used map[string]bool, text string) {
	for i := 0; i < len(text); {
		switch letterClass[text[i]] {
		case 0:
			i++
			continue
		case classWide:
			if r, n := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) {
				i += n
				continue
			}
		}
		start, ascii := i, true
		for i < len(text) {
			c := letterClass[text[i]]
			if c == classLetter {
				i++
				continue
			}
			if c == 0 {
				break
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = false
			i += n
		}
		w := text[start:i]
		if !ascii {
			// strings.ToLower may turn other letters into ASCII ones (the
			// Kelvin sign into "k").
			if l := strings.ToLower(w); pseudonymWords[l] {
				used[l] = true
			}
			continue
		}
		if len(w) > maxPseudonymWord {
			continue
		}
		h := wordBit(w)
		if pseudonymBits[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		if h2 := wordBit2(w); pseudonymBits2[h2>>6]&(1<<(h2&63)) == 0 {
			continue
		}
		// w is ASCII letters: |0x20 lowers each of them.
		for _, p := range pseudonymList[pseudonymsByBit[h]:pseudonymsByBit[h+1]] {
			if len(p) == len(w) && equalFoldLetters(w, p) {
				used[p] = true
				break
			}
		}
	}
}

// equalFoldLetters reports whether the ASCII letters w, lowered, are the
// lower-case p, of the same length.
func equalFoldLetters(w, p string) bool {
	for k := 0; k < len(w); k++ {
		if w[k]|0x20 != p[k] {
			return false
		}
	}
	return true
}
