package content

import (
	"sort"
	"unicode/utf8"
)

// LineIndex maps byte offsets of a text to 1-based line and column numbers.
// Columns count runes, so an editor lands on the right character.
type LineIndex struct {
	text   string
	starts []int // byte offset of the start of each line
}

// NewLineIndex indexes text.
func NewLineIndex(text string) *LineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{text: text, starts: starts}
}

// Position returns the 1-based line and column of byte offset off. Offsets
// out of range are clamped.
func (x *LineIndex) Position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(x.text) {
		off = len(x.text)
	}
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	return i + 1, utf8.RuneCountInString(x.text[x.starts[i]:off]) + 1
}

// Line returns the 1-based line of byte offset off.
func (x *LineIndex) Line(off int) int {
	l, _ := x.Position(off)
	return l
}
