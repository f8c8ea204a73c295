package rules

import (
	"context"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Time finds clock times: "3:45 pm", "3pm", "at 0930", "2130 hrs". Times are
// reported with Kind date and Type "time".
type Time struct{ rules *ruleSet }

var _ deid.Detector = (*Time)(nil)

// NewTime returns the clock-time detector.
func NewTime() *Time {
	var rs []rule
	c := func(trig *trig, p string, fn func(string, []int) []hit) {
		rs = append(rs, rule{re: anchored(p), trig: trig, fn: fn})
	}
	c(tShape(1, 2, ":"), `(?i)\b(\d{1,2}):([0-5]\d)(?::[0-5]\d)?(?:\s*([ap])\.?\s?m\b\.?)?`, clockTime)
	c(tShape(1, 2, nextSpace+"aApP"), `(?i)\b(\d{1,2})\s*([ap])\.?\s?m\b\.?`, clockAMPM)
	c(tShape(4, 4, ""), `(?i)\b([01]\d|2[0-3])([0-5]\d)\b(?:\s*(?:hrs?|hours|h)\b)?`, militaryTime)
	return &Time{rules: newRuleSet(rs...)}
}

// Name implements deid.Detector.
func (t *Time) Name() string { return "rules/time" }

// Detect implements deid.Detector.
func (t *Time) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, t.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, t.Name(), deid.Date, hs), nil
}

func clockTime(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (text[s-1] == ':' || text[s-1] == '.' || isDigit(text[s-1])) {
		return nil
	}
	if e < len(text) && (text[e] == ':' || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1])) {
		return nil
	}
	h := atoi(group(text, m, 1))
	ampm := group(text, m, 3) != ""
	if h > 23 || ampm && (h == 0 || h > 12) {
		return nil
	}
	if !ampm && (vocab.RatioNext().Has(nextWord(text, e)) || vocab.RatioNext().Has(prevWord(text, s))) {
		return nil
	}
	conf := 0.6
	if ampm {
		conf = 0.8
	}
	return []hit{{start: s, end: e, typ: "time", conf: conf}}
}

func clockAMPM(text string, m []int) []hit {
	h := atoi(group(text, m, 1))
	if h < 1 || h > 12 {
		return nil
	}
	s := m[0]
	if s > 0 && (text[s-1] == '.' || text[s-1] == ':' || text[s-1] == '/') {
		return nil
	}
	return []hit{{start: s, end: m[1], typ: "time", conf: 0.7}}
}

func militaryTime(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && strings_containsByte("$#.,/:+", text[s-1]) {
		return nil
	}
	if e < len(text) && (text[e] == '%' || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1]) || text[e] == ',' && e+1 < len(text) && isDigit(text[e+1])) {
		return nil
	}
	if e-s > 4 { // took an "hrs" suffix
		return []hit{{start: s, end: e, typ: "time", conf: 0.7}}
	}
	pw := prevWord(text, s)
	ctxOK := vocab.MilPrev().Has(pw) || s > 0 && text[s-1] == '@'
	if !ctxOK {
		// Ranges "0700-1930", "0700->1930".
		if e+2 < len(text) && (text[e] == '-' || text[e] == '>') && isDigit(text[e+1]) || e+3 < len(text) && text[e:e+2] == "->" {
			ctxOK = true
		} else if s >= 2 && (text[s-1] == '-' || text[s-1] == '>') && isDigit(text[s-2]) || s >= 3 && text[s-2:s] == "->" && isDigit(text[s-3]) {
			ctxOK = true
		}
	}
	if !ctxOK {
		return nil
	}
	if vocab.YearNextDeny().Has(nextWord(text, e)) {
		return nil
	}
	return []hit{{start: s, end: e, typ: "time", conf: 0.5}}
}

func strings_containsByte(set string, b byte) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == b {
			return true
		}
	}
	return false
}
