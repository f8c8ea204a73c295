package casefile

import (
	"os"
	"path/filepath"
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

func TestReadDirNamesWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"street.txtar": "-- in --\n12 Alder Row\n-- want --\nstreet \"12 Alder Row\"\n",
		"stray.txtar":  "-- in --\nnothing\n-- want --\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := ReadDir(dir, []string{"street", "phone"})
	if err == nil || !strings.Contains(err.Error(), `no recognizer "stray"`) || !strings.Contains(err.Error(), "no case file "+filepath.Join(dir, "phone.txtar")) {
		t.Errorf("err = %v, want the stray file and the missing phone file named", err)
	}
	if len(files) != 1 || files[0].Name != "street" || len(files[0].Cases) != 1 || files[0].Cases[0].Want[0].Text != "12 Alder Row" {
		t.Errorf("files = %+v, want street's one case", files)
	}
}
