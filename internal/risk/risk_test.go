package risk

import (
	"github.com/veil-blog/veil/internal/deid"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

func TestScore(t *testing.T) {
	for _, c := range []struct{ lambda, want float64 }{
		{0, 1}, {1, 1 - math.Exp(-1)}, {20, (1 - math.Exp(-20)) / 20}, {1e6, 1e-6},
	} {
		if got := Score(c.lambda); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Score(%v) = %v, want %v", c.lambda, got, c.want)
		}
	}
	// The default minimum crowd is El Emam's 0.05 risk.
	if s := Score(DefaultMinCrowd); s < 0.049 || s > 0.051 {
		t.Errorf("Score(%d) = %v, want about 0.05", DefaultMinCrowd, s)
	}
}

func TestCrowdModel(t *testing.T) {
	d := func(kind string, factor, capv float64, counted bool) Detail {
		return Detail{Kind: kind, Factor: factor, Cap: capv, Counted: counted, EditFactor: 1}
	}
	for _, c := range []struct {
		name    string
		n       float64
		details []Detail
		want    float64
	}{
		{"no details: everyone", 1000, nil, 1000},
		{"factors multiply", 1e6, []Detail{d("age", 0.1, 0, true), d("sex", 0.5, 0, true)}, 5e4},
		{"a detail not counted does not multiply", 1e6, []Detail{d("age", 0.1, 0, true), d("age", 0.01, 0, false)}, 1e5},
		{"a cap bounds the crowd", 1e6, []Detail{d("sex", 0.5, 0, true), d("uniqueness", 1, 1, true)}, 1},
		{"the smallest cap wins", 1e6, []Detail{d("event", 1, 10, true), d("role", 1, 1, true)}, 1},
		{"a cap above the crowd changes nothing", 100, []Detail{d("sex", 0.5, 0, true), d("event", 1, 10, true)}, 10},
		{"a cap above the product is not reached", 1000, []Detail{d("age", 0.001, 0, true), d("event", 1, 10, true)}, 1},
	} {
		if got := crowd(c.n, c.details, nil); math.Abs(got-c.want) > 1e-9*c.want {
			t.Errorf("%s: crowd = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestMarkCountedKeepsStrongestPerKind(t *testing.T) {
	ds := []Detail{
		{Kind: KindAge, Factor: 0.05},
		{Kind: KindAge, Factor: 0.01},
		{Kind: KindUnique, Factor: 1, Cap: 1},
		{Kind: KindUnique, Factor: 1, Cap: 1},
		{Kind: KindCondition, Factor: 1e-6, Accepted: true},
	}
	markCounted(ds)
	got := []bool{ds[0].Counted, ds[1].Counted, ds[2].Counted, ds[3].Counted, ds[4].Counted}
	want := []bool{false, true, true, true, false}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("detail %d (%s %v): counted %v, want %v", i, ds[i].Kind, ds[i].Factor, got[i], want[i])
		}
	}
}

// detailOf assesses text and returns the first detail of kind, failing if none.
func detailOf(t *testing.T, text, kind string) Detail {
	t.Helper()
	v := Assess(text, Policy{})
	for _, d := range v.Details {
		if d.Kind == kind {
			return d
		}
	}
	t.Fatalf("%q: no %s detail; got %+v", text, kind, v.Details)
	return Detail{}
}

func noDetail(t *testing.T, text, kind string) {
	t.Helper()
	for _, d := range Assess(text, Policy{}).Details {
		if d.Kind == kind {
			t.Errorf("%q: unexpected %s detail %q (%s)", text, kind, d.Text, d.Why)
		}
	}
}

func TestSelectivities(t *testing.T) {
	tab := DefaultTables()
	us, _ := tab.Territory("US")
	for _, c := range []struct {
		text, kind, detail string
		lo, hi             float64
	}{
		// Orphanet: a class of 1-9 per million has its midpoint, 5 in a million.
		{"He has moyamoya disease and walks with a stick.", KindCondition, "moyamoya disease", 4e-6, 6e-6},
		// The cited table: about 8% of adults have had a depressive episode this year.
		{"She told me her depression came back in winter.", KindCondition, "depression", 0.05, 0.1},
		// BLS: registered nurses are about 1% of the population.
		{"His wife, a registered nurse, works nights.", KindOccupation, "registered nurse", 0.005, 0.015},
		{"He works in construction and hates the cold.", KindOccupation, "works in construction", 0.01, 0.03},
		// CLDR: Somali speakers are a fraction of a percent in the US.
		{"Her mother speaks only Somali at home.", KindLanguage, "Somali", 1e-4, 1e-2},
		{"He is Eritrean and came here as a teenager.", KindNationality, "Eritrean", 1e-5, 1e-2},
		{"She is a Sikh and volunteers at the temple.", KindReligion, "Sikh", 5e-4, 5e-3},
		// Census ages: a four-year band in the 30s is about 5% of people.
		{"A woman in her mid-30s came to the clinic.", KindAge, "mid-30s", 0.04, 0.07},
		{"He was over 89 and still gardening.", KindAge, "over 89", 0.004, 0.01},
		// The bands the de-identifier writes for children: under 5 is about 6% of people,
		// 5 to 12 about 10%.
		{"Tomasz Wren is under 5 and sleeps badly.", KindAge, "under 5", 0.04, 0.08},
		{"The boy, aged under-5, was seen twice.", KindAge, "under-5", 0.04, 0.08},
		{"Her daughter is between 5 and 12 and loves maps.", KindAge, "between 5 and 12", 0.08, 0.14},
		{"A school-age child waited outside.", KindAge, "school-age", 0.08, 0.14},
		{"She is a mother of four.", KindChildren, "mother of four", 0.01, 0.03},
		{"He has used a wheelchair since the accident.", KindCondition, "wheelchair", 0.01, 0.03},
		{"He has twins at the primary school.", KindChildren, "twins", 0.02, 0.04},
		{"She won a bronze medal in rowing.", KindDistinction, "won", 1e-4, 2e-3},
		{"He was on the news after the storm.", KindMedia, "on the news", 5e-4, 2e-3},
		{"She has triplets and no help at home.", KindChildren, "triplets", 1e-5, 1e-3},
		{"My client, a retired ostler, lives alone.", KindOccupation, "ostler", 1e-5, 1e-3},
		{"Her neighbour, a retired beekeeper, lives alone.", KindRareWord, "beekeeper", 1e-4, 1e-2},
		// A subtype after its family: Orphanet sizes the subtype, rarer than the family.
		{"Her nephew has Gaucher disease, type 2, and a feeding tube.", KindCondition, "type 2", 1e-7, 1e-6},
		{"His aunt lives with Ehlers-Danlos syndrome, kosho type.", KindCondition, "kosho type", 1e-7, 1e-6},
		{"Her son has Tallis disease, CLN5 type, found last spring.", KindCondition, "CLN5 type", 1e-7, 1e-6},
		// An Orphanet acronym, matched in capitals only.
		{"Her son has PKU and a strict diet.", KindCondition, "PKU", 1e-6, 1e-3},
	} {
		d := detailOf(t, c.text, c.kind)
		if !strings.Contains(strings.ToLower(d.Text), strings.ToLower(c.detail)) {
			t.Errorf("%q: %s detail %q, want one containing %q", c.text, c.kind, d.Text, c.detail)
		}
		if d.Factor < c.lo || d.Factor > c.hi {
			t.Errorf("%q: %s factor %v, want in [%v, %v] (%s)", c.text, c.kind, d.Factor, c.lo, c.hi, d.Why)
		}
	}
	if us < 3e8 {
		t.Errorf("US population %v", us)
	}
}

func TestCapsAndTies(t *testing.T) {
	for _, c := range []struct{ text, kind string }{
		{"She became the youngest councillor the county has ever elected.", KindUnique},
		{"He is the last surviving member of the crew.", KindUnique},
		{"I see the daughter of the town's mayor every Tuesday.", KindRole},
		{"Their son died in the 2019 Millbrook barn fire.", KindEvent},
		{"She is the village's only pharmacist.", KindUnique},
		{"He is one of only three deaf firefighters in the county.", KindUnique},
		{"Her father, the former mayor, still walks to church.", KindRole},
		{"The mayor's son came to the clinic alone.", KindRole},
		{"The pastor of the chapel asked me to visit his wife, who has stopped eating.", KindRole},
		{"He still holds the state record for the mile.", KindDistinction},
		{"She is the tallest woman in the county and hates being stared at.", KindUnique},
		{"The governor's nephew was admitted on Friday.", KindRole},
		{"They were the only Sudanese family in the village.", KindUnique},
		{"A clip of her dancing went viral last spring.", KindMedia},
	} {
		d := detailOf(t, c.text, c.kind)
		if d.Cap <= 0 || d.Cap > 10 {
			t.Errorf("%q: %s cap %v, want in (0, 10]", c.text, c.kind, d.Cap)
		}
	}
	// Not tied to a person, or about the author, or negated: no detail.
	noDetail(t, "People with moyamoya disease often need support at school.", KindCondition)
	noDetail(t, "PT ALERT. SHE HAS NO COMPLAINTS, MED GIVEN.", KindCondition)
	noDetail(t, "I was the only counsellor in the building that year.", KindUnique)
	noDetail(t, "It was the first time the group met in the new room.", KindUnique)
	noDetail(t, "He was not the only one in the town who struggled.", KindUnique)
	noDetail(t, "I asked the patient whether she wanted a chaplain.", KindOccupation)
	noDetail(t, "She talked to the principal about the bus.", KindRole)
	noDetail(t, "The principal rang me after assembly to ask about a pupil.", KindRole)
	noDetail(t, "He is an American who grew up on a farm.", KindNationality)
	noDetail(t, "We ate at the only diner in town.", KindUnique)
	noDetail(t, "She was the first client who ever thanked me in writing.", KindUnique)
	noDetail(t, "He was the first student in the class to finish the exam.", KindUnique)
	noDetail(t, "She was the only woman on the team, and she hated the banter.", KindUnique)
	noDetail(t, "She was the first person in her family to finish school.", KindUnique)
}

func TestAreas(t *testing.T) {
	tab := DefaultTables()
	for _, c := range []struct {
		text     string
		lo, hi   float64
		wantName string
	}{
		{"He lives with his dog.", 3e8, 4e8, "US"},
		{"She grew up in a small town in the Midwest.", 1e6, 6.9e7, "a small town in the Midwest"},
		{"He moved to a mid-sized city in the South.", 1e6, 1.3e8, "a mid-sized city in the South"},
		{"She lives in Vermont now.", 1e5, 2e6, "Vermont"},
		{"The village has a population of 340 and one shop.", 340, 1e6, "a place of 340 people"},
		{"She grew up in a hamlet of about 90 people.", 90, 1e6, "a place of 90 people"},
		{"He has 300 friends and a dog.", 3e8, 4e8, "US"},
	} {
		v := Assess(c.text, Policy{})
		if v.AreaPopulation < c.lo || v.AreaPopulation > c.hi || v.Area != c.wantName {
			t.Errorf("%q: area %q N=%v, want %q in [%v, %v]", c.text, v.Area, v.AreaPopulation, c.wantName, c.lo, c.hi)
		}
	}
	west, _ := tab.Region("west")
	if v := Assess("He lives with his dog.", Policy{HomeArea: "west"}); v.AreaPopulation != west {
		t.Errorf("homeArea west: N=%v, want %v", v.AreaPopulation, west)
	}
	if !ValidHomeArea("GB") || !ValidHomeArea("vt") || !ValidHomeArea("Midwest") || ValidHomeArea("Atlantis") {
		t.Error("ValidHomeArea: wrong answer for GB, vt, Midwest or Atlantis")
	}
}

func TestExplanations(t *testing.T) {
	text := "My client, a man in his late 60s, has moyamoya disease. He was the only ferryman the island ever had."
	v := Assess(text, Policy{})
	if !v.Blocked || v.Crowd >= 20 {
		t.Fatalf("crowd %v blocked %v, want held", v.Crowd, v.Blocked)
	}
	if len(v.Smallest) != 1 || v.Details[v.Smallest[0]].Kind != KindUnique {
		t.Errorf("smallest set %v, want the uniqueness marker alone", v.Smallest)
	}
	if len(v.Edits) == 0 {
		t.Fatal("no edits")
	}
	// Each edit is counted together with those above it: the crowd never
	// falls along the list (an area edit once reported its crowd alone).
	for i := 1; i < len(v.Edits); i++ {
		if v.Edits[i].CrowdAfterAbove < v.Edits[i-1].CrowdAfterAbove {
			t.Errorf("edit %d: crowd with the edits above %v, below the previous %v", i, v.Edits[i].CrowdAfterAbove, v.Edits[i-1].CrowdAfterAbove)
		}
	}
	// A stated population is an edit too, counted with the others.
	pv := Assess("She grew up in a village of 900 people. My client, a woman in her late 60s, has moyamoya disease and was the only ferry pilot there.", Policy{})
	for i := 1; i < len(pv.Edits); i++ {
		if pv.Edits[i].CrowdAfterAbove < pv.Edits[i-1].CrowdAfterAbove {
			t.Errorf("edit %d (%s): crowd with the edits above %v, below the previous %v", i, pv.Details[pv.Edits[i].Detail].Kind, pv.Edits[i].CrowdAfterAbove, pv.Edits[i-1].CrowdAfterAbove)
		}
	}
	last := v.Edits[len(v.Edits)-1]
	if last.CrowdAfterAbove < v.Crowd {
		t.Errorf("edits leave the crowd at %v, below where it was (%v)", last.CrowdAfterAbove, v.Crowd)
	}
	if !strings.Contains(v.Reasons[0], "under the minimum of 20") {
		t.Errorf("top reason %q", v.Reasons[0])
	}
	// Accepting the details publishes the post and keeps them in the report.
	acc := Assess(text, Policy{Accept: []Accept{{Text: "the only ferryman", Reason: "consent"}, {Text: "moyamoya disease", Reason: "consent"}, {Text: "no such words", Reason: "x"}}})
	if len(acc.Unmatched) != 1 || acc.Unmatched[0] != "no such words" {
		t.Errorf("unmatched %v, want [no such words]", acc.Unmatched)
	}
	accepted := map[string]bool{}
	for _, d := range acc.Details {
		if d.Accepted {
			accepted[d.Kind] = true
		}
	}
	if !accepted[KindUnique] || !accepted[KindCondition] || accepted[KindSex] || accepted[KindAge] {
		t.Errorf("accepted kinds %v, want uniqueness and condition, not sex or age", accepted)
	}
	if acc.Crowd <= v.Crowd {
		t.Errorf("accepted crowd %v not above %v", acc.Crowd, v.Crowd)
	}
}

func TestBadInput(t *testing.T) {
	for _, text := range []string{"", "| a | b |\n|---|---|\n| 1 | 2 |\n", "La señora habla con su hija cada día.", strings.Repeat("x", 10000), "the only", "a", "mother of"} {
		v := Assess(text, Policy{})
		if v.Crowd <= 0 || math.IsNaN(v.Crowd) || v.Blocked {
			t.Errorf("%.30q: crowd %v blocked %v", text, v.Crowd, v.Blocked)
		}
	}
}

func TestVerdicts(t *testing.T) {
	files, _ := filepath.Glob("testdata/verdicts/*.txtar")
	if len(files) < 8 {
		t.Fatalf("%d verdict cases", len(files))
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var want string
		var lo, hi float64
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			if v, ok := strings.CutPrefix(line, "want: "); ok {
				want = v
			}
			if v, ok := strings.CutPrefix(line, "crowd: "); ok {
				a, b, _ := strings.Cut(v, "..")
				lo, _ = strconv.ParseFloat(a, 64)
				hi, _ = strconv.ParseFloat(b, 64)
			}
		}
		v := Assess(string(ar.Files[0].Data), Policy{})
		got := "pass"
		if v.Blocked {
			got = "held"
		}
		t.Logf("%s: %s, crowd %s", filepath.Base(file), got, Num(v.Crowd))
		if got != want || v.Crowd < lo || v.Crowd > hi {
			t.Errorf("%s: %s with crowd %v, want %s with crowd in [%v, %v]\nreasons: %q", file, got, v.Crowd, want, lo, hi, v.Reasons)
		}
	}
}

