package rules

import (
	"context"
	"math/bits"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// SSN finds US Social Security numbers written 123-45-6789 or 123 45 6789,
// and nine-digit runs after an SSN cue (Type "ssn").
type SSN struct{ rules *ruleSet }

var _ deid.Detector = (*SSN)(nil)

// NewSSN returns the SSN detector.
func NewSSN() *SSN {
	return &SSN{rules: newRuleSet([]rule{
		{trig: tDigits("3-3[- ]2-2[- ]4-4"), re: anchored(`\b(\d{3})([- ])(\d{2})([- ])(\d{4})\b`), fn: ssnHit},
		{trig: tWords("ssn", "ss", "soc", "social"), re: anchored(`(?i)\b(?:ssn|ss#|soc\.?\s*sec\.?|social\s+security)(?:\s*(?:number|num|no\.?|#))?\s*[:#=]?\s*(\d{9})\b`), fn: func(text string, m []int) []hit {
			return []hit{{start: m[2], end: m[3], typ: "ssn", conf: 0.95}}
		}},
	}...)}
}

// Name implements deid.Detector.
func (d *SSN) Name() string { return "rules/ssn" }

// Detect implements deid.Detector.
func (d *SSN) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, d.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, d.Name(), deid.ID, hs), nil
}

func ssnHit(text string, m []int) []hit {
	s, e := m[0], m[1]
	if group(text, m, 2) != group(text, m, 4) {
		return nil
	}
	if s > 0 && (text[s-1] == '-' || text[s-1] == '.' || text[s-1] == '/') || e < len(text) && (text[e] == '-' || text[e] == '/') && e+1 < len(text) && isDigit(text[e+1]) {
		return nil
	}
	if group(text, m, 1) == "000" || group(text, m, 3) == "00" || group(text, m, 5) == "0000" {
		return nil
	}
	conf := 0.9
	if group(text, m, 2) == " " {
		if !strings.Contains(strings.ToLower(window(text, s, 30)), "ss") {
			return nil
		}
	}
	return []hit{{start: s, end: e, typ: "ssn", conf: conf}}
}

// IDNumber finds identifying numbers (Kind id): numbers after a cue word
// (MRN, case, account, member, policy, licence, passport, NPI, DEA, plate,
// application...), IBANs, card-like 13-19 digit runs, other long digit runs,
// mixed letter-and-digit codes, and court-style application numbers
// ("33362/96").
type IDNumber struct{ rules *ruleSet }

var _ deid.Detector = (*IDNumber)(nil)

const reIDCue = `mrn|m\.r\.n\.?|medical\s+record|med\s+rec|record|records|chart|case|file|account|acct|a/c|member|membership|` +
	`policy|licen[cs]e|lic|driver['’]?s?\s+licen[cs]e|dl|passport|npi|dea|ein|tin|itin|id|i\.d\.|identifier|identification|patient\s+id|pt\s+id|` +
	`claim|reference|ref|certificate|cert|serial|badge|employee|staff|student|insurance|medicaid|medicare|health\s+card|nhs|` +
	`group|plan|subscriber|beneficiary|visa|permit|application|applications|docket|registration|reg|plate|plates|tag|vin|` +
	`iban|routing|aba|swift|bic|bank|card|credit\s+card|debit\s+card|cc|order|invoice|receipt|ticket|booking|confirmation|` +
	`tracking|device|serial|imei|mac|unit\s+id|inmate|prisoner|booking|warrant|court|complaint|petition|inv|accession|specimen|sample|lab|` +
	`judgment|judgement|decision|ruling|proceedings`

