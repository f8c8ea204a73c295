package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Street forms that the US-style and suffix rules in place.go do not read,
// seen in addresses written the way much of Europe, Latin America and
// North Africa write them:
//
//   - a house number before a street type that comes first: "31 Rue de
//     Tanger", "688 rue du centre 320", "12 Calle Mayor";
//   - a street type written after the name as its own word: "Király u. 15",
//     "Árpád fejedelem útja 3", "trg revolucije 17";
//   - a bare name and house number after an address cue: "lives on
//     Lärchenbühel 38", "is on Nad Mlýnem 2384"; or after a building
//     and a house number: "9816 318 Nikou Kazantzi".

// readNameWord reads a word of letters (with ' ’ - inside and an optional
// final full stop) starting at j, and returns its end, or j when there is
// none.
func readNameWord(text string, j int) int {
	r, size := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsLetter(r) {
		return j
	}
	k := j + size
	for k < len(text) {
		r, size = utf8.DecodeRuneInString(text[k:])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		k += size
	}
	if k < len(text) && text[k] == '.' {
		k++
	}
	return k
}

// skipBlanks returns the index after spaces and tabs at j.
func skipBlanks(text string, j int) int {
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	return j
}

// readDigits returns the end of the run of at most max digits at j, and
// whether it stopped at a non-digit.
func readDigits(text string, j, max int) (int, bool) {
	k := j
	for k < len(text) && isDigit(text[k]) {
		k++
	}
	return k, k-j <= max
}

// houseNumberEnd reads a house number at j ("15", "12b") and returns its
// end, or j when there is none.
func houseNumberEnd(text string, j int) int {
	k, ok := readDigits(text, j, 5)
	if k == j || !ok {
		return j
	}
	if k < len(text) && text[k]|0x20 >= 'a' && text[k]|0x20 <= 'z' && (k+1 == len(text) || !isASCIIAlnum(text[k+1])) {
		k++
	} else if k+1 < len(text) && text[k] == '/' && isDigit(text[k+1]) {
		// "10/16", "1677/3": building and entrance or flat
		if l, ok := readDigits(text, k+1, 4); ok {
			k = l
		}
	}
	if k < len(text) && (isASCIIAlnum(text[k]) || text[k] == '/' || text[k] == '%' || text[k] == ':' ||
		(text[k] == '.' || text[k] == ',' || text[k] == '-') && k+1 < len(text) && isDigit(text[k+1])) {
		return j
	}
	return k
}

// lowerCore is w lower-cased without a final full stop.
func lowerCore(w string) string { return strings.ToLower(strings.TrimSuffix(w, ".")) }

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// prefixWordEnd reads a street type written before the name at j ("Rue",
// "ul.", "C/") and returns its end and lower-cased form, or j.
func prefixWordEnd(text string, j int) (int, string) {
	if j+3 <= len(text) && text[j] == 'C' && text[j+1] == '/' && (text[j+2] == ' ' || text[j+2] >= 'A' && text[j+2] <= 'Z') {
		return j + 2, "c/" // "C/ Mayor": calle
	}
	k := readNameWord(text, j)
	if k == j {
		return j, ""
	}
	w := lowerCore(text[j:k])
	if !vocab.PrefixTypes().Has(w) {
		return j, ""
	}
	return k, w
}

