package risk

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestZZOracle writes every verdict of many texts to $ORACLE_OUT (throwaway).
func TestZZOracle(t *testing.T) {
	out := os.Getenv("ORACLE_OUT")
	if out == "" {
		t.Skip()
	}
	var texts []string
	files, _ := filepath.Glob("/work/shared/eval/dev/*.jsonl")
	more, _ := filepath.Glob("/work/shared/eval/train/*.jsonl")
	for _, f := range append(files, more...) {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				texts = append(texts, rec.Text)
			}
		}
		fh.Close()
	}
	for _, g := range []string{"/work/shared/eval/risk-dev/*.md", "/tmp/rr-site/content/posts/*.md", "testdata/verdicts/*.txtar", "../cli/testdata/verdicts/*.txtar", "../cli/testdata/post1500.md"} {
		fs, _ := filepath.Glob(g)
		sort.Strings(fs)
		for _, f := range fs {
			b, _ := os.ReadFile(f)
			texts = append(texts, string(b))
		}
	}
	// Texts mixed from the sentences of the others, some in other cases.
	var sents []string
	for _, tx := range texts {
		for _, s := range strings.SplitAfter(tx, ". ") {
			sents = append(sents, s)
		}
	}
	r := rand.New(rand.NewSource(7))
	n := len(texts)
	for i := 0; i < 4000; i++ {
		var b strings.Builder
		for k := 1 + r.Intn(12); k > 0; k-- {
			b.WriteString(sents[r.Intn(len(sents))])
		}
		s := b.String()
		switch i % 5 {
		case 1:
			s = strings.ToUpper(s)
		case 2:
			s = strings.ToLower(s)
		}
		texts = append(texts, s)
	}
	_ = n
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	bw := bufio.NewWriter(w)
	for i, tx := range texts {
		var people []int
		for k := 1; k < len(tx); k++ {
			if tx[k] >= 'A' && tx[k] <= 'Z' && tx[k-1] == ' ' && k%3 == 0 {
				people = append(people, k)
			}
		}
		for _, p := range []Policy{{}, {HomeArea: "west"}, {People: people}} {
			v := Assess(tx, p)
			fmt.Fprintf(bw, "%d %+v\n", i, v)
		}
	}
	bw.Flush()
	t.Logf("%d texts", len(texts))
}
