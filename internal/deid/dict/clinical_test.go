package dict

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// kindCase says that a finding of kind must (or must not) cover word in text.
type kindCase struct {
	text string
	kind deid.Kind
	word string
	want bool
}

func runKindCases(t *testing.T, tests []kindCase) {
	t.Helper()
	for _, tt := range tests {
		fs := detectAll(t, tt.text)
		if got := covers(tt.text, fs, tt.kind, tt.word); got != tt.want {
			t.Errorf("%q: %s covers %q = %v, want %v; got %v", tt.text, tt.kind, tt.word, got, tt.want, found(fs))
		}
	}
}

// A clinical note's vocabulary is not names or places; names in it still are.
const note = "Pt resting, HR 80s, BP stable. "

func TestClinical(t *testing.T) {
	runKindCases(t, []kindCase{
		{note + "Aline intact. Neo weaned off.", deid.Person, "Aline", false},
		// A short note in capitals: a listed device is one.
		{"PT PULLED OUT HER OWN ALINE WHILE CONFUSED, BP STABLE.", deid.Person, "ALINE", false},
		// After a role abbreviation, one of the commonest words is a word.
		{note + "GIVEN LASIX AND PA DOWN TO 38/22.", deid.Person, "DOWN", false},
		{note + "SEEN BY NP ZANETTI TODAY.", deid.Person, "ZANETTI", true},
		{note + "LT PLEURAL TUBE CLOTTY. RR 18.", deid.Person, "PLEURAL", false},
		{"MICU 7P-7A RN Note\n" + note, deid.Person, "Note", false},
		{note + "RN WILL ATTEMPT TO WEAN NEO. LT EAR WITH PACKING.", deid.Person, "WILL", false},
		{note + "RN WILL ATTEMPT TO WEAN NEO. LT EAR WITH PACKING.", deid.Person, "EAR", false},
		// "sr" and "ms" in a lower-case note are sinus rhythm and mental
		// status.
		{note + "hr 90's sr. occ pvc's noted.", deid.Person, "occ", false},
		{note + "assess ms. med for safety.", deid.Person, "med", false},
		{note + "spoke with ms ostrowski re plan.", deid.Person, "ostrowski", true},
		// A word no list knows, in a lower-case list with a found name,
		// is a name too; a drug or a kin word beside it is not.
		{"pt seen by np. hr 80s sr. lungs clear, lasix given. proxys are wife rosalind and brevik, both aware.", deid.Person, "brevik", true},
		{"pt on lasix and kcl, bp stable. wife rosalind and family aware. cont to monitor uop.", deid.Person, "family", false},
		{"pt on lasix and kcl, bp stable. wife rosalind and family aware. cont to monitor uop.", deid.Person, "kcl", false},
		// A lone capital after a social title is the surname's initial.
		{note + "mr I remained on same doses of pressors.", deid.Person, "I", true},
		{"We met Mrs. K at the door.", deid.Person, "K", true},
		{note + "I told him I would call.", deid.Person, "I", false},
		// A surname that is also a word, in a list of titled names.
		{note + "family met w/dr ostrowski, dr white this am.", deid.Person, "white", true},
		{note + "dr little and dr ostrowski updated family.", deid.Person, "little", true},
		{note + "k 3.2, dr aware, dr notified.", deid.Person, "aware", false},
		{note + "Aline intact. Neo weaned off.", deid.Person, "Neo", false},
		{note + "Foley draining clear urine.", deid.Place, "Foley", false},
		{note + "Sats 95% on Cpap, see Carevue.", deid.Person, "Carevue", false},
		{note + "PA LINE DC'D.", deid.Person, "LINE", false},
		{note + "IN EARLY AFIB, TO MICU.", deid.Place, "EARLY", false},
		{note + "IN EARLY AFIB, TO MICU.", deid.Place, "MICU", false},
		{note + "PROPOFOL INC TO 20. FICK CO 4.2.", deid.Organization, "PROPOFOL", false},
		// Drugs, drug stems and misspelt words.
		{note + "Started on Unasyn and Diltiazem today.", deid.Person, "Unasyn", false},
		{note + "Continues on Tobrafloxin daily.", deid.Person, "Tobrafloxin", false},
		{note + "Recieved from the floor, Imediately sedated.", deid.Person, "Imediately", false},
		// Names in a clinical note, and the same words outside one.
		{note + "Dr. Foley aware.", deid.Person, "Foley", true},
		{note + "Daughter Aline Kowalczyk visited.", deid.Person, "Aline", true},
		{"I met Aline at the library.", deid.Person, "Aline", true},
		{"She grew up in Foley and moved away.", deid.Place, "Foley", true},
		{"He works for Acme Widgets Inc.", deid.Organization, "Acme", true},
		// Hyphenated words of ordinary parts are not names.
		{note + "POST-OP DAY 2. SON-IN-LAW VISITED.", deid.Person, "POST-OP", false},
		{"Lou-Bette O'Neill came.", deid.Person, "Lou-Bette", true},
		{note + "A/P-Stable day, ready for home. GU-Foley draining.", deid.Person, "P-Stable", false},
		{note + "A/P-Stable day, ready for home. GU-Foley draining.", deid.Person, "GU-Foley", false},
		{note + "Dr. Lusk-Carver aware.", deid.Person, "Lusk-Carver", true},
		{note + "ABG POST-EXTUBATION 136/43. Spanish speaking only.", deid.Person, "POST-EXTUBATION", false},
		{note + "ABG POST-EXTUBATION 136/43. Spanish speaking only.", deid.Person, "Spanish", false},
		{note + "LLleg incision pink. This is a male with a PMed Hx of HTN.", deid.Person, "LLleg", false},
		{note + "Wife LaToya visited with Dr. McKay.", deid.Person, "LaToya", true},
		// A kin word joined by "&" or ending a hyphenated heading.
		{note + "SOCIAL: SISTER & FREDDIE (SIGNIFICANT OTHER) INTO VISIT.", deid.Person, "FREDDIE", true},
		{note + "COPING-SISTER ,BERNICE HAS PHONED TODAY.", deid.Person, "BERNICE", true},
		{note + "SOCIAL: SISTER & FAMILY INTO VISIT.", deid.Person, "FAMILY", false},
		// After a title: a first name and a surname that is also a word,
		// an initial and a surname.
		{note + "Dr Leopold Farthing spoke with family.", deid.Person, "Farthing", true},
		{note + "LR CONTINUES PER DR B. HAYDEN. RESP STABLE.", deid.Person, "HAYDEN", true},
		{note + "rate 40 in sinus. NP grace made aware, eps consulted.", deid.Person, "grace", true},
		{note + "Only able to reach Rob.. when family returns call.", deid.Person, "Rob", true},
		{note + "Called Pharmacy about the dose.", deid.Person, "Pharmacy", false},
		// A modal after a kin word in capitals is no name.
		{note + "HUSBAND WILL TRY TO BE IN LATER TODAY.", deid.Person, "WILL", false},
		{note + "HER SON WILL VISITED TODAY.", deid.Person, "WILL", true},
		// A lower-case first name that is also a word, after a kin word
		// and before a surname.
		{note + "social: md will call son don reid regarding drainage.", deid.Person, "don", true},
		// After a title: a surname that is also a word, with the title's
		// full stop; a hyphenated surname with a lower-case part.
		{note + "per dr. brook order, lasix given.", deid.Person, "brook", true},
		{note + "Dr. Penhallow-vane aware of K 3.1.", deid.Person, "Penhallow-vane", true},
		{note + "per dr. orders, lasix given.", deid.Person, "orders", false},
		{note + "Dr. A-fib noted.", deid.Person, "A-fib", false},
		// A first name in lower case after a kinship word, before what a
		// relative does: a call, a visit.
		{note + "son rob called at noon.", deid.Person, "rob", true},
		{note + "wife dot in to visit, updated.", deid.Person, "dot", true},
		{note + "daughter pat at bedside.", deid.Person, "pat", true},
		{note + "son will call later.", deid.Person, "will", false},
		{note + "wife rose early to come in.", deid.Person, "rose", false},
		{note + "social: son will call tonight.", deid.Person, "will", false},
		// SOAP headings are no initials.
		{note + "O. Neuro: alert, follows commands. P. cont to monitor.", deid.Person, "Neuro", false},
		{note + "Seen by R. Kowalczyk today.", deid.Person, "Kowalczyk", true},
	})
}

