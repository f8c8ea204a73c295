package render

import (
	"cmp"
	"slices"
	"strings"
)

// termInput is one listed post with the names of its terms in a taxonomy.
type termInput struct {
	pd    *PostData
	names []string
}

// buildTerms groups posts by term for the taxonomy under base
// ("/tags/" or "/categories/"): one page per slug, named by
// the spelling that sorts first, posts newest first, terms by name. It
// sets each post's links in set. in must be in list order (sortPosts):
// each term's posts keep it.
func buildTerms(sd SiteData, base string, in []termInput, set func(*PostData, *TagRef)) []*TagData {
	terms := map[string]*TagData{}
	names := map[string][]string{}
	slugs := map[string]string{} // by name: a site has few, used by many posts
	var seen []string            // this post's slugs so far (a post has few)
	for _, it := range in {
		seen = seen[:0]
		for _, name := range it.names {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			slug, ok := slugs[name]
			if !ok {
				slug = tagSlug(name)
				slugs[name] = slug
			}
			if slices.Contains(seen, slug) {
				continue
			}
			seen = append(seen, slug)
			t := terms[slug]
			if t == nil {
				rel := base + slug + "/"
				t = &TagData{Slug: slug, RelPermalink: sd.RelURL(rel), URL: sd.AbsURL(rel), FeedURL: sd.RelURL(rel + "index.xml")}
				terms[slug] = t
			}
			if ns := names[slug]; !slices.Contains(ns, name) {
				names[slug] = append(ns, name)
			}
			t.Posts = append(t.Posts, it.pd)
		}
	}
	list := make([]*TagData, 0, len(terms))
	for slug, t := range terms {
		t.Name = slices.Min(names[slug])
		list = append(list, t) // t.Posts are in the order of in: sorted
	}
	slices.SortFunc(list, func(a, b *TagData) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.Slug, b.Slug))
	})
	for _, t := range list {
		ref := &TagRef{Name: t.Name, Slug: t.Slug, RelPermalink: t.RelPermalink} // read-only: shared by the posts
		for _, pd := range t.Posts {
			set(pd, ref)
		}
	}
	return list
}

// renderCategories writes the category index, each category's page and
// feed, when any post has a category. Categories use the tag layouts; the
// page Kind ("categories", "category") tells them apart.
func (r *Renderer) renderCategories(out *outputs, sd SiteData, site Site, cats []*TagData) error {
	if len(cats) == 0 {
		return nil
	}
	index := &Page{Site: sd, Kind: "categories", Title: "Categories", Description: "All categories of " + site.Title,
		RelURL: sd.RelURL("/categories/"), URL: sd.AbsURL("/categories/"), Tags: cats}
	if err := out.page(r, "tags.html", "categories/index.html", index); err != nil {
		return err
	}
	for _, t := range cats {
		page := &Page{Site: sd, Kind: "category", Title: t.Name, Description: "Posts in the category " + t.Name,
			RelURL: t.RelPermalink, URL: t.URL, FeedURL: t.FeedURL, Posts: t.Posts, Tag: t}
		if err := out.page(r, "tag.html", "categories/"+t.Slug+"/index.html", page); err != nil {
			return err
		}
		// Made when asked for, as the tag feeds are: the preview plans the
		// whole site on every save and would otherwise encode every
		// category's feed each time.
		if err := out.lazy("categories/"+t.Slug+"/index.xml", func() ([]byte, error) {
			return rssFeed(sd, site.Title+" – "+t.Name, t.URL, sd.AbsURL("/categories/"+t.Slug+"/index.xml"), site.Description, t.Posts, &out.feeds)
		}); err != nil {
			return err
		}
	}
	return nil
}