func TestInputOffset(t *testing.T) {
	// "Call Ana at home" -> "Call Mira Solen at home": offsets after the replacement shift.
	fs := []deidFinding{{Start: 5, End: 8, Replacement: "Mira Solen"}}
	findings := toDeid(fs)
	for _, c := range []struct{ pub, want int }{{0, 0}, {5, 5}, {9, 5}, {15, 8}, {18, 11}} {
		if got := InputOffset(findings, c.pub); got != c.want {
			t.Errorf("InputOffset(%d) = %d, want %d", c.pub, got, c.want)
		}
	}
}

func TestTokenizeSentences(t *testing.T) {
	toks, words := tokenize(DefaultTables(), "She was the first\never to do it. Then\n\n- a list item\nwrapped on", new(scratch))
	sent := map[string]int32{}
	for _, tk := range toks {
		sent[words[tk.id].key] = tk.sent
	}
	if sent["first"] != sent["ever"] {
		t.Error("a wrapped line ends the sentence")
	}
	if sent["it"] == sent["then"] || sent["then"] == sent["a"] {
		t.Errorf("a full stop or a list item does not end the sentence: %v", sent)
	}
	if sent["item"] != sent["wrapped"] {
		t.Errorf("a wrapped list item is split: %v", sent)
	}
}

