package plan

// label returns "[t]" when t is one of the allowed neutral labels, else
// "[fallback]": recognizer type names never reach the output unchecked.
func label(t, fallback string, allowed ...string) string {
	if t == "domain" {
		t = "url"
	}
	for _, a := range allowed {
		if t == a {
			return "[" + t + "]"
		}
	}
	return "[" + fallback + "]"
}
