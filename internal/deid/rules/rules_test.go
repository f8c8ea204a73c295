package rules

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
)

type span struct {
	Text, Type string
}

func run(t testing.TB, d deid.Detector, text string) []deid.Finding {
	t.Helper()
	fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
	if err != nil {
		t.Fatalf("%s: %v", d.Name(), err)
	}
	for _, f := range fs {
		if err := f.Check(text); err != nil {
			t.Fatalf("%s on %q: %v", d.Name(), text, err)
		}
		if f.Recognizer != d.Name() || f.Replacement != "" || f.Confidence <= 0 || f.Confidence > 1 {
			t.Fatalf("%s: bad finding %+v", d.Name(), f)
		}
	}
	return fs
}

type tcase struct {
	in   string
	want []span // nil: no finding
}

func check(t *testing.T, d deid.Detector, kind deid.Kind, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		fs := run(t, d, c.in)
		var got []span
		for _, f := range fs {
			if f.Kind != kind {
				t.Errorf("%s(%q): kind %s, want %s", d.Name(), c.in, f.Kind, kind)
			}
			got = append(got, span{f.Text, string(f.Type)})
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s(%q)\n got %v\nwant %v", d.Name(), c.in, got, c.want)
		}
	}
}

func s(text, typ string) span { return span{text, typ} }

