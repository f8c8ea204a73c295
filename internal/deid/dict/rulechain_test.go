package dict

import (
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestRuleChainPretests: a rule's pre-tests only restate its own first
// test, so a word they turn away is one the rule finds nothing at, in
// texts of every register (prose, lower case, capitals, notes, comments,
// and random texts of gateWords); and a rule that needs a string
// (spanRule.needs) finds nothing in a text without it.
func TestRuleChainPretests(t *testing.T) {
	lex := lexicon.Default()
	texts := append(benchtext.Texts(4), gateTexts(lex, 1500)...)
	texts = append(texts,
		"a map pin 📍 Harlow Quay, then Ward 4 and Ward 12 beds, the Red Line and the Teal Line, County of Marrowby, Borough of Fenwick, Tuesday Market Square, Garden Centre, Springfield",
		"the cafe (Lisbon, PT), Café Lume (Brenton, NV) and 📍Kettle Yard, Corran Ave street, Ashby Road, Fern Lane avenue",
		"she lives on Quib street, then Vell avenue, on Tarn lane; we met at Tuesday Hotel, Texas and at March Garden, Ohio, not Brisk Hotel, Texas or Lorne Rocks, Ohio",
		"greetings from the uk!! moving to nyc next week, republic of ireland after. i'm at Café Lume (Porto, PT)",
		"PT TRANSFERRED TO KETTLEWORTH 3 FROM ST JOSEPHS. lives in catonsville, north dakota; seen at holy cross hosp",
		"back in the usa lol. flights to la then the Teal Line, the U.K. and Borough of Hollinsgate",
		"pt seen by wvmc team, sr. occ pvc's, to kettleworth 2. Dispo: Kettleworth 4. dinner at Marcello's",
	)
	for _, base := range texts {
		for _, text := range []string{base, strings.ToLower(base), strings.ToUpper(base)} {
			a := newAnalysis(lex, (&deid.Doc{Text: text}).Analysis(), new(scratch))
			for _, c := range []*ruleChain{&shapeRules, &socialRules} {
				off := c.absent(text)
				for i := range a.toks {
					tk := &a.toks[i]
					may := a.mayStart(c, i) &^ off
					for k := range c.rules {
						if may&(1<<k) != 0 {
							continue
						}
						if s, ok := c.rules[k].find(a, i); ok {
							t.Errorf("rule %d of a chain turns %q away, yet finds %+v there, in %q", k, tk.Text, s, text)
						}
					}
				}
			}
		}
	}
}

// TestPlaceLoopGates: the place loop skips rules at words where their own
// first tests turn the word away (wardPlace and careSite outside a
// clinical note, the lower-case chain at a word not in lower case or under
// three letters, five of that chain in a clinical note and lowerHospital
// outside one); each skipped rule finds nothing there.
func TestPlaceLoopGates(t *testing.T) {
	lex := lexicon.Default()
	texts := append(benchtext.Texts(4),
		"PT TRANSFERRED TO KETTLEWORTH 3 FROM ST JOSEPHS, BP AND HR STABLE, IVF, 5 MG PO PRN. lives in catonsville; seen at holy cross hosp, to brayfield memorial hosp",
		"pt seen by team, to kettleworth 2. Dispo: Kettleworth 4. from harrowvale, bp 120/80, hr 72, iv mg po prn, lives in new mexico",
		"hello from abq new mexico!! we live in east portland, at bryneven primary school, flights to paris, miss you loads, manchester",
	)
	type rule struct {
		name string
		find func(*analysis, int) (span, bool)
	}
	clinicalOnly := []rule{{"wardPlace", (*analysis).wardPlace}, {"careSite", (*analysis).careSite}, {"lowerHospital", (*analysis).lowerHospital}}
	notClinical := []rule{{"lowerPhrasePlace", (*analysis).lowerPhrasePlace}, {"lowerVenue", (*analysis).lowerVenue},
		{"lowerCountry", (*analysis).lowerCountry}, {"lowerCity", (*analysis).lowerCity}, {"lowerFamousCity", (*analysis).lowerFamousCity}}
	lowerChain := append([]rule{{"lowerPlace", (*analysis).lowerPlace}, {"lowerHospital", (*analysis).lowerHospital}}, notClinical...)
	clinicalSeen := false
	for _, base := range texts {
		for _, text := range []string{base, strings.ToLower(base), strings.ToUpper(base)} {
			a := newAnalysis(lex, (&deid.Doc{Text: text}).Analysis(), new(scratch))
			clinicalSeen = clinicalSeen || a.isClinical()
			for i := range a.toks {
				tk := &a.toks[i]
				var skipped []rule
				if a.isClinical() {
					skipped = append(skipped, notClinical...)
				} else {
					skipped = append(skipped, clinicalOnly...)
				}
				if !tk.IsCap() && (tk.Shape != shapeLower || tk.Letters < 3) {
					skipped = append(skipped, lowerChain...)
				}
				for _, r := range skipped {
					if s, ok := r.find(a, i); ok {
						t.Errorf("%s is skipped at %q, yet finds %+v there, in %q", r.name, tk.Text, s, text)
					}
				}
			}
		}
	}
	if !clinicalSeen {
		t.Error("no text was read as a clinical note")
	}
}
