package markdown

import "testing"

// The view reads a name as a reader sees it however it is written, and
// maps the name's span back to the whole of its source.
func TestVisible(t *testing.T) {
	for _, tc := range []struct {
		src, text, name string
	}{
		{"ask Od&#101;tte now", "ask Odette now", "Od&#101;tte"},
		{"ask Ode\u200btte now", "ask Odette now", "Ode\u200btte"},
		{"ask Ｏｄｅｔｔｅ now", "ask Odette now", "Ｏｄｅｔｔｅ"},
		{"ask 𝐎𝐝𝐞𝐭𝐭𝐞 now", "ask Odette now", "𝐎𝐝𝐞𝐭𝐭𝐞"},
		{"ask Ⓞdette now", "ask Odette now", "Ⓞdette"},
		{"ask Odétte now", "ask Odétte now", "Odétte"},
		{"ask Od%65tte now", "ask Odette now", "Od%65tte"},
		{"ask Оdеttе now", "ask Odette now", "Оdеttе"},
		{"ask Одетта now", "ask Одетта now", "Одетта"},
		{"ask 5%ab%20Odette", "ask 5%ab Odette", "5%ab%20Od"},
		{"ask Ｏd&eacute;t\u00adte now", "ask Odétte now", "Ｏd&eacute;t\u00adte"},
	} {
		v := Visible(tc.src)
		if v.Text != tc.text {
			t.Errorf("Visible(%q) = %q, want %q", tc.src, v.Text, tc.text)
			continue
		}
		s, e := v.Source(4, len(tc.text)-4)
		if got := tc.src[s:e]; got != tc.name {
			t.Errorf("Visible(%q): name's source %q, want %q", tc.src, got, tc.name)
		}
	}
}
