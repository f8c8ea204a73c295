package rules

import (
	"context"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// USPS street suffixes (Publication 28, the common ones) and their usual
// abbreviations, hard-coded so the package has no data files.
const reStreetSuffix = `Street|St|Str|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Way|Terrace|Ter|Terr|` +
	`Highway|Hwy|Parkway|Pkwy|Pky|Circle|Cir|Square|Sq|Trail|Trl|Alley|Aly|Crescent|Cres|Close|Grove|Gr|Gardens|Gdns|` +
	`Expressway|Expy|Freeway|Fwy|Turnpike|Tpke|Pike|Route|Rte|Loop|Row|Walk|Path|Pass|Run|Crossing|Xing|Point|Pt|Plaza|Plz|` +
	`Ridge|Rdg|Heights|Hts|Hill|Hl|Hollow|Holw|Park|Pk|View|Vw|Vista|Vis|Commons|Cmns|Center|Ctr|Centre|Junction|Jct|` +
	`Landing|Lndg|Meadow|Meadows|Mdws|Mews|Mill|Mills|Orchard|Oval|Creek|Crk|Estates|Ests|Glen|Gln|Harbor|Hbr|Haven|Hvn|Island|Isle|` +
	`Knoll|Knls|Lake|Lakes|Manor|Mnr|Mount|Mt|Mountain|Mtn|Pines|Plains|Port|Prairie|Ranch|Shore|Shores|Spring|Springs|Spg|Spgs|` +
	`Station|Sta|Summit|Smt|Valley|Vly|Village|Vlg|Wood|Woods|Bend|Bnd|Bluff|Blf|Branch|Br|Bridge|Brg|Brook|Brk|Causeway|Cswy|Cove|Cv|` +
	`Dale|Dl|Dam|Divide|Dv|Estate|Falls|Fls|Ferry|Fry|Field|Fields|Flds|Flat|Flats|Ford|Forest|Frst|Forge|Fork|Forks|Fort|Ft|Gateway|Gtwy|` +
	`Green|Grn|Harbour|Quay|Ramp|Rest|Skyway|Spur|Stravenue|Stra|Stream|Throughway|Trace|Trce|Track|Trak|Trafficway|Tunnel|Tunl|Underpass|Upas|` +
	`Union|Viaduct|Via|Ville|Vl|Wharf|Wynd|Embankment|Promenade|Broadway|Esplanade|Drove|Chase|Rise|Parade|Approach|Causeway|Quadrant`

const reUnit = `(?:,?\s*(?i:Apt\.?|Apartment|Suite|Ste\.?|Unit|Rm\.?|Room|Floor|Fl\.?|Flat|Bldg\.?|Building|#)\s*#?\s*[A-Za-z0-9][A-Za-z0-9\-]*)?`

// Street finds street addresses (Type "street"): "123 N. Main Street",
// "45 Elm St Apt 2B", "6750 Koskikatu 25 Apt. 864", "Rue de Virton 38",
// unit designators ("Suite 642") and military addresses ("PSC 3294, Box
// 9168").
type Street struct{ rules *ruleSet }

var _ deid.Detector = (*Street)(nil)

// NewStreet returns the street-address detector.
func NewStreet() *Street {
	return &Street{rules: newRuleSet([]rule{
		{trig: custom(digits, false, numberThenCapital), match: matchUSStreet, fn: usStreet, win: 140},
		{trig: tStreetPrefix, re: anchored(`\b((?i:rue|rua|via|viale|vicolo|calle|carrer|avenida|avda\.?|av\.|avenue|boulevard|bd\.?|piazza|plaza|plac|ulica|ul\.|travessa|largo|praça|strada|chemin|route|allée|impasse|quai|camino|paseo|ronda|pasaje|aleja|cesta|ulitsa|prospekt|odos|leoforos|οδός|λεωφόρος|πλατεία))\s+((?:[\p{L}'’.\-]+\s+){0,4}?)(\d{1,5}[A-Za-z]?)\b` + reUnit), fn: prefixStreet, win: 200},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ", true, tStreetSuffixWord), re: anchored(`\b((?:\p{Lu}[\p{L}\-]*)?(?i:katu|kuja|tie|polku|kaari|rinne|vej|vegen|veien|veg|gade|gata|gatan|vägen|väg|stræde|straße|strasse|str\.|weg|laan|straat|plein|dreef|gracht|kade|singel|gasse|allee|platz|ring|damm|ufer|tér|utca|út|körút|ulica|cesta|iela|gatve|tänav|tee|plads|torv|stien|svingen|bakken|lia|haugen|veien|aveny|tori))\s+(\d{1,5}[A-Za-z]?)\b\.?` + reUnit), fn: suffixStreet, win: 160, need: needGluedSuffixStreet},
		{trig: custom(digits, false, numberThenName), match: matchNumberedStreet, fn: numberedStreet, win: 140},
		{trig: custom(digits, false, always), match: numberFirstPrefix, fn: numberFirstStreet, win: 160},
		// matchPostType and prefixComma match only with a house number
		// (houseNumberEnd starts with a digit).
		{trig: custom("abcdefghijklmnopqrstuvwxyz", true, tPostType), match: matchPostType, fn: postTypeStreet, win: 24, digit: true},
		{trig: custom(digits, false, tNumberAfterName), match: matchHouseNumber, fn: nameThenNumber, win: 12},
		{trig: custom(digits, false, always), match: numbersThenName, fn: numbersThenNameStreet, win: 120},
		{trig: custom(digits, false, always), match: lowerUSStreet, fn: lowerUSStreetHit, win: 120},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ", true, tPrefixType), match: prefixComma, fn: unitOnly, win: 120, digit: true},
		{trig: tOr(tWordsThen([]string{"the"}, []string{"corner"}), tWordsThen([]string{"corner"}, []string{"of"})), match: matchCorner, fn: unitOnly, win: 160},
		{trig: tWords("apt", "apartment", "suite", "ste"), re: anchored(`\b(?:Apt\.?|Apartment|Suite|Ste\.|apt\.|suite)\s*#?\s*\d{1,5}[A-Za-z]?\b`), fn: unitLine},
		{trig: tWords("psc", "cmr", "unit", "apo", "fpo", "dpo"), re: anchored(`(?i)\b(?:PSC|CMR|Unit)\s+\d{3,5},?\s+Box\s+\d{2,5}\b|\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\b(?:\s+\d{5})?`), fn: unitOnly},
	}...)}
}

// Name implements deid.Detector.
func (d *Street) Name() string { return "rules/street" }

// Detect implements deid.Detector.
func (d *Street) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, d.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, d.Name(), deid.Place, hs), nil
}

