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
// texts of every register (prose, lower case, capitals, notes, comments).
func TestRuleChainPretests(t *testing.T) {
	lex := lexicon.Default()
	texts := append(benchtext.Texts(4),
		"greetings from the uk!! moving to nyc next week, republic of ireland after. i'm at Café Lume (Porto, PT)",
		"PT TRANSFERRED TO KETTLEWORTH 3 FROM ST JOSEPHS. lives in catonsville, north dakota; seen at holy cross hosp",
		"back in the usa lol. flights to la then the Teal Line, the U.K. and Borough of Hollinsgate",
		"pt seen by wvmc team, sr. occ pvc's, to kettleworth 2. Dispo: Kettleworth 4. dinner at Marcello's",
	)
	for _, base := range texts {
		for _, text := range []string{base, strings.ToLower(base), strings.ToUpper(base)} {
			a := newAnalysis(lex, (&deid.Doc{Text: text}).Analysis())
			for _, c := range []*ruleChain{&shapeRules, &socialRules} {
				for i := range a.toks {
					tk := &a.toks[i]
					may := map[*spanRule]bool{}
					for _, r := range c.may[tk.Shape&7][b2i(tk.Caps)][b2i(tk.Poss)] {
						if r.admitsWord(a, tk) {
							may[r] = true
						}
					}
					for k := range c.rules {
						if may[&c.rules[k]] {
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
