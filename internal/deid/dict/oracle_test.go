//go:build veiloracle

// An oracle for refactors that must not change a finding: it writes every
// dictionary finding over a large, varied corpus to a file, so that the
// files written at two commits can be compared byte for byte.
//
//	VEIL_ORACLE_OUT=/tmp/before.txt VEIL_BENCH_SITE=SITE \
//	  go test -tags veiloracle -run TestOracleDump ./internal/deid/dict/
//
// The corpus: the texts of ../shared/eval (dev, train, risk-dev), the posts
// of the site VEIL_BENCH_SITE names (when set), each also in lower case, in
// capitals and with every word capitalised; and random texts made of their
// words, shuffled, re-cased and joined by the punctuation and the cue words
// the rules read (titles, kinship words, prepositions of place,
// organisation and street words), with a fixed seed.
package dict

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

func oracleTexts(t *testing.T) []string {
	var texts []string
	for _, pat := range []string{"/work/shared/eval/dev/*.jsonl", "/work/shared/eval/train/*.jsonl"} {
		files, _ := filepath.Glob(pat)
		for _, file := range files {
			fh, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(fh)
			sc.Buffer(make([]byte, 1<<20), 1<<26)
			for sc.Scan() {
				var d struct{ Text string }
				if json.Unmarshal(sc.Bytes(), &d) == nil && d.Text != "" {
					texts = append(texts, d.Text)
				}
			}
			fh.Close()
		}
	}
	files, _ := filepath.Glob("/work/shared/eval/risk-dev/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if root := os.Getenv("VEIL_BENCH_SITE"); root != "" {
		texts = append(texts, benchtext.SitePosts(t, root, 100000)...)
	}
	texts = append(texts, benchtext.Texts(32)...)
	return texts
}

// oracleCues are words the rules read around a name or a place.
var oracleCues = strings.Fields(`Dr dr. Mrs Mr Ms mr ms sr Pastor Judge my her his son daughter client
	dtr niece in from near to at moved transfer lives the of and or & , Hospital hospital Clinic clinic
	School University university of Street St. st Road road ave Lane County Lake Mount Fort Saint
	Inc LLC Memorial memorial hosp Hi hi hey thanks Thanks thank you aware RN MD NP RRT
	is was called visited named aka I'm i'm am U. S. ward Ward Line Borough Republic republic
	north south east new u ur your PT pt BP hr mg iv po prn lol haha omg sahab ji van de la`)

func oracleRandom(words []string, n int) []string {
	r := rand.New(rand.NewPCG(12, 34))
	seps := []string{" ", " ", " ", " ", ", ", ". ", "\n", " & ", "'s ", "’s ", " (", ") ", "-", " #", " @",
		": ", "; ", "! ", "? ", "\n\n", " - ", " – ", "  ", ".", " 📍 ", " / "}
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		m := 5 + r.IntN(60)
		mode := r.IntN(4) // 0 as written, 1 lower, 2 upper, 3 mixed
		for k := range m {
			var w string
			if r.IntN(4) == 0 {
				w = oracleCues[r.IntN(len(oracleCues))]
			} else {
				w = words[r.IntN(len(words))]
			}
			switch {
			case mode == 1:
				w = strings.ToLower(w)
			case mode == 2:
				w = strings.ToUpper(w)
			case mode == 3 && r.IntN(3) == 0:
				w = capitalise(strings.ToLower(w))
			case mode == 3 && r.IntN(5) == 0:
				w = strings.ToLower(w)
			}
			if k > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(w)
		}
		out = append(out, b.String())
	}
	return out
}

func TestOracleDump(t *testing.T) {
	path := os.Getenv("VEIL_ORACLE_OUT")
	if path == "" {
		t.Skip("VEIL_ORACLE_OUT not set")
	}
	base := oracleTexts(t)
	var texts []string
	seen := map[string]bool{}
	var words []string
	for _, s := range base {
		texts = append(texts, s, strings.ToLower(s), strings.ToUpper(s), strings.Title(strings.ToLower(s))) //nolint:staticcheck // any word-capitalising form will do
		for _, w := range strings.Fields(s) {
			if !seen[w] && len(words) < 200000 {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	texts = append(texts, oracleRandom(words, 40000)...)
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	w := bufio.NewWriter(fh)
	defer w.Flush()
	dets := Default(lexicon.Default())
	ctx := context.Background()
	total := 0
	for k, text := range texts {
		doc := &deid.Doc{Text: text}
		fmt.Fprintf(w, "#%d\n", k)
		for _, d := range dets {
			fs, err := d.Detect(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				fmt.Fprintf(w, "%d %d %s %s %s %.3f %q\n", f.Start, f.End, f.Kind, f.Type, f.Recognizer, f.Confidence, f.Text)
				total++
			}
		}
	}
	t.Logf("%d texts, %d findings", len(texts), total)
}
