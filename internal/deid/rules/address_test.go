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
		{"She lives at 12, rue des Lilas, Lyon.", []span{s("12, rue des Lilas, Lyon", "street")}},
		// A comma before the house number, and a building/flat number.
		{"Our flat was at Rua Augusta, 100 in Lisbon.", []span{s("Rua Augusta, 100", "street")}},
		{"The office is on Avenida Paulista, nº 1578, São Paulo.", []span{s("Avenida Paulista, nº 1578, São Paulo", "street")}},
		{"Napisz na ul. Hoża 10/16 w Warszawie", []span{s("ul. Hoża 10/16", "street")}},
		{"Via Roma, 3 giorni fa; I took Route 66, 12 times", nil},
		// Australian unit/house numbers.
		{"Post it to Unit 4/12 Banksia St, Perth WA 6000", []span{s("4/12 Banksia St, Perth WA 6000", "street")}},
		// The town after the postal code, the European way; a code and a
		// town make a bare name and number a street.
		{"Sie wohnt in der Lindenstraße 12, 10969 Berlin.", []span{s("Lindenstraße 12, 10969 Berlin", "street")}},
		{"Write to Karlova 12, 110 00 Praha 1", []span{s("Karlova 12, 110 00 Praha 1", "street")}},
		{"Vestergade 17, 8000 Aarhus C", []span{s("Vestergade 17, 8000 Aarhus C", "street")}},
		{"45 Elm St, Springfield, IL 62704 Tomorrow we go.", []span{s("45 Elm St, Springfield, IL 62704", "street")}},
		{"The score was Arsenal 3, 1000 Fans cheered.", nil},
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
		{"Return it to 601 17 Nikou Xilouri Suite 3, Paphos.", []span{s("601 17 Nikou Xilouri Suite 3, Paphos", "street")}},
		// Address blocks: a street line before a unit line, markers before
		// lines, "NNN NN" codes, a town in capitals after the unit.
		{"Please write to Ole Rømer 12 Lindholm Park\n Apt. 4\n Vejle\n Denmark 7100 soon",
			[]span{s("Ole Rømer 12 Lindholm Park\n Apt. 4\n Vejle\n Denmark 7100", "street")}},
		{"Send to:\n* 14 Birch Road\n* Suite 9\n* Alderley\n* Australia 3020", []span{s("14 Birch Road\n* Suite 9\n* Alderley\n* Australia 3020", "street")}},
		{"9 Storgatan 4\nSKARA 532 30", []span{s("9 Storgatan 4\nSKARA 532 30", "street")}},
		{"We met at 88 Kirkeveien 5 Apt. 12 BERGEN NO after lunch.", []span{s("88 Kirkeveien 5 Apt. 12 BERGEN NO", "street")}},
		{"Call: 555 1234\nSuite 12", []span{s("Suite 12", "street")}},
		{"Office: 14 Birch Road Apt. 3 BRIDGE\n612 437 108 office\n+46 (0)179 459 33", []span{s("14 Birch Road Apt. 3 BRIDGE", "street")}},
		{"the corner of 12 Elm Street and van Dijk Lane.", []span{s("the corner of 12 Elm Street and van Dijk Lane", "street")}},
		// Addresses written all in lower case, town and country included.
		{"see you at 18 koivukatu 3, sé, portugal", []span{s("18 koivukatu 3, sé, portugal", "street")}},
		{"he lives at 40 strandvej 7, aarhus c", []span{s("40 strandvej 7, aarhus c", "street")}},
		{"address:\n12 trg svobode 4 apt. 9 kranj slovenia.", []span{s("12 trg svobode 4 apt. 9 kranj slovenia", "street")}},
		{"acme ltd\n881 2204 second avenue suite 5 red deer alberta", []span{s("881 2204 second avenue suite 5 red deer alberta", "street")}},
		{"i live at 40 strandvej 7, and it's great", []span{s("40 strandvej 7", "street")}},
		{"i walked 5 miles down the road today", nil},
		{"we live at 9 kookaburra way, perth", []span{s("9 kookaburra way, perth", "street")}},
		{"there are 2 way to do it", nil},
		{"dinner is located at 271 48 queen mary\nsea point\n, wc\n 8005. see you", []span{s("271 48 queen mary\nsea point\n, wc\n 8005", "street")}},
		{"acme\n412 r dom pedro 9 suite 3\nporto", []span{s("412 r dom pedro 9 suite 3\nporto", "street")}},
		{"my address: 17 5 rue de lyon, cite de l'ouest", []span{s("17 5 rue de lyon, cite de l'ouest", "street")}},
		{"i scored 31 12 points today", nil},
		// Not streets.
		{"She stayed in Room 12 and then Ward 5; Windows 10 crashed.", nil},
		{"He complained under Articles 8 and 14 of the Convention.", nil},
		{"HR 70 AV PACED. BUN 53 and creat 1.4, at 45 c/hr.", nil},
		{"I paid 20 via paypal and love u 2, love u. 5 stars", nil},
		{"address: 5 rue cler", []span{s("5 rue cler", "street")}},
		{"we ate at 5 rue cler", nil},
		{"She lives on Benefits 1200 a month; please return to Form 27; he moved to Pod 2.", nil},
		{"I bought 2 Avenue Q tickets.", nil},
		{"Chapter 12 Summary\nSuite 4 was quiet.", []span{s("Suite 4", "street")}},
		{"At 3 Rue Cler served us dinner", []span{s("3 Rue Cler", "street")}},
	})
}

func TestTownPostcode(t *testing.T) {
	check(t, NewPostalCode(), deid.Place, []tcase{
		{"She opened a shop in Hov 4830 last year.", []span{s("Hov 4830", "postcode")}},
		{"He works in Vila Nova de Cerveira 4920-275 now", []span{s("Vila Nova de Cerveira 4920-275", "postcode")}},
		{"in KALMAR 392 31, by the sea", []span{s("KALMAR 392 31", "postcode")}},
		// Years, rooms and versions are not codes.
		{"We were in Vienna 2019 and in Room 1234, in Windows 2000.", nil},
		{"ran in 5000 steps", nil},
		{"Our team is based in Sales 4500 strong", nil},
	})
}
