package phrase

import "testing"

func TestKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Brightwater–Lowe Disease", "brightwater lowe disease"},
		{"brightwater-lowe  disease", "brightwater lowe disease"},
		{"Ångström's syndrome", "angstroms syndrome"},
		{"  Sales Workers, Retail ", "sales workers retail"},
		{"Dr. No", "dr no"},
		{"", ""},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
