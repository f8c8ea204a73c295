package rules

import (
	"context"
	"regexp"
	"strings"

	"github.com/veil-blog/veil/internal/deid"
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

const reUnit = `(?:,?\s*(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Rm\.?|Room|Floor|Fl\.?|Flat|Bldg\.?|Building|#)\s*#?\s*[A-Za-z0-9][A-Za-z0-9\-]*)?`

// Suffixes that are also common clinical or everyday words when written in
// capitals ("HEAD CT", "DR SMITH").
var ambiguousSuffix = set("ct", "dr", "pl", "way", "sq", "park", "pk", "run", "pass", "row", "walk", "path", "point", "pt",
	"view", "center", "ctr", "spring", "mount", "mt", "fort", "ft", "field", "green", "rest", "union", "br", "via", "vis",
	"station", "sta", "track", "cv", "fl", "dl", "dam", "gr", "hill", "lake", "port", "wood", "island", "ford", "bend", "cove", "flat", "close", "chase", "rise")

// Street finds street addresses (Type "street"): "123 N. Main Street",
// "45 Elm St Apt 2B", "6750 Koskikatu 25 Apt. 864", "Rue de Virton 38",
// unit designators ("Suite 377") and military addresses ("PSC 3294, Box
// 9168").
type Street struct{ rules *ruleSet }

var _ deid.Detector = (*Street)(nil)

// NewStreet returns the street-address detector.
func NewStreet() *Street {
	return &Street{rules: newRuleSet([]rule{
		{trig: custom(digits, false, numberThenCapital), match: matchUSStreet, fn: usStreet, win: 140},
		{trig: tStreetPrefix, re: anchored(`\b((?i:rue|rua|via|viale|vicolo|calle|carrer|avenida|avda\.?|av\.|avenue|boulevard|bd\.?|piazza|plaza|plac|ulica|ul\.|travessa|largo|praça|strada|chemin|route|allée|impasse|quai|camino|paseo|ronda|pasaje|aleja|cesta|ulitsa|prospekt|odos|leoforos|οδός|λεωφόρος|πλατεία))\s+((?:[\p{L}'’.\-]+\s+){0,4}?)(\d{1,5}[A-Za-z]?)\b` + reUnit), fn: prefixStreet, win: 200},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ", true, tStreetSuffixWord), re: anchored(`\b(\p{Lu}[\p{L}\-]*(?i:katu|kuja|tie|polku|kaari|rinne|vej|vegen|veien|veg|gade|gata|gatan|vägen|väg|stræde|straße|strasse|str\.|weg|laan|straat|plein|dreef|gracht|kade|singel|gasse|allee|platz|ring|damm|ufer|tér|utca|út|körút|ulica|cesta|iela|gatve|tänav|tee|plads|torv|stien|svingen|bakken|lia|haugen|veien|aveny|tori))\s+(\d{1,5}[A-Za-z]?)\b\.?` + reUnit), fn: suffixStreet, win: 160},
		{trig: tWords("apt", "apartment", "suite", "ste"), re: anchored(`\b(?:Apt\.?|Apartment|Suite|Ste\.)\s*#?\s*\d{1,5}[A-Za-z]?\b`), fn: unitOnly},
		{trig: tWords("psc", "cmr", "unit", "apo", "fpo", "dpo"), re: anchored(`\b(?:PSC|CMR|Unit)\s+\d{3,5},?\s+Box\s+\d{2,5}\b|\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\b(?:\s+\d{5})?`), fn: unitOnly},
	}...)}
}

// Name implements deid.Detector.
func (d *Street) Name() string { return "rules/street" }

// Detect implements deid.Detector.
func (d *Street) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc.Text, d.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, d.Name(), deid.Place, hs), nil
}

var streetNameDeny = set("Dr", "DR", "Dr.", "DR.", "Mr", "Mrs", "Ms", "MR", "MRS", "MS", "The", "THE", "And", "AND", "Of", "OF", "At", "AT")

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
		if streetNameDeny[n] {
			return nil
		}
	}
	upper := text[s:m[3*2+1]] == strings.ToUpper(text[s:m[3*2+1]])
	ls := strings.ToLower(suffix)
	if ambiguousSuffix[ls] {
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
	return streetBlock(text, withHouseNumber(text, m[0]), m[1], 0.7)
}

func suffixStreet(text string, m []int) []hit {
	return streetBlock(text, withHouseNumber(text, m[0]), m[1], 0.75)
}

