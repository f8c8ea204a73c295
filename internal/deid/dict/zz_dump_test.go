package dict

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestZZDump (not committed): writes every dictionary finding over many
// texts to $DICT_DUMP, for before/after comparison.
func TestZZDump(t *testing.T) {
	out := os.Getenv("DICT_DUMP")
	if out == "" {
		t.Skip()
	}
	var texts []string
	files, _ := filepath.Glob("/work/shared/eval/dev/*.jsonl")
	tr, _ := filepath.Glob("/work/shared/eval/train/*.jsonl")
	rd, _ := filepath.Glob("/work/shared/eval/risk-dev/*.jsonl")
	files = append(append(files, tr...), rd...)
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var r struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &r) == nil && r.Text != "" {
				texts = append(texts, r.Text)
			}
		}
		fh.Close()
	}
	n := len(texts)
	for _, x := range texts[:n] {
		texts = append(texts, strings.ToLower(x), strings.ToUpper(x))
	}
	posts, _ := filepath.Glob("/tmp/dict-site/content/posts/*.md")
	for _, p := range posts {
		b, _ := os.ReadFile(p)
		texts = append(texts, string(b))
	}
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	dets := Default(lexicon.Default())
	for i, text := range texts {
		doc := &deid.Doc{Text: text}
		for _, d := range dets {
			fs, err := d.Detect(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				fmt.Fprintf(bw, "%d %s %d %d %s %s %v %q\n", i, d.Name(), f.Start, f.End, f.Kind, f.Type, f.Confidence, f.Recognizer)
			}
		}
	}
	t.Logf("%d texts", len(texts))
}
