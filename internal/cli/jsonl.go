package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/veil-blog/veil/internal/content"
)

// maxLineBytes bounds one line of `veil deid --jsonl`. A document's text is
// limited to content.MaxPostBytes, as a post's file is; the line may be
// longer, as JSON escapes a character in up to 12 bytes, but a text that
// fills a line of this size (three times the text limit, which JSON
// written with every non-ASCII character escaped reaches) is refused
// whatever it decodes to.
const maxLineBytes = 3*content.MaxPostBytes + 64<<10

// errLineTooLong says a line was skipped, not read.
var errLineTooLong = fmt.Errorf("line is longer than %d bytes; documents are limited to %d bytes of text", maxLineBytes, content.MaxPostBytes)

// lineReader reads lines of at most max bytes. A longer line is read to
// its end without being kept: only its "id" is picked out on the way, so a
// line of any length costs constant memory.
type lineReader struct {
	r   *bufio.Reader
	max int
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 1<<16), max: max}
}

// next returns the next line with its newline. For a line over the limit
// it returns no line, tooLong true and the line's id as deidLine would
// name it ("" if the line has none the scanner could read). err is io.EOF
// after the last line.
func (l *lineReader) next() (line []byte, tooLong bool, id string, err error) {
	var sc *idScanner
	for {
		chunk, err := l.r.ReadSlice('\n')
		if sc == nil && len(line)+len(chunk) > l.max {
			sc = &idScanner{}
			sc.feed(line)
			line = nil
		}
		if sc != nil {
			sc.feed(chunk)
		} else {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if sc != nil {
			return nil, true, sc.idString(), err
		}
		return line, false, "", err
	}
}

// idScanner reads a JSON object byte by byte and keeps the raw value of
// its top-level "id" member (at most maxIDBytes of it) and nothing else.
type idScanner struct {
	depth     int  // nesting of objects and arrays
	inString  bool // inside a string
	escaped   bool // after a backslash inside a string
	keyNext   bool // the next string at depth 1 is a member name
	inKey     bool // reading a member name at depth 1
	key       []byte
	idNext    bool // the value after the colon is the id
	inID      bool // reading the id's value
	raw, id   []byte
	hasID     bool
	idIsValue bool // the id being read is a literal, not a string
}

const maxIDBytes = 1 << 10

func (s *idScanner) feed(b []byte) {
	for _, c := range b {
		s.step(c)
	}
}

func (s *idScanner) step(c byte) {
	if s.inID && len(s.raw) <= maxIDBytes+1 {
		s.raw = append(s.raw, c)
	}
	if s.inString {
		switch {
		case s.escaped:
			s.escaped = false
		case c == '\\':
			s.escaped = true
		case c == '"':
			s.inString = false
			if s.inKey {
				s.inKey = false
			} else if s.inID {
				s.endID()
			}
			return
		}
		if s.inKey && len(s.key) <= 8 {
			s.key = append(s.key, c)
		}
		return
	}
	if s.inID && s.idIsValue {
		switch c {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			if n := len(s.raw); n > 0 && s.raw[n-1] == c {
				s.raw = s.raw[:n-1]
			}
			s.endID()
		}
	}
	switch c {
	case '"':
		s.inString = true
		switch {
		case s.depth == 1 && s.keyNext:
			s.inKey, s.keyNext, s.key = true, false, s.key[:0]
		case s.depth == 1 && s.idNext:
			s.idNext, s.inID, s.idIsValue, s.raw = false, true, false, append(s.raw[:0], c)
		}
	case ':':
		if s.depth == 1 && string(s.key) == "id" {
			s.idNext = true
		}
		s.key = s.key[:0]
	case ',':
		if s.depth == 1 {
			s.keyNext = true
		}
	case '{', '[':
		s.depth++
		if s.depth == 1 && c == '{' {
			s.keyNext = true
		}
		s.idNext = false
	case '}', ']':
		s.depth--
	case ' ', '\t', '\r', '\n':
	default:
		if s.depth == 1 && s.idNext {
			s.idNext, s.inID, s.idIsValue, s.raw = false, true, true, append(s.raw[:0], c)
		}
	}
}

func (s *idScanner) endID() {
	s.inID = false
	if len(s.raw) <= maxIDBytes {
		s.id, s.hasID = append(s.id[:0], s.raw...), true
	}
}

// idString names the line as deidLine names a line it reads: a string id
// decoded, another literal as written; "" when there is none.
func (s *idScanner) idString() string {
	if !s.hasID {
		return ""
	}
	var str string
	if json.Unmarshal(s.id, &str) == nil {
		return str
	}
	return string(s.id)
}

// byteBudget bounds the bytes of input lines held at once by the --jsonl
// pipeline (read, queued, being de-identified or waiting to be written).
// One line larger than the whole budget still passes, alone.
type byteBudget struct {
	mu   sync.Mutex
	cond *sync.Cond
	used int
	max  int
}

func newByteBudget(max int) *byteBudget {
	b := &byteBudget{max: max}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *byteBudget) acquire(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used > 0 && b.used+n > b.max {
		b.cond.Wait()
	}
	b.used += n
}

func (b *byteBudget) release(n int) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}
