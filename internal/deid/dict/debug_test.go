//go:build veildebug

// Prints every dictionary finding that lies outside the gold spans of an
// evaluation file, with its Type, to see which rule made it:
//
//	VEIL_DEBUG=/work/shared/eval/dev/physionet-deid-dev.jsonl go test -tags veildebug -run TestDebug ./internal/deid/dict/
package dict

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

func TestDebug(t *testing.T) {
	fn := os.Getenv("VEIL_DEBUG")
	if fn == "" {
		t.Skip("VEIL_DEBUG not set")
	}
	f, err := os.Open(fn)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	counts := map[string]int{}
	lex := lexicon.Default()
	for sc.Scan() {
		var d evalDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		// Entity offsets are in characters; convert to bytes.
		idx := []int{}
		for i := range d.Text {
			idx = append(idx, i)
		}
		idx = append(idx, len(d.Text))
		r := analyseText(lex, d.Text)
		for _, fs := range [][]findingLike{wrap(r.persons), wrap(r.places), wrap(r.orgs)} {
			for _, x := range fs {
				in := false
				for _, e := range d.Entities {
					if e.Start < len(idx) && e.End < len(idx) && idx[e.Start] < x.end && x.start < idx[e.End] {
						in = true
					}
				}
				if !in {
					counts[fmt.Sprintf("%s/%s\t%q", x.kind, x.typ, x.text)]++
				}
			}
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return counts[keys[i]] > counts[keys[j]] || counts[keys[i]] == counts[keys[j]] && keys[i] < keys[j]
	})
	for _, k := range keys {
		fmt.Printf("%d\t%s\n", counts[k], k)
	}
}

type findingLike struct {
	start, end      int
	kind, typ, text string
}

func wrap(fs []deid.Finding) []findingLike {
	out := make([]findingLike, len(fs))
	for i, f := range fs {
		out[i] = findingLike{f.Start, f.End, string(f.Kind), f.Type, f.Text}
	}
	return out
}
