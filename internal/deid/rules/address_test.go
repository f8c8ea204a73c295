package rules

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

func TestStreetInternational(t *testing.T) {
	check(t, NewStreet(), deid.Place, []tcase{
		// A house number before a street type that comes first.
		{"Send it to 12 Rue des Tilleuls, Lyon.", []span{s("12 Rue des Tilleuls, Lyon", "street")}},
		{"She moved to 4410 18 Rue Ibn Khaldoun", []span{s("4410 18 Rue Ibn Khaldoun", "street")}},
		{"address: 77 rue de la gare 14", []span{s("77 rue de la gare 14", "street")}},
		{"The cab stops at 9 Calle Serrano.", []span{s("9 Calle Serrano", "street")}},
		{"we met at 5 avenue de Tervuren street", []span{s("5 avenue de Tervuren", "street")}},
		// A street type written after the name.
		{"Our office is at Dózsa György út 41.", []span{s("Dózsa György út 41", "street")}},
		{"It was on Petőfi u. 8 that they met", []span{s("Petőfi u. 8", "street")}},
		{"please enter on kossuth utca 12. thanks", []span{s("kossuth utca 12", "street")}},
		// A bare name and house number after a cue, or with a type first.
		{"My aunt lives on Lindenhof 27 now", []span{s("Lindenhof 27", "street")}},
		{"The shop is on Na Příkopě 860", []span{s("Na Příkopě 860", "street")}},
		{"Kasia, ul. Różana 19", []span{s("ul. Różana 19", "street")}},
		{"Turn left at C/ Alcalá 101.", []span{s("C/ Alcalá 101", "street")}},
		{"Walk along Vester Farimag 3 St. first", []span{s("Vester Farimag 3", "street")}},
		// A building and a house number before the name.
		{"The bakery is at 5120 88 Kostas Varnali", []span{s("5120 88 Kostas Varnali", "street")}},
		// Not streets.
		{"She stayed in Room 12 and then Ward 5; Windows 10 crashed.", nil},
		{"He complained under Articles 8 and 14 of the Convention.", nil},
		{"HR 70 AV PACED. BUN 53 and creat 1.4, at 45 c/hr.", nil},
		{"I paid 20 via paypal and love u 2", nil},
		{"At 3 Rue Cler served us dinner", []span{s("3 Rue Cler", "street")}},
	})
}
