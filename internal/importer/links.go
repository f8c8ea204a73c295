package importer

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// linkPosts turns links between the imported posts into Hugo ref
// shortcodes, which veil resolves to the linked post's new address at
// build time. Left as they were, such links would keep the old address,
// whose slug is the old title, and de-identification would blank them.
// It runs once every post is staged, since a post may link to a later one.
func (im *importer) linkPosts() error {
	targets := map[string]string{} // normalised old address -> content-relative file
	for i, e := range im.entries {
		rel := filepath.ToSlash(im.staged[i])
		if k := linkKey(e.Address); k != "" {
			targets[k] = rel
		}
		if e.ID != "" {
			targets["?p="+e.ID] = rel
			targets["?page_id="+e.ID] = rel
		}
		if e.Slug != "" && im.siteURL != "" {
			// Pretty links of the other common shapes of the same post.
			targets[linkKey(strings.TrimSuffix(im.siteURL, "/")+"/"+e.Slug+"/")] = rel
		}
	}
	if len(targets) == 0 {
		return nil
	}
	host := ""
	if u, err := url.Parse(im.siteURL); err == nil {
		host = strings.TrimPrefix(u.Host, "www.")
	}
	for _, rel := range im.staged {
		full := filepath.Join(im.tmp, filepath.FromSlash(rel))
		b, err := os.ReadFile(full)
		if err != nil {
			return fmt.Errorf("import wordpress: %w", err)
		}
		changed := false
		out := mdLink.ReplaceAllStringFunc(string(b), func(m string) string {
			sub := mdLink.FindStringSubmatch(m)
			u, err := url.Parse(sub[1])
			if err != nil || (u.Host != "" && strings.TrimPrefix(u.Host, "www.") != host) {
				return m
			}
			key := linkKey(sub[1])
			if q := u.Query(); q.Get("p") != "" {
				key = "?p=" + q.Get("p")
			} else if q.Get("page_id") != "" {
				key = "?page_id=" + q.Get("page_id")
			}
			target, ok := targets[key]
			if !ok {
				return m
			}
			changed = true
			return fmt.Sprintf("](%s)", refShortcode(target))
		})
		if changed {
			if err := os.WriteFile(full, []byte(out), 0o644); err != nil {
				return fmt.Errorf("import wordpress: %w", err)
			}
		}
	}
	return nil
}

// mdLink finds a Markdown link or image destination: ](address).
var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// linkKey normalises a post's address: its path without the host, the
// scheme, a trailing slash or a fragment.
func linkKey(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Path == "" || u.Path == "/" {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(u.Path, "/"))
}

// refShortcode is the Hugo ref shortcode for a content-relative file.
func refShortcode(rel string) string {
	return `{{< ref "` + rel + `" >}}`
}