func TestDate(t *testing.T) {
	check(t, NewDate(), deid.Date, []tcase{
		{"Seen on March 3, 2021 at home", []span{s("March 3, 2021", "date")}},
		{"by Mar. 3rd she was better", []span{s("Mar. 3rd", "date")}},
		{"admitted 3 March 2021.", []span{s("3 March 2021", "date")}},
		{"on the 3rd of March we met", []span{s("the 3rd of March", "date")}},
		{"7/22 FOUND BY HUSBAND ON FLOOR", []span{s("7/22", "month-day")}},
		{"dated 3/4/21 and 03-04-2021", []span{s("3/4/21", "numeric-date"), s("03-04-2021", "numeric-date")}},
		{"logged 2021-03-04T10:22:01Z", []span{s("2021-03-04T10:22:01Z", "numeric-date")}},
		{"SEEN JULY 22", []span{s("JULY 22", "date")}},
		{"Tuesday the 10th", []span{s("Tuesday the 10th", "weekday")}},
		{"she called on Tuesday.", []span{s("Tuesday", "weekday")}},
		{"last Tuesday", []span{s("last Tuesday", "weekday")}},
		// The length of a sentence or a term served.
		{"he was sentenced to 9 years for fraud", []span{s("9 years", "duration")}},
		{"and sentenced to eleven years' imprisonment.", []span{s("eleven years", "duration")}},
		{"after serving about six months of it", []span{s("six months", "duration")}},
		{"he served half of the 15 year sentence", []span{s("15 year", "duration")}},
		{"pt intubated for 24 hrs, on vent 3 days", nil},
		// A weekday abbreviation counts only before a day of the month.
		{"on Wed 9th we talked", []span{s("Wed 9th", "weekday")}},
		{"seen sat. the 21st", []span{s("sat. the 21st", "weekday")}},
		{"out in the sun, then wed at noon", nil},
		{"yesterday and two weeks ago", []span{s("yesterday", "relative"), s("two weeks ago", "relative")}},
		{"the week after Christmas", []span{s("the week after Christmas", "holiday")}},
		{"Thanksgiving, Hanukkah, Diwali and Eid", []span{s("Thanksgiving", "holiday"), s("Hanukkah", "holiday"), s("Diwali", "holiday"), s("Eid", "holiday")}},
		{"in spring 2019", []span{s("spring 2019", "season")}},
		{"since March 2019", []span{s("March 2019", "month-year")}},
		{"moved here in 2019.", []span{s("2019", "year")}},
		{"grew up in the 1990s", []span{s("the 1990s", "decade")}},
		{"PMH MI '92, CABG '95", []span{s("'92", "year"), s("'95", "year")}},
		{"echo 8/87 showing EF", []span{s("8/87", "month-year")}},
		{"in March she moved", []span{s("March", "month")}},
		{"on the 29th, at noon", []span{s("29th", "day")}},
		{"indicated to the Tribunal on 13 May that it", []span{s("13 May", "date")}},
		{"PMH MI 92, CABG 95; HR 92, BP 100", []span{s("92", "year"), s("95", "year")}},
		{"DECREASED O2. 10/1 WENT TO XRT; SINCE 8/7 PT HAS FALLEN", []span{s("10/1", "month-day"), s("8/7", "month-day")}},
		{"HAD TREATMENTS 10/03/10/04 AND", []span{s("10/03", "month-day"), s("10/04", "month-day")}},
		{"He returned to OR on 7-8 for coiling", []span{s("7-8", "month-day")}},
		{"AAA REPAIR IN 14' C/B DVT", []span{s("14", "year")}},
		// Negatives.
		{"2 UNITS PRBC, BUN 54, EF 20%", nil},
		{"BP 120/80, percocet 5/325, pain 5/10", nil},
		{"she rates her pain at a 6/10 with turning", nil},
		{"AMBULATED 30' WITH 2 ASSIST.", nil},
		{"Resp: nc 02 dec from 4->2 w/ sats 98%", nil},
		{"tolerated wean to 10/5 overnight", nil},
		{"levo weaned 4/2, extubated 4/3", []span{s("4/2", "month-day"), s("4/3", "month-day")}},
		{"moved to 10/5 clinic slot", []span{s("10/5", "month-day")}},
		{"seen on 12 dec to review", []span{s("12 dec", "date")}},
		{"PLAN TO BOOK PT FOR SLEEP STUDY AND MAY NEED BRONCH", nil},
		{"we travelled in April and May this year", []span{s("April", "month"), s("May", "month")}},
		{"vss, nsr. extubated at approx 2030 without problem.", nil},
		{"the plan runs until about 2030 and beyond", []span{s("2030", "year")}},
		{"coarse rales heard up to 1/3 bilat", nil},
		{"pain free since 6/10, seen again on 6/14", []span{s("6/10", "month-day"), s("6/14", "month-day")}},
		{"you may 2 go", nil},
		{"patients aged 13 may attend; she may 3 times", nil},
		{"she may need help", nil},
		{"gave 2000 cc and 1500 ml", nil},
		{"HR 70's AV PACED, rate in the 20s", nil},
		{"on the 3rd floor", nil},
		{"IP 10.1.2.3 and v1.2.10", nil},
		{"SETTINGS 10/5/65%, deteriorated to 3/2/1500, MI 92 mg", nil},
		// Ventilator settings, lung sounds, mixed numbers and amounts.
		{"Vent on PSV 12/5 with flowby 6/3, SIMV 500x10, 40% 5/8, ac 600x12x.4/5 peep", nil},
		{"crackles 1/3 up bilaterally; perrla, 2/2; D5 1/2 at 75/hr; 1 1/2 hours later", nil},
		{"extubated from 5/5 PSV. Gave 1/2 amp D50 and ran TF at 1/2 rate", nil},
		{"EXTUBATED FROM 5/5 PSV/CPAP; SETTINGS-SIMV/PS, 500X10, 40%, & 5/8; ON BIPAP OVERNIGHT 10/5", nil},
		{"MECH VENT VIA TRACH (PLACED 8/14). AC 100%, PEEP 7.5", []span{s("8/14", "month-day")}},
		{"pan cultured x 2 8/15 and again 8/17", []span{s("8/15", "month-day"), s("8/17", "month-day")}},
		// In a note that keeps the 24-hour clock, "at 2000" is a time.
		{"Pt NPO after 0000. Lasix 40mg IV given at 2000 and @1900; labs at 2030.", nil},
		{"BP 84/40 at 2000, pt resting", nil},
		{"notes of 10/22/03, 1900 and 0700->1930", []span{s("10/22/03", "numeric-date")}},
		{"she left for Spain in 2000 and came back at 2010.", []span{s("2000", "year"), s("2010", "year")}},
		{"dumped 2000+ after lasix", nil},
		// A two-digit decade after a measurement is its value.
		{"PAP pressures very high into the 90s; desating into the 80s; PaO2 in the 60s", nil},
	})
}