func TestAgeShareOldest(t *testing.T) {
	tb := DefaultTables()
	all := tb.AgeShare(0, 99)
	if math.Abs(all-1) > 0.05 {
		t.Errorf("AgeShare(0, 99) = %v, want about 1", all)
	}
	old := tb.AgeShare(97, 97)
	if old <= 0 || old >= tb.AgeShare(80, 80) {
		t.Errorf("AgeShare(97, 97) = %v: want a share above 0 and below that of 80 (%v)", old, tb.AgeShare(80, 80))
	}
}

func TestNamedDiseaseFallback(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		// A named disorder no table knows is assumed rare.
		{"Her son has Brellin-Voss syndrome and started school this year.", 1e-4},
		{"He was diagnosed with Tarnow disease at six.", 1e-4},
		// A common named condition keeps its cited share.
		{"She has Crohn's disease and works in a bank.", 0.003},
		// A named disorder as a topic describes nobody.
		{"Families living with Tarnow disease often wait years for a diagnosis.", 0},
	} {
		v := Assess(c.text, Policy{})
		got := 0.0
		for _, d := range v.Details {
			if d.Kind == KindCondition {
				got = d.Factor
			}
		}
		if got != c.want {
			t.Errorf("%q: condition factor %v, want %v (%+v)", c.text, got, c.want, v.Details)
		}
	}
}

