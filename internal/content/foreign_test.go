package content

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFrontMatterFormats(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"toml", "+++\ntitle = \"Quiet evenings\"\ndate = 2023-04-11T09:00:00-05:00\ntags = [\"evenings\", \"practice\"]\ncategories = [\"reflection\"]\naliases = [\"/old/quiet/\"]\ndraft = false\nlastmod = 2023-05-01\n[params]\n  mood = \"calm\"\n+++\nBody here.\n"},
		{"json", "{\n  \"title\": \"Quiet evenings\",\n  \"date\": \"2023-04-11T09:00:00-05:00\",\n  \"tags\": [\"evenings\", \"practice\"],\n  \"categories\": \"reflection\",\n  \"aliases\": [\"/old/quiet/\"],\n  \"lastmod\": \"2023-05-01\",\n  \"params\": {\"mood\": \"calm\"}\n}\nBody here.\n"},
		{"yaml", "---\ntitle: Quiet evenings\ndate: 2023-04-11T09:00:00-05:00\ntags: [evenings, practice]\ncategory: reflection\naliases: [/old/quiet/]\nlastmod: 2023-05-01\nparams: {mood: calm}\n---\nBody here.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("content/post/q.md", "post/q.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			m := p.Meta
			if m.Title != "Quiet evenings" || p.Section != "post" || string(p.Body) != "Body here.\n" {
				t.Errorf("title %q section %q body %q", m.Title, p.Section, p.Body)
			}
			if want := time.Date(2023, 4, 11, 14, 0, 0, 0, time.UTC); !m.Date.Equal(want) {
				t.Errorf("date = %v, want %v", m.Date, want)
			}
			if m.Lastmod.Format("2006-01-02") != "2023-05-01" {
				t.Errorf("lastmod = %v", m.Lastmod)
			}
			if strings.Join(m.Tags, ",") != "evenings,practice" || strings.Join(m.Categories, ",") != "reflection" || strings.Join(m.Aliases, ",") != "/old/quiet/" {
				t.Errorf("tags %v categories %v aliases %v", m.Tags, m.Categories, m.Aliases)
			}
			if len(p.Unknown) != 1 || p.Unknown[0].Key != "params" {
				t.Errorf("unknown = %+v", p.Unknown)
			}
			if m.Lines["tags"] != 4 && tt.name != "yaml" || tt.name == "yaml" && m.Lines["tags"] != 4 {
				t.Errorf("tags on line %d, want 4", m.Lines["tags"])
			}
		})
	}
}

func TestFrontMatterErrorsForeign(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		want      string
	}{
		{"toml syntax", "+++\ntitle = \"x\"\ndate = = 2023\n+++\n", 3, "TOML"},
		{"toml unclosed", "+++\ntitle = \"x\"\n", 1, "never closed"},
		{"json syntax", "{\n  \"title\": \"x\",\n  \"date\": ,\n}\n", 3, "JSON"},
		{"json unclosed", "{\n  \"title\": \"x\",\n", 1, "never closed"},
		{"toml bad date", "+++\ntitle = \"x\"\ndate = \"someday\"\n+++\n", 3, "unknown date format"},
		{"toml draft text", "+++\ntitle = \"x\"\ndate = 2023-01-01\ndraft = \"maybe\"\n+++\n", 4, "true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("content/post/x.md", "post/x.md", []byte(tt.src))
			ce, ok := err.(*Error)
			if !ok {
				t.Fatalf("err = %v, want *Error", err)
			}
			if ce.Line != tt.line || !strings.Contains(ce.Msg, tt.want) {
				t.Errorf("got %q (line %d), want line %d with %q", err, ce.Line, tt.line, tt.want)
			}
		})
	}
}

func TestHugoDates(t *testing.T) {
	p, err := Parse("c/post/a.md", "post/a.md", []byte("+++\ntitle = \"a\"\npublishDate = 2030-01-01\nexpiryDate = 2031-01-01\n+++\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Meta.Date.Year() != 2030 {
		t.Errorf("date should fall back to publishDate: %v", p.Meta.Date)
	}
	for _, tt := range []struct {
		now  time.Time
		live bool
	}{
		{time.Date(2029, 12, 31, 0, 0, 0, 0, time.UTC), false},
		{time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC), false},
	} {
		if got := p.Meta.Live(tt.now); got != tt.live {
			t.Errorf("Live(%v) = %v", tt.now, got)
		}
	}
	p, err = Parse("c/post/c.md", "post/c.md", []byte("+++\ntitle = \"c\"\nlastmod = 2022-02-02\n+++\n"))
	if err != nil || p.Meta.Date.Format("2006-01-02") != "2022-02-02" {
		t.Errorf("date should fall back to lastmod: %v, %v", p, err)
	}
	// Jekyll's published: false keeps a post back.
	p, err = Parse("c/post/b.md", "post/b.md", []byte("---\ntitle: b\ndate: 2020-01-01\npublished: false\n---\n"))
	if err != nil || !p.Meta.Draft {
		t.Errorf("published: false -> draft %v, err %v", p != nil && p.Meta.Draft, err)
	}
}

