package deid

import "fmt"

// Kind is the category of an identifying detail. The set is part of the
// `veil deid --json` contract.
type Kind string

// The kinds a finding can have.
const (
	Person       Kind = "person"
	Place        Kind = "place"
	Date         Kind = "date"
	Age          Kind = "age"
	Contact      Kind = "contact"
	ID           Kind = "id"
	Organization Kind = "organization"
	Rare         Kind = "rare"
)

// Kinds lists every kind in a stable order.
func Kinds() []Kind {
	return []Kind{Person, Place, Date, Age, Contact, ID, Organization, Rare}
}

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds() {
		if k == v {
			return true
		}
	}
	return false
}

// specificity orders kinds for the resolver: when two findings overlap, the
// one whose kind ranks higher wins. Structured patterns (contacts, IDs, dates,
// ages) are more specific than statistical name guesses.
func (k Kind) specificity() int {
	switch k {
	case Contact:
		return 8
	case ID:
		return 7
	case Age:
		return 6
	case Date:
		return 5
	case Person:
		return 4
	case Organization:
		return 3
	case Place:
		return 2
	case Rare:
		return 1
	}
	return 0
}

// Type is a finer label than the kind, chosen by the recognizer. Any
// lower-case word will do; the types below are those that the resolvers and
// the planner read, and a recognizer that means one of them uses its
// constant.
type Type string

// Types of places.
const (
	TypeStreet   Type = "street"  // a street address
	TypeAddress  Type = "address" // a whole postal address
	TypePOBox    Type = "pobox"   // a post-office box
	TypeZip      Type = "zip"     // a US ZIP code
	TypePostcode Type = "postcode"
	TypeState    Type = "state" // a state or province, which Safe Harbor allows
	TypeCountry  Type = "country"
)

// Types of dates.
const (
	TypeRelative Type = "relative" // relative to the time of writing: "last week"
	TypeWeekday  Type = "weekday"  // "on Tuesday"
	TypeSeason   Type = "season"   // "spring 2019"
	TypeHoliday  Type = "holiday"  // "Christmas"
	TypeDecade   Type = "decade"   // "the 1990s"
	TypeYear     Type = "year"     // a year alone
	TypeDuration Type = "duration" // the length of a term served: "14 years"
	TypeTime     Type = "time"     // a time of day
)

// Types of ages.
const (
	TypeAgeRange   Type = "age-range"  // a decade of life: "in her 80s"
	TypeOrdinal    Type = "ordinal"    // "her 43rd birthday"
	TypeApposition Type = "apposition" // "Mateo, 4," or "my son (9)"
	TypeAtAge      Type = "at-age"     // "At 94, she ..."
)

// Types of contacts, IDs and organisations.
const (
	TypePhone   Type = "phone"
	TypeFax     Type = "fax"
	TypeEmail   Type = "email"
	TypeURL     Type = "url"
	TypeDomain  Type = "domain" // a bare domain, which is shown as a URL
	TypeHandle  Type = "handle" // a social-media handle
	TypeIP      Type = "ip"
	TypeSSN     Type = "ssn"
	TypeCompany Type = "company" // an organisation whose kind is unknown
	TypeApp     Type = "app"     // a site or an app named as a medium ("notes in ...")
	// TypeEmployer is an employer, an agency or a charity named by context
	// ("I work for ..."), whose name says nothing of its kind.
	TypeEmployer Type = "employer"
)

// DateValue is what a date recognizer understood of a date. Zero fields are
// absent (a date written "March 3" has no Year).
type DateValue struct {
	Year  int `json:"year,omitempty"`
	Month int `json:"month,omitempty"` // 1-12
	Day   int `json:"day,omitempty"`   // 1-31
	// Relative is set for dates that are relative to the time of writing
	// ("yesterday", "last Tuesday").
	Relative bool `json:"relative,omitempty"`
	// Length and Unit describe a duration ("14 years": 14, "year"), set by
	// recognizers of the length of a sentence or term.
	Length int    `json:"length,omitempty"`
	Unit   string `json:"unit,omitempty"` // year, month, week or day
}

// Finding is one identifying detail found in a text. Start and End are byte
// offsets into the exact bytes the detector was given, End exclusive.
type Finding struct {
	Start int  `json:"start"`
	End   int  `json:"end"`
	Kind  Kind `json:"kind"`
	// Type is a finer label chosen by the recognizer, such as "email",
	// "phone", "url", "ssn", "street", "zip", "numeric-date", "first-name".
	// The types that later steps read have constants (TypeStreet, ...).
	Type        Type    `json:"type,omitempty"`
	Text        string  `json:"text"`
	Replacement string  `json:"replacement"`
	Recognizer  string  `json:"recognizer"`
	Confidence  float64 `json:"confidence"`
	// Date is set by date recognizers when they could read the date.
	Date *DateValue `json:"date,omitempty"`
	// Age is set by age recognizers: the age in years, or 0 when unknown.
	Age int `json:"age,omitempty"`
}

// Len is the length of the finding in bytes.
func (f Finding) Len() int { return f.End - f.Start }

// Check reports an error when f's span is not a valid span of text: offsets
// out of range or reversed, or Text not equal to the bytes it points at.
func (f Finding) Check(text string) error {
	if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
		return fmt.Errorf("finding %s [%d,%d) outside text of %d bytes", f.Kind, f.Start, f.End, len(text))
	}
	if text[f.Start:f.End] != f.Text {
		// The texts are not printed: errors end up in logs.
		return fmt.Errorf("finding %s [%d,%d): its text does not match the source", f.Kind, f.Start, f.End)
	}
	return nil
}
