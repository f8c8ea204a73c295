package site

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/render"
)

// TestExpandAsReplacer checks the single-scan expand against the
// strings.Replacer it replaced, on patterns with every placeholder, stray
// colons and placeholders run together.
func TestExpandAsReplacer(t *testing.T) {
	p := &render.Post{Slug: "a-walk", Section: "notes", Date: time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC)}
	want := func(pattern string) string {
		return strings.NewReplacer(
			":slug", p.Slug, ":section", p.Section,
			":year", fmt.Sprintf("%04d", p.Date.Year()),
			":month", fmt.Sprintf("%02d", int(p.Date.Month())),
			":day", fmt.Sprintf("%02d", p.Date.Day()),
		).Replace(pattern)
	}
	for _, pattern := range []string{
		"/:slug/", "/:section/:slug/", "/:year/:month/:day/:slug/", "/posts/", "",
		"/:slugs/", "/::slug:/", "/a:b/:sectio/:secti:day/", ":year:month:day", "/:/:x/:", "/:s:slug",
	} {
		if got := expand(pattern, p); got != want(pattern) {
			t.Errorf("expand(%q) = %q, want %q", pattern, got, want(pattern))
		}
	}
}