// streetNameAfter reads the name after a street type at j on the same line:
// up to six words, capitalised, connectors ("de", "do") or, when lower is
// set, lower-case words; it stops before a stop word and after a word that
// ends a sentence. It returns the end of the name (j when there is none)
// and whether a house number closes it.
func streetNameAfter(text string, j int, lower bool) (end int, numbered bool) {
	end = j
	names, seenCap := 0, false
	for n := 0; n < 6; n++ {
		k := skipBlanks(text, j)
		if n > 0 && k == j {
			break
		}
		if k < len(text) && isDigit(text[k]) {
			if names == 0 {
				return j, false
			}
			if h := houseNumberEnd(text, k); h > k {
				return h, true
			}
			break
		}
		e := readNameWord(text, k)
		if e == k {
			break
		}
		w := text[k:e]
		lw := lowerCore(w)
		if vocab.NameStop().Has(lw) || vocab.MonthWords().Has(lw) || vocab.Weekdays().Has(lw) {
			break
		}
		stop := sentenceBreak(w)
		switch {
		case vocab.StreetConnectors().Has(lw) && !capitalised(w):
			// a connector alone ends no name
		case capitalised(w) || lower && !seenCap:
			// After a capitalised word a lower-case one starts the
			// sentence again: "12 Rue Cler served dinner".
			seenCap = seenCap || capitalised(w)
			names++
			end = k + len(strings.TrimSuffix(w, "."))
			if !stop && strings.HasSuffix(w, ".") {
				end = e
			}
		default:
			return end, false
		}
		if stop {
			return end, false
		}
		j = e
	}
	if names == 0 {
		return j, false
	}
	return end, false
}

// numberFirstPrefix matches a house number (or a building and a house
// number) before a street type that comes first: "27 Rue Al Amir Al Fadl",
// "70248 27 Rue samarkand", "688 rue du centre 320". Submatch 1 is the type.
func numberFirstPrefix(w string) []int {
	j, ok := readDigits(w, 0, 6)
	if j == 0 || !ok {
		return nil
	}
	if j < len(w) && w[j] == ',' {
		j++ // "12, rue des Lilas"
	}
	k := skipBlanks(w, j)
	if k == j {
		return nil
	}
	if k < len(w) && isDigit(w[k]) {
		h := houseNumberEnd(w, k)
		if h == k {
			return nil
		}
		j = h
		if k = skipBlanks(w, j); k == j {
			return nil
		}
	}
	pe, typ := prefixWordEnd(w, k)
	if pe == k {
		return nil
	}
	if pw := w[k:pe]; len(pw) >= 2 && strings.ToUpper(pw) == pw {
		return nil // "HR 70 AV PACED" in an all-caps note
	}
	english := vocab.EnglishPrefix().Has(typ)
	lowerType := !capitalised(w[k:pe]) && typ != "c/"
	end, _ := streetNameAfter(w, pe, !english)
	if end == pe {
		return nil
	}
	if english || lowerType {
		// "3 via Skype", "12 avenue of trees": a capitalised name, or a
		// lower-case one that a connector introduces ("36 rue de pologne").
		cap, conn := false, false
		for _, f := range strings.Fields(w[pe:end]) {
			if capitalised(f) || f[0] >= 0x80 {
				cap = true
			}
			if vocab.StreetConnectors().Has(lowerCore(f)) {
				conn = true
			}
		}
		if !cap && (english || !conn && !lowerType) {
			return nil
		}
		if english && countLetters(w[pe:end]) < 3 {
			return nil // "2 Avenue Q tickets"
		}
	}
	return []int{0, end, k, pe}
}

func numberFirstStreet(text string, m []int) []hit {
	s := m[0]
	if s > 0 && (isASCIIAlnum(text[s-1]) || strings.IndexByte(".,/$#:+-", text[s-1]) >= 0) {
		return nil
	}
	if name := text[m[3]:m[1]]; !hasUpper(text[m[2]:m[1]]) && !hasConnector(name) && !streetCue(text, s) {
		return nil // "5 rue cler" needs a cue: "address: 5 rue cler"
	}
	s = withHouseNumber(text, s)
	if nw := nextWord(text, m[1]); nw == "st" || nw == "street" {
		// "31 Rue Tachkent St.": the street word is the sentence's.
		return []hit{{start: s, end: m[1], typ: "street", conf: 0.75}}
	}
	return streetBlock(text, s, m[1], 0.75)
}

