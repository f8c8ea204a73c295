package markdown

import (
	"bytes"
	"fmt"
	"math/rand"
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

// checkCostByBytes is the byte-at-a-time form checkCost had before it
// skipped the lines without "](": the reference it must agree with.
func checkCostByBytes(src []byte, maxScan int) (int, error) {
	cost := 0
	line, lineStart := 1, 0
	runStart, runOpen, notes := 0, 0, 0
	for i := 0; i <= len(src); i++ {
		if i == len(src) || src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r' {
			cost += runOpen * (i - runStart)
			runOpen = 0
			runStart = i + 1
			if i == len(src) || src[i] == '\n' {
				depth, rest := containers(src[lineStart:i])
				if depth > maxNesting {
					return line, fmt.Errorf("nested %d", depth)
				}
				if bytes.HasPrefix(rest, []byte("[^")) && bytes.Contains(rest, []byte("]:")) {
					if notes++; notes > maxFootnotes {
						return line, fmt.Errorf("footnotes")
					}
				}
				if cost > maxScan {
					return line, fmt.Errorf("openings %d", countOpenings(src[lineStart:i]))
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

// checkCost must refuse exactly the documents, at exactly the lines, that
// the byte-at-a-time scan refuses, whatever the bound on link scanning.
func TestCheckCostAsByteScan(t *testing.T) {
	parts := []string{"](", "]", "(", "[a](", "[a](b)", "![a](", "x", "word", " ", "  ", "\t", "\r", "\n", "\r\n", "\n\n",
		"> ", "- ", "1. ", "2) ", "   ", "[^n]: note", "[^", "]:", "é", strings.Repeat("> ", 60), strings.Repeat("- ", 60)}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for n := r.Intn(40); n >= 0; n-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		src := []byte(b.String())
		maxScan := r.Intn(120)
		wantLine, wantErr := checkCostByBytes(src, maxScan)
		line, err := checkCost(src, maxScan)
		if line != wantLine || (err != nil) != (wantErr != nil) {
			t.Fatalf("checkCost(%q, %d) = %d, %v; want %d, %v", src, maxScan, line, err, wantLine, wantErr)
		}
		var n int
		if _, scanErr := fmt.Sscanf(fmt.Sprint(wantErr), "openings %d", &n); scanErr == nil {
			if want := "(" + plural(n, "opening") + ")"; !strings.Contains(err.Error(), want) {
				t.Fatalf("checkCost(%q, %d): %v; want %s", src, maxScan, err, want)
			}
		} else if err != nil && strings.Contains(err.Error(), "openings") {
			t.Fatalf("checkCost(%q, %d): %v; want %v", src, maxScan, err, wantErr)
		}
	}
	for _, d := range genDocs(16) {
		for _, maxScan := range []int{0, 10, 1000, maxDestScan} {
			wantLine, wantErr := checkCostByBytes(d, maxScan)
			if line, err := checkCost(d, maxScan); line != wantLine || (err != nil) != (wantErr != nil) {
				t.Fatalf("generated document, bound %d: line %d, %v; want %d, %v", maxScan, line, err, wantLine, wantErr)
			}
		}
	}
}

// linkCost reads only the runs around each "](": it must give what the
// byte loop over the whole line gives, on random lines.
func TestLinkCostAsByteLoop(t *testing.T) {
	byBytes := func(line []byte) int {
		cost, runStart, runOpen := 0, 0, 0
		for i := 0; i <= len(line); i++ {
			if i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r' {
				cost += runOpen * (i - runStart)
				runOpen, runStart = 0, i+1
				continue
			}
			if line[i] == ']' && i+1 < len(line) && line[i+1] == '(' {
				runOpen++
			}
		}
		return cost
	}
	r := rand.New(rand.NewSource(41))
	const pieces = "]]((  \t\rax["
	for i := 0; i < 200000; i++ {
		b := make([]byte, r.Intn(30))
		for j := range b {
			b[j] = pieces[r.Intn(len(pieces))]
		}
		if got, want := linkCost(b), byBytes(b); got != want {
			t.Fatalf("linkCost(%q) = %d, the byte loop gives %d", b, got, want)
		}
	}
}