func TestPeopleMarkSentences(t *testing.T) {
	// A pseudonym the first-name lexicon does not know, opening the sentence: only the
	// de-identifier's word says it is a person.
	text := "Zephyrine Oakhollow set the state record for the mile. Practice was hard."
	held := func(p Policy) bool {
		v := Assess(text, p)
		for _, d := range v.Details {
			if d.Kind == KindDistinction && d.Cap == 1 {
				return true
			}
		}
		return false
	}
	if held(Policy{}) {
		t.Skip("the lexicon knows the invented name; the test needs one it does not")
	}
	findings := []deid.Finding{{Start: 0, End: 8, Kind: deid.Person, Replacement: "Zephyrine Oakhollow"}}
	starts := PersonStarts(findings)
	if len(starts) != 1 || starts[0] != 0 {
		t.Fatalf("PersonStarts = %v, want [0]", starts)
	}
	if !held(Policy{People: starts}) {
		t.Error("a record said of a replaced person is not found")
	}
}

func TestCompoundModifierIsNoPerson(t *testing.T) {
	// "a one-page form": "one" before a hyphen modifies a noun; nobody is described, so
	// the viral form caps nothing.
	v := Assess("That winter a one-page intake form went viral among social workers online.", Policy{})
	if v.Blocked {
		t.Errorf("held: %q", v.Reasons)
	}
	v = Assess("That winter a video of her went viral among students online.", Policy{})
	if !v.Blocked {
		t.Errorf("a viral video of a person is not held: crowd %v", v.Crowd)
	}
}