func TestHospitals(t *testing.T) {
	runKindCases(t, []kindCase{
		{note + "REFERRED TO GH.", deid.Organization, "GH", true},
		{note + "pt is followed at gh by dr healey.", deid.Organization, "gh", true},
		{note + "SEEN BY WVMC NURSE.", deid.Organization, "WVMC", true},
		{note + "TRANSFERRED TO ICU.", deid.Organization, "ICU", false},
		// A care site named with capitalised words, ordinary or not,
		// before a care word in lower case.
		{note + "Came from Still Waters hospital last night.", deid.Organization, "Still Waters hospital", true},
		{note + "then to the Lark rehab for 2 wks.", deid.Organization, "Lark rehab", true},
		{"The Alder Vale clinic called.", deid.Organization, "The", false},
		{note + "Hospital stay was long; went to hospital.", deid.Organization, "Hospital", false},
		{note + "ICU hospital stay was long.", deid.Organization, "ICU", false},
		{note + "CAME FROM OSH.", deid.Organization, "OSH", false},
		{"I went to the bath.", deid.Organization, "bath", false},
		{note + "BREATHING IN SYNCH WITH VENT. APNEIC DUE TO PH 7.60.", deid.Organization, "SYNCH", false},
		{note + "BREATHING IN SYNCH WITH VENT. APNEIC DUE TO PH 7.60.", deid.Organization, "PH", false},
		{note + "P: CON'T REHAB/PT. MRI DECLINED BY CT SERVICE.", deid.Organization, "REHAB", false},
		{note + "P: CON'T REHAB/PT. MRI DECLINED BY CT SERVICE.", deid.Organization, "SERVICE", false},
		{"PT WAS ADMITTED TO PRESCOTT MEMORIAL FOR VFIB.", deid.Organization, "PRESCOTT", true},
		{"TAKEN TO HOLLIS REGIONAL WHERE CK'S POS.", deid.Organization, "HOLLIS", true},
		{"HE WORKS AT TILLBROOK MEMORIAL HOSPITAL.", deid.Organization, "TILLBROOK", true},
		{"TAKEN TO HARMONY HOSPITAL.", deid.Organization, "HARMONY", true},
		{"TX'D FROM BRENTWOOD ADVENTIST HOSP VIA MED FLIGHT.", deid.Organization, "ADVENTIST", true},
		{"PT WAS ADMITTED TO HOSPITAL FOR MENTAL STATUS CHANGES.", deid.Organization, "MENTAL", false},
		{"He had Open Heart Surgery in May.", deid.Organization, "Heart", false},
		{note + "FAMILY SAYS THAT AT GRANGER MEMORIAL SHE DID WELL.", deid.Organization, "GRANGER", true},
		{"They laid flowers at the War Memorial.", deid.Organization, "War", false},
		// A place or a nation and a lower-case body noun.
		{"he was held at Wexcombe garrison for a week", deid.Organization, "Wexcombe", true},
		{"the decision of the Wexcombe court was upheld", deid.Organization, "court", true},
		{"Marisol said the court was closed", deid.Organization, "court", false},
		// A company's name may open with a number.
		{"She spoke for 7 Harbour Lanterns Ltd at the fair.", deid.Organization, "7", true},
		{"She spoke at 10 and met Harbour Lanterns Ltd staff.", deid.Organization, "10", false},
		// The short form an organisation's name defines in brackets.
		{"She appealed to the Regional Labour Tribunal (“RLT”) in May.", deid.Organization, "RLT", true},
		{"She appealed to the Regional Labour Tribunal (“RLA”) in May.", deid.Organization, "RLA", false},
	})
}

