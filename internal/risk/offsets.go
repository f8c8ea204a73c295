package risk

import "github.com/veil-blog/veil/internal/deid"

// InputOffset maps a byte offset in the published text back to the text that was
// de-identified, given the findings that were replaced (sorted by Start, not overlapping):
// outside a replacement the text is unchanged but shifted; inside one, the offset is the
// start of the original.
func InputOffset(findings []deid.Finding, pub int) int {
	shift := 0 // published - input, before the current finding
	for _, f := range findings {
		ps := f.Start + shift // the replacement's start in the published text
		if pub < ps {
			break
		}
		pe := ps + len(f.Replacement)
		if pub < pe {
			return f.Start
		}
		shift += len(f.Replacement) - (f.End - f.Start)
	}
	return pub - shift
}

// PersonStarts returns where each replaced person's name starts in the published text,
// given the findings that were replaced (sorted by Start, not overlapping): a sentence
// holding one is about a person, whatever pseudonym stands there.
func PersonStarts(findings []deid.Finding) []int {
	var out []int
	shift := 0
	for _, f := range findings {
		if f.Kind == deid.Person && f.Replacement != "" {
			out = append(out, f.Start+shift)
		}
		shift += len(f.Replacement) - (f.End - f.Start)
	}
	return out
}
