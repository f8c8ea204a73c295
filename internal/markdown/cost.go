package markdown

import (
	"bytes"
	"fmt"
)

// maxLinkScan bounds the work goldmark's inline link parser does on one
// document, in bytes scanned. For each "](" it reads the destination to
// its end: to the next space when the destination is plain (nested
// brackets never close "[a]([a]([a](...") or the end of the run. A line of tens of thousands of such openings takes minutes; a
// paragraph of prose with its links takes thousands.
const maxLinkScan = 1 << 27

// CheckCost returns an error, and the 1-based line where the costly text
// starts, when parsing src would take time that grows with the square of
// its length: many link openings in one unbroken run of text. Ordinary
// documents of any length pass. It is linear in len(src).
func CheckCost(src []byte) (int, error) {
	cost := 0
	line, lineStart := 1, 0
	runStart := 0 // start of the current run without whitespace
	runOpen := 0  // "](" in the run
	flushRun := func(end int) {
		cost += runOpen * (end - runStart)
		runOpen = 0
	}
	for i := 0; i <= len(src); i++ {
		if i == len(src) || src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r' {
			flushRun(i)
			runStart = i + 1
			if i == len(src) || src[i] == '\n' {
				if cost > maxLinkScan {
					return line, fmt.Errorf("too many link openings \"](\" in one run of text without spaces (%s); the Markdown parser would take minutes: add spaces or line breaks", plural(countOpenings(src[lineStart:i]), "opening"))
				}
				line++
				lineStart = i + 1
			}
			continue
		}
		if src[i] == ']' && i+1 < len(src) && src[i+1] == '(' {
			runOpen++
		}
	}
	return 0, nil
}

func countOpenings(b []byte) int { return bytes.Count(b, []byte("](")) }

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