func usStreet(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (text[s-1] == '.' || text[s-1] == ',' || text[s-1] == '/' || text[s-1] == '$') && s > 1 && isDigit(text[s-2]) {
		return nil
	}
	names := strings.Fields(group(text, m, 2))
	suffix := group(text, m, 3)
	if len(names) == 0 {
		return nil
	}
	for _, n := range names {
		if vocab.StreetNameDeny().Has(n) {
			return nil
		}
	}
	upper := text[s:m[3*2+1]] == strings.ToUpper(text[s:m[3*2+1]])
	ls := strings.ToLower(suffix)
	if vocab.AmbiguousSuffix().Has(ls) {
		// "2 AMPS HEAD CT" in an all-caps note; "at 3 Dr Smith".
		if upper {
			return nil
		}
		if suffix != strings.ToUpper(suffix[:1])+strings.ToLower(suffix[1:]) {
			return nil
		}
		if ls == "dr" && nextIsCapitalisedName(text, m[3*2+1]) {
			return nil
		}
		// "400 TID. Pt is", "7a \n\nCV Pt": a sentence or a line ends
		// before the word.
		if last := names[len(names)-1]; strings.HasSuffix(last, ".") || strings.ContainsAny(group(text, m, 2), "\n\r") {
			return nil
		}
	}
	if upper && len(names) > 2 {
		// All caps: a long run of capitalised words is probably a sentence.
		return nil
	}
	conf := 0.85
	if upper {
		conf = 0.6
	}
	// "Main Street." ends a sentence; "Main St." is an abbreviation.
	if se := m[3*2+1]; e == se+1 && text[se] == '.' && len(suffix) > 4 {
		e = se
	}
	if !upper {
		s = withHouseNumber(text, s) // "6127 48 Agiou Dimitriou Avenue"
	}
	return streetBlock(text, s, e, conf)
}

// nextIsCapitalisedName reports whether a capitalised word follows i on the
// same line ("Dr Smith").
func nextIsCapitalisedName(text string, i int) bool {
	j := i
	if j < len(text) && text[j] == '.' {
		j++
	}
	for j < len(text) && text[j] == ' ' {
		j++
	}
	return j < len(text) && text[j] >= 'A' && text[j] <= 'Z' && j+1 < len(text) && text[j+1] >= 'a' && text[j+1] <= 'z'
}

// withHouseNumber extends a street match back over a house number before
// it ("6750 Koskikatu 25").
func withHouseNumber(text string, s int) int {
	if t := withOneNumber(text, s); t < s {
		return withOneNumber(text, t) // "9554 62 Rue Gafsa": building and house number
	}
	return s
}

func withOneNumber(text string, s int) int {
	j := s
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') && s-j < 3 {
		j--
	}
	if j == s {
		return s
	}
	k := j
	for k > 0 && isDigit(text[k-1]) && j-k < 6 {
		k--
	}
	if k == j || k > 0 && (isASCIIAlnum(text[k-1]) || text[k-1] == '.' || text[k-1] == ',') {
		return s
	}
	return k
}

func prefixStreet(text string, m []int) []hit {
	words := strings.Fields(group(text, m, 2))
	// The street name must have a capitalised word: "via 2 routes" is not an address.
	hasCap := false
	for _, w := range words {
		if r := w[0]; r >= 'A' && r <= 'Z' || r >= 0x80 {
			hasCap = true
		}
	}
	pre := group(text, m, 1)
	if !hasCap && !(pre != "" && pre[0] >= 'A' && pre[0] <= 'Z' && len(words) > 0) {
		return nil
	}
	if len(words) == 0 {
		return nil
	}
	// "Via Roma 12" is written with a capital, not "via rad AL in low
	// 100" or "VIA OGT. MINIMAL RESIDUALS. FS 127" in a clinical note,
	// unless an address cue comes first ("address: rue du centre 320").
	titled := pre[0] >= 'A' && pre[0] <= 'Z' && strings.ToUpper(pre) != pre || pre[0] >= 0x80
	if !titled && !addressCue(text, m[0]) {
		return nil
	}
	for _, w := range words {
		if sentenceBreak(w) {
			return nil
		}
	}
	return streetBlock(text, withHouseNumber(text, m[0]), m[1], 0.7)
}

