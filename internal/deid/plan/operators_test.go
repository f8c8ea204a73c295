package plan

import (
	"slices"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// opCase is one finding given to one operator: the finding is the first
// occurrence of span in text.
type opCase struct {
	text, span string
	kind       deid.Kind
	typ        deid.Type
	action     deid.Action
	age        int
	date       *deid.DateValue
	want       string
}

func runOp(t *testing.T, op operator, cases []opCase) {
	t.Helper()
	for _, c := range cases {
		i := strings.Index(c.text, c.span)
		if i < 0 {
			t.Fatalf("%q not in %q", c.span, c.text)
		}
		f := deid.Finding{Start: i, End: i + len(c.span), Kind: c.kind, Type: c.typ, Text: c.span, Age: c.age, Date: c.date}
		d := &document{s: settings("k", fakeGaz{}).s, ops: New().ops, doc: &deid.Doc{Text: c.text}, memo: map[memoKey]string{}, surname: map[string]bool{}}
		if got := op.replace(d, f, c.action); got != c.want {
			t.Errorf("%T %s %q in %q: got %q, want %q", op, c.action, c.span, c.text, got, c.want)
		}
	}
}

func TestNewHasAnOperatorForEveryKind(t *testing.T) {
	ops := New().ops
	for _, k := range deid.Kinds() {
		if ops[k] == nil {
			t.Errorf("no operator for %s", k)
		}
	}
}

func TestPersonOperator(t *testing.T) {
	runOp(t, personOp{}, []opCase{
		{text: "Marisol rang", span: "Marisol", kind: deid.Person, action: deid.Generalise, want: "[name]"},
		{text: "Marisol rang", span: "Marisol", kind: deid.Person, action: deid.Redact, want: "[name]"},
	})
	// With replace, the sex of the first name and the title are kept, and
	// a lone word after a title is a surname.
	d := &document{s: settings("k", fakeGaz{}).s, doc: &deid.Doc{Text: "Tomasz and Dr. Quellby"}, memo: map[memoKey]string{}, surname: map[string]bool{}}
	if got := (personOp{}).replace(d, deid.Finding{Kind: deid.Person, Text: "Tomasz"}, deid.Replace); !slices.Contains(maleNames, got) {
		t.Errorf("Tomasz -> %q, want a male first name", got)
	}
	got := (personOp{}).replace(d, deid.Finding{Kind: deid.Person, Text: "Dr. Quellby"}, deid.Replace)
	if !strings.HasPrefix(got, "Dr. ") || !slices.Contains(surnames, strings.TrimPrefix(got, "Dr. ")) {
		t.Errorf("Dr. Quellby -> %q, want Dr. and a surname", got)
	}
}

func TestPlaceOperator(t *testing.T) {
	runOp(t, placeOp{}, []opCase{
		{text: "at 4 Wren Lane", span: "4 Wren Lane", kind: deid.Place, typ: deid.TypeStreet, action: deid.Generalise, want: "[address]"},
		{text: "PO Box 18", span: "PO Box 18", kind: deid.Place, typ: deid.TypePOBox, action: deid.Replace, want: "[address]"},
		{text: "zip 60601", span: "60601", kind: deid.Place, typ: deid.TypeZip, action: deid.Generalise, want: "[postcode]"},
		{text: "in Ohio", span: "Ohio", kind: deid.Place, typ: deid.TypeState, action: deid.Generalise, want: "Ohio"},
		{text: "in Ohio", span: "Ohio", kind: deid.Place, typ: deid.TypeState, action: deid.Redact, want: "[place]"},
		{text: "in Springfield", span: "Springfield", kind: deid.Place, action: deid.Redact, want: "[place]"},
		{text: "in Springfield", span: "Springfield", kind: deid.Place, action: deid.Generalise, want: "a mid-sized city in the Midwest"},
		{text: "in Chicago", span: "Chicago", kind: deid.Place, action: deid.Generalise, want: "a major city in the Midwest"},
		// Unknown to the gazetteer: too small for it, with the state's region.
		{text: "in Tarnwick, Illinois", span: "Tarnwick, Illinois", kind: deid.Place, action: deid.Generalise, want: "a small town in the Midwest"},
		{text: "in Tarnwick", span: "Tarnwick", kind: deid.Place, action: deid.Generalise, want: "a small town"},
	})
}

func TestDateOperator(t *testing.T) {
	runOp(t, dateOp{}, []opCase{
		{text: "on 4 May 2020", span: "4 May 2020", kind: deid.Date, action: deid.Generalise, date: &deid.DateValue{Year: 2020, Month: 5, Day: 4}, want: "May 2020"},
		{text: "on 4 May 2020", span: "4 May 2020", kind: deid.Date, action: deid.Redact, date: &deid.DateValue{Year: 2020, Month: 5, Day: 4}, want: "[date]"},
		{text: "at 9 p.m.", span: "9 p.m.", kind: deid.Date, typ: deid.TypeTime, action: deid.Redact, want: "[time]."},
		{text: "at 9 p.m. we ate", span: "9 p.m.", kind: deid.Date, typ: deid.TypeTime, action: deid.Redact, want: "[time]"},
		{text: "back in 2016", span: "2016", kind: deid.Date, typ: deid.TypeYear, action: deid.Replace, date: &deid.DateValue{Year: 2016}, want: "2016"},
		{text: "over Easter", span: "Easter", kind: deid.Date, typ: deid.TypeHoliday, action: deid.Replace, want: "Easter"},
		{text: "a term of 7 years", span: "7 years", kind: deid.Date, typ: deid.TypeDuration, action: deid.Replace, date: &deid.DateValue{Length: 7, Unit: "year"}, want: "several years"},
		{text: "she rang yesterday", span: "yesterday", kind: deid.Date, typ: deid.TypeRelative, action: deid.Replace, date: &deid.DateValue{Relative: true}, want: "recently"},
		{text: "since yesterday", span: "yesterday", kind: deid.Date, typ: deid.TypeRelative, action: deid.Replace, date: &deid.DateValue{Relative: true}, want: "a recent date"},
	})
}

func TestAgeOperator(t *testing.T) {
	runOp(t, ageOp{}, []opCase{
		{text: "he was 52 then", span: "52", kind: deid.Age, age: 52, action: deid.Generalise, want: "in his early 50s"},
		{text: "he was 52 then", span: "52", kind: deid.Age, age: 52, action: deid.Redact, want: "[age]"},
		{text: "aged 3", span: "3", kind: deid.Age, age: 3, action: deid.Generalise, want: "under 5"},
		{text: "a 15-year-old boy", span: "a 15-year-old", kind: deid.Age, age: 15, action: deid.Generalise, want: "a teenage"},
		{text: "an 96-year-old", span: "an 96-year-old", kind: deid.Age, age: 96, action: deid.Generalise, want: "an over-89-year-old"},
		{text: "she turned 61", span: "61", kind: deid.Age, age: 61, action: deid.Generalise, want: "60-something"},
		{text: "her 99th", span: "99th", kind: deid.Age, typ: deid.TypeOrdinal, age: 99, action: deid.Generalise, want: "90th-or-later"},
		{text: "At 16, she", span: "At 16", kind: deid.Age, typ: deid.TypeAtAge, age: 16, action: deid.Generalise, want: "As a teenager"},
		{text: "Kestrel, 38, came", span: "38", kind: deid.Age, typ: deid.TypeApposition, age: 38, action: deid.Generalise, want: "late 30s"},
		// The recognizer could not read the number: the digits are read.
		{text: "age 27", span: "27", kind: deid.Age, action: deid.Generalise, want: "late 20s"},
		{text: "some age", span: "age", kind: deid.Age, action: deid.Generalise, want: "[age]"},
	})
}

func TestOrganisationOperator(t *testing.T) {
	runOp(t, orgOp{}, []opCase{
		{text: "at Brindle Family Services", span: "Brindle Family Services", kind: deid.Organization, action: deid.Generalise, want: "a family services agency"},
		{text: "at Brindle Community Health Center", span: "Brindle Community Health Center", kind: deid.Organization, action: deid.Generalise, want: "a community health center"},
		{text: "at BFH", span: "BFH", kind: deid.Organization, typ: "hospital", action: deid.Generalise, want: "a hospital"},
		{text: "at Brindle Ltd", span: "Brindle Ltd", kind: deid.Organization, typ: deid.TypeCompany, action: deid.Generalise, want: "an organisation"},
		{text: "at Brindle Hospital", span: "Brindle Hospital", kind: deid.Organization, action: deid.Redact, want: "[organization]"},
	})
}

func TestLabelOperators(t *testing.T) {
	ops := New().ops
	runOp(t, ops[deid.Contact], []opCase{
		{text: "mail a@b.example", span: "a@b.example", kind: deid.Contact, typ: deid.TypeEmail, want: "[email]"},
		{text: "see b.example", span: "b.example", kind: deid.Contact, typ: deid.TypeDomain, want: "[url]"},
		// A type that is no label of its own is not printed.
		{text: "tag @quill", span: "@quill", kind: deid.Contact, typ: "seq-contact", want: "[contact]"},
	})
	runOp(t, ops[deid.ID], []opCase{
		{text: "SSN 078-05-1120", span: "078-05-1120", kind: deid.ID, typ: deid.TypeSSN, want: "[ssn]"},
		{text: "MRN 44817", span: "44817", kind: deid.ID, typ: "mrn", want: "[id]"},
	})
	runOp(t, ops[deid.Rare], []opCase{
		{text: "the only glassblower", span: "glassblower", kind: deid.Rare, want: "[detail]"},
	})
}