func TestDateValue(t *testing.T) {
	fs := run(t, NewDate(), "March 3, 2021; 2021-03-04; 28 Oct, 88; yesterday")
	want := []deid.DateValue{{Year: 2021, Month: 3, Day: 3}, {Year: 2021, Month: 3, Day: 4}, {Year: 1988, Month: 10, Day: 28}, {Relative: true}}
	if len(fs) != len(want) {
		t.Fatalf("got %d findings: %+v", len(fs), fs)
	}
	for i, f := range fs {
		if f.Date == nil || *f.Date != want[i] {
			t.Errorf("%q: date %+v, want %+v", f.Text, f.Date, want[i])
		}
	}
}

func TestTime(t *testing.T) {
	check(t, NewTime(), deid.Date, []tcase{
		{"at 3:45 pm she left", []span{s("3:45 pm", "time")}},
		{"woke at 5am", []span{s("5am", "time")}},
		{"given at 0930", []span{s("0930", "time")}},
		{"note 0700->1930", []span{s("0700", "time"), s("1930", "time")}},
		{"BUN 2130 units", nil},
		{"1:10 dilution", nil},
	})
}

func TestAge(t *testing.T) {
	check(t, NewAge(), deid.Age, []tcase{
		{"a 34-year-old woman", []span{s("34", "age")}},
		{"34 year old, 34 yo, 58 YO, 34 y/o, 34yo", []span{s("34", "age"), s("34", "age"), s("58", "age"), s("34", "age"), s("34", "age")}},
		{"aged 91; age 91; Age: 91", []span{s("91", "age"), s("91", "age"), s("91", "age")}},
		{"in her 90s and in his late 80s", []span{s("90s", "age-range"), s("late 80s", "age-range")}},
		{"He just turned 90", []span{s("90", "age")}},
		{"a ninety-two-year-old man", []span{s("ninety-two", "age")}},
		{"his 18th birthday", []span{s("18", "age")}},
		{"a 6-month-old baby", []span{s("6-month-old", "age")}},
		{"turn 90 degrees", nil},
		{"resp rate in the 20s", nil},
	})
	fs := run(t, NewAge(), "a ninety-two-year-old; in his late 80s")
	if len(fs) != 2 || fs[0].Age != 92 || fs[1].Age != 87 {
		t.Errorf("ages: %+v", fs)
	}
}

func TestEmail(t *testing.T) {
	check(t, NewEmail(), deid.Contact, []tcase{
		{"mail jo.smith+x@example.co.uk.", []span{s("jo.smith+x@example.co.uk", "email")}},
		{"[me](mailto:Ann@Foo.org)", []span{s("Ann@Foo.org", "email")}},
		{"@handle and a@b", nil},
	})
}

func TestURL(t *testing.T) {
	check(t, NewURL(), deid.Contact, []tcase{
		{"see https://example.org/a?b=1.", []span{s("https://example.org/a?b=1", "url")}},
		{"(www.example.com/path)", []span{s("www.example.com/path", "url")}},
		{"[x](http://t.co/AbC123)", []span{s("AbC123", "url")}},
		{"via https://bit.ly/3xYz and http://t.co", []span{s("3xYz", "url")}},
		{"see http://example.co/AbC123", []span{s("http://example.co/AbC123", "url")}},
		{"visit example.org, or EXAMPLE.COM", []span{s("example.org", "domain"), s("EXAMPLE.COM", "domain")}},
		{"e.g. this; NECESSARY.PT AGREES; liquid.no stool; index.html", nil},
		{"PTT on heparin=78.3.no change; pcwp 11.CO/ci adequate", nil},
		{"mirror at 163.com today", []span{s("163.com", "domain")}},
	})
}