// tPostType accepts a lower-case street type written after the name.
func tPostType(text string, t token) bool {
	// The cheap test first: a short word, a blank and a digit.
	e := t.start
	for e < len(text) && e-t.start <= 12 && (text[e]|0x20 >= 'a' && text[e]|0x20 <= 'z' || text[e] >= 0x80 || text[e] == '.') {
		e++
	}
	if e == t.start || e-t.start > 12 || e+1 >= len(text) || text[e] != ' ' || !isDigit(text[e+1]) {
		return false
	}
	w := text[t.start:e]
	if capitalised(w) || !vocab.PostTypes().Has(lowerCore(w)) {
		return false
	}
	// "u" must be written "u." ("love u 2" is chat).
	return lowerCore(w) != "u" || strings.HasSuffix(w, ".")
}

// matchPostType matches the type word, blanks and the house number.
func matchPostType(w string) []int {
	e := readNameWord(w, 0)
	k := skipBlanks(w, e)
	h := houseNumberEnd(w, k)
	if h == k {
		return nil
	}
	return []int{0, h}
}

// postTypeStreet takes up to three words before the type as the name: at
// least one capitalised, unless the line is in lower case or an address cue
// comes first ("enter on hegyalja út 98").
func postTypeStreet(text string, m []int) []hit {
	s, names, capName := m[0], 0, false
	for names < 3 {
		j := s
		if j == 0 || text[j-1] != ' ' && text[j-1] != '\t' {
			break
		}
		for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
			j--
		}
		k := nameWordStart(text, j)
		if k == j {
			break
		}
		w := text[k:j]
		if lw := strings.ToLower(w); vocab.NameStop().Has(lw) || vocab.MonthWords().Has(lw) || vocab.Weekdays().Has(lw) {
			break
		}
		if capitalised(w) {
			capName = true
		}
		s, names = k, names+1
	}
	if names == 0 {
		return nil
	}
	if !capName && !lowerLine(text, s) && !addressCue(text, s) {
		return nil
	}
	if !capName && strings.HasSuffix(text[m[0]:readNameWord(text, m[0])], ".") {
		return nil // an abbreviated type needs a capitalised name: not "love u. 5 stars"
	}
	return streetBlock(text, withHouseNumber(text, s), m[1], 0.7)
}

