package plan

import "github.com/veil-blog/veil/internal/deid"

// labelOp replaces a contact, an ID or a rare detail by a neutral label:
// "[t]" when the finding's type t is one of allowed, else "[fallback]", so
// that recognizer type names never reach the output unchecked. A "domain"
// is a "url".
type labelOp struct {
	fallback string
	allowed  []string
}

func (o labelOp) replace(_ *document, f deid.Finding, _ deid.Action) string {
	t := f.Type
	if t == "domain" {
		t = "url"
	}
	for _, a := range o.allowed {
		if t == a {
			return "[" + t + "]"
		}
	}
	return "[" + o.fallback + "]"
}
