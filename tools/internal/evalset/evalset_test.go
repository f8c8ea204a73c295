package evalset

import (
	"strings"
	"testing"
)

func TestReadTurnsCodePointsIntoBytes(t *testing.T) {
	in := `{"id":"a","text":"Zoë met Ilsa.","entities":[{"start":0,"end":3,"label":"PERSON"},{"start":8,"end":12,"label":"PERSON"},{"start":5,"end":5,"label":"PERSON"},{"start":9,"end":40,"label":"PERSON"}]}
{"id":"b","text":"none","entities":[]}
`
	var got []Record
	err := Read(strings.NewReader(in), func(n int, rec Record) error {
		if n != len(got) {
			t.Errorf("line %d numbered %d", len(got), n)
		}
		got = append(got, rec)
		return nil
	})
	if err != nil || len(got) != 2 {
		t.Fatalf("Read: %v, %d records", err, len(got))
	}
	var names []string
	for _, e := range got[0].Entities {
		names = append(names, got[0].Text[e.Start:e.End])
	}
	if strings.Join(names, "|") != "Zoë|Ilsa" {
		t.Errorf("entities read as %q, want Zoë and Ilsa (the empty and the overlong dropped)", names)
	}
	if err := Read(strings.NewReader("{not json\n"), func(int, Record) error { return nil }); err == nil {
		t.Error("a broken line gave no error")
	}
}
