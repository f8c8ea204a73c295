package risk

import "github.com/veil-blog/veil/internal/deid"

type deidFinding struct {
	Start, End  int
	Replacement string
}

func toDeid(fs []deidFinding) []deid.Finding {
	out := make([]deid.Finding, len(fs))
	for i, f := range fs {
		out[i] = deid.Finding{Start: f.Start, End: f.End, Replacement: f.Replacement}
	}
	return out
}