func TestHandle(t *testing.T) {
	check(t, NewHandle(), deid.Contact, []tcase{
		{"thanks @jane_doe!", []span{s("@jane_doe", "handle")}},
		{"mail a@b.com, time @0930", nil},
		{"PROPOFOL @27.87MCG, NS @100CC/HR, due @2pm, gtt @0.5U/HR", nil},
		{"IVF @KVO, ETT @ 21 @LIP, diminished @BASES", nil},
		{"thanks @NASA and @CNN", []span{s("@NASA", "handle"), s("@CNN", "handle")}},
	})
}

func TestIP(t *testing.T) {
	check(t, NewIP(), deid.Contact, []tcase{
		{"from 41.173.96.26 today", []span{s("41.173.96.26", "ip")}},
		{"v6 6e40:4041:c617:e898:c11:40d2:c669:2eb4 and fe80::1ff:fe23:4567:890a", []span{s("6e40:4041:c617:e898:c11:40d2:c669:2eb4", "ip"), s("fe80::1ff:fe23:4567:890a", "ip")}},
		{"version 1.2.3.4.5, 999.1.1.1, at 10:30:00", nil},
	})
}

func TestPhone(t *testing.T) {
	check(t, NewPhone(), deid.Contact, []tcase{
		{"call (555) 123-4567 now", []span{s("(555) 123-4567", "phone")}},
		{"my desk line (555-0187) and", []span{s("555-0187", "phone")}},
		{"555.123.4567 or 555-123-4567 x1234", []span{s("555.123.4567", "phone"), s("555-123-4567 x1234", "phone")}},
		{"+1 555 123 4567", []span{s("+1 555 123 4567", "phone")}},
		// Loose separators and hospital pager numbers.
		{"ring (555/123/4567) or 555- 123- 4568", []span{s("(555/123/4567)", "phone"), s("555- 123- 4568", "phone")}},
		{"beeper 5-4412, pgr 31874", []span{s("5-4412", "phone"), s("31874", "phone")}},
		{"on 3/4/2021 and 12/25/20, beeper off", nil},
		{"+44 20 7946 0958 and +33 1 23 45 67 89", []span{s("+44 20 7946 0958", "phone"), s("+33 1 23 45 67 89", "phone")}},
		{"cell 555-1234", []span{s("555-1234", "phone")}},
		{"Fax: 9498777106", []span{s("9498777106", "fax")}},
		{"Desk: (898)666-3621x0135", []span{s("(898)666-3621x0135", "phone")}},
		{"BP 120/80, dated 03-04-2021, SSN 123-45-6789, 1,234,567", nil},
		{"P: F/U 8/20 \nPager # 98765 \n", []span{s("98765", "phone")}},
		{"MICU NPN 0700-1930: SVR 954-1183; INCREASE TO .015 1800 PER DR", nil},
		{"SVR is in the 900-1300; TV IMPROVED TO 900-1000", nil},
		{"call 555-1200 or 800-1000 anytime", []span{s("555-1200", "phone"), s("800-1000", "phone")}},
	})
}

func TestSSN(t *testing.T) {
	check(t, NewSSN(), deid.ID, []tcase{
		{"SSN 123-45-6789.", []span{s("123-45-6789", "ssn")}},
		{"social security number: 123456789", []span{s("123456789", "ssn")}},
		{"000-12-3456 and 123 45 6789", nil},
	})
}

