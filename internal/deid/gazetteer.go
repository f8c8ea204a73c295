package deid

// Sex is what the first-name lexicon says of a first name.
type Sex int

// The sexes a first name can lean to.
const (
	SexUnknown Sex = iota
	Female
	Male
)

// PlaceInfo is what the gazetteer knows of a place name.
type PlaceInfo struct {
	Population int
	// Region is a broad region for places in the United States ("the
	// Midwest"), else "".
	Region string
	// Country is an ISO 3166 code.
	Country string
}

// Gazetteer is what the engine needs from the lexicons: it keeps package
// deid free of the lexicon's storage. All methods must be safe for
// concurrent use.
type Gazetteer interface {
	// Sex says whether a first name is mostly given to girls or boys.
	Sex(firstName string) Sex
	// Place looks a place name up; ok is false for unknown places.
	Place(name string) (PlaceInfo, bool)
	// IsCommonWord reports whether a lower-case word is an ordinary English
	// word (so "will" is not taken for the name Will).
	IsCommonWord(word string) bool
}

// noGazetteer knows nothing: every name is of unknown sex, every place is
// unknown, no word is common.
type noGazetteer struct{}

func (noGazetteer) Sex(string) Sex                 { return SexUnknown }
func (noGazetteer) Place(string) (PlaceInfo, bool) { return PlaceInfo{}, false }
func (noGazetteer) IsCommonWord(string) bool       { return false }

// WithGazetteer gives the engine the lexicons.
func WithGazetteer(g Gazetteer) Option {
	return func(e *Engine) { e.gaz = g }
}