// vocab.IDCueWords are the one-word cues of reIDCue; idCueMulti matches its
// cues of several words or with punctuation. idCueRest is what may follow
// a cue before the number. Together they match what reIDCue would, without
// one big alternation that keeps RE2 off its fast path.
var (
	idCueMulti = regexp.MustCompile(`^(?i:m\.r\.n\.?|medical\s+record|med\s+rec|a/c|driver['’]?s?\s+licen[cs]e|i\.d\.|patient\s+id|pt\s+id|health\s+card|credit\s+card|debit\s+card|unit\s+id)`)
	idCueRest  = regexp.MustCompile(`^(?i)\.?(?:\s*(?:number|numbers|num|nos?\.?|nr\.?|#|code|id))?\s*(?:is|was|:|#|=|-)?\s*[:#]?\s*([A-Za-z0-9](?:[A-Za-z0-9]|[\-/.][A-Za-z0-9])*)`)
	cueToType  = map[string]string{
		"mrn": "mrn", "m.r.n": "mrn", "medical record": "mrn", "med rec": "mrn", "chart": "mrn", "record": "record", "records": "record",
		"account": "account", "acct": "account", "a/c": "account", "bank": "account", "routing": "account", "aba": "account",
		"iban": "iban", "swift": "account", "bic": "account",
		"licence": "licence", "license": "licence", "lic": "licence", "dl": "licence", "permit": "licence",
		"passport": "passport", "visa": "passport", "npi": "npi", "dea": "dea", "member": "member", "membership": "member",
		"policy": "policy", "insurance": "policy", "medicaid": "policy", "medicare": "policy", "group": "policy", "plan": "policy",
		"subscriber": "member", "beneficiary": "member", "case": "case", "file": "case", "docket": "case", "application": "case",
		"applications": "case", "court": "case", "complaint": "case", "petition": "case", "warrant": "case",
		"plate": "plate", "plates": "plate", "tag": "plate", "registration": "plate", "reg": "plate", "vin": "vehicle",
		"card": "card", "credit card": "card", "debit card": "card", "cc": "card", "device": "device", "serial": "device",
		"imei": "device", "mac": "device", "ssn": "ssn",
		"judgment": "case", "judgement": "case", "decision": "case", "ruling": "case", "proceedings": "case",
	}
)

// NewIDNumber returns the ID-number detector.
func NewIDNumber() *IDNumber {
	return &IDNumber{rules: newRuleSet([]rule{
		// cueID keeps only a number with a digit, inside the window.
		{trig: tIDCue, match: matchIDCue, fn: cueID, digit: true},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", false, tIBAN), re: anchored(`(?i)\b[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?\b`), fn: ibanHit},
		{trig: tDigits("4-4[ -]4-6[ -]"), re: anchored(`\b\d{4}[ \-]\d{4}[ \-]\d{4}[ \-]\d{1,7}\b|\b\d{4}[ \-]\d{6}[ \-]\d{4,5}\b`), fn: groupedCard},
		{scan: scanCodes},
		{trig: custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ", false, tCapsThenYear), re: anchored(`\b([A-Z]{2,6})\s+((?:19|20)\d{2})\s+(?:p|pp|s)\.\s*(\d{1,5})\b`), fn: reportCitation},
		{trig: tDigits("3-5[/]2-2"), re: anchored(`\b\d{3,5}/\d{2}\b`), fn: applicationNo},
		numberedRule(),
	}...)}
}

// Name implements deid.Detector.
func (d *IDNumber) Name() string { return "rules/id" }

// Detect implements deid.Detector.
func (d *IDNumber) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, d.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, d.Name(), deid.ID, hs), nil
}

var cueSpace = regexp.MustCompile(`\s+`)

