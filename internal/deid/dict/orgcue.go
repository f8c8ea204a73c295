package dict

import "strings"

// undotted returns words without a final full stop on any of them, or
// words itself when none has one.
func undotted(words []string) []string {
	var out []string
	for i, w := range words {
		if strings.HasSuffix(w, ".") {
			if out == nil {
				out = append([]string(nil), words...)
			}
			out[i] = strings.TrimSuffix(w, ".")
		}
	}
	if out == nil {
		return words
	}
	return out
}