// sentenceBreak reports whether a word of a street name ends a sentence: a
// full stop after a word longer than an abbreviation ("OGT.", "liters.").
func sentenceBreak(w string) bool {
	return strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 4
}

func suffixStreet(text string, m []int) []hit {
	s := m[0]
	word := group(text, m, 1)
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return nil
	}
	for suf := range vocab.GluedStreetSuffixes().All() {
		if strings.EqualFold(word, suf) {
			// The suffix alone ("Strasse 89") names no street: take the
			// word before it ("Kärntner Gasse 56"); short ones ("Ring",
			// "Tee") are too often ordinary words.
			p := prevCapitalised(text, s)
			if p == s || utf8.RuneCountInString(word) < 5 {
				return nil
			}
			s = p
			break
		}
	}
	return streetBlock(text, withHouseNumber(text, s), m[1], 0.75)
}

// prevCapitalised returns the start of the capitalised word that ends one
// blank before i, or i when there is none.
func prevCapitalised(text string, i int) int {
	j := i
	if j == 0 || text[j-1] != ' ' {
		return i
	}
	j--
	k := j
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		k -= size
	}
	if r, _ := utf8.DecodeRuneInString(text[k:j]); k == j || !unicode.IsUpper(r) {
		return i
	}
	return k
}

// numberedStreet reads "41207 Tammeoja 58", "1593 Vesiveski 27", "3565 Πλατεία
// Συντάγματος 204": a building number, a street name and the number on the
// street, the way addresses are written in much of Europe and Latin America.
func numberedStreet(text string, m []int) []hit {
	s := m[0]
	if s > 0 && (isASCIIAlnum(text[s-1]) || strings.IndexByte(".,/$#:+-", text[s-1]) >= 0) {
		return nil
	}
	e := m[2*3+1]
	if e < len(text) && (strings.IndexByte("/:%", text[e]) >= 0 || (text[e] == '.' || text[e] == ',' || text[e] == '-') && e+1 < len(text) && isDigit(text[e+1])) {
		return nil
	}
	if nw := nextWord(text, e); vocab.YearNextDeny().Has(nw) || vocab.AgeNextDeny().Has(nw) {
		return nil
	}
	words := strings.Fields(group(text, m, 2))
	lower, title, caps, long := 0, 0, 0, 0
	for _, w := range words {
		core := strings.TrimSuffix(w, ".")
		lw := strings.ToLower(core)
		if vocab.NotStreetWords().Has(lw) || vocab.MonthWords().Has(lw) || vocab.Weekdays().Has(lw) {
			return nil // "12 March 2019"
		}
		r, _ := utf8.DecodeRuneInString(core)
		upperRest := strings.ToUpper(core) == core
		switch {
		case vocab.StreetConnectors().Has(lw) && !unicode.IsUpper(r):
			continue
		case unicode.IsUpper(r) && upperRest && utf8.RuneCountInString(core) > 1:
			caps++
		case unicode.IsUpper(r):
			title++
		default:
			lower++
			if strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ly") {
				return nil // an English verb or adverb: "in 2019 Mary turned 40"
			}
		}
		if utf8.RuneCountInString(core) > 2 {
			long++
		}
	}
	cue := addressCue(text, s)
	switch {
	case long == 0 || caps > 0:
		return nil // "2 AMPS HEAD 3" in an all-caps note
	case title == 0 && !cue && !(lowerLine(text, s) && (gluedStreetType(words) || m[1] > m[2*3+1]+1)):
		return nil // lower-case names need an address cue: "10 peep 5"
	case !cue && !nonASCII(group(text, m, 2)) && !addressEnds(text, m[1]) && m[1] <= m[2*3+1]+1:
		return nil // "Tidal volume 600 Rate 4 P/S 10", "in 2019 Mary turned 40."
	}
	for _, w := range words {
		if sentenceBreak(w) {
			return nil
		}
	}
	return streetBlock(text, s, m[1], 0.7)
}

// addressCue reports whether the words just before i introduce an address
// ("lives at", "address:", "sent to").
func addressCue(text string, i int) bool {
	w := strings.ToLower(window(text, i, 48))
	for c := range vocab.AddressCueWords().All() {
		if strings.Contains(w, c) {
			return true
		}
	}
	return false
}

// addressEnds reports whether an address could end at i: the end of the
// text or the line, or a comma or semicolon.
func addressEnds(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i == len(text) || text[i] == '\n' || text[i] == '\r' || text[i] == ',' || text[i] == ';'
}

// nonASCII reports whether s has a cased letter outside ASCII, as street
// names in many languages do ("Erzsébet tér", "Πλατεία"); "ºC" does not
// count.
func nonASCII(s string) bool {
	for _, r := range s {
		if r >= 0x80 && (unicode.IsUpper(r) || unicode.IsLower(r)) {
			return true
		}
	}
	return false
}

