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
	Type        string  `json:"type,omitempty"`
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
