package casefile

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	data := `Dates, invented.

-- in: numbers --
moved in 2019
-- want --
year "2019"
-- in --
two lines
and "quotes"
-- want --
# nothing here
!year "two"
~line "and"
-- in: words --
on Tuesday
-- want --
`
	comment, cases, err := Parse("x.txtar", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if comment != "Dates, invented.\n\n" {
		t.Errorf("comment %q", comment)
	}
	want := []Case{
		{Note: "numbers", Line: 3, In: "moved in 2019", Want: []Want{{"year", "2019"}}},
		{Note: "numbers", Line: 7, In: "two lines\nand \"quotes\"", Not: []Want{{"year", "two"}}, Some: []Want{{"line", "and"}}},
		{Note: "words", Line: 14, In: "on Tuesday"},
	}
	if !reflect.DeepEqual(cases, want) {
		t.Errorf("got  %+v\nwant %+v", cases, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ data, err string }{
		{"-- in --\nx\n", "pairs"},
		{"-- in --\nx\n-- out --\n", "want in and want"},
		{"-- in --\nx\n-- want --\nyear 2019\n", `x.txtar:4: "year 2019"`},
		{"c\n-- in --\nx\n-- want --\n\n!\"a\"\n", "x.txtar:6:"},
	} {
		if _, _, err := Parse("x.txtar", []byte(tc.data)); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Parse(%q): error %v, want one with %q", tc.data, err, tc.err)
		}
	}
}