// numberThenName is the cheap test for numberedStreet: a number of up to
// six digits, then one to four words that start with a letter, then a
// number, all on one line.
func numberThenName(text string, t token) bool {
	j := t.start
	for j < len(text) && isDigit(text[j]) && j-t.start < 7 {
		j++
	}
	if j-t.start > 6 || j >= len(text) || text[j] != ' ' && text[j] != '\t' {
		return false
	}
	for words := 0; words <= 4; words++ {
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j >= len(text) {
			return false
		}
		if isDigit(text[j]) {
			return words > 0
		}
		if !(text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z' || text[j] >= 0xC0) {
			return false
		}
		for j < len(text) && j-t.start < 140 && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' {
			j++
		}
		if j >= len(text) || text[j] == '\n' || j-t.start >= 140 {
			return false
		}
	}
	return false
}

var (
	tStreetPrefix = tOr(tWords("rue", "rua", "via", "viale", "vicolo", "calle", "carrer", "avenida", "avda", "av", "avenue",
		"boulevard", "bd", "piazza", "plaza", "plac", "ulica", "ul", "travessa", "largo", "strada", "chemin", "route",
		"impasse", "quai", "camino", "paseo", "ronda", "pasaje", "aleja", "cesta", "ulitsa", "prospekt", "odos", "leoforos",
		"pra", "all"), custom("", true, func(string, token) bool { return true }))
)