func TestIDNumber(t *testing.T) {
	check(t, NewIDNumber(), deid.ID, []tcase{
		{"MRN: 12345678", []span{s("12345678", "mrn")}},
		{"re case #A-4471", []span{s("A-4471", "case")}},
		{"account 4400-1234", []span{s("4400-1234", "account")}},
		{"licence plate 7ABC123", []span{s("7ABC123", "plate")}},
		{"code AB12345C here", []span{s("AB12345C", "code")}},
		{"card 4111 1111 1111 1111", []span{s("4111 1111 1111 1111", "credit-card")}},
		{"pay 4111111111111111", []span{s("4111111111111111", "credit-card")}},
		{"IBAN GB82 WEST 1234 5698 7654 32", []span{s("GB82 WEST 1234 5698 7654 32", "iban")}},
		{"application no. 33362/96", []span{s("33362/96", "case")}},
		{"ref 8336652 today", []span{s("8336652", "id")}},
		// A code of letter-and-digit groups after a cue and "ID".
		{"her Medicare ID 2KD7-UW3-PN41 is on file", []span{s("2KD7-UW3-PN41", "policy")}},
		{"Medicaid number 987654321B was renewed", []span{s("987654321B", "policy")}},
		{"his member ID: QRT447120 expired", []span{s("QRT447120", "member")}},
		{"vent a/c 500-14-peep5 overnight", nil},
		{"in the case NJA 2005 p. 884 the court", []span{s("NJA 2005 p. 884", "reference")}},
		{"COVID19, 20mg, 1990s, 600x12, 100-120cc, 1,234,567 and 3.14159265, H1N1, group 2", nil},
		{"a/c 600-12-peep 5, HR-110-133, 83-85NSR, BP NOW 125/42, ID: 98.9 po, RR-REG 14-22 BS", nil},
		// Settings, glued words and vitals run into their values.
		{"on 700x12AC, hematoma 2x5cm, fent 125ug, 250ccs, peep 10cmh20", nil},
		{"TMAX 102rectal, hr 100-120sinus, meeting at 1200noon", nil},
		{"A/C 600x12, now 12x650; 30 CC Q1H; ACx14, 300tv; hr 72-110sr; peep 10 to5cmh20", nil},
		{"via PB7200 vent; bp 84/41 - 101/45; bp stable, no c/o; 134/80", nil},
		{"application no. 123/45 was lodged", []span{s("123/45", "case")}},
		{"BP130-140/50's, TV500 IMV10, sbp146-155, sats100%", nil},
		// Codes of the same shapes stay codes.
		{"code 7ABC12X here", []span{s("7ABC12X", "code")}},
		{"ref XK1234 today", []span{s("XK1234", "id")}},
	})
}

func TestStreet(t *testing.T) {
	check(t, NewStreet(), deid.Place, []tcase{
		{"lives at 123 N. Main Street.", []span{s("123 N. Main Street", "street")}},
		{"45 Elm St Apt 2B", []span{s("45 Elm St Apt 2B", "street")}},
		{"45 Elm St, Springfield, IL 62704", []span{s("45 Elm St, Springfield, IL 62704", "street")}},
		{"6750 Koskikatu 25 Apt. 864", []span{s("6750 Koskikatu 25 Apt. 864", "street")}},
		{"Rue de Virton 38", []span{s("Rue de Virton 38", "street")}},
		{"Suite 642", []span{s("Suite 642", "street")}},
		// Building number, street name, number on the street.
		{"Address: 30102 Kaevu 94\nNicosia\n, NI\n 61089", []span{s("30102 Kaevu 94\nNicosia\n, NI\n 61089", "street")}},
		{"Anatoly Berezhnoy\n\n233 Kálvin köz 23.", []span{s("233 Kálvin köz 23.", "street")}},
		{"she lives at 74678 midtvollen 130", []span{s("74678 midtvollen 130", "street")}},
		{"9448 175 Iroon Polytechniou Avenue\n Apt. 683\n Soloi\n Cyprus", []span{s("9448 175 Iroon Polytechniou Avenue\n Apt. 683\n Soloi\n Cyprus", "street")}},
		{"Meet me at 9554 62 Rue Gafsa Apt. 981, Toronto.", []span{s("9554 62 Rue Gafsa Apt. 981, Toronto", "street")}},
		{"Bus stop on Kärntner Gasse 56", []span{s("Kärntner Gasse 56", "street")}},
		{"the corner of Solvangur 47 and Margrethe Bakke", []span{s("the corner of Solvangur 47 and Margrethe Bakke", "street")}},
		// Not addresses: doses, vent settings, dates, clinical shorthand.
		{"at 1400 Lasix 40 mg; 12 March 2019; in 2019 Mary turned 40.", nil},
		{"Tidal volume 600 Rate 4 P/S 10 peep 5; wean to 10 peep 5", nil},
		{"Temperature 15.5 ºC. Rain today 0.0 mm", nil},
		{"BP via rad AL in low 100; O2 VIA SHOVEL MASK. SATS UPPER 90; HR 99-104 NSR ST; 400 TID. Pt is", nil},
		{"45 Elm St. She said hello", []span{s("45 Elm St.", "street")}},
		{"GAVE 2 AMPS HEAD CT; seen by 2 Dr Smith", nil},
	})
}