func TestShortcodes(t *testing.T) {
	src := "+++\ntitle = \"s\"\ndate = 2023-01-01\n+++\n" +
		"Intro {{< ref \"other.md\" >}} and {{< relref path=\"/notes/third\" >}}.\n" + // line 5
		"{{< figure src=\"walk.jpg\" alt=\"A path\" caption=\"Morning walk\" >}}\n" + // 6
		"{{< highlight go \"linenos=table\" >}}\nfmt.Println(1)\n{{< /highlight >}}\n" + // 7-9
		"{{< youtube id=\"abc_123\" >}}\n" + // 10
		"{{% aside %}}Kept text{{% /aside %}}\n" + // 11
		"{{< gist someone 42 >}}\n" + // 12
		"{{</* figure src=\"x\" */>}}\n" + // 13
		"{{< details summary=\"More\" >}}\nline one\nline two\n{{< /details >}}\n" + // 14-17
		"End.\n" // 18
	p, err := Parse("content/post/s.md", "post/s.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	body := string(p.Body)
	for _, w := range []string{
		"Intro " + RefToken(0) + " and " + RefToken(1) + ".\n",
		"![A path](walk.jpg) <br> Morning walk\n",
		"```go\nfmt.Println(1)\n```\n",
		"[Watch the video](https://www.youtube.com/watch?v=abc_123)\n",
		"Kept text\n",
		"{{< figure src=\"x\" >}}\n",
		"\nline one\nline two\n\nEnd.\n",
	} {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %q:\n%s", w, body)
		}
	}
	if strings.Contains(body, "gist") || strings.Contains(body, "aside") || strings.Contains(body, "details") {
		t.Errorf("unknown shortcode tags left:\n%s", body)
	}
	if strings.Join(p.Refs, ",") != "other.md,/notes/third" {
		t.Errorf("refs = %q", p.Refs)
	}
	// Lines are kept: "End." is still on line 18 of the file.
	if got := NewLineIndex(string(p.Source)).Line(strings.Index(string(p.Source), "End.")); got != 18 {
		t.Errorf("End. on line %d, want 18", got)
	}
	notes := strings.Join(p.Notes, "\n")
	for _, w := range []string{
		`content/post/s.md:11: Hugo shortcode "aside" is not known to veil: its tags were removed and the text between them kept`,
		`content/post/s.md:12: Hugo shortcode "gist" is not known to veil: removed`,
		`content/post/s.md:14: Hugo shortcode "details"`,
	} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
	if len(p.Notes) != 3 {
		t.Errorf("notes = %q", p.Notes)
	}
}

