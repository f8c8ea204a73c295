package markdown

import (
	"bytes"
	"fmt"
)

// maxDestScan bounds the work goldmark's inline link parser does on one
// document, in bytes scanned. For each "](" it reads the destination to
// its end: to the next space when the destination is plain (nested
// brackets never close "[a]([a]([a](...") or the end of the run. A line of tens of thousands of such openings takes minutes; a
// paragraph of prose with its links takes thousands.
const maxDestScan = 1 << 27

// maxNesting bounds how deep quotes and lists nest on one line ("> > >",
// "- - -"); goldmark's time grows with the square of the depth.
const maxNesting = 100

// maxFootnotes bounds a document's footnote definitions; goldmark's
// footnote extension takes time that grows with the square of their
// number (20,000 took seconds).
const maxFootnotes = 2000

// CheckCost returns an error, and the 1-based line where the costly text
// starts, when parsing src would take time that grows with the square of
// its length: many link openings in one unbroken run of text, quotes and
// lists nested hundreds deep, thousands of footnotes. Ordinary
// documents of any length pass. It is linear in len(src).
func CheckCost(src []byte) (int, error) { return checkCost(src, maxDestScan) }

// checkCost is CheckCost with the bound on link scanning as a parameter,
// so that tests can reach it with short documents.
//
// It reads src a line at a time. The cost of a line is that of its runs
// without whitespace, each the number of "](" in it times its length; a
// run never crosses a line break, and "](" never crosses a space or a
// line break, so a line without "](" (nearly every line of prose: found
// by bytes.Index, not a loop over its bytes) costs nothing.
func checkCost(src []byte, maxScan int) (int, error) {
	cost := 0
	notes := 0 // footnote definitions
	for line, start := 1, 0; ; line++ {
		end := len(src)
		if k := bytes.IndexByte(src[start:], '\n'); k >= 0 {
			end = start + k
		}
		l := src[start:end]
		if bytes.Contains(l, []byte("](")) {
			cost += linkCost(l)
		}
		depth, rest := containers(l)
		if depth > maxNesting {
			return line, fmt.Errorf("quotes and lists nested %d deep; the Markdown parser's time grows with the square of the depth, and veil reads at most %d", depth, maxNesting)
		}
		if bytes.HasPrefix(rest, []byte("[^")) && bytes.Contains(rest, []byte("]:")) {
			if notes++; notes > maxFootnotes {
				return line, fmt.Errorf("more than %d footnotes; the Markdown parser's time grows with the square of their number", maxFootnotes)
			}
		}
		if cost > maxScan {
			return line, fmt.Errorf("too many link openings \"](\" in one run of text without spaces (%s); the Markdown parser would take minutes: add spaces or line breaks", plural(countOpenings(l), "opening"))
		}
		if end == len(src) {
			return 0, nil
		}
		start = end + 1
	}
}

// linkCost is the cost of one line (no '\n' in it): for each run without
// spaces, tabs or carriage returns, the number of "](" in it times its
// length. Only the runs that hold a "](" are read: each is found from its
// first "](" (no "](" crosses a run's edge), its edges by the white space
// around it.
func linkCost(line []byte) int {
	cost := 0
	for i := 0; ; {
		j := bytes.Index(line[i:], []byte("]("))
		if j < 0 {
			return cost
		}
		open := i + j // the first "](" of its run: runs before it were read
		start := bytes.LastIndexAny(line[:open], " \t\r") + 1
		end := len(line)
		if k := bytes.IndexAny(line[open:], " \t\r"); k >= 0 {
			end = open + k
		}
		cost += bytes.Count(line[open:end], []byte("](")) * (end - start)
		i = end
	}
}

func countOpenings(b []byte) int { return bytes.Count(b, []byte("](")) }

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// containers counts the block quote markers and list item markers that
// open line, and returns the rest of the line.
func containers(line []byte) (int, []byte) {
	depth := 0
	for {
		i := 0
		for i < len(line) && i < 3 && line[i] == ' ' {
			i++
		}
		j := i
		switch {
		case j < len(line) && line[j] == '>':
			j++
		case j < len(line) && (line[j] == '-' || line[j] == '*' || line[j] == '+'):
			j++
		default:
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j == i || j >= len(line) || (line[j] != '.' && line[j] != ')') {
				return depth, line[i:]
			}
			j++
		}
		if line[i] != '>' && (j >= len(line) || (line[j] != ' ' && line[j] != '\t')) {
			return depth, line[i:]
		}
		if j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		depth++
		line = line[j:]
	}
}
