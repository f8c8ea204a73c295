package markdown

import (
	"strings"
	"testing"
)

// Openings of links in one unbroken run make goldmark's parse quadratic; such
// a document is refused with its line, and ordinary ones of any size pass.
func TestCheckCost(t *testing.T) {
	prose := strings.Repeat("A sentence with [a link](https://example.org/a) and ![a picture](/img/a.png \"t\").\n", 40000)
	for _, tc := range []struct {
		name string
		src  string
		line int
	}{
		{"prose with links", prose, 0},
		{"one long line of links", strings.Repeat("see [a](https://example.org/) ", 100000), 0},
		{"nested openings", "intro\n\n" + strings.Repeat("[a](", 60000) + "\n", 3},
		{"angle openings", "x\n" + strings.Repeat("[a](<", 40000) + "\n", 2},
		{"image openings", strings.Repeat("![a](", 50000), 1},
		{"quotes in lists", "> - 1. quote in a list\n>   - nested\n\n---\n* * *\n", 0},
		{"deep quotes", "a\n\n" + strings.Repeat("> ", 20000) + "x\n", 3},
		{"deep lists", strings.Repeat("- ", 20000) + "x\n", 1},
		{"deep numbered lists", strings.Repeat("1) ", 20000) + "x\n", 1},
		{"footnotes", strings.Repeat("A claim.[^n]\n\n[^n]: A source.\n\n", 2000), 0},
		{"too many footnotes", strings.Repeat("A claim.[^n]\n\n[^n]: A source.\n\n", 2001), 2000*4 + 3},
	} {
		line, err := CheckCost([]byte(tc.src))
		if (err != nil) != (tc.line != 0) || line != tc.line {
			t.Errorf("%s: line %d, err %v; want line %d", tc.name, line, err, tc.line)
		}
		if tc.line != 0 {
			if _, err := New().Convert([]byte(tc.src)); err == nil {
				t.Errorf("%s: Convert parsed it", tc.name)
			}
		}
	}
}
