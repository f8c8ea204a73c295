package plan

import "github.com/veil-blog/veil/internal/deid"

// labelOp replaces a contact, an ID or a rare detail by a neutral label:
// "[t]" when the finding's type t is one of allowed, else "[fallback]", so
// that recognizer type names never reach the output unchecked. A "domain"
// is a "url".
type labelOp struct {
	fallback string
	allowed  []deid.Type
}

func (o labelOp) replace(_ *document, f deid.Finding, _ deid.Action) string {
	t := f.Type
	if t == deid.TypeDomain {
		t = deid.TypeURL
	}
	for _, a := range o.allowed {
		if t == a {
			return "[" + string(t) + "]"
		}
	}
	return "[" + o.fallback + "]"
}