// tStreetSuffixWord accepts a capitalised word ending in a street suffix
// of a language that glues it on ("Koskikatu", "Friedhofstrasse").
func tStreetSuffixWord(text string, t token) bool {
	b := text[t.start]
	if !(b >= 'A' && b <= 'Z' || b >= 0xC0) {
		return false
	}
	j := t.start
	for j < len(text) && j-t.start < 40 && (isASCIIAlnum(text[j]) || text[j] >= 0x80 || text[j] == '-') {
		j++
	}
	w := text[t.start:j]
	if isASCII(w) {
		// Without building the lower-case word: an ASCII word's is ASCII,
		// so only the ASCII suffixes can end it, and only those ending in
		// its last letter.
		if w == "" {
			return false
		}
		last := w[len(w)-1]
		if 'A' <= last && last <= 'Z' {
			last += 'a' - 'A'
		}
		for _, s := range streetSuffixesByLast[last] {
			if len(s) <= len(w) && asciiEqualFoldLower(w[len(w)-len(s):], s) {
				return true
			}
		}
		return false
	}
	w = strings.ToLower(w)
	for s := range vocab.GluedStreetSuffixes().All() {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// streetSuffixesByLast lists vocab.GluedStreetSuffixes by their last byte.
var streetSuffixesByLast = func() (t [256][]string) {
	for s := range vocab.GluedStreetSuffixes().All() {
		t[s[len(s)-1]] = append(t[s[len(s)-1]], s)
	}
	return t
}()

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiEqualFoldLower reports whether the ASCII string a, lower-cased as
// strings.ToLower would, equals b.
func asciiEqualFoldLower(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != b[i] {
			return false
		}
	}
	return true
}

// tState accepts a two-letter capital token or the first word of a state name.
func tState(text string, t token) bool {
	i := t.start
	if i+2 <= len(text) && text[i] >= 'A' && text[i] <= 'Z' && text[i+1] >= 'A' && text[i+1] <= 'Z' && (i+2 == len(text) || !isASCIIAlnum(text[i+2])) {
		return t.digitWithin(7) // text[i:i+2] are capitals: a digit in text[i+2:i+7]
	}
	return t.digitWithin(28) && inVocab(vocab.StateFirst(), text, t)
}

// tUpperDigit accepts a token of capitals and a digit within its first four bytes.
func tUpperDigit(text string, t token) bool {
	i := t.start
	if text[i] < 'A' || text[i] > 'Z' {
		return false
	}
	for j := i + 1; j < len(text) && j-i < 4; j++ {
		if isDigit(text[j]) {
			return true
		}
		if text[j] < 'A' || text[j] > 'Z' {
			return false
		}
	}
	return false
}

func unitOnly(text string, m []int) []hit {
	return streetBlock(text, m[0], m[1], 0.6)
}

// streetBlock returns the street hit s..e, extended over the rest of an
// address block: up to a postal code that closes it within a few words and
// lines ("45 Elm St, Springfield, IL 62704"; "Koskikatu 25\nArtilleros\n,
// CO\n Uruguay 64677"), which is also reported on its own; or, without a
// code, over lines and comma-separated parts made only of capitalised words
// ("Suite 413\n Warwick\n United States", ", Tallinn, Estonia").
func streetBlock(text string, s, e int, conf float64) []hit {
	return addressBlock(text, s, e, "street", conf)
}

func addressBlock(text string, s, e int, typ string, conf float64) []hit {
	h := hit{start: s, end: e, typ: typ, conf: conf}
	words, lines := 0, 0
	commit, lastWord, pending := e, e, false
	// codeOnly is set after a lower-case word or a blank line: from there
	// only a postal code can still extend the block ("Lyss, nan 50662";
	// "Tammiku\n\n Latvia 62488").
	codeOnly, afterBlank := false, -1
	// partWords counts the words of the current part (a line or a
	// comma-separated piece); capsLed is set when its first word is in
	// capitals, the way a town is written after a street on one line
	// ("Apt. 501 POLSING OO after the concert").
	partWords, capsLed := 0, false
	// lower is set for an address written all in lower case ("255
	// hersnapvej 18, københavn k"): its town and country are too.
	lower := countLetters(text[s:e]) > 0 && lowerLine(text, s) && !hasUpper(text[s:e])
	flush := func() {
		if pending && !codeOnly {
			commit = lastWord
		}
		pending, partWords, capsLed = false, 0, false
	}
	capsPart := func() {
		if pending && !codeOnly && capsLed && partWords <= 3 {
			commit = lastWord
		}
	}
	for j := e; j < len(text) && j-e < 160; {
		b := text[j]
		switch {
		case b == '\n':
			flush()
			lines++
			if lines > 4 || afterBlank >= 0 {
				h.end = commit
				return []hit{h}
			}
			if blankLineAt(text, j+1) {
				codeOnly, afterBlank = true, words
				for j+1 < len(text) && blankLineAt(text, j+1) && text[j+1] != '\n' {
					j++ // skip the blanks of the empty line
				}
				j++
				if j < len(text) && text[j] == '\n' {
					j++
				}
				continue
			}
			j++
		case isDigit(b):
			k := j
			for k < len(text) && isDigit(text[k]) {
				k++
			}
			n := k - j
			if k+2 < len(text) && text[k] == '-' && isDigit(text[k+1]) {
				l := k + 1
				for l < len(text) && isDigit(text[l]) && l-k <= 4 {
					l++
				}
				if m := l - k - 1; m >= 3 && m <= 4 && n >= 2 && (l == len(text) || !isASCIIAlnum(text[l])) {
					k, n = l, 5 // "53-320", "3610-114", "64677-1234"
				}
			}
			if n == 3 && k+3 <= len(text) && text[k] == ' ' && isDigit(text[k+1]) && isDigit(text[k+2]) && (k+3 == len(text) || !isASCIIAlnum(text[k+3])) && !digitGroupBefore(text, j) {
				k, n = k+3, 5 // "340 12", "114 32": Swedish, Greek, Czech codes
			}
			if (n == 4 || n == 5) && (k == len(text) || !isASCIIAlnum(text[k])) && !wordRuneBefore(text, j) {
				return []hit{{start: s, end: townAfterCode(text, k), typ: typ, conf: conf}, {start: j, end: k, typ: "zip", conf: conf}}
			}
			if n > 3 || k < len(text) && isASCIIAlnum(text[k]) {
				h.end = commit
				return []hit{h}
			}
			words++
			if partWords == 0 {
				capsLed = false
			}
			partWords++
			lastWord, pending, j = k, true, k
		case isASCIIAlnum(b) || b >= 0x80:
			words++
			if words > 8 || afterBlank >= 0 && words-afterBlank > 3 {
				h.end = commit
				return []hit{h}
			}
			r, _ := utf8.DecodeRuneInString(text[j:])
			k := j
			for k < len(text) && (isASCIIAlnum(text[k]) || text[k] >= 0x80 || text[k] == '\'' || text[k] == '-') {
				k++
			}
			if lower && !unicode.IsUpper(r) && !codeOnly && lowerPlaceWord(text[j:k]) {
				// a lower-case town or country
			} else if !unicode.IsUpper(r) {
				capsPart()
				pending, codeOnly = false, true // the part is not all names
			} else if partWords == 0 {
				w := text[j:k]
				capsLed = utf8.RuneCountInString(w) >= 3 && strings.ToUpper(w) == w
			}
			partWords++
			lastWord, pending, j = k, true, k
		case b == ',':
			flush()
			j++
		case b == ':' || b == '@':
			h.end = commit // "Mobile: ...", an e-mail: another field starts
			return []hit{h}
		case b == '?' && lineStartBefore(text, j):
			j++ // "??? Italy 95787": a marker before the line
		case b == '.' || b == ';' || b == '!' || b == '?':
			if b != '.' || j+1 < len(text) && (text[j+1] == ' ' || text[j+1] == '\n') && (words > 0 || lower) {
				if j+1 == len(text) || text[j+1] == '\n' || text[j+1] == '\r' || lower && b == '.' {
					flush()
				}
				capsPart()
				h.end = commit
				return []hit{h}
			}
			j++
		default:
			j++
		}
	}
	if len(text)-e < 160 {
		flush()
	}
	h.end = commit
	return []hit{h}
}

// digitGroupBefore reports whether a group of digits ends one blank before
// i ("179 459 33" is a telephone number, not a code after a town).
func digitGroupBefore(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	return j < i && j > 0 && (isDigit(text[j-1]) || text[j-1] == ')')
}

// lineStartBefore reports whether only blanks and list or quote markers
// come between the start of the line and i.
func lineStartBefore(text string, i int) bool {
	for i > 0 && text[i-1] != '\n' {
		if strings.IndexByte(" \t>?*-|", text[i-1]) < 0 {
			return false
		}
		i--
	}
	return true
}

// unitLine reads a unit designator ("Apt. 576"). On a line of its own it
// also takes the line before it, the street line of a postal address
// written one part a line ("Serenade Opus 420 Gairbekov Rapids\n Apt. 576").
func unitLine(text string, m []int) []hit {
	s := m[0]
	if lineStartBefore(text, s) {
		if p := streetLineBefore(text, s); p >= 0 {
			s = p
		}
	}
	return streetBlock(text, s, m[1], 0.6)
}

// streetLineBefore returns the start of the street that ends the line
// before the one at i: its last words, back to a field label, a stop word
// or punctuation, when they hold a house number and a word of three or more
// letters and start with a capital or a number ("with Serenade Opus 420
// Gairbekov Rapids", "Fuglie 41 Popović Dam"). It returns -1 when not.
func streetLineBefore(text string, i int) int {
	ls := strings.LastIndexByte(text[:i], '\n')
	if ls <= 0 {
		return -1
	}
	ps := strings.LastIndexByte(text[:ls], '\n') + 1
	fields := strings.Fields(text[ps:ls])
	start, groups, word := -1, 0, false
	pos := ls
	for n := len(fields) - 1; n >= 0 && len(fields)-n <= 8; n-- {
		f := fields[n]
		pos = strings.LastIndex(text[ps:pos], f) + ps
		core := strings.Trim(f, ">?*-|")
		if core == "" || strings.ContainsAny(core, ":@/=,;") || vocab.NameStop().Has(strings.ToLower(core)) {
			break
		}
		if vocab.NotStreetName().Has(strings.ToLower(core)) {
			return -1 // "Chapter 12 Summary"
		}
		switch d := countDigits(core); {
		case d > 0 && d == len(core) && d <= 6:
			groups++
			start = pos + strings.Index(f, core)
		case d > 0:
			return -1
		default:
			if utf8.RuneCountInString(core) >= 3 {
				word = true
			}
			if r, _ := utf8.DecodeRuneInString(core); unicode.IsUpper(r) {
				start = pos + strings.Index(f, core)
			}
		}
	}
	if start < 0 || groups == 0 || groups > 2 || !word {
		return -1
	}
	return start
}

// blankLineAt reports whether the line starting at i is empty or blank.
func blankLineAt(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	return i == len(text) || text[i] == '\n'
}

// POBox finds post-office boxes (Type "pobox").
type POBox struct{ rules *ruleSet }

var _ deid.Detector = (*POBox)(nil)

// NewPOBox returns the PO box detector.
func NewPOBox() *POBox {
	return &POBox{rules: newRuleSet(rule{
		trig: tWords("p", "po", "post", "postal", "box"),
		re:   anchored(`(?i)\b(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|Postal\s+Box|Box)\s*#?\s*\d{1,6}\b`),
		fn: func(text string, m []int) []hit {
			cand := strings.ToLower(text[m[0]:m[1]])
			if strings.HasPrefix(cand, "box") {
				// A bare "box 3" needs an address cue before it.
				w := strings.ToLower(window(text, m[0], 20))
				if !strings.Contains(w, "psc") && !strings.Contains(w, "cmr") && !strings.Contains(w, "unit") && !strings.Contains(w, "rr") && !strings.Contains(w, "route") {
					return nil
				}
			}
			return addressBlock(text, withHouseNumber(text, m[0]), m[1], "pobox", 0.9)
		},
	})}
}

// Name implements deid.Detector.
func (d *POBox) Name() string { return "rules/pobox" }

// Detect implements deid.Detector.
func (d *POBox) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, d.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, d.Name(), deid.Place, hs), nil
}