var (
	tStreetPrefix = tOr(tWords("rue", "rua", "via", "viale", "vicolo", "calle", "carrer", "avenida", "avda", "av", "avenue",
		"boulevard", "bd", "piazza", "plaza", "plac", "ulica", "ul", "travessa", "largo", "strada", "chemin", "route",
		"impasse", "quai", "camino", "paseo", "ronda", "pasaje", "aleja", "cesta", "ulitsa", "prospekt", "odos", "leoforos",
		"pra", "all"), custom("", true, func(string, token) bool { return true }))
	streetSuffixes = []string{"katu", "kuja", "tie", "polku", "kaari", "rinne", "vej", "vegen", "veien", "veg", "gade",
		"gata", "gatan", "vägen", "väg", "stræde", "straße", "strasse", "str", "weg", "laan", "straat", "plein", "dreef",
		"gracht", "kade", "singel", "gasse", "allee", "platz", "ring", "damm", "ufer", "tér", "utca", "út", "körút",
		"ulica", "cesta", "iela", "gatve", "tänav", "tee", "plads", "torv", "stien", "svingen", "bakken", "lia", "haugen",
		"aveny", "tori"}
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
	w := strings.ToLower(text[t.start:j])
	for _, s := range streetSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// tState accepts a two-letter capital token or the first word of a state name.
func tState(text string, t token) bool {
	i := t.start
	if i+2 <= len(text) && text[i] >= 'A' && text[i] <= 'Z' && text[i+1] >= 'A' && text[i+1] <= 'Z' && (i+2 == len(text) || !isASCIIAlnum(text[i+2])) {
		return strings.ContainsAny(text[i+2:min(len(text), i+7)], "0123456789")
	}
	if !inSet(stateFirst, text, t) {
		return false
	}
	return strings.ContainsAny(text[t.start:min(len(text), t.start+28)], "0123456789")
}

var stateFirst = set("alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
	"florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
	"maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
	"new", "north", "south", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode", "tennessee", "texas", "utah",
	"vermont", "virginia", "washington", "west", "wisconsin", "wyoming", "puerto")

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
// address block when a postal code closes it within a few words and lines
// ("45 Elm St, Springfield, IL 62704"; "Koskikatu 25\nArtilleros\n, CO\n
// Uruguay 64677"). The postal code is also reported on its own.
func streetBlock(text string, s, e int, conf float64) []hit {
	h := hit{start: s, end: e, typ: "street", conf: conf}
	words, lines := 0, 0
	for j := e; j < len(text) && j-e < 120; {
		b := text[j]
		switch {
		case b == '\n':
			lines++
			if lines > 4 {
				return []hit{h}
			}
			j++
		case isDigit(b):
			k := j
			for k < len(text) && isDigit(text[k]) {
				k++
			}
			n := k - j
			if k+5 <= len(text) && text[k] == '-' && atoi(text[k+1:k+5]) >= 0 && (k+5 == len(text) || !isASCIIAlnum(text[k+5])) {
				k += 5
			}
			if (n == 4 || n == 5) && (k == len(text) || !isASCIIAlnum(text[k])) && !wordRuneBefore(text, j) {
				return []hit{{start: s, end: k, typ: "street", conf: conf}, {start: j, end: k, typ: "zip", conf: conf}}
			}
			return []hit{h}
		case isASCIIAlnum(b) || b >= 0x80:
			words++
			if words > 6 {
				return []hit{h}
			}
			for j < len(text) && (isASCIIAlnum(text[j]) || text[j] >= 0x80 || text[j] == '\'' || text[j] == '-') {
				j++
			}
		case b == '.' || b == ';' || b == '!' || b == '?' || b == '(' || b == ')':
			if b != '.' || j+1 < len(text) && (text[j+1] == ' ' || text[j+1] == '\n') && words > 0 {
				return []hit{h}
			}
			j++
		default:
			j++
		}
	}
	return []hit{h}
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
			return []hit{{start: m[0], end: m[1], typ: "pobox", conf: 0.9}}
		},
	})}
}

// Name implements deid.Detector.
func (d *POBox) Name() string { return "rules/pobox" }

// Detect implements deid.Detector.
func (d *POBox) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc.Text, d.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, d.Name(), deid.Place, hs), nil
}

const reStateAbbr = `AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|AS|MP|AA|AE|AP`
const reStateName = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming|Puerto\s+Rico`

// PostalCode finds ZIP codes after a state ("Springfield, IL 62704",
// ", CO 64677"), after a cue ("ZIP: 8592", "postal code 7412 SL") or after a
// street address, and UK and Canadian postcodes ("SW1A 1AA", "K1A 0B1").
// Type "zip" (US) or "postcode".
type PostalCode struct{ rules *ruleSet }

var _ deid.Detector = (*PostalCode)(nil)

// NewPostalCode returns the postal-code detector.
func NewPostalCode() *PostalCode {
	return &PostalCode{rules: newRuleSet([]rule{
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", false, tState), match: matchStateZip, fn: zipAfterState},
		{trig: tWords("zip", "zipcode", "postal", "postcode", "post", "plz", "cep", "cap"), re: anchored(`(?i)\b(?:zip|zip\s*code|zipcode|postal\s*code|postcode|post\s+code|plz|cep|cap)\b\s*(?:is|:|#|-)?\s*([A-Z0-9]{1,6}(?:[\s\-][A-Z0-9]{2,4})?)\b`), fn: zipAfterCue},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ", false, tUpperDigit), re: anchored(`\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b`), fn: ukPostcode},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ", false, tUpperDigit), re: anchored(`\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b`), fn: caPostcode},
	}...)}
}

// Name implements deid.Detector.
func (d *PostalCode) Name() string { return "rules/postcode" }

// Detect implements deid.Detector.
func (d *PostalCode) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc.Text, d.rules)
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
	for j < len(text) && (isASCIIAlnum(text[j]) || text[j] == '-') && j-t.start < 12 {
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
	usHead      = regexp.MustCompile(`^(\d{1,6}[A-Za-z]?(?:-\d{1,4})?)\s+(?:(?:[NSEW]|N\.?[EW]|S\.?[EW]|North|South|East|West|NORTH|SOUTH|EAST|WEST)\.?\s+)?`)
	usHeadNoDir = regexp.MustCompile(`^(\d{1,6}[A-Za-z]?(?:-\d{1,4})?)\s+`)
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
