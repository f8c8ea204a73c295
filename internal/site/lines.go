package site

import (
	"bytes"
	"unicode/utf8"
)

// lineCursor gives the 1-based line and column of byte offsets of a
// text, as content.LineIndex.Position does (columns count runes; offsets
// out of range are clamped), without first copying the text into a
// string and reading it a byte at a time for its line starts, which was
// most of prepare's own time: the newlines between the last offset asked
// for and the next are counted with bytes.Count. Offsets asked for in
// increasing order (a post's findings are sorted) read the text once;
// an earlier one starts again from the top.
type lineCursor struct {
	text []byte
	// off is the last offset asked for, line its line and start the
	// offset at which that line starts.
	off, line, start int
}

func newLineCursor(text []byte) *lineCursor { return &lineCursor{text: text, line: 1} }

// Position returns the line and column of byte offset off.
func (c *lineCursor) Position(off int) (line, col int) {
	off = min(max(off, 0), len(c.text))
	if off < c.off {
		c.off, c.line, c.start = 0, 1, 0
	}
	if seg := c.text[c.off:off]; len(seg) > 0 {
		if n := bytes.Count(seg, newline); n > 0 {
			c.line += n
			c.start = c.off + bytes.LastIndexByte(seg, '\n') + 1
		}
	}
	c.off = off
	return c.line, utf8.RuneCount(c.text[c.start:off]) + 1
}

var newline = []byte{'\n'}
