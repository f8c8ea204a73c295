package site

// assignUnlisted gives drafts and held-back posts the permalinks they would
// have if published, numbered past the published posts' (which keep
// theirs), so that the preview shows each at the address it would have.
func assignUnlisted(published, drafts []*Cleared, held []Held, patterns, sections map[string]string) {
	taken := map[string]bool{}
	for _, c := range published {
		taken[c.Post.Permalink] = true
	}
	rest := append([]*Cleared(nil), drafts...)
	for _, h := range held {
		if h.Post != nil {
			rest = append(rest, h.Post)
		}
	}
	sortByDate(rest)
	for _, c := range rest {
		claimPermalink(&c.Post, sectionPattern(&c.Post, patterns, sections, true), taken)
	}
}