// lowerLine reports whether the line around i has no capital letter: text
// written all in lower case, where names are too.
func lowerLine(text string, i int) bool {
	s := strings.LastIndexByte(text[:i], '\n') + 1
	e := strings.IndexByte(text[i:], '\n')
	if e < 0 {
		e = len(text)
	} else {
		e += i
	}
	for _, r := range text[s:e] {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// streetCue reports whether the words just before i, in the same sentence,
// introduce a street: an address cue, or a preposition after a verb of
// place ("is on", "enter on", "the north side of").
func streetCue(text string, i int) bool {
	w := strings.ToLower(window(text, i, 32))
	if k := strings.LastIndexAny(w, ".!?\n"); k >= 0 {
		w = w[k+1:]
	}
	for c := range vocab.AddressCueWords().All() {
		if strings.Contains(w, c) {
			return true
		}
	}
	for _, c := range []string{"is on ", "enter on ", "side of ", "lives on ", "is at ", "meet me at ", "meet you at ", "walk to ", "drive to "} {
		if strings.HasSuffix(w, c) {
			return true
		}
	}
	return false
}

// nameThenNumber matches a house number after a bare street name, and reads
// the name back from it: "Lärchenbühel 38", "Nad Mlýnem 2384", "ul. Miła
// 53". It needs an address cue before the name or a street word after the
// number ("Lage Dijk 41 St.").
func nameThenNumber(text string, m []int) []hit {
	s := m[0]
	e := m[1]
	if s > 0 && !(text[s-1] == ' ' || text[s-1] == '\t') {
		return nil
	}
	after := skipBlanks(text, e)
	streetAfter, bounded := false, true
	if after < len(text) {
		nw := strings.ToLower(text[after:readNameWord(text, after)])
		streetAfter = nw == "st." || nw == "street" || nw == "st" || nw == "str."
		// "on Benefits 1200 a month": a number before "a" is an amount.
		bounded = streetAfter || addressEnds(text, e) || strings.ContainsRune(".?!)", rune(text[e])) ||
			vocab.NameStop().Has(strings.TrimSuffix(nw, ".")) && nw != "a" && nw != "an" && nw != "per"
	}
	// Read the name back: one to four words, capitalised or connectors,
	// with an optional type written first ("ul.", "C/", "Rua").
	start, names, typed := s, 0, false
	for n := 0; n < 5; n++ {
		j := start
		if j == 0 || text[j-1] != ' ' && text[j-1] != '\t' {
			break
		}
		for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
			j--
		}
		k := j
		for k > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:k])
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' && r != '/' {
				break
			}
			k -= size
		}
		if k == j {
			break
		}
		w := text[k:j]
		lw := lowerCore(w)
		if pe, typ := prefixWordEnd(text, k); pe == j && names > 0 {
			start = k // "ul. Miła", "C/ Señores Curas", "Rúa do Paseo"
			typed = !vocab.EnglishPrefix().Has(typ)
			break
		}
		if strings.ContainsRune(strings.TrimSuffix(w, "."), '.') || strings.ContainsRune(w, '/') {
			break
		}
		if vocab.StreetConnectors().Has(lw) && !capitalised(w) && names > 0 {
			start = k
			continue
		}
		if !capitalised(w) || strings.HasSuffix(w, ".") || vocab.NameStop().Has(lw) || vocab.NotStreetName().Has(lw) || vocab.MonthWords().Has(lw) || vocab.Weekdays().Has(lw) {
			break
		}
		if strings.ToUpper(w) == w {
			return nil // "ICU 12", "PEEP 5" in an all-caps note
		}
		start, names = k, names+1
	}
	// Connectors read last belong to the sentence ("de").
	for start < s && !typed {
		k := readNameWord(text, start)
		if !vocab.StreetConnectors().Has(lowerCore(text[start:k])) || capitalised(text[start:k]) {
			break
		}
		start = skipBlanks(text, k)
	}
	if names == 0 || start >= s {
		return nil
	}
	if w := text[start:readNameWord(text, start)]; names == 1 && vocab.AloneNotStreet().Has(lowerCore(w)) {
		return nil // "moved to Pod 2"; "Nad Mlýnem 2384" is a street
	}
	if !bounded && !typed || !streetAfter && !typed && !streetCue(text, start) && !codeAfter(text, e) {
		return nil
	}
	return streetBlock(text, start, e, 0.65)
}

// matchHouseNumber matches a house number standing alone.
func matchHouseNumber(w string) []int {
	h := houseNumberEnd(w, 0)
	if h == 0 {
		return nil
	}
	return []int{0, h}
}

// tNumberAfterName accepts a number of up to five digits after a
// capitalised word on the same line.
func tNumberAfterName(text string, t token) bool {
	j := t.start
	if j < 2 || text[j-1] != ' ' {
		return false
	}
	k := j - 1
	r, _ := utf8.DecodeLastRuneInString(text[:k])
	return unicode.IsLetter(r)
}

