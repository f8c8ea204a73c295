package dict

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Default returns the dictionary detectors in a stable order: people,
// places, organisations. They share one analysis per text: the engine runs
// them one after the other on the same text, and the second and third reuse
// the words, lexicon look-ups and spans of the first.
func Default(lex *lexicon.Lexicon) []deid.Detector {
	s := newShared(lex)
	return []deid.Detector{&Persons{s}, &Places{s}, &Orgs{s}, &Employers{lex}}
}

var (
	_ deid.Detector = (*Persons)(nil)
	_ deid.Detector = (*Places)(nil)
	_ deid.Detector = (*Orgs)(nil)
)

// result is what the analysis of one text found, by kind.
type result struct {
	persons, places, orgs []deid.Finding
}

// shared runs the analysis of a document once for the three detectors:
// the result is kept with the document (deid.Analysis), so the second and
// third detector to ask find it there. It holds no state of its own but
// the arrays of analyses done, for the next (pool: *scratch).
type shared struct {
	lex  *lexicon.Lexicon
	pool sync.Pool
}

func newShared(lex *lexicon.Lexicon) *shared { return &shared{lex: lex} }

// resultKey is the key of the dictionary analysis among a document's
// values: one per lexicon.
type resultKey struct{ lex *lexicon.Lexicon }

// get returns the analysis of doc, computing it the first time it is asked
// of that document.
func (s *shared) get(ctx context.Context, doc *deid.Doc) (*result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	an := doc.Analysis()
	return deid.AnalysisValue(an, resultKey{s.lex}, func() *result { return s.analyse(an) }), nil
}

// analyseWith finds the people, places and organisations of a text, with
// the arrays of sc, and gives them back to sc.
func analyseWith(lex *lexicon.Lexicon, doc *deid.Analysis, sc *scratch) *result {
	a := newAnalysis(lex, doc, sc)
	n := len(a.toks)
	orgs := a.orgs()
	places := a.places()
	if sp := a.socialPlaces(); len(sp) > 0 {
		places = mergeSpans(append(places, sp...))
	}
	places = a.placeAcronyms(places)
	blockSeed, blockExt := zeroed(sc.blockSeed, n), zeroed(sc.blockExt, n)
	for _, s := range orgs {
		for k := s.i; k < s.j; k++ {
			blockSeed[k], blockExt[k] = true, true
		}
	}
	// orgReach[k] is the furthest end of an organisation that starts at or
	// before word k: a place lies inside one when that reaches its end.
	// (Comparing every place with every organisation grew with their
	// product on a long text.)
	// Without organisations every reach is 0 and the array is not made.
	var orgReach []int
	if len(orgs) > 0 {
		orgReach = zeroed(sc.orgReach, n+1)
		for _, o := range orgs {
			orgReach[o.i] = max(orgReach[o.i], o.j)
		}
		for k := 1; k <= n; k++ {
			orgReach[k] = max(orgReach[k], orgReach[k-1])
		}
	}
	var keep, sites []span
	for _, s := range places {
		strong := s.j-s.i > 1 || s.conf >= 0.85 || s.typ == "small-place"
		for k := s.i; k < s.j; k++ {
			blockSeed[k] = true
			blockExt[k] = blockExt[k] || strong
		}
		// A place inside an organisation's name ("Baltimore Rehab Center")
		// is reported by the organisation.
		reach := 0
		if orgReach != nil {
			reach = orgReach[s.i]
		}
		inside := reach >= s.j
		switch {
		case inside:
		case s.typ == "hospital" || s.typ == "university" || s.typ == "ward":
			// A care site found by its place in a note ("to holy cross",
			// "to Kettleworth 2") is an institution: "a hospital", "a ward".
			sites = append(sites, s)
		default:
			keep = append(keep, s)
		}
	}
	r := &result{
		persons: a.findings(a.persons(blockSeed, blockExt), deid.Person, "dict/person"),
		places:  a.findings(keep, deid.Place, "dict/place"),
		orgs:    append(a.findings(orgs, deid.Organization, "dict/org"), a.findings(sites, deid.Organization, "dict/org")...),
	}
	a.release(sc)
	if n <= maxScratchWords {
		sc.blockSeed, sc.blockExt = blockSeed, blockExt
		if orgReach != nil {
			sc.orgReach = orgReach
		}
	}
	return r
}

// Persons finds people's names (Kind person). Type says what made the
// decision: "name" (a name-list word that is not an ordinary word),
// "titled" (after Dr, Mrs, Pastor...), "kin" (after "my son", "client"),
// "vocative" ("Hi Grace"), "signature", "initial" ("R. Kowal"), "role"
// (before a credential or "aware": "Jon Devaux RRT"), "unknown" (a
// capitalised word in no list; Confidence 0.5) or "lowercase" (a frequent
// first name written in lower case, as in tweets; Confidence 0.3).
type Persons struct{ s *shared }

// NewPersons returns the person detector over lex.
func NewPersons(lex *lexicon.Lexicon) *Persons { return &Persons{newShared(lex)} }

// Name implements deid.Detector.
func (*Persons) Name() string { return "dict/person" }

// Detect implements deid.Detector.
func (d *Persons) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	r, err := d.s.get(ctx, doc)
	if err != nil {
		return nil, err
	}
	return slices.Clone(r.persons), nil
}

// Places finds place names (Kind place). Type is "city" (a GeoNames place
// of 100,000 people or more), "town" (a smaller one, an unknown city
// before ", ST", or the town line of a postal address), "small-place" (an
// invented name by shape: "Alder Creek", "Harlan County", "Lake X"),
// "place" (an unknown word after "in", "from", "moved to"), or "state" and
// "country". States and countries are not identifiers under HIPAA Safe
// Harbor; they are reported at Confidence 0.3 so that the planner can keep
// them.
type Places struct{ s *shared }

// NewPlaces returns the place detector over lex.
func NewPlaces(lex *lexicon.Lexicon) *Places { return &Places{newShared(lex)} }

// Name implements deid.Detector.
func (*Places) Name() string { return "dict/place" }

// Detect implements deid.Detector.
func (d *Places) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	r, err := d.s.get(ctx, doc)
	if err != nil {
		return nil, err
	}
	return slices.Clone(r.places), nil
}

// Orgs finds organisation names (Kind organization). Type is the cue in
// lower case ("hospital", "school", "hospice", "nursing home",
// "university") so that the planner can write "a hospital", or "company"
// for legal forms (Inc, LLC, Ltd).
type Orgs struct{ s *shared }

// NewOrgs returns the organisation detector over lex.
func NewOrgs(lex *lexicon.Lexicon) *Orgs { return &Orgs{newShared(lex)} }

// Name implements deid.Detector.
func (*Orgs) Name() string { return "dict/org" }

// Detect implements deid.Detector.
func (d *Orgs) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	r, err := d.s.get(ctx, doc)
	if err != nil {
		return nil, err
	}
	return slices.Clone(r.orgs), nil
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
		start, end := a.toks[s.i].Start, a.toks[s.j-1].End
		if s.poss && a.toks[s.j-1].Poss {
			end += len(a.text[end:]) - len(strings.TrimLeft(a.text[end:], "'’"))
			if end < len(a.text) && (a.text[end] == 's' || a.text[end] == 'S') {
				end++
			}
		}
		out = append(out, deid.Finding{
			Start: start, End: end, Kind: kind, Type: deid.Type(s.typ), Text: a.text[start:end],
			Recognizer: rec, Confidence: s.conf,
		})
	}
	return out
}
