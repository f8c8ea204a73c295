package dict

import (
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

func TestStretched(t *testing.T) {
	for w, want := range map[string]bool{"hahahaha": true, "sooo": true, "lololol": true, "kiezulas": false, "renallo": false, "anna": false} {
		if got := stretched(w); got != want {
			t.Errorf("stretched(%q) = %v, want %v", w, got, want)
		}
	}
	runKindCases(t, []kindCase{{"omg Mariah hahahahahaha", deid.Person, "hahahahahaha", false}})
}

func TestStateCodeNotInNotes(t *testing.T) {
	runKindCases(t, []kindCase{{"Back from CT, hr stable.", deid.Place, "CT", false}})
}

func TestCamelParts(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"RIPJohnnyWinter", "RIP|Johnny|Winter"},
		{"DonaldSterling", "Donald|Sterling"},
		{"VoteUKMahomies", "Vote|UK|Mahomies"},
		{"houston", "houston"},
		{"KCA", "KCA"},
		{"6thFan", ""},
	} {
		if got := strings.Join(camelParts(c.in), "|"); got != c.want {
			t.Errorf("camelParts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestForeignTextKeepsItsWords(t *testing.T) {
	// A post in Spanish: its lower-case words are no names written in lower case, and a
	// list of them is no list of names; the capitalised name is still found.
	text := "Ayer fui a visitar a Eulalia Quintanilla en su casa. Hablamos durante una hora de su marido, " +
		"de sus hijos y de la huerta que cuidan juntos desde hace muchos años. Me dijo que las mañanas son " +
		"lo más difícil, porque todavía prepara dos tazas de café sin pensar, y que los domingos la casa se " +
		"queda muy callada cuando se van los nietos."
	runKindCases(t, []kindCase{
		{text, deid.Person, "durante", false},
		{text, deid.Person, "una", false},
		{text, deid.Person, "de", false},
		{text, deid.Person, "Quintanilla", true},
	})
}
