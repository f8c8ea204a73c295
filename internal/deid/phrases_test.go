package deid

import (
	"slices"
	"testing"
)

func TestWholePhrases(t *testing.T) {
	for _, tt := range []struct {
		text string
		fs   []Finding // Text is filled in from the spans
		want []string  // the texts of the shaped findings
		typ  Type      // the type of the first, when it changes
	}{
		{"a 34-year-old teacher", []Finding{{Start: 2, End: 4, Kind: Age, Age: 34}}, []string{"a 34-year-old"}, ""},
		{"an 81 years old man", []Finding{{Start: 3, End: 5, Kind: Age, Age: 81}}, []string{"an 81 years old"}, ""},
		{"pt is 58 y/o", []Finding{{Start: 6, End: 8, Kind: Age, Age: 58}}, []string{"58 y/o"}, ""},
		{"left at the age of 51.", []Finding{{Start: 19, End: 21, Kind: Age, Age: 51}}, []string{"at the age of 51"}, ""},
		{"her 43rd birthday", []Finding{{Start: 4, End: 6, Kind: Age, Age: 43}}, []string{"43rd"}, TypeOrdinal},
		{"she is in her 90s", []Finding{{Start: 14, End: 17, Kind: Age, Type: TypeAgeRange, Age: 90}}, []string{"in her 90s"}, TypeAgeRange},
		// Below 90 a decade is no identifier: the pronoun stays.
		{"she is in her 80s", []Finding{{Start: 14, End: 17, Kind: Age, Type: TypeAgeRange, Age: 80}}, []string{"80s"}, TypeAgeRange},
		// An apposition ("Kestrel, 4,") stands alone.
		{"at the age of 4, came", []Finding{{Start: 14, End: 15, Kind: Age, Type: TypeApposition, Age: 4}}, []string{"4"}, TypeApposition},
		// A neighbour bounds the phrase: "Ama" keeps her name's span.
		{"Ama 34-year-old", []Finding{{Start: 0, End: 3, Kind: Person}, {Start: 4, End: 6, Kind: Age, Age: 34}}, []string{"Ama", "34-year-old"}, ""},
		{"a 7-year-old", []Finding{{Start: 0, End: 1, Kind: Rare}, {Start: 2, End: 3, Kind: Age, Age: 7}}, []string{"a", "7-year-old"}, ""},
		{"Springfield, IL 62704", []Finding{{Start: 0, End: 11, Kind: Place}, {Start: 13, End: 15, Kind: Place, Type: TypeState}}, []string{"Springfield, IL"}, ""},
		// A state and a state, or a city and a city, stay apart.
		{"Illinois, IL", []Finding{{Start: 0, End: 8, Kind: Place}, {Start: 10, End: 12, Kind: Place}}, []string{"Illinois", "IL"}, ""},
		{"Springfield, Springfield", []Finding{{Start: 0, End: 11, Kind: Place}, {Start: 13, End: 24, Kind: Place}}, []string{"Springfield", "Springfield"}, ""},
	} {
		fs := append([]Finding(nil), tt.fs...)
		for i := range fs {
			fs[i].Text = tt.text[fs[i].Start:fs[i].End]
		}
		got := New(WithGazetteer(fakeGaz{})).wholePhrases(tt.text, fs)
		var texts []string
		for _, f := range got {
			if err := f.Check(tt.text); err != nil {
				t.Errorf("%q: %v", tt.text, err)
			}
			texts = append(texts, f.Text)
		}
		if !slices.Equal(texts, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, texts, tt.want)
		}
		if len(got) > 0 && got[len(got)-1].Kind == Age && tt.typ != "" && got[len(got)-1].Type != tt.typ {
			t.Errorf("%q: type %q, want %q", tt.text, got[len(got)-1].Type, tt.typ)
		}
	}
}
