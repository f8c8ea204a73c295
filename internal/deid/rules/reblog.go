package rules

import (
	"regexp"
	"strings"
)

// A reblog line names the blog that reblogged a post, as blog software
// writes it under comments: "Reblogged this on The Reflective Helper and
// commented:", "Reblogged this on quietpractice." The blog's name, whatever
// its case (blog addresses are often one word in lower case), points to its
// author, as a pingback's does.
var reblogRE = regexp.MustCompile(`(?m)\bReblogged this on[ \t]+([^\n]{2,80}?)(?:[ \t]+and commented\b|[ \t]*[.:]?[ \t]*$)`)

// reblogNames returns the spans of the blog names of reblog lines.
func reblogNames(text string) [][2]int {
	if !strings.Contains(text, "Reblogged this on") {
		return nil
	}
	var out [][2]int
	for _, m := range reblogRE.FindAllStringSubmatchIndex(text, -1) {
		s, e := m[2], m[3]
		for e > s && strings.IndexByte(".:", text[e-1]) >= 0 {
			e--
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	return out
}
