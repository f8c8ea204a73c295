package cli

import (
	"slices"
	"testing"
)

func TestSiteNames(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want []string
	}{
		{[]string{"Field Notes: Reflective Practice", "A. Practitioner"}, []string{"Field Notes: Reflective Practice", "Field Notes", "Reflective Practice", "A. Practitioner"}},
		{[]string{"Night Shift – a nurse's notes"}, []string{"Night Shift – a nurse's notes", "Night Shift", "a nurse's notes"}},
		{[]string{"Small Rooms - Big Questions"}, []string{"Small Rooms - Big Questions", "Small Rooms", "Big Questions"}},
		{[]string{"Plain", ""}, []string{"Plain"}},
	} {
		if got := siteNames(tc.in...); !slices.Equal(got, tc.want) {
			t.Errorf("siteNames(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