func TestLowerPlaces(t *testing.T) {
	runKindCases(t, []kindCase{
		{note + "pt married, lives in catonsville.", deid.Place, "catonsville", true},
		{note + "poss transfer to kettleworth tomorrow.", deid.Place, "kettleworth", true},
		{"she lives in comfort now", deid.Place, "comfort", false},
		// Where someone lives: a state code, a short title-case town.
		{note + "her sister, who lives in DC, will visit.", deid.Place, "DC", true},
		{note + "PT LIVES IN NJ WITH SON. HR 80S.", deid.Place, "NJ", true},
		{note + "pt moved to OR for repair.", deid.Place, "OR", false},
		{note + "pressures in PA stable.", deid.Place, "PA", false},
		{note + "came by ems from the VA in Wexby this am", deid.Place, "Wexby", true},
		{note + "pt in NSR, to MICU later", deid.Place, "NSR", false},
		{note + "THRASHING AROUND ALOT. ALOT OF PVC'S.", deid.Place, "ALOT", false},
		// A local-government unit with its name.
		{"the flat was outside the Borough of Gravesworth and far away", deid.Place, "Borough", true},
		{"the flat was outside the Borough of Gravesworth and far away", deid.Place, "Gravesworth", true},
		{"mark the Region of Interest on the scan", deid.Place, "Region", false},
		{"THE CITY OF BALTIMORE PD CALLED", deid.Place, "CALLED", false},
		// Weekday abbreviations are days, never places.
		{"see you on Mon 3rd at the clinic", deid.Place, "Mon", false},
		{"we meet on Sat for lunch", deid.Place, "Sat", false},
		// Hospitals known by a saint's or holy name, state universities:
		// institutions, reported as such.
		{note + "plan transfer back to holy cross tomorrow.", deid.Organization, "holy", true},
		{note + "?transfer to St. Brendan's tomorrow", deid.Organization, "Brendan", true},
		{note + "HR 120s. BACK TO ST NOW.", deid.Organization, "ST", false},
		{note + "insulin drip per U Vermont scale.", deid.Organization, "Vermont", true},
		{note + "PRESENTED TO U OF VT MED CENTER.", deid.Organization, "VT", true},
		{note + "recieved from university of vermont hospital.", deid.Organization, "university", true},
		// A ward or building with its floor or unit number.
		{note + "PLAN: TRANSFER TO KESSLERBY 2 IN AM.", deid.Organization, "KESSLERBY", true},
		{note + "found unresponsive on kesslerby 6 at noon.", deid.Organization, "kesslerby", true},
		{note + "ADMITTED TO KESSLERBY7 W/ CHF.", deid.Organization, "KESSLERBY7", true},
		{note + "PLAN: ENC PO INTAKE. TRANSFER KESSLERBY 4.", deid.Organization, "KESSLERBY", true},
		{note + "plan: xfer kesslerby 4 in am.", deid.Organization, "kesslerby", true},
		{note + "plan: transfer when stable, neo 2 mcg.", deid.Organization, "neo", false},
		// Markers hidden in hyphenated headings still make a note.
		{"neuro-alert. cv- stable. resp-lsc. g.u.-foley draining. plan-amb.transfer to kesslerby 2.", deid.Organization, "kesslerby", true},
		{note + "weaned to levophed 2 mcg, back to Propofol 20 mcg.", deid.Organization, "levophed", false},
		{note + "back to bed 2 times, to chair 3 times.", deid.Organization, "bed", false},
		{note + "transfer to micu tomorrow.", deid.Place, "micu", false},
		{note + "pt in afib overnight.", deid.Place, "afib", false},
		// Words made like English words are not places.
		{note + "pt in atrially paced rhythm.", deid.Place, "atrially", false},
		{note + "co via thermodilution done.", deid.Place, "thermodilution", false},
		{note + "walked in hallway-too tired.", deid.Place, "hallway-too", false},
	})
}

