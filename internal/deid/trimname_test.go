package deid

import "testing"

func TestTrimToName(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Ana Ruiz, MD", "Ana Ruiz"},
		{"irene snell, rn", "irene snell"},
		{"Lusk-Carver MD", "Lusk-Carver"},
		{"Ana Ruiz, MSW, LCSW", "Ana Ruiz"},
		{"Dr. Ana Ruiz, PhD", "Dr. Ana Ruiz"},
		// Stays whole: titles, a credential with no name before it, names
		// that end like a credential.
		{"Dr. Lindgren", "Dr. Lindgren"},
		{"Mr Murray", "Mr Murray"},
		{"MD", "MD"},
		{"J, MD", "J, MD"},
		{"Ana Ruizmd", "Ana Ruizmd"},
		{"Son Gavin", "Gavin"},
		{"Sons Gavin", "Gavin"},
		{"Uncle Dev", "Uncle Dev"},
		{"Son", "Son"},
		{"Nguyen Do", "Nguyen Do"},
		{"NGUYEN DO", "NGUYEN DO"},
		{"Lee Park, DO", "Lee Park"},
		{"Ruiz Md", "Ruiz Md"},
	} {
		text := "Seen by " + tc.text + " today."
		f := Finding{Start: 8, End: 8 + len(tc.text), Kind: Person, Text: tc.text}
		got := trimToName(text, []Finding{f})[0]
		if got.Text != tc.want || text[got.Start:got.End] != got.Text {
			t.Errorf("%q -> %q [%d,%d), want %q", tc.text, got.Text, got.Start, got.End, tc.want)
		}
	}
	// Other kinds and fixed replacements are left alone.
	text := "Ana Ruiz, MD"
	for _, f := range []Finding{
		{Start: 0, End: len(text), Kind: Organization, Text: text},
		{Start: 0, End: len(text), Kind: Person, Text: text, Replacement: "the consultant"},
	} {
		if got := trimToName(text, []Finding{f})[0]; got.Text != text {
			t.Errorf("%s %q trimmed to %q", f.Kind, text, got.Text)
		}
	}
}
