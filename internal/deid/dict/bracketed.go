package dict

import "strings"

// bracketed reports whether word i stands alone in brackets right after
// the word before it: "WIFE (BETTY) CALLED", "my niece (Ola) came". A name
// put in brackets after a kinship or role word is that person's, as it is
// after a comma ("HUSBAND, FRANK, VISITED").
func (a *analysis) bracketed(i int) bool {
	if i <= 0 || i >= len(a.toks) {
		return false
	}
	g := a.toks[i].Gap
	if strings.Contains(g, "\n") || strings.TrimSpace(g) != "(" {
		return false
	}
	if i+1 < len(a.toks) {
		return strings.HasPrefix(strings.TrimLeft(a.toks[i+1].Gap, " "), ")")
	}
	return false
}