func TestStreetsAndPossessivePlaces(t *testing.T) {
	typed := func(text string, kind deid.Kind, want, typ string) {
		t.Helper()
		fs := detectAll(t, text)
		for _, f := range fs {
			if f.Kind == kind && f.Text == want && string(f.Type) == typ {
				return
			}
		}
		t.Errorf("%q: want %s %q (%s), got %v", text, kind, want, typ, found(fs))
	}
	typed("They live on Orchard Lane now.", deid.Place, "Orchard Lane", "street")
	typed("She walked down Elm Street alone.", deid.Place, "Elm Street", "street")
	typed("The flat is off Cooper Close.", deid.Place, "Cooper Close", "street")
	typed("Elm Street was closed.", deid.Place, "Elm Street", "street")
	typed("She grew up in Quillan's Ferry.", deid.Place, "Quillan's Ferry", "small-place")
	typed("She grew up in Quillan’s Ferry.", deid.Place, "Quillan’s Ferry", "small-place")
	typed("The bus stops at Cooper's Heath.", deid.Place, "Cooper's Heath", "small-place")
	typed("A worker from Cooper's Heath, referred by her GP.", deid.Place, "Cooper's Heath", "small-place")
	runKindCases(t, []kindCase{
		{"We met at Family Close.", deid.Place, "Family", true},
		{"Bring it to the Way we agreed.", deid.Place, "Way", false},
		{"Road safety matters.", deid.Place, "Road", false},
		{"It was a long Road.", deid.Place, "Road", false},
		{"On Monday Street vendors came.", deid.Place, "Monday", false},
		{"She went to People's Park.", deid.Place, "People", false},
		{"Grace's Cross was the best.", deid.Place, "Grace", true},
	})
}