const reStateAbbr = `AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|AS|MP|AA|AE|AP`
const reStateName = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming|Puerto\s+Rico`

// PostalCode finds ZIP codes after a state ("Springfield, IL 62704",
// ", CO 64677"), after a cue ("ZIP: 8592", "postal code 5821 KP") or after a
// street address, and UK and Canadian postcodes ("SW1A 1AA", "K1A 0B1").
// Type "zip" (US) or "postcode".
type PostalCode struct{ rules *ruleSet }

var _ deid.Detector = (*PostalCode)(nil)

// NewPostalCode returns the postal-code detector.
func NewPostalCode() *PostalCode {
	return &PostalCode{rules: newRuleSet([]rule{
		// matchStateZip matches only with the ZIP code's digits.
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", false, tState), match: matchStateZip, fn: zipAfterState, digit: true},
		{trig: tWords("zip", "zipcode", "postal", "postcode", "post", "plz", "cep", "cap"), re: anchored(`(?i)\b(?:zip\s*code|zipcode|zip|postal\s*code|postcode|post\s+code|plz|cep|cap)\b\s*(?:is|:|#|-)?\s*([A-Z0-9]{1,6}(?:[\s\-][A-Z0-9]{2,4})?)\b`), fn: zipAfterCue},
		{trig: custom(digits, false, tNumberAfterName), match: matchPostcodeShape, fn: townPostcode, win: 16},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ", false, tUpperDigit), re: anchored(`\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b`), fn: ukPostcode},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ", false, tUpperDigit), re: anchored(`\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b`), fn: caPostcode},
	}...)}
}

// Name implements deid.Detector.
func (d *PostalCode) Name() string { return "rules/postcode" }

// Detect implements deid.Detector.
func (d *PostalCode) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, d.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, d.Name(), deid.Place, hs), nil
}

func zipAfterState(text string, m []int) []hit {
	if m[3] < len(text) && (text[m[3]] == '.' || text[m[3]] == ',') && m[3]+1 < len(text) && isDigit(text[m[3]+1]) {
		return nil
	}
	return []hit{{start: m[2], end: m[3], typ: "zip", conf: 0.9}}
}