func TestPOBox(t *testing.T) {
	check(t, NewPOBox(), deid.Place, []tcase{
		{"P.O. Box 123 and PO Box 9", []span{s("P.O. Box 123", "pobox"), s("PO Box 9", "pobox")}},
		{"0912 P.O. Box 287, Tallinn, Estonia", []span{s("0912 P.O. Box 287, Tallinn, Estonia", "pobox")}},
		{"box 3 of gloves", nil},
	})
}

func TestPostalCode(t *testing.T) {
	check(t, NewPostalCode(), deid.Place, []tcase{
		{"Springfield, IL 62704", []span{s("62704", "zip")}},
		{"Artilleros, CO 64677-1234", []span{s("64677-1234", "zip")}},
		{"ZIP: 8592", []span{s("8592", "postcode")}},
		{"Lisbon SW1A 1AA and Ottawa K1A 0B1", []span{s("SW1A 1AA", "postcode"), s("K1A 0B1", "postcode")}},
		{"GIVEN 20000 UNITS", nil},
	})
}

const corpus = `O: 58 YEAR OLD FEMALE ADMITTED IN TRANSFER; PMH: CAD, S/P MI 1992; 7/22 FOUND BY HUSBAND; EF EST 20%;
BUN 54, CR 2.8; 7/23 AT WINSTEAD- 2 FFP, 2 UNITS PRBC. ARRIVED APPROX. 2130. BP 120/80, percocet 5/325.
Met Jane (a 34-year-old) on Tuesday the 10th at 45 Elm St Apt 2B, Springfield, IL 62704 — she said “call me”
at (555) 123-4567 or jane.doe@example.org; see https://example.org/x_(y). Twitter @jane_doe; IP 10.0.0.1.
MRN: 12345678, SSN 123-45-6789, case #A-4471, card 4111 1111 1111 1111, plate 7ABC123.
Οδός Αναγεννήσεως 318, 6750 Koskikatu 25 Apt. 864. In her late 80s; turned ninety-two. 3 March 2021, 2021-03-04.
` + "bad utf8 \xff\xfe 12/3\xe2\x82 and \xe2\x80 555-1234 é12345 ü@x.de 12\xcc:30 pm"

func TestCorpusFindingsValid(t *testing.T) {
	n := 0
	for _, d := range Default() {
		for _, f := range run(t, d, corpus) {
			n++
			if err := f.Check(corpus); err != nil {
				t.Error(err)
			}
			if !f.Kind.Valid() || f.Type == "" {
				t.Errorf("bad kind/type: %+v", f)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d findings on the corpus", n)
	}
}

func TestDefaultNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Default() {
		if seen[d.Name()] || !strings.HasPrefix(d.Name(), "rules/") {
			t.Errorf("bad or duplicate name %q", d.Name())
		}
		seen[d.Name()] = true
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, d := range Default() {
		if _, err := d.Detect(ctx, &deid.Doc{Text: corpus}); err == nil {
			t.Errorf("%s ignored a cancelled context", d.Name())
		}
	}
}

func FuzzRules(f *testing.F) {
	for _, seed := range strings.Split(corpus, "\n") {
		f.Add(seed)
	}
	f.Add("\xff@\xfe.com 1/1/\xff 555-\xc3")
	f.Add("+1 (555) 123-4567x12 ::1 fe80:: 1:2:3:4:5:6:7:8")
	f.Add("")
	dets := Default()
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range dets {
			fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range fs {
				if err := fd.Check(text); err != nil {
					t.Fatalf("%s: %v", d.Name(), err)
				}
				if !utf8.RuneStart(text[fd.Start]) || fd.End < len(text) && !utf8.RuneStart(text[fd.End]) {
					t.Fatalf("%s: span [%d,%d) not on rune boundaries in %q", d.Name(), fd.Start, fd.End, text)
				}
			}
		}
	})
}