func cueID(text string, m []int) []hit {
	tok := group(text, m, 2)
	s, e := m[4], m[5]
	if countDigits(tok) == 0 {
		return nil
	}
	cue := strings.ToLower(cueSpace.ReplaceAllString(group(text, m, 1), " "))
	typ := cueToType[cue]
	if typ == "" {
		typ = "id"
	}
	if strings.HasPrefix(cue, "driver") {
		typ = "licence"
	}
	// Small numbers after ambiguous cues ("group 2", "plan 3", "case 1").
	if len(tok) < 3 && typ != "plate" {
		return nil
	}
	if len(tok) < 4 && countLetters(tok) == 0 && !strings.Contains(strings.ToLower(text[m[3]:s]), "#") && !strings.Contains(strings.ToLower(text[m[3]:s]), "n") {
		return nil
	}
	// A unit or a measurement after the cue is not an ID.
	if isMeasure(tok) || e < len(text) && text[e] == '%' {
		return nil
	}
	// "case of 2019", "file 3/4": dates are the date detector's.
	if looksLikeDate(tok) {
		return nil
	}
	between := strings.ToLower(text[m[3]:s])
	strong := strings.Contains(between, "#") || strings.Contains(between, "n")
	// "A/C 600-12-peep", "A/C 12/700/1.0/5", "ID: 98.9": settings, ranges
	// and readings, not numbers that identify.
	if !strong && (shortGroups(tok) || decimalRe.MatchString(tok) || dimsRe.MatchString(tok) || dimsUnitRe.MatchString(tok) || freqRe.MatchString(tok)) {
		return nil // "A/C 600x12", "CC Q1H": a setting or a frequency
	}
	if cue == "reg" && (countLetters(tok) == 0 || countDigits(tok) == 0) {
		return nil // "RR-REG 14-22": regular
	}
	if vocab.PlateCue().Has(cue) {
		// Plates may be split by a space: "7ABC 123".
		if e+1 < len(text) && text[e] == ' ' {
			j := e + 1
			for j < len(text) && j-e <= 5 && isASCIIAlnum(text[j]) && (isDigit(text[j]) || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			if j-e >= 2 && (j == len(text) || !isASCIIAlnum(text[j])) {
				e = j
			}
		}
	}
	return []hit{{start: s, end: e, typ: typ, conf: 0.85}}
}

var dimsRe = regexp.MustCompile(`^\d+(?:[xX]\d+)+[xX]?$`)

// freqRe is a dosing frequency: "q4h", "Q1H", "q12hrs".
var freqRe = regexp.MustCompile(`(?i)^q\d{1,2}(?:h|hr|hrs)?$`)

// measureUnits are the units a measure ends with: words, or words with
// an optional plural s ("hrs?").
const measureUnits = `st|nd|rd|th|s|am|pm|hrs?|mg|mcg|ml|cc|kg|g|gm|mm|cm|km|mph|mins?|sec|x|yo|yrs?|lbs?|oz|units?|u|meq|mmol|mmhg|bpm|k|m|l|kb|mb|gb|tb|ghz|mhz|hz|kw|w|v|ft|in|d|h|wk|wks|mo|mos|y|min|ms|kcal|cal|iu|%|c|f|px|pt|em|dpi|fps|p|i|mgs|mcgs|mcq|ug|mic|ccs|cmh2o|cmh20|ns|yards|yds|mls|gtt|gtts|puffs?|tabs?|caps?|hr`

var measureRe = regexp.MustCompile(`(?i)^\d+(?:[.,]\d+)?(?:` + measureUnits + `)$`)

// measureUnitSet is measureUnits written out, for isMeasure.
var measureUnitSet = func() map[string]bool {
	m := map[string]bool{}
	for _, u := range strings.Split(measureUnits, "|") {
		if w, ok := strings.CutSuffix(u, "s?"); ok {
			m[w], m[w+"s"] = true, true
		} else {
			m[u] = true
		}
	}
	return m
}()

// isMeasure reports whether measureRe matches tok. No unit starts with a
// digit, '.' or ',', so the number is the token's leading digits, with
// '.' or ',' and the digits after it when there are any (else nothing
// matches), and the rest must be a unit; in ASCII, (?i) folds only ASCII
// letters, so the rest lower-cased is looked up. A rest beyond ASCII
// (where 'ſ' and the Kelvin sign fold to s and k) goes to the pattern.
func isMeasure(tok string) bool {
	i := 0
	for i < len(tok) && isDigit(tok[i]) {
		i++
	}
	if i == 0 || i == len(tok) {
		return false
	}
	if tok[i] == '.' || tok[i] == ',' {
		j := i + 1
		for j < len(tok) && isDigit(tok[j]) {
			j++
		}
		if j == i+1 {
			return false
		}
		i = j
	}
	rest := tok[i:]
	if len(rest) > 8 { // the longest unit, "kcal", "mmhg", "yards", is shorter
		for k := 0; k < len(rest); k++ {
			if rest[k] >= utf8.RuneSelf {
				return measureRe.MatchString(tok)
			}
		}
		return false
	}
	var buf [8]byte
	for k := 0; k < len(rest); k++ {
		c := rest[k]
		if c >= utf8.RuneSelf {
			return measureRe.MatchString(tok)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return measureUnitSet[string(buf[:len(rest)])]
}

// dimsUnitRe is a size or a ventilator setting with a unit or mode after
// it: "2x5cm", "700x12AC".
var dimsUnitRe = regexp.MustCompile(`^\d{1,4}(?:[xX]\d{1,4})+[A-Za-z]{1,3}$`)

// gluedWordRe is a number run into a lower-case word for want of a space,
// as hurried notes write: "102rectal", "120sinus", "1200noon". Codes put
// their letters in capitals or between digits.
var gluedWordRe = regexp.MustCompile(`^\d{1,4}[a-z]{2,}$|^[a-z]{2,4}\d{1,3}(?:cmh2o|cmh20|cm|mm|mg|ml|cc)$`)

// isVital reports whether tok is a vital sign or a ventilator setting
// run into its value of at most three digits ("BP130", "TV500").
func isVital(tok string) bool {
	i := len(tok)
	for i > 0 && isDigit(tok[i-1]) {
		i--
	}
	if n := len(tok) - i; n == 0 || n > 3 || i == 0 {
		return false
	}
	return vocab.VitalPrefixes().Has(strings.ToLower(tok[:i]))
}

var decimalRe = regexp.MustCompile(`^\d{1,4}\.\d{1,2}$`)

// shortGroups reports whether tok is split by '-', '/' or '.' into groups
// whose digit runs are all three digits or fewer: "HR-110-133",
// "600-12-peep", "83-85NSR", "12/700/1.0/5" are ranges and settings.
func shortGroups(tok string) bool {
	if !strings.ContainsAny(tok, "-/.") || mixedGroups(tok) >= 2 {
		return false
	}
	run := 0
	for i := 0; i <= len(tok); i++ {
		if i < len(tok) && isDigit(tok[i]) {
			run++
			continue
		}
		if run > 3 {
			return false
		}
		run = 0
	}
	return true
}

// mixedGroups counts the groups of tok, split at '-', '/' and '.', that
// hold both a letter and a digit: "1EG4-TE5-MK72" has three. A code made
// of such groups identifies; a setting's groups are numbers or words
// ("600-12-peep").
func mixedGroups(tok string) int {
	n, letter, digit := 0, false, false
	for i := 0; i <= len(tok); i++ {
		if i == len(tok) || tok[i] == '-' || tok[i] == '/' || tok[i] == '.' {
			if letter && digit {
				n++
			}
			letter, digit = false, false
			continue
		}
		if isDigit(tok[i]) {
			digit = true
		} else {
			letter = true
		}
	}
	return n
}

func luhn(digits string) bool {
	sum, alt := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if alt {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		alt = !alt
	}
	return sum%10 == 0
}

func ibanHit(text string, m []int) []hit {
	cand := text[m[0]:m[1]]
	compact := strings.ReplaceAll(cand, " ", "")
	if len(compact) < 15 || len(compact) > 34 || countDigits(compact) < 8 {
		return nil
	}
	return []hit{{start: m[0], end: m[1], typ: "iban", conf: 0.85}}
}

func groupedCard(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (text[s-1] == '-' || text[s-1] == '.') || e < len(text) && (text[e] == '-' || text[e] == '.') && e+1 < len(text) && isDigit(text[e+1]) {
		return nil
	}
	d := strings.NewReplacer(" ", "", "-", "").Replace(text[s:e])
	if len(d) < 13 || len(d) > 19 {
		return nil
	}
	conf := 0.6
	if luhn(d) {
		conf = 0.9
	}
	return []hit{{start: s, end: e, typ: "credit-card", conf: conf}}
}

func digitRun(text string, m []int) []hit {
	s, e := m[0], m[1]
	// Part of 1,234,567 or 3.14159 or a longer dotted/dashed number.
	if s > 1 && (text[s-1] == ',' || text[s-1] == '.') && isDigit(text[s-2]) {
		return nil
	}
	if e+1 < len(text) && (text[e] == ',' || text[e] == '.') && isDigit(text[e+1]) {
		return nil
	}
	if wordRuneBefore(text, s) || wordRuneAfter(text, e) {
		return nil
	}
	n := e - s
	typ, conf := "number", 0.5
	if n >= 13 && n <= 19 {
		typ, conf = "credit-card", 0.6
		if luhn(text[s:e]) {
			conf = 0.85
		}
	}
	return []hit{{start: s, end: e, typ: typ, conf: conf}}
}

// Mixed tokens that are ordinary words, units or lab names, not IDs.
var mixedCommon = regexp.MustCompile(`(?i)^(?:covid-?19|sars-?cov-?2|h\d+n\d+|[a-z]{1,6}-?\d{1,2}|\d{1,2}-?[a-z]{1,3}|mp[34]|a1c|hba1c|ipv[46]|utf-?8|x86-64|i[3579]|ps[1-5]|t[1-4]|c[1-7]|l[1-5]|s[1-5])$`)

func mixedID(text string, m []int) []hit {
	s, e := m[0], m[1]
	tok := text[s:e]
	if wordRuneBefore(text, s) || wordRuneAfter(text, e) {
		return nil
	}
	if s > 0 && (text[s-1] == '/' || text[s-1] == '.' || text[s-1] == '@' || text[s-1] == '=') {
		return nil // part of a URL path or host, found by the URL detector
	}
	nd, nl := countDigits(tok), countLetters(tok)
	if nd == 0 || nl == 0 {
		return nil
	}
	compact := len(tok) - strings.Count(tok, "-")
	if compact < 5 {
		return nil
	}
	if isMeasure(tok) || mixedCommon.MatchString(tok) {
		return nil
	}
	if shortGroups(tok) {
		return nil // "HR-110-133", "RATE98-100", "AC-20-50-400-5"
	}
	if strings.Contains(tok, "-") {
		// Hyphenated: "A-4471", "AB-1234-CD" yes; "COVID-19", "100-120cc",
		// "Blink-182", "555-1234-Office" no.
		if nd < 4 {
			return nil
		}
		for _, part := range strings.Split(tok, "-") {
			pl, pd := countLetters(part), countDigits(part)
			switch {
			case pd == 0 && (pl > 3 || part != strings.ToUpper(part)):
				return nil
			case pd > 0 && pl > 0 && (isMeasure(part) || dimsRe.MatchString(part) || isVital(part)):
				return nil
			}
		}
	} else if nd < 3 && !(nd >= 2 && nl >= 2 && alternations(tok) >= 3) {
		return nil
	}
	if dimsRe.MatchString(tok) || dimsUnitRe.MatchString(tok) || gluedWordRe.MatchString(tok) || isVital(tok) {
		return nil
	}
	// A number followed by a unit word, "20mg/kg", "5x5", "1990s".
	if nl <= 3 && isDigit(tok[0]) && !isDigit(tok[len(tok)-1]) && isMeasure(tok) {
		return nil
	}
	// A model before the device it names: "PB7200 vent".
	if vocab.DeviceNouns().Has(nextWord(text, e)) && alternations(tok) == 1 && !isDigit(tok[0]) && nd <= 4 {
		return nil
	}
	return []hit{{start: s, end: e, typ: "code", conf: 0.6}}
}

// alternations counts switches between letters and digits in tok.
func alternations(tok string) int {
	n, prev := 0, 0
	for i := 0; i < len(tok); i++ {
		k := 0
		if isDigit(tok[i]) {
			k = 1
		} else if isASCIIAlnum(tok[i]) {
			k = 2
		}
		if k != 0 && prev != 0 && k != prev {
			n++
		}
		if k != 0 {
			prev = k
		}
	}
	return n
}

func applicationNo(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (text[s-1] == '/' || text[s-1] == '.' || text[s-1] == '-') || e < len(text) && (text[e] == '/' || text[e] == '%' || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1])) {
		return nil
	}
	if wordRuneBefore(text, s) || wordRuneAfter(text, e) {
		return nil
	}
	num := group(text, m, 0)
	slash := strings.IndexByte(num, '/')
	if slash < 4 {
		// 3-digit numerators are blood pressures (120/80) unless a cue says otherwise.
		low := " " + strings.ToLower(window(text, s, 40))
		if !strings.Contains(low, " no.") && !strings.Contains(low, " no ") && !strings.Contains(low, "number") && !strings.Contains(low, "application") {
			return nil // "BP NOW 125/42"
		}
		if vitalContext(window(text, s, 40)) {
			return nil // "bp stable, no c/o; 134/80"
		}
	}
	pw := prevWord(text, s)
	if vocab.YearNextDeny().Has(nextWord(text, e)) || vocab.FracPrev().Has(pw) && !(slash >= 4 && vocab.BeForms().Has(pw)) {
		// "pain was 5/10" is a score; "the number of which was 88213/12"
		// is no score: a form of "be" says fraction only before a small
		// numerator.
		return nil
	}
	return []hit{{start: s, end: e, typ: "reference", conf: 0.6}}
}

var tIDCue = tWords("mrn", "m", "medical", "med", "record", "records", "chart", "case", "file", "account", "acct", "a",
	"member", "membership", "policy", "licence", "license", "lic", "driver", "drivers", "dl", "passport", "npi", "dea",
	"ein", "tin", "itin", "id", "i", "identifier", "identification", "patient", "pt", "claim", "reference", "ref",
	"certificate", "cert", "serial", "badge", "employee", "staff", "student", "insurance", "medicaid", "medicare",
	"health", "nhs", "group", "plan", "subscriber", "beneficiary", "visa", "permit", "application", "applications",
	"docket", "registration", "reg", "plate", "plates", "tag", "vin", "iban", "routing", "aba", "swift", "bic", "bank",
	"card", "credit", "debit", "cc", "order", "invoice", "receipt", "ticket", "booking", "confirmation", "tracking",
	"device", "imei", "mac", "unit", "inmate", "prisoner", "warrant", "court", "complaint", "petition", "inv",
	"accession", "specimen", "sample", "lab", "judgment", "judgement", "decision", "ruling", "proceedings")

func tIBAN(text string, t token) bool {
	i := t.start
	return i+4 <= len(text) && !isDigit(text[i]) && isASCIIAlnum(text[i]) && !isDigit(text[i+1]) && isASCIIAlnum(text[i+1]) && isDigit(text[i+2]) && isDigit(text[i+3])
}

// scanCodes walks the runs of ASCII letters, digits and inner hyphens once,
// reporting long digit runs and mixed letter-digit codes.
//
// Only runs with a digit make hits, so it goes from digit to digit: a run
// is a maximal string of letters and digits joined by single hyphens,
// found as well from any of its bytes as by walking from the left.
func scanCodes(text string) []hit {
	var hs []hit
	for i := 0; i < len(text); {
		d := nextDigit(text, i)
		if d == len(text) {
			break
		}
		// The start of the run that holds the digit.
		for d > i && (isASCIIAlnum(text[d-1]) || d-1 > i && text[d-1] == '-' && isASCIIAlnum(text[d-2])) {
			d--
		}
		i = d
		j := i
		for j < len(text) && (isASCIIAlnum(text[j]) || text[j] == '-' && j+1 < len(text) && isASCIIAlnum(text[j+1]) && j > i) {
			j++
		}
		tok := text[i:j]
		if countLetters(tok) == 0 {
			// Each hyphen-free digit run on its own.
			for k := i; k < j; {
				if !isDigit(text[k]) {
					k++
					continue
				}
				l := k
				for l < j && isDigit(text[l]) {
					l++
				}
				if l-k >= 6 {
					hs = append(hs, digitRun(text, []int{k, l})...)
				}
				k = l
			}
		} else if countDigits(tok) > 0 {
			hs = append(hs, mixedID(text, []int{i, j})...)
			if !strings.Contains(tok, "-") {
				// fine
			} else if len(hs) == 0 || hs[len(hs)-1].start != i {
				// Try each hyphen part alone: "ID-12345678".
				for _, part := range splitKeep(text, i, j) {
					if countLetters(text[part[0]:part[1]]) == 0 && part[1]-part[0] >= 6 {
						hs = append(hs, digitRun(text, part[:])...)
					} else {
						hs = append(hs, mixedID(text, part[:])...)
					}
				}
			}
		}
		i = j
	}
	return hs
}

// nextDigit returns the index of the first ASCII digit at or after i in
// text, or len(text). Prose has few digits: it reads eight bytes at a time.
func nextDigit(text string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(text); i += 8 {
		s := text[i : i+8]
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		// Per byte, in its high bit: at least '0' and not past '9', of
		// the low seven bits (no sum carries into the next byte), and
		// ASCII.
		x := v &^ highs
		if d := (x + (0x80-'0')*ones) &^ (x + (0x7f-'9')*ones) &^ v & highs; d != 0 {
			return i + bits.TrailingZeros64(d)/8
		}
	}
	for i < len(text) && !isDigit(text[i]) {
		i++
	}
	return i
}

// splitKeep returns the spans of the hyphen-separated parts of text[i:j].
func splitKeep(text string, i, j int) [][2]int {
	var out [][2]int
	s := i
	for k := i; k <= j; k++ {
		if k == j || text[k] == '-' {
			if k > s {
				out = append(out, [2]int{s, k})
			}
			s = k + 1
		}
	}
	return out
}

// mayBeMultiCue reports whether idCueMulti can match at the start of w:
// each of its cues begins with one of these runs of ASCII letters, whole
// (a space, a mark or a non-ASCII fold of 's' after it). Most words a cue
// trigger stops at ("a", "i", "case") begin none, and skip the pattern.
func mayBeMultiCue(w string) bool {
	var buf [8]byte
	n := 0
	for n < len(w) && n < len(buf) && (w[n]|0x20 >= 'a' && w[n]|0x20 <= 'z') {
		buf[n] = w[n] | 0x20
		n++
	}
	switch string(buf[:n]) {
	case "m", "i":
		return n < len(w) && w[n] == '.'
	case "a":
		return n < len(w) && w[n] == '/'
	case "medical", "med", "driver", "drivers", "patient", "pt", "health", "credit", "debit", "unit":
		return true
	}
	return false
}

// matchIDCue matches a cue word and the number after it in w, with the
// submatches (cue, number) that cueID reads.
func matchIDCue(w string) []int {
	ce := 0
	if mayBeMultiCue(w) {
		if m := idCueMulti.FindStringIndex(w); m != nil {
			ce = m[1]
		}
	}
	if ce == 0 {
		for ce < len(w) && ce < 24 && isASCIIAlnum(w[ce]) {
			ce++
		}
		if ce == 0 || ce < len(w) && isASCIIAlnum(w[ce]) || !vocab.IDCueWords().Has(strings.ToLower(w[:ce])) {
			return nil
		}
	}
	// A cue ending in a letter needs a word boundary after it.
	if isASCIIAlnum(w[ce-1]) && ce < len(w) && (isASCIIAlnum(w[ce]) || w[ce] == '_') {
		return nil
	}
	if !mayHoldDigitNumber(w[ce:]) {
		return nil // cueID keeps only a number with a digit
	}
	r := idCueRest.FindStringSubmatchIndex(w[ce:])
	if r == nil {
		return nil
	}
	return []int{0, ce + r[1], 0, ce, ce + r[2], ce + r[3]}
}

// mayHoldDigitNumber reports whether the number idCueRest finds at the
// start of s can hold an ASCII digit, which cueID asks of it. Before the
// number, idCueRest reads only blanks, '.', '#', ':', '=', '-' and at most
// two words ("number", "is"; ASCII letters and the folds of (?i)), which
// may be glued to each other or to the number: the number starts in one
// of the first three runs of letters and digits after marks of those
// kinds, and reads on through letters, digits and single '-', '/' or '.'
// between them. Where none of those three, read so, reaches a digit before
// it ends, the number holds none.
func mayHoldDigitNumber(s string) bool {
	word := func(b byte) bool { return isASCIIAlnum(b) || b >= utf8.RuneSelf }
	j := 0
	for runs := 1; runs <= 3; runs++ {
		for j < len(s) && (isRESpace(s[j]) || s[j] == '.' || s[j] == '#' || s[j] == ':' || s[j] == '=' || s[j] == '-') {
			j++
		}
		if j == len(s) || !word(s[j]) {
			return false
		}
		for k := j; k < len(s); k++ {
			if isDigit(s[k]) {
				return true
			}
			if word(s[k]) {
				continue
			}
			if (s[k] == '-' || s[k] == '/' || s[k] == '.') && k+1 < len(s) && word(s[k+1]) {
				continue
			}
			break
		}
		for j < len(s) && word(s[j]) {
			j++
		}
	}
	return false
}

// reportCitation reads a law-report citation, "NJA 2005 p. 884": the
// report, its year and the page name one judgment, and so its parties.
func reportCitation(text string, m []int) []hit {
	return []hit{{start: m[0], end: m[1], typ: "reference", conf: 0.7}}
}

// tCapsThenYear accepts two to six capitals followed by a blank and a
// digit.
func tCapsThenYear(text string, t token) bool {
	j := t.start
	for j < len(text) && text[j] >= 'A' && text[j] <= 'Z' && j-t.start < 7 {
		j++
	}
	return j-t.start >= 2 && j-t.start <= 6 && j+1 < len(text) && text[j] == ' ' && isDigit(text[j+1])
}
