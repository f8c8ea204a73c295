package cli

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/risk"
)

// TestLineReader: lines up to the limit come back whole; a longer line is
// skipped to its end and named by its id, wherever the id stands in it.
func TestLineReader(t *testing.T) {
	long := strings.Repeat("Odette Marchand ", 20)
	in := strings.Join([]string{
		`{"id":"a","text":"short"}`,
		`{"id":"b","text":"` + long + `"}`,
		`{"text":"` + long + `","id":"c"}`,
		`{"text":"` + long + `","meta":{"id":"inner"},"id":42}`,
		`{"text":"` + long + `\",\"id\":\"fake"}`,
		`{"text":"` + long + `","id":"` + `q\"uote"}`,
		`{"text":"` + long + `","id" : null }`,
		`{"id":"z","text":"end"}`,
	}, "\n")
	type got struct {
		line    string
		tooLong bool
		id      string
	}
	want := []got{
		{line: `{"id":"a","text":"short"}` + "\n"},
		{tooLong: true, id: "b"},
		{tooLong: true, id: "c"},
		{tooLong: true, id: "42"},
		{tooLong: true, id: ""},
		{tooLong: true, id: `q"uote`},
		{tooLong: true, id: ""}, // null reads as no id, as in deidLine
		{line: `{"id":"z","text":"end"}`},
	}
	r := newLineReader(strings.NewReader(in), 100)
	for i, w := range want {
		line, tooLong, id, err := r.next()
		if g := (got{string(line), tooLong, id}); g != w {
			t.Errorf("line %d: got %+v, want %+v", i+1, g, w)
		}
		if last := i == len(want)-1; last != errors.Is(err, io.EOF) || err != nil && !errors.Is(err, io.EOF) {
			t.Errorf("line %d: err %v", i+1, err)
		}
	}
}

// TestIDScannerLongID: an id too long to keep is not reported cut short.
func TestIDScannerLongID(t *testing.T) {
	for _, line := range []string{
		`{"text":"x","id":"` + strings.Repeat("9", 2*maxIDBytes) + `"}`,
		`{"text":"x","id":` + strings.Repeat("9", 2*maxIDBytes) + `}`,
	} {
		var s idScanner
		s.feed([]byte(line))
		if id := s.idString(); id != "" {
			t.Errorf("id of %d bytes read as %d bytes", 2*maxIDBytes, len(id))
		}
	}
}

// TestDeidLineTextLimit: a text over the limit of a post is refused with
// its id, not de-identified.
func TestDeidLineTextLimit(t *testing.T) {
	line, _ := json.Marshal(map[string]string{"id": "big", "text": strings.Repeat("a", content.MaxPostBytes+1)})
	out := deidLine(context.Background(), engineForTest(t), &deid.Knowledge{}, risk.Policy{MinCrowd: risk.DefaultMinCrowd}, 1, line)
	var got jsonError
	if err := json.Unmarshal(out, &got); err != nil || got.ID != "big" || !strings.Contains(got.Error, "limited to") {
		t.Errorf("got %s (%v), want an error for id big", out, err)
	}
}

// TestReadInputLimit: deid FILE and deid - refuse a document over the post
// limit with a message that names it.
func TestReadInputLimit(t *testing.T) {
	big := strings.Repeat("a", content.MaxPostBytes+1)
	name := t.TempDir() + "/big.md"
	if err := os.WriteFile(name, []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		stdin io.Reader
	}{{name, nil}, {"-", strings.NewReader(big)}} {
		if _, err := readInput(tt.name, tt.stdin); err == nil || !strings.Contains(err.Error(), "limited to 4194304") {
			t.Errorf("readInput(%s) of %d bytes: err %v, want the limit named", tt.name, len(big), err)
		}
	}
	if b, err := readInput("-", strings.NewReader(big[:content.MaxPostBytes])); err != nil || len(b) != content.MaxPostBytes {
		t.Errorf("readInput of exactly the limit: %d bytes, %v", len(b), err)
	}
}