func zipAfterCue(text string, m []int) []hit {
	tok := group(text, m, 1)
	if countDigits(tok) == 0 {
		return nil
	}
	return []hit{{start: m[2], end: m[3], typ: "postcode", conf: 0.85}}
}

func ukPostcode(text string, m []int) []hit {
	return []hit{{start: m[0], end: m[1], typ: "postcode", conf: 0.75}}
}

func caPostcode(text string, m []int) []hit {
	return []hit{{start: m[0], end: m[1], typ: "postcode", conf: 0.75}}
}

// numberThenCapital is the cheap test for a US street address: a house
// number, then a capitalised word, a directional or an ordinal street.
func numberThenCapital(text string, t token) bool {
	j := t.start
	for j < len(text) && isDigit(text[j]) && j-t.start < 7 {
		j++
	}
	if j-t.start > 6 {
		return false
	}
	for j < len(text) && (isASCIIAlnum(text[j]) || text[j] == '-' || text[j] == '/') && j-t.start < 12 {
		j++
	}
	if j >= len(text) || !isSpaceByte(text[j]) {
		return false
	}
	for j < len(text) && isSpaceByte(text[j]) {
		j++
	}
	return j < len(text) && (text[j] >= 'A' && text[j] <= 'Z' || isDigit(text[j]))
}

var (
	stateAbbrs = set(strings.Split(reStateAbbr, "|")...)
	stateNames = func() map[string]bool {
		m := map[string]bool{}
		for _, n := range strings.Split(reStateName, "|") {
			m[strings.ToLower(strings.ReplaceAll(n, `\s+`, " "))] = true
		}
		return m
	}()
	zipAfter = regexp.MustCompile(`^\.?,?\s{1,4}(\d{5}(?:-\d{4})?)\b`)
)

// matchStateZip matches a state (a capital abbreviation, or a name in any
// case) and the ZIP code after it, with the code as submatch 1.
func matchStateZip(w string) []int {
	// The state: one or two words of letters.
	e1 := 0
	for e1 < len(w) && e1 < 16 && isASCIIAlnum(w[e1]) && !isDigit(w[e1]) {
		e1++
	}
	if e1 == 0 {
		return nil
	}
	ends := []int{}
	j := e1
	for j < len(w) && isSpaceByte(w[j]) {
		j++
	}
	if j > e1 {
		e2 := j
		for e2 < len(w) && e2-j < 16 && isASCIIAlnum(w[e2]) && !isDigit(w[e2]) {
			e2++
		}
		if e2 > j && stateNames[strings.ToLower(w[:e1])+" "+strings.ToLower(w[j:e2])] {
			ends = append(ends, e2)
		}
	}
	if stateAbbrs[w[:e1]] || stateNames[strings.ToLower(w[:e1])] {
		ends = append(ends, e1)
	}
	for _, e := range ends {
		if e < len(w) && (isASCIIAlnum(w[e]) || w[e] == '_') {
			continue
		}
		if z := zipAfter.FindStringSubmatchIndex(w[e:]); z != nil {
			return []int{0, e + z[1], e + z[2], e + z[3]}
		}
	}
	return nil
}

var (
	streetSuffixSet = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Split(reStreetSuffix, "|") {
			m[strings.ToLower(w)] = true
		}
		return m
	}()
	usHead      = regexp.MustCompile(`^(\d{1,6}[A-Za-z]?(?:[-/]\d{1,4})?)\s+(?:(?:[NSEW]|N\.?[EW]|S\.?[EW]|North|South|East|West|NORTH|SOUTH|EAST|WEST)\.?\s+)?`)
	usHeadNoDir = regexp.MustCompile(`^(\d{1,6}[A-Za-z]?(?:[-/]\d{1,4})?)\s+`)
	usTail      = regexp.MustCompile(`^\.?(?:\s+(?:[NSEW]|NE|NW|SE|SW)\b\.?)?` + reUnit)
)

// matchUSStreet matches a US street address: house number, optional
// directional, one to four capitalised or ordinal name words, a street
// suffix (any case), then an optional directional and unit. Submatches:
// number, names (with the blanks after them), suffix.
func matchUSStreet(w string) []int {
	for _, head := range []*regexp.Regexp{usHead, usHeadNoDir} {
		h := head.FindStringSubmatchIndex(w)
		if h == nil {
			continue
		}
		if m := usStreetRest(w, h); m != nil {
			return m
		}
	}
	return nil
}

func usStreetRest(w string, h []int) []int {
	var starts, ends [5]int
	n := 0
	for j := h[1]; n < 5 && j < len(w) && !isSpaceByte(w[j]); n++ {
		starts[n] = j
		for j < len(w) && !isSpaceByte(w[j]) {
			j++
		}
		ends[n] = j
		for j < len(w) && isSpaceByte(w[j]) {
			j++
		}
	}
	names := 0
	for names < n && names < 4 && isStreetNameWord(w[starts[names]:ends[names]]) {
		names++
	}
	for k := min(names, n-1); k >= 1; k-- {
		ss := starts[k]
		se := ss
		for se < len(w) && se-ss < 16 && (w[se]|0x20 >= 'a' && w[se]|0x20 <= 'z') {
			se++
		}
		if se == ss || se < len(w) && (isASCIIAlnum(w[se]) || w[se] == '_') || !streetSuffixSet[strings.ToLower(w[ss:se])] {
			continue
		}
		t := usTail.FindStringIndex(w[se:])
		return []int{0, se + t[1], h[2], h[3], h[1], ss, ss, se}
	}
	return nil
}

