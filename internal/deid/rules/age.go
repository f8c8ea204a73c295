package rules

import (
	"context"
	"strings"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

const (
	reUnits    = `one|two|three|four|five|six|seven|eight|nine`
	reTeens    = `ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen`
	reTens     = `twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety`
	reNumWords = `(?:(?:one\s+)?hundred(?:\s+(?:and\s+)?(?:(?:` + reTens + `)(?:[\s-](?:` + reUnits + `))?|` + reTeens + `|` + reUnits + `))?|(?:` + reTens + `)(?:[\s-](?:` + reUnits + `))?|` + reTeens + `|` + reUnits + `)`
	reAgeNum   = `(\d{1,3}|[a-z]+(?:[\s-][a-z]+){0,3})` // words validated by numberValue
	reDecadeW  = `teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties`
)

// Age finds ages: "a 34-year-old", "34 yo", "34 y/o", "aged 91", "age: 91",
// "in her late 80s", "turned 90", "ninety-two-year-old". The span covers the
// number (or decade phrase) only, so "a 34-year-old" keeps its grammar.
type Age struct{ rules *ruleSet }

var _ deid.Detector = (*Age)(nil)

// NewAge returns the age detector.
func NewAge() *Age {
	var rs []rule
	c := func(trig *trig, p string, fn func(string, []int) []hit) {
		rs = append(rs, rule{re: anchored(p), trig: trig, fn: fn})
	}
	num := tOr(tDigits("1-3{ -}[yYmMwWdD]"), tWords("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
		"forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"))
	c(num, `(?i)\b`+reAgeNum+`(?:\s*|-)(?:(?:years?|yrs?|yr\.|y\.?)(?:\s*|-)(?:old|of\s+age)\b|y\.?\s?o\b\.?|y/o\b|yo[mf]?\b|y\b\.?\s*[mf]\b)`, ageNumber)
	rs[len(rs)-1].need = unitAfterNumber(unitYear)
	c(num, `(?i)\b`+reAgeNum+`(?:\s*|-)(months?|mos?|weeks?|wks?|days?)(?:\s*|-)old\b`, ageInfant)
	rs[len(rs)-1].need = unitAfterNumber(unitInfant)
	c(tOr(tWords("age", "aged", "ages"), tWordsThen([]string{"at"}, []string{"the"})), `(?i)\b(?:aged?|ages|age\s+of|at\s+the\s+age\s+of)\s*[:=]?\s*`+reAgeNum+`\b`, ageNumber)
	rs[len(rs)-1].need = needAtTheAge
	c(tWords("turned", "turns", "turning", "turn", "reached", "reaches", "celebrated"), `(?i)\b(?:turned|turns|turning|turn|reached|reaches|celebrated\s+(?:her|his|their|my)?)\s+`+reAgeNum+`\b`, ageNumber)
	c(tShape(1, 3, "sntrSNTR"), `(?i)\b(\d{1,3})(?:st|nd|rd|th)\s+birthday\b`, ageNumber)
	rs[len(rs)-1].need = needOrdinal
	c(tWordsThen([]string{"in"}, []string{"her", "his", "their", "my", "your", "our", "its"}), `(?i)\bin\s+(?:her|his|their|my|your|our|its)\s+((?:(?:early|mid|late)[\s-]+)?(?:(\d0)['’]?s|`+reDecadeW+`))\b`, ageDecade)
	rs = append(rs, proseAgeRules(num)...)
	return &Age{rules: newRuleSet(rs...)}
}

// Name implements deid.Detector.
func (a *Age) Name() string { return "rules/age" }

// Detect implements deid.Detector.
func (a *Age) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, a.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, a.Name(), deid.Age, hs), nil
}

var wordValue = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

// numberValue reads digits or English number words up to the hundreds.
func numberValue(s string) int {
	if n := atoi(s); n >= 0 {
		return n
	}
	// One number, as English writes it: "and" only after "hundred", a unit only at the
	// start or after a tens word, "hundred" or "and". "eleven and fourteen" is two
	// numbers (two children's ages), not twenty-five.
	total, prev := 0, 0 // prev: the last word's value; 100 for "hundred", -1 for "and"
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '\t' || r == '\n' }) {
		v, ok := wordValue[w]
		switch {
		case w == "and":
			if prev != 100 {
				return 0
			}
			prev = -1
			continue
		case !ok:
			return 0
		case v == 100:
			if prev > 9 || prev < 0 || total >= 100 {
				return 0
			}
			if total == 0 {
				total = 1
			}
			total *= 100
		case v < 10:
			if prev != 0 && !(prev >= 20 && prev%10 == 0 && prev < 100) && prev != 100 && prev != -1 {
				return 0
			}
			total += v
		default:
			if prev != 0 && prev != 100 && prev != -1 {
				return 0
			}
			total += v
		}
		prev = v
	}
	return total
}

func ageNumber(text string, m []int) []hit {
	s, e := m[2], m[3]
	if s > 0 && (text[s-1] == '.' || text[s-1] == '/' || text[s-1] == ',') && s > 1 && isDigit(text[s-2]) {
		return nil
	}
	n := numberValue(text[s:e])
	if n <= 0 || n > 125 {
		return nil
	}
	if e == m[1] && vocab.AgeNextDeny().Has(nextWord(text, e)) {
		return nil
	}
	return []hit{{start: s, end: e, typ: "age", conf: 0.9, age: n}}
}

func ageInfant(text string, m []int) []hit {
	s := m[2]
	n := numberValue(text[s:m[3]])
	if n <= 0 || n > 200 {
		return nil
	}
	return []hit{{start: s, end: m[1], typ: "age", conf: 0.8}}
}

var decadeWord = map[string]int{"teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
	"sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}

func ageDecade(text string, m []int) []hit {
	phrase := strings.ToLower(group(text, m, 1))
	n := atoi(group(text, m, 2))
	if n < 0 {
		for w, v := range decadeWord {
			if strings.HasSuffix(phrase, w) {
				n = v
			}
		}
	}
	if strings.Contains(phrase, "mid") {
		n += 4
	} else if strings.Contains(phrase, "late") {
		n += 7
	} else if strings.Contains(phrase, "early") {
		n += 1
	}
	return []hit{{start: m[2], end: m[3], typ: "age-range", conf: 0.8, age: n}}
}