// numbersThenName matches a building and a house number before a street
// name of capitalised words that ends the sentence, line or part: "9816 214
// Nikou Kazantzi".
func numbersThenName(w string) []int {
	j, ok := readDigits(w, 0, 6)
	if j < 2 || !ok {
		return nil
	}
	k := skipBlanks(w, j)
	if k == j {
		return nil
	}
	h := houseNumberEnd(w, k)
	if h == k {
		return nil
	}
	n := skipBlanks(w, h)
	if n == h {
		return nil
	}
	end, names := n, 0
	lower := !capitalised(w[n:])
	for names < 4 {
		p := skipBlanks(w, end)
		if names > 0 && p == end {
			break
		}
		e := readNameWord(w, p)
		if e == p || capitalised(w[p:e]) == lower || strings.ToUpper(w[p:e]) == w[p:e] || lower && !lowerPlaceWord(w[p:e]) {
			break
		}
		lw := lowerCore(w[p:e])
		if streetSuffixSet[lw] {
			return nil // the US rule reads a suffix
		}
		if vocab.NameStop().Has(lw) || vocab.NotStreetName().Has(lw) || vocab.MonthWords().Has(lw) || vocab.Weekdays().Has(lw) {
			break
		}
		end, names = e, names+1
		if strings.HasSuffix(w[p:e], ".") {
			end--
			break
		}
	}
	if names == 0 {
		return nil
	}
	if u := unitAfter.FindStringIndex(w[end:]); u != nil && u[1] > 0 {
		return []int{0, end + u[1]} // "9816 318 Nikou Kazantzi Suite 4"
	}
	if !addressEnds(w, end) && !(end < len(w) && strings.IndexByte(".?!", w[end]) >= 0) {
		return nil
	}
	return []int{0, end}
}

func numbersThenNameStreet(text string, m []int) []hit {
	s := m[0]
	if s > 0 && (isASCIIAlnum(text[s-1]) || strings.IndexByte(".,/$#:+-", text[s-1]) >= 0) {
		return nil
	}
	if !streetCue(text, s) && !strings.HasSuffix(strings.ToLower(window(text, s, 4)), "at ") {
		return nil
	}
	if !hasUpper(text[s:m[1]]) && !(lowerLine(text, s) && streetCue(text, s)) {
		return nil // "at 389 167 king alexander" only on a lower-case line after a cue
	}
	return streetBlock(text, s, m[1], 0.65)
}

// matchPostcodeShape matches a postal code: four or five digits, "NNN NN"
// or "NNNN-NNN".
func matchPostcodeShape(w string) []int {
	k, _ := readDigits(w, 0, 5)
	n := k
	switch {
	case n == 3 && k+3 <= len(w) && w[k] == ' ' && isDigit(w[k+1]) && isDigit(w[k+2]):
		k += 3
	case n == 4 && k+4 <= len(w) && w[k] == '-' && isDigit(w[k+1]) && isDigit(w[k+2]) && isDigit(w[k+3]):
		k += 4
	case n == 4 || n == 5:
	default:
		return nil
	}
	if k < len(w) && (isASCIIAlnum(w[k]) || strings.IndexByte("/%:-", w[k]) >= 0 || (w[k] == '.' || w[k] == ',') && k+1 < len(w) && isDigit(w[k+1])) {
		return nil
	}
	return []int{0, k}
}

// townPostcode reads a town and the postal code after it, after "in":
// "in Roccastrada 1021", "in SVARTBÄCKEN 840 24", "in Quinta de São
// Tiago 3610-114". A four-digit number that could be a year is left out
// ("in Vienna 2019").
func townPostcode(text string, m []int) []hit {
	s, e := m[0], m[1]
	if e-s == 4 {
		if y := atoi(text[s:e]); y >= 1800 && y <= 2099 {
			return nil
		}
	}
	// The code ends the part: "in Hov 4830 last year" but not "in Sales
	// 4500 strong".
	if nw := nextWord(text, e); !addressEnds(text, e) && (e >= len(text) || strings.IndexByte(".?!)", text[e]) < 0) &&
		!vocab.NameStop().Has(nw) && nw != "last" && nw != "since" {
		return nil
	}
	start, names := s, 0
	for n := 0; n < 5; n++ {
		j := start
		if j == 0 || text[j-1] != ' ' {
			break
		}
		j--
		k := nameWordStart(text, j)
		if k == j {
			break
		}
		w := text[k:j]
		lw := strings.ToLower(w)
		if lw == "in" {
			if names == 0 || start == s {
				return nil
			}
			if !capitalised(text[start:]) {
				return nil
			}
			return []hit{{start: start, end: e, typ: "postcode", conf: 0.6}}
		}
		switch {
		case vocab.StreetConnectors().Has(lw) && !capitalised(w):
		case capitalised(w) && !vocab.NameStop().Has(lw) && !vocab.NotStreetName().Has(lw) && !vocab.MonthWords().Has(lw) && !vocab.Weekdays().Has(lw):
			names++
		default:
			return nil
		}
		start = k
	}
	return nil
}

