package deid

import (
	"context"
	"strings"
	"testing"
)

func TestNamedPeople(t *testing.T) {
	e := New(WithKey([]byte("k")), WithGazetteer(fakeGaz{}))
	for _, tt := range []struct {
		text  string
		names []string
	}{
		{"my name is borna jerković but everyone calls me borna", []string{"borna jerković", "borna"}},
		{"What's your last name? Zelenková", []string{"Zelenková"}},
		{"Her maiden name is Will.", []string{"Will"}},
		{"he goes by jonno now", []string{"jonno"}},
		{"my name's odette and I'm 34", []string{"odette"}},
		{"Name: Ada Lovelace, DOB 1/2/80", []string{"Ada Lovelace"}},
		// An ordinary word or a function word after the cue is no name.
		{"my name is not important", nil},
		{"Her family name was will", nil}, // an ordinary word, no known first name
		{"Name:\nTom Reyes", []string{"Tom Reyes"}},
		{"His name was on the list.", nil},
		{"The name of the ward", nil},
		{"I called me mum", nil},
		{"the name was Health", []string{"Health"}},
		{"the name was health", nil},
		// The author's allow list wins.
		{"Her stage name was Cherry Blossom.", nil},
		{"Weeks went by. Nothing changed.", nil},
		{"Time goes by, and she agreed.", nil},
		{"The months went by\nSlowly.", nil},
	} {
		fs, err := e.Detect(context.Background(), &Doc{Text: tt.text, Allow: []string{"Cherry Blossom"}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			if f.Kind == Person {
				got = append(got, f.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.names, "|") {
			t.Errorf("%q: names %q, want %q", tt.text, got, tt.names)
		}
	}
}
