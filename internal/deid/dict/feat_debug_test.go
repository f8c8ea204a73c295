//go:build veildebug

package dict

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

func TestFeat(t *testing.T) {
	lex := lexicon.Default()
	for _, w := range strings.Fields(os.Getenv("VEIL_WORDS")) {
		a := newAnalysis(lex, (&deid.Doc{Text: w}).Analysis(), new(scratch))
		f := a.f(0)
		ps := lex.Places(strings.ToLower(w))
		pop := 0
		if len(ps) > 0 {
			pop = ps[0].Population
		}
		fmt.Printf("%-12s wl=%d rank=%d births=%d surname=%d proper=%d abbrev=%d pop=%d\n", w, f.wl, f.rank, f.births, f.surname, f.proper, f.abbrev, pop)
	}
}
