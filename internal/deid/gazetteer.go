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
	// Level says whether the name is a country, a state (or province) or a
	// smaller place. Safe Harbor requires generalising only places smaller
	// than a state.
	Level      PlaceLevel
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
	// WordLevel is how common a lower-case word is as an ordinary English
	// word: its SCOWL size (10 the most common, 80 rare); ok is false for
	// words that are not ordinary words ("okafor").
	WordLevel(word string) (level int, ok bool)
}

// PlaceLevel is the size class of a named place.
type PlaceLevel int

// The place levels.
const (
	Locality PlaceLevel = iota // a city, town or village
	State                      // a state, province or region of a country
	Country
)

// noGazetteer knows nothing: every name is of unknown sex, every place is
// unknown, no word is common.
type noGazetteer struct{}

func (noGazetteer) Sex(string) Sex                 { return SexUnknown }
func (noGazetteer) Place(string) (PlaceInfo, bool) { return PlaceInfo{}, false }
func (noGazetteer) WordLevel(string) (int, bool)   { return 0, false }

// WithGazetteer gives the engine the lexicons.
func WithGazetteer(g Gazetteer) Option {
	return func(e *Engine) { e.gaz = g }
}

// Word level that the planner and propagation use.
const (
	commonLevel  = 60 // "will", "grace": ordinary words that names share
	genericLevel = 35 // "community", "health": words that describe, not name
)

// isCommon reports whether a lower-case word is an ordinary English word.
func (e *Engine) isCommon(w string) bool { return CommonWord(e.gaz, w) }