// gluedStreetType reports whether a word of a street name ends in a street
// type of a language that glues it on ("tawastintie", "hersnapvej").
func gluedStreetType(words []string) bool {
	for _, w := range words {
		lw := lowerCore(w)
		for suf := range vocab.GluedStreetSuffixes().All() {
			if strings.HasSuffix(lw, suf) && utf8.RuneCountInString(lw) >= utf8.RuneCountInString(suf)+4 {
				return true
			}
		}
	}
	return false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// lowerPlaceWord reports whether a lower-case word can be part of a town or
// country written in lower case: no function word, contraction, verb form
// or number word.
func lowerPlaceWord(w string) bool {
	lw := strings.ToLower(w)
	if vocab.NameStop().Has(lw) || vocab.NotStreetWords().Has(lw) || contraction(lw) {
		return false
	}
	if len(lw) <= 4 {
		return true // "red deer", "sé"
	}
	return !strings.HasSuffix(lw, "ing") && !strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "ly")
}

// lowerUSStreet matches a street written all in lower case: "3911 fourth
// avenue suite 112", "12 elm street". Submatch 1 is the name and the
// street type; a unit may follow.
func lowerUSStreet(w string) []int {
	j, ok := readDigits(w, 0, 6)
	if j == 0 || !ok {
		return nil
	}
	k := skipBlanks(w, j)
	if k == j {
		return nil
	}
	if h := houseNumberEnd(w, k); h > k {
		if k2 := skipBlanks(w, h); k2 > h {
			k = k2
		}
	}
	ns := k
	for n := 0; n < 4; n++ {
		e := k
		for e < len(w) && (w[e] >= 'a' && w[e] <= 'z' || isDigit(w[e]) || w[e] >= 0x80) {
			e++
		}
		if e == k {
			return nil
		}
		word := w[k:e]
		if n > 0 && vocab.LowerSuffix().Has(word) {
			end := e
			if u := unitAfter.FindStringIndex(w[e:]); u != nil {
				end += u[1]
			}
			return []int{0, end, ns, e}
		}
		if isDigit(word[0]) && !isStreetNameWord(word) || !lowerPlaceWord(word) || vocab.MonthWords().Has(word) || vocab.Weekdays().Has(word) {
			return nil
		}
		if k = skipBlanks(w, e); k == e {
			return nil
		}
	}
	return nil
}

func lowerUSStreetHit(text string, m []int) []hit {
	s := m[0]
	if s > 0 && (isASCIIAlnum(text[s-1]) || strings.IndexByte(".,/$#:+-", text[s-1]) >= 0) {
		return nil
	}
	if !lowerLine(text, s) {
		return nil
	}
	if unit := m[1] > m[3]; !unit && !streetCue(text, s) && !addressEnds(text, m[1]) {
		return nil
	}
	return streetBlock(text, s, m[1], 0.6)
}

// contraction reports whether w ends in an English contraction ("it's",
// "don't", "we'll"); an elided article ("l'interieur") is no contraction.
func contraction(w string) bool {
	i := strings.LastIndexAny(w, "'’")
	if i < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(w[i:])
	return len(w)-i-size <= 2
}

// tPrefixType accepts a capitalised street type written before the name.
func tPrefixType(text string, t token) bool {
	e := readNameWord(text, t.start)
	if e == t.start || e-t.start > 16 || e >= len(text) || text[e] != ' ' {
		return false
	}
	var buf [16]byte
	for i := t.start; i < e; i++ {
		b := text[i]
		if b >= 0x80 {
			return vocab.PrefixTypes().Has(lowerCore(text[t.start:e])) // "Rúa", "Οδός"
		}
		if b >= 'A' && b <= 'Z' {
			b |= 0x20
		}
		buf[i-t.start] = b
	}
	n := e - t.start
	if buf[n-1] == '.' {
		n--
	}
	return text[t.start] >= 'A' && text[t.start] <= 'Z' && vocab.PrefixTypes().Has(string(buf[:n]))
}

