package dict

import (
	"context"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Default returns the dictionary detectors in a stable order: people,
// places, organisations.
func Default(lex *lexicon.Lexicon) []deid.Detector {
	return []deid.Detector{NewPersons(lex), NewPlaces(lex), NewOrgs(lex)}
}

var (
	_ deid.Detector = (*Persons)(nil)
	_ deid.Detector = (*Places)(nil)
	_ deid.Detector = (*Orgs)(nil)
)

// Persons finds people's names (Kind person). Type says what made the
// decision: "name" (a name-list word that is not an ordinary word),
// "titled" (after Dr, Mrs, Pastor...), "kin" (after "my son", "client"),
// "vocative" ("Hi Grace"), "signature", "unknown" (a capitalised word in no
// list; Confidence 0.5) or "lowercase" (a frequent first name written in
// lower case, as in tweets; Confidence 0.3).
type Persons struct{ lex *lexicon.Lexicon }

// NewPersons returns the person detector over lex.
func NewPersons(lex *lexicon.Lexicon) *Persons { return &Persons{lex: lex} }

// Name implements deid.Detector.
func (*Persons) Name() string { return "dict/person" }

// Detect implements deid.Detector.
func (d *Persons) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := newAnalysis(d.lex, doc.Text)
	n := len(a.toks)
	blockSeed, blockExt := make([]bool, n), make([]bool, n)
	for _, s := range a.orgs() {
		for k := s.i; k < s.j; k++ {
			blockSeed[k], blockExt[k] = true, true
		}
	}
	for _, s := range a.places() {
		strong := s.j-s.i > 1 || s.conf >= 0.85 || s.typ == "small-place"
		for k := s.i; k < s.j; k++ {
			blockSeed[k] = true
			blockExt[k] = blockExt[k] || strong
		}
	}
	return a.findings(a.persons(blockSeed, blockExt), deid.Person, d.Name()), nil
}

// Places finds place names (Kind place). Type is "city" (a GeoNames place
// of 100,000 people or more), "town" (a smaller one, or an unknown city
// before ", ST"), "small-place" (an invented name by shape: "Willow Creek",
// "Harlan County", "Lake X"), "place" (an unknown word after "in", "from",
// "moved to"), or "state" and "country". States and countries are not
// identifiers under HIPAA Safe Harbor; they are reported at Confidence 0.3
// so that the planner can keep them.
type Places struct{ lex *lexicon.Lexicon }

// NewPlaces returns the place detector over lex.
func NewPlaces(lex *lexicon.Lexicon) *Places { return &Places{lex: lex} }

// Name implements deid.Detector.
func (*Places) Name() string { return "dict/place" }

// Detect implements deid.Detector.
func (d *Places) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := newAnalysis(d.lex, doc.Text)
	orgs := a.orgs()
	var keep []span
	for _, s := range a.places() {
		// A place inside an organisation's name ("Baltimore Rehab Center")
		// is reported by the organisation.
		inside := false
		for _, o := range orgs {
			if s.i >= o.i && s.j <= o.j {
				inside = true
				break
			}
		}
		if !inside {
			keep = append(keep, s)
		}
	}
	return a.findings(keep, deid.Place, d.Name()), nil
}

// Orgs finds organisation names (Kind organization). Type is the cue in
// lower case ("hospital", "school", "hospice", "nursing home",
// "university") so that the planner can write "a hospital", or "company"
// for legal forms (Inc, LLC, Ltd).
type Orgs struct{ lex *lexicon.Lexicon }

// NewOrgs returns the organisation detector over lex.
func NewOrgs(lex *lexicon.Lexicon) *Orgs { return &Orgs{lex: lex} }

// Name implements deid.Detector.
func (*Orgs) Name() string { return "dict/org" }

// Detect implements deid.Detector.
func (d *Orgs) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := newAnalysis(d.lex, doc.Text)
	return a.findings(a.orgs(), deid.Organization, d.Name()), nil
}

// findings turns word spans into findings.
func (a *analysis) findings(ss []span, kind deid.Kind, rec string) []deid.Finding {
	if len(ss) == 0 {
		return nil
	}
	out := make([]deid.Finding, 0, len(ss))
	for _, s := range ss {
		if s.i < 0 || s.j > len(a.toks) || s.i >= s.j {
			continue
		}
		start, end := a.toks[s.i].start, a.toks[s.j-1].end
		out = append(out, deid.Finding{
			Start: start, End: end, Kind: kind, Type: s.typ, Text: a.text[start:end],
			Recognizer: rec, Confidence: s.conf,
		})
	}
	return out
}
