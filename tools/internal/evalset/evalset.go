// Package evalset reads the labelled JSONL files of the evaluation
// (../shared/eval/dev, train): one JSON object a line, a text and its
// entities, whose offsets count code points.
package evalset

import (
	"bufio"
	"encoding/json"
	"io"
)

// Record is one labelled text. Its entities' offsets are bytes of Text.
type Record struct {
	ID       string          `json:"id"`
	Source   string          `json:"source"`
	Patient  json.RawMessage `json:"patient"`
	Template json.RawMessage `json:"template_id"`
	Text     string          `json:"text"`
	Entities []Entity        `json:"entities"`
}

// Entity is one labelled span.
type Entity struct {
	Start, End int
	Label      string
}

// Read calls fn with each record of r and its line number from 0, in order,
// after turning its entities' offsets from code points into bytes and
// dropping the entities that are empty or fall outside the text. It stops
// at the first error of r, of decoding or of fn.
func Read(r io.Reader, fn func(n int, rec Record) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 0; sc.Scan(); n++ {
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return err
		}
		byteAt := make([]int, 0, len(rec.Text)+1)
		for i := range rec.Text {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(rec.Text))
		kept := rec.Entities[:0]
		for _, e := range rec.Entities {
			if e.Start < 0 || e.End >= len(byteAt) || e.Start >= e.End {
				continue
			}
			kept = append(kept, Entity{Start: byteAt[e.Start], End: byteAt[e.End], Label: e.Label})
		}
		rec.Entities = kept
		if err := fn(n, rec); err != nil {
			return err
		}
	}
	return sc.Err()
}