// TestTypoFilter checks that the filter Misspelt consults first holds every word a
// misspelling is looked for from, and that Misspelt still finds misspellings and refuses
// names through it.
func TestTypoFilter(t *testing.T) {
	lex := lexicon.Default()
	f := typoFilterFor(lex)
	for w, lv := range lex.Words() {
		if lv <= typoLevel && !f.mayHold(w) {
			t.Fatalf("common word %q not in the filter", w)
		}
		if f.mayHoldBytes([]byte(w)) != f.mayHold(w) || f.mayHoldBytes([]byte(w+"x")) != f.mayHold(w+"x") {
			t.Fatalf("mayHoldBytes(%q) differs from mayHold", w)
		}
	}
	for w := range vocab.ClinicalTerms().All() {
		if !f.mayHold(w) {
			t.Fatalf("clinical term %q not in the filter", w)
		}
	}
	for w, want := range map[string]bool{"ptient": true, "cardic": true, "recieved": true, "intermittant": true,
		"okonkwo": false, "zanetti": false} {
		if got := Misspelt(lex, w); got != want {
			t.Errorf("Misspelt(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestClinicalNoteRemembered checks that ClinicalNote answers from the
// verdicts analyse remembers exactly as it computes them.
func TestClinicalNoteRemembered(t *testing.T) {
	lex := lexicon.Default()
	for _, text := range []string{
		"", "Pt stable overnight. BP 120/80, HR 72, afebrile. Lasix 40mg given. Plan: cont abx, f/u cxr.",
		"We went to Vienna with Liesl last summer and loved it.", "resp-lsc clear, neuro-alert, gi-tolerating tf",
		"Dr. Okafor saw the pt; vss, sats 98% on RA.",
	} {
		toks := tokenize(text)
		want := clinicalShare(markerCount(toks), len(toks))
		analyse(lex, text)
		if got := ClinicalNote(text); got != want {
			t.Errorf("ClinicalNote(%q) = %v after analyse, want %v", text, got, want)
		}
	}
}