// isStreetNameWord reports whether a word can be part of a street name: a
// capitalised word or an ordinal ("5th", "42ND").
func isStreetNameWord(s string) bool {
	if s == "" {
		return false
	}
	if s[0] >= 'A' && s[0] <= 'Z' {
		for i := 1; i < len(s); i++ {
			switch b := s[i]; {
			case b|0x20 >= 'a' && b|0x20 <= 'z', b == '\'', b == '.', b == '-':
			case strings.HasPrefix(s[i:], "’"):
				i += len("’") - 1
			default:
				return false
			}
		}
		return true
	}
	d := 0
	for d < len(s) && isDigit(s[d]) {
		d++
	}
	if d == 0 || d > 3 {
		return false
	}
	switch s[d:] {
	case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
		return true
	}
	return false
}

var cornerOf = regexp.MustCompile(`^(?i)(?:the\s+)?corner\s+of\s+`)

// matchCorner matches an intersection: "the corner of Dalbraut 99 and
// Frederikke Coves", "corner of 5th Ave and Main St". Both streets are
// names: capitalised words and numbers, or all lower case when the first
// one is.
func matchCorner(w string) []int {
	p := cornerOf.FindStringIndex(w)
	if p == nil {
		return nil
	}
	type word struct {
		s, e  int
		upper bool
	}
	var ws []word
	for j := p[1]; j < len(w) && len(ws) < 12; {
		for j < len(w) && (w[j] == ' ' || w[j] == '\t') {
			j++
		}
		k := j
		for k < len(w) && (isASCIIAlnum(w[k]) || w[k] >= 0x80 || strings.IndexByte(".'-", w[k]) >= 0) {
			k++
		}
		if k == j {
			break
		}
		r, _ := utf8.DecodeRuneInString(w[j:])
		ws = append(ws, word{j, k, unicode.IsUpper(r) || unicode.IsDigit(r)})
		j = k
	}
	and := -1
	for i, x := range ws {
		if i > 0 && i <= 6 && strings.EqualFold(w[x.s:x.e], "and") {
			and = i
			break
		}
	}
	if and < 1 || and+1 >= len(ws) {
		return nil
	}
	lowerDoc := !ws[0].upper
	end := -1
	most := 4
	if lowerDoc {
		most = 2 // "minik courts"; lower-case prose runs on
	}
	for i := and + 1; i < len(ws) && i <= and+most; i++ {
		if !ws[i].upper && !lowerDoc {
			// "ten Pas Pass", "de la Paz": a particle before a capital.
			if !vocab.NameParticles().Has(strings.ToLower(w[ws[i].s:ws[i].e])) || i+1 >= len(ws) {
				break
			}
			continue
		}
		end = ws[i].e
	}
	if end < 0 {
		return nil
	}
	end = p[1] + len(strings.TrimRight(w[p[1]:end], ".")) // a full stop after the last street ends the sentence
	return []int{0, end}
}

var unitAfter = regexp.MustCompile(`^` + reUnit)

// matchNumberedStreet matches what numberedStreet reads: a number of up to
// six digits, blanks, one to four words of letters (with ' ’ - inside and
// an optional final full stop) each followed by blanks, and a number of up
// to five digits with an optional letter, then an optional full stop and
// unit. Submatches: building number, names (with blanks), house number.
func matchNumberedStreet(w string) []int {
	j := 0
	for j < len(w) && isDigit(w[j]) {
		j++
	}
	if j == 0 || j > 6 {
		return nil
	}
	m := []int{0, 0, 0, j, 0, 0, 0, 0}
	if j >= len(w) || w[j] != ' ' && w[j] != '\t' {
		return nil
	}
	for j < len(w) && (w[j] == ' ' || w[j] == '\t') {
		j++
	}
	m[4] = j
	for words := 0; ; words++ {
		if j < len(w) && isDigit(w[j]) {
			if words == 0 {
				return nil
			}
			break
		}
		if words == 4 {
			return nil
		}
		r, size := utf8.DecodeRuneInString(w[j:])
		if !unicode.IsLetter(r) {
			return nil
		}
		j += size
		for j < len(w) {
			r, size = utf8.DecodeRuneInString(w[j:])
			if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
				break
			}
			j += size
		}
		if j < len(w) && w[j] == '.' {
			j++
		}
		if j >= len(w) || w[j] != ' ' && w[j] != '\t' {
			return nil
		}
		for j < len(w) && (w[j] == ' ' || w[j] == '\t') {
			j++
		}
	}
	m[5], m[6] = j, j
	k := j
	for k < len(w) && isDigit(w[k]) {
		k++
	}
	if k-j > 5 {
		return nil
	}
	if k < len(w) && (w[k]|0x20 >= 'a' && w[k]|0x20 <= 'z') {
		k++
	}
	if k < len(w) && (isASCIIAlnum(w[k]) || w[k] == '_') {
		return nil
	}
	m[7] = k
	if k < len(w) && w[k] == '.' {
		k++
	}
	if u := unitAfter.FindStringIndex(w[k:]); u != nil {
		k += u[1]
	}
	m[1] = k
	return m
}