var benchText = func() string {
	para := `Met with the client (a 34-year-old single mother) on Tuesday the 10th after the week after Christmas.
She moved to 45 Elm St Apt 2B, Springfield, IL 62704 in spring 2019 and can be reached at (555) 123-4567 or
jane.doe@example.org. Her case #A-4471 was reopened on March 3, 2021; the last review was 3/4/21. We talked about
her father, who turned 90 last week, and her worries about money, school, and the long winter. She said she
felt more hopeful than in the 1990s, when things were hard. BP 120/80, pulse 72, she takes 5/325 twice a day and
had 2 units of blood in 2015. I reflected on how much of my own practice is listening, and on the supervision
session where we discussed boundaries, burnout and the way small kindnesses matter to people in crisis.
`
	return strings.Repeat(para, 9) // about 1,500 words
}()

func BenchmarkRules(b *testing.B) {
	dets := Default()
	doc := &deid.Doc{Text: benchText}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range dets {
			if _, err := d.Detect(context.Background(), doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestDurationLength(t *testing.T) {
	for _, tt := range []struct {
		text   string
		length int
		unit   string
	}{
		{"he was sentenced to twenty-two years for it", 22, "year"},
		{"and ten years' imprisonment followed", 10, "year"},
		{"after serving about six months of it", 6, "month"},
	} {
		fs, err := NewDate().Detect(context.Background(), &deid.Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		ok := false
		for _, f := range fs {
			if f.Type == "duration" && f.Date != nil {
				ok = f.Date.Length == tt.length && f.Date.Unit == tt.unit
				if !ok {
					t.Errorf("%q: length %d %q, want %d %q", tt.text, f.Date.Length, f.Date.Unit, tt.length, tt.unit)
				}
			}
		}
		if !ok {
			t.Errorf("%q: no duration with its length in %+v", tt.text, fs)
		}
	}
}

// TestStreetSuffixWord checks tStreetSuffixWord against its definition: the
// lower-cased word ends in a street suffix.
func TestStreetSuffixWord(t *testing.T) {
	for _, text := range []string{
		"Koskikatu 3", "FRIEDHOFSTRASSE", "Friedhofstraße 1", "Hauptstr.", "Kungsgatan", "Storgata", "Main",
		"Strandvägen", "Andrássy út", "Vej", "Tie", "ABCtie", "Xstr", "Ölstr", "Oak-Ring", "Élysée", "Q", "Katu\xff",
		"K\xffkatu", "İstr", "KATU",
	} {
		tok := token{start: 0}
		j := 0
		for j < len(text) && j < 40 && (isASCIIAlnum(text[j]) || text[j] >= 0x80 || text[j] == '-') {
			j++
		}
		b := text[0]
		want := false
		if b >= 'A' && b <= 'Z' || b >= 0xC0 {
			w := strings.ToLower(text[:j])
			for _, s := range streetSuffixes {
				if strings.HasSuffix(w, s) {
					want = true
				}
			}
		}
		if got := tStreetSuffixWord(text, tok); got != want {
			t.Errorf("tStreetSuffixWord(%q) = %v, want %v", text, got, want)
		}
	}
}
