package cli

import (
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/dict"
	"github.com/veil-blog/veil/internal/deid/ner"
	"github.com/veil-blog/veil/internal/deid/plan"
	"github.com/veil-blog/veil/internal/deid/rules"
	"github.com/veil-blog/veil/internal/deid/seqtag"
	"github.com/veil-blog/veil/internal/lexicon"
)

// detectors lists the recognizers, in order: structured patterns first,
// then the lexicons with context, then the learned tagger.
func detectors() []deid.Detector { return append(RuleDetectors(), Tagger()) }

// RuleDetectors are the recognizers veil runs before the learned tagger:
// patterns, lexicons with context and prose. tools/trainseq scores the
// tagger beside them, as veil runs it.
func RuleDetectors() []deid.Detector {
	lex := lexicon.Default()
	ds := rules.Default()
	ds = append(ds, dict.Default(lex)...)
	clinical := ner.WithClinical(dict.ClinicalNote, func(lw string) bool { return dict.Misspelt(lex, lw) })
	return append(ds, ner.New(ner.WithLexicon(lex), clinical))
}

// Tagger is the learned name tagger as veil runs it, telling clinical
// notes from other text; opts come after (tools/trainseq passes a model in
// training).
func Tagger(opts ...seqtag.Option) deid.Detector {
	return seqtag.New(lexicon.Default(), append([]seqtag.Option{seqtag.WithNote(dict.ClinicalNote)}, opts...)...)
}

// EngineOptions are the engine options that draw on the lexicons (exported
// for tools/trainseq).
func EngineOptions() []deid.Option { return engineOptions() }

// engineOptions are the planner and the engine options that draw on the
// lexicons.
func engineOptions() []deid.Option {
	return []deid.Option{deid.WithGazetteer(gazetteer{lexicon.Default()}), deid.WithPlanner(plan.New())}
}

// gazetteer adapts the lexicons to what the de-identification planner asks.
type gazetteer struct{ lex *lexicon.Lexicon }

var (
	_ deid.Gazetteer        = gazetteer{}
	_ deid.FirstNameCounter = gazetteer{}
)

// Sex is the sex that at least four in five people with the name have.
func (g gazetteer) Sex(name string) deid.Sex {
	f, m, ok := g.lex.FirstName(name)
	switch {
	case !ok:
		return deid.SexUnknown
	case f >= 4*m:
		return deid.Female
	case m >= 4*f:
		return deid.Male
	}
	return deid.SexUnknown
}

func (g gazetteer) Place(name string) (deid.PlaceInfo, bool) {
	if _, ok := g.lex.USState(name); ok {
		return deid.PlaceInfo{Level: deid.State, Region: region(g.lex.Region(name)), Country: "US"}, true
	}
	if code, ok := g.lex.Country(name); ok {
		return deid.PlaceInfo{Level: deid.Country, Country: code}, true
	}
	p, ok := g.lex.Place(name) // the most populous place of that name
	if !ok {
		return deid.PlaceInfo{}, false
	}
	info := deid.PlaceInfo{Population: p.Population, Country: p.Country}
	if p.Country == "US" {
		info.Region = region(g.lex.Region(p.Admin1))
	}
	return info, true
}

func region(r string) string {
	if r == "" {
		return ""
	}
	return "the " + r
}

func (g gazetteer) WordLevel(w string) (int, bool) { return g.lex.WordLevel(w) }

// FirstNameBirths is how many people were given a first name.
func (g gazetteer) FirstNameBirths(name string) int {
	f, m, _ := g.lex.FirstName(name)
	return f + m
}