// prefixComma matches a street type, a capitalised name, a comma and the
// house number, as Portuguese and Spanish addresses are written: "Rua
// Augusta, 100", "Avenida Paulista, nº 1578", "Calle Mayor, 5".
func prefixComma(w string) []int {
	pe, typ := prefixWordEnd(w, 0)
	if pe == 0 {
		return nil
	}
	end, numbered := streetNameAfter(w, pe, false)
	if end == pe || numbered {
		return nil
	}
	names := strings.Fields(w[pe:end])
	if vocab.EnglishPrefix().Has(typ) && len(names) == 0 {
		return nil
	}
	if end >= len(w) || w[end] != ',' {
		return nil
	}
	k := skipBlanks(w, end+1)
	for _, no := range []string{"nº", "n°", "no.", "n.", "Nº", "N°", "No."} {
		if strings.HasPrefix(w[k:], no) {
			k = skipBlanks(w, k+len(no))
			break
		}
	}
	h := houseNumberEnd(w, k)
	if h == k || h-k > 9 {
		return nil
	}
	// The number ends the part: "Calle Mayor, 5, Madrid", not "Rua Nova, 3 dias".
	if h < len(w) && !addressEnds(w, h) && strings.IndexByte(".?!)", w[h]) < 0 && !vocab.NameStop().Has(nextWord(w, h)) {
		return nil
	}
	return []int{0, h}
}

// townAfterCode returns the end of the town written after a postal code on
// the same line, the European way ("10115 Berlin", "110 00 Praha 1"): one
// to three capitalised words (and a district number or letter) that end
// the line, the text or the part. It returns i when there is none.
func townAfterCode(text string, i int) int {
	j := skipBlanks(text, i)
	if j == i || j-i > 2 {
		return i
	}
	end := i
	for n := 0; n < 4; n++ {
		k := readNameWord(text, j)
		switch {
		case k > j && capitalised(text[j:k]) && !vocab.NameStop().Has(lowerCore(text[j:k])):
		case n > 0 && k == j && j < len(text) && isDigit(text[j]):
			k, _ = readDigits(text, j, 2) // "Praha 1"
		default:
			k = j
		}
		if k == j {
			break
		}
		if strings.HasSuffix(text[j:k], ".") {
			k-- // the full stop ends the sentence
		}
		end = k
		if nj := skipBlanks(text, k); nj > k && nj < len(text) && text[nj] != '\n' {
			j = nj
			continue
		}
		break
	}
	if end == i || !addressEnds(text, end) && !(end < len(text) && strings.IndexByte(".?!)", text[end]) >= 0) {
		return i
	}
	return end
}

// codeAfter reports whether a comma, a postal code and a capitalised town
// follow i: "Vestergade 17, 8000 Aarhus C".
func codeAfter(text string, i int) bool {
	if i >= len(text) || text[i] != ',' {
		return false
	}
	j := skipBlanks(text, i+1)
	m := matchPostcodeShape(text[j:min(len(text), j+12)])
	if m == nil {
		return false
	}
	return townAfterCode(text, j+m[1]) > j+m[1]
}

// hasConnector reports whether a street name has a connector word ("de",
// "do").
func hasConnector(name string) bool {
	for _, f := range strings.Fields(name) {
		if vocab.StreetConnectors().Has(lowerCore(f)) {
			return true
		}
	}
	return false
}

// nameWordStart returns where the word of letters, hyphens and apostrophes
// that ends at j starts (j itself when there is none).
func nameWordStart(text string, j int) int {
	k := j
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			break
		}
		k -= size
	}
	return k
}
