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
		p := &c.Post
		pattern := "/:slug/"
		if !p.IsPage {
			folder := p.Section
			if public, ok := sections[folder]; ok {
				p.Section = public
			} else if _, ok := patterns[folder]; !ok {
				// A section no published post is in: its folder name was
				// never de-identified, so it is not put in the address.
				p.Section = neutralSection
			}
			pattern = patterns[folder]
			if pattern == "" {
				pattern = "/" + p.Section + "/:slug/"
			}
		}
		claimPermalink(p, pattern, taken)
	}
}