func TestLiquid(t *testing.T) {
	src := "---\nlayout: post\n---\n" +
		"See [the first]({% post_url 2023-01-02-first-visit %}) and ![x]({{ site.baseurl }}/assets/a.png).\n" + // 4
		"{% include note.html %}\n" + // 5
		"{% highlight ruby %}\nputs 1\n{% endhighlight %}\n" + // 6-8
		"{% comment %}\nprivate remark\n{% endcomment %}\n" + // 9-11
		"{% raw %}{{ kept }}{% endraw %}\n" + // 12
		"{{ page.title }} and {{ \"/about/\" | relative_url }}\n" + // 13
		"{% if x %}inside{% endif %}\n" // 14
	p, err := ParseKind("_posts/2023-02-03-a-quiet-day.md", "posts/2023-02-03-a-quiet-day.md", []byte(src), JekyllPost)
	if err != nil {
		t.Fatal(err)
	}
	if p.Meta.Title != "A Quiet Day" || p.Meta.Date.Format("2006-01-02") != "2023-02-03" {
		t.Errorf("title %q date %v from the file name", p.Meta.Title, p.Meta.Date)
	}
	body := string(p.Body)
	for _, w := range []string{
		"See [the first](" + RefToken(0) + ") and ![x](/assets/a.png).\n",
		"```ruby\nputs 1\n```\n",
		"{{ kept }}\n",
		" and /about/\n",
		"inside\n",
	} {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %q:\n%s", w, body)
		}
	}
	for _, no := range []string{"{%", "private remark", "page.title", "include"} {
		if strings.Contains(body, no) {
			t.Errorf("body holds %q:\n%s", no, body)
		}
	}
	if strings.Join(p.Refs, ",") != "posts/2023-01-02-first-visit" {
		t.Errorf("refs = %q", p.Refs)
	}
	notes := strings.Join(p.Notes, "\n")
	for _, w := range []string{`:5: Liquid tag "include" has no meaning in veil: removed`, `:13: Liquid output {{ page… }}`, `:14: Liquid tag "if"`, `:14: Liquid tag "endif"`} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
	if got := NewLineIndex(string(p.Source)).Line(strings.Index(string(p.Source), "inside")); got != 14 {
		t.Errorf("line of 'inside' = %d, want 14", got)
	}
	// Liquid is not read in a Hugo or veil post.
	q, err := Parse("content/posts/q.md", "posts/q.md", []byte("---\ntitle: q\ndate: 2023-01-01\n---\nA template: {{ .Title }} {% x %}\n"))
	if err != nil || !strings.Contains(string(q.Body), "{{ .Title }} {% x %}") {
		t.Errorf("non-Jekyll body changed: %q, %v", q.Body, err)
	}
}

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, s := range files {
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadHugoSite(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"content/_index.md":                      "+++\ntitle = \"Home\"\n+++\nWelcome\n",
		"content/blog/_index.md":                 "+++\ntitle = \"The blog\"\n+++\nAll posts\n",
		"content/notes/_index.md":                "+++\n+++\n",
		"content/blog/plain.md":                  "+++\ntitle = \"Plain\"\ndate = 2023-01-01\n+++\nx\n",
		"content/notes/walk/index.md":            "---\ntitle: Walk\ndate: 2023-02-01\n---\n![a](garden-of-odile.jpg) ![b](./img/second.png) [doc](notes.pdf \"t\")\n<img src=\"img/second.png\">\n",
		"content/notes/walk/garden-of-odile.jpg": "jpg",
		"content/notes/walk/img/second.png":      "png",
		"content/notes/walk/notes.pdf":           "pdf",
		"content/notes/walk/unused.png":          "png",
		"content/notes/walk/extra.md":            "---\ntitle: e\n---\n",
		"content/about/index.md":                 "---\ntitle: About\n---\nme\n",
		"content/homepage/index.md":              "+++\nheadless = true\n+++\n",
		"content/homepage/work.md":               "+++\ntitle = \"Work\"\n+++\nx\n",
		"content/blog/hidden.md":                 "---\ntitle: h\n_build: {render: never}\n---\n",
	})
	s, err := Load(context.Background(), root, filepath.Join(root, "content"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Errors) != 0 {
		t.Fatalf("errors = %v", s.Errors)
	}
	got := map[string]*Post{}
	var rels []string
	for _, p := range s.Posts {
		got[p.Rel] = p
		rels = append(rels, p.Rel+"["+p.Section+"]")
	}
	if want := "about/index.md[],blog/_index.md[],blog/plain.md[blog],notes/_index.md[],notes/walk/index.md[notes]"; strings.Join(rels, ",") != want {
		t.Errorf("posts = %s\nwant    %s", strings.Join(rels, ","), want)
	}
	if p := got["blog/_index.md"]; !p.SectionIndex || !p.IsPage() || p.Meta.Title != "The blog" {
		t.Errorf("section page = %+v", p.Meta)
	}
	if p := got["notes/_index.md"]; p.Meta.Title != "Notes" {
		t.Errorf("untitled section page title = %q, want the section's name", p.Meta.Title)
	}
	walk := got["notes/walk/index.md"]
	var res []string
	for _, r := range walk.Resources {
		rel, _ := filepath.Rel(filepath.Join(root, "content/notes/walk"), r.Path)
		res = append(res, filepath.ToSlash(rel)+"="+r.Name)
	}
	if want := "garden-of-odile.jpg=image-1.jpg,img/second.png=image-2.png,notes.pdf=file-3.pdf"; strings.Join(res, ",") != want {
		t.Errorf("resources = %s\nwant        %s", strings.Join(res, ","), want)
	}
	if body := string(walk.Body); body != "![a](image-1.jpg) ![b](image-2.png) [doc](file-3.pdf \"t\")\n<img src=\"image-2.png\">\n" {
		t.Errorf("bundle body = %q", body)
	}
	warns := strings.Join(s.Warnings, "\n")
	for _, w := range []string{"content/_index.md: the home page's own text is not used", "homepage/index.md: headless", "blog/hidden.md: headless", "walk/unused.png: the post does not refer to this file", "walk/extra.md: a Markdown file inside a bundle"} {
		if !strings.Contains(warns, w) {
			t.Errorf("warnings lack %q:\n%s", w, warns)
		}
	}
}

func TestLoadJekyllSite(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"_config.yml":                       "title: x\n",
		"_posts/2023-03-04-first-visit.md":  "---\nlayout: post\ntags: visits first-meetings\n---\nFirst {% include x.html %}\n",
		"_posts/2023-03-09-second.markdown": "---\ntitle: Second thoughts\ndate: 2023-03-10 08:00:00 +0100\n---\nSee {% post_url 2023-03-04-first-visit %}\n",
		"_posts/notes/2023-04-01-nested.md": "---\n---\nnested\n",
		"_posts/undated.md":                 "---\ntitle: u\n---\n",
		"_drafts/idea.md":                   "---\ntitle: An idea\n---\nlater\n",
		"_layouts/post.html":                "<html>{{ content }}</html>",
		"about.md":                          "---\ntitle: About\n---\nme\n",
		"index.markdown":                    "---\nlayout: home\n---\n",
		"contact-me.md":                     "---\nlayout: page\n---\nWrite.\n",
		"README.md":                         "# How to build\n",
		"index.html":                        "---\nlayout: home\n---\n",
	})
	s, err := Load(context.Background(), root, filepath.Join(root, "content"))
	if err != nil {
		t.Fatal(err)
	}
	var rels []string
	for _, p := range s.Posts {
		rels = append(rels, p.Rel+"="+p.Meta.Title+"@"+p.Meta.Date.Format("2006-01-02"))
	}
	want := "about.md=About@0001-01-01,contact-me.md=Contact Me@0001-01-01,posts/2023-03-04-first-visit.md=First Visit@2023-03-04,posts/2023-03-09-second.markdown=Second thoughts@2023-03-10,posts/idea.md=An idea@"
	if got := strings.Join(rels, ","); !strings.HasPrefix(got, want) || !strings.Contains(got, "posts/notes/2023-04-01-nested.md=Nested@2023-04-01") {
		t.Errorf("posts = %s\nwant    %s...", got, want)
	}
	for _, p := range s.Posts {
		if p.Rel == "posts/2023-03-04-first-visit.md" && strings.Join(p.Meta.Tags, ",") != "visits,first-meetings" {
			t.Errorf("Jekyll tags as a string = %q, want two tags", p.Meta.Tags)
		}
		if p.Rel == "posts/idea.md" && (!p.Meta.Draft || p.Meta.Date.IsZero()) {
			t.Errorf("a _drafts file must be a dated draft: %+v", p.Meta)
		}
		if p.Rel != "about.md" && p.Rel != "contact-me.md" && p.Section != "posts" && p.Rel != "posts/idea.md" {
			t.Errorf("%s: section %q", p.Rel, p.Section)
		}
	}
	errs := ""
	for _, e := range s.Errors {
		errs += e.Error() + "\n"
	}
	if len(s.Errors) != 1 || !strings.Contains(errs, "_posts/undated.md:1: front matter has no date") {
		t.Errorf("errors = %s", errs)
	}
	warns := strings.Join(s.Warnings, "\n")
	if !strings.Contains(warns, "index.markdown: the site's own home page is not used") || !strings.Contains(warns, "README.md: no front matter") || !strings.Contains(warns, `first-visit.md:5: Liquid tag "include"`) {
		t.Errorf("warnings = %s", warns)
	}
}

// BenchmarkManyShortcodes: a long post full of unknown shortcodes and
// Liquid tags is rewritten in time linear in its length.
func BenchmarkManyShortcodes(b *testing.B) {
	body := strings.Repeat("Text {{< aside >}}kept{{< /aside >}} {% include x %} and {{ page.y }}.\n", 20000)
	src := []byte("---\ntitle: t\ndate: 2024-01-01\n---\n" + body)
	for b.Loop() {
		if _, err := ParseKind("p.md", "posts/p.md", src, JekyllPost); err != nil {
			b.Fatal(err)
		}
	}
}

func TestVeilAcceptInEveryNotation(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		line      int
	}{
		{"yaml", "---\ntitle: a\ndate: 2024-01-01\nveil:\n  known: [Someone]\n  accept:\n    - text: the only lighthouse\n      reason: public landmark\n---\n", 7},
		{"toml", "+++\ntitle = \"a\"\ndate = 2024-01-01\n[veil]\nknown = [\"Someone\"]\naccept = [{text = \"the only lighthouse\", reason = \"public landmark\"}]\n+++\n", 4},
		{"json", "{\"title\": \"a\", \"date\": \"2024-01-01\",\n \"veil\": {\"known\": [\"Someone\"], \"accept\": [{\"text\": \"the only lighthouse\", \"reason\": \"public landmark\"}]}}\n", 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("c/posts/a.md", "posts/a.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			v := p.Meta.Veil
			if len(v.Known) != 1 || len(v.Accept) != 1 || v.Accept[0].Text != "the only lighthouse" || v.Accept[0].Reason != "public landmark" || v.Accept[0].Line != tt.line {
				t.Errorf("veil = %+v, want one known, one accept on line %d", v, tt.line)
			}
		})
	}
}
