package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	if body != "" {
		if err := os.WriteFile(filepath.Join(dir, FileName), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDefaultsWithoutFile(t *testing.T) {
	cfg, warns, err := Load(writeConfig(t, ""), Options{Getenv: env(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings = %v, want none", warns)
	}
	if cfg.PublishDir != "public" || cfg.ContentDir != "content" || cfg.Paginate != 10 || cfg.File != "" {
		t.Errorf("defaults not applied: %+v", cfg)
	}
	if cfg.Permalinks["posts"] != "/posts/:slug/" {
		t.Errorf("permalinks = %v", cfg.Permalinks)
	}
	if cfg.Deid.Person != Replace || cfg.Deid.Contact != Redact {
		t.Errorf("deid defaults = %+v", cfg.Deid)
	}
}

func TestPrecedence(t *testing.T) {
	dir := writeConfig(t, "title: From file\npaginate: 3\npublishDir: out-file\nauthor: File Author\n")
	tests := []struct {
		name                string
		env                 map[string]string
		flags               map[string]any
		title, author, dest string
		paginate            int
	}{
		{"file over defaults", nil, nil, "From file", "File Author", "out-file", 3},
		{"env over file", map[string]string{"VEIL_TITLE": "From env", "VEIL_PAGINATE": "7"}, nil, "From env", "File Author", "out-file", 7},
		{"flags over env", map[string]string{"VEIL_PUBLISHDIR": "out-env"}, map[string]any{"publishdir": "out-flag"}, "From file", "File Author", "out-flag", 3},
		{"env alone", map[string]string{"VEIL_PUBLISHDIR": "out-env", "VEIL_DEID_PERSON": "redact"}, nil, "From file", "File Author", "out-env", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, _, err := Load(dir, Options{Getenv: env(tt.env), Flags: tt.flags})
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Title != tt.title || cfg.Author != tt.author || cfg.PublishDir != tt.dest || cfg.Paginate != tt.paginate {
				t.Errorf("got title=%q author=%q dest=%q paginate=%d, want %q %q %q %d",
					cfg.Title, cfg.Author, cfg.PublishDir, cfg.Paginate, tt.title, tt.author, tt.dest, tt.paginate)
			}
		})
	}
	cfg, _, err := Load(dir, Options{Getenv: env(map[string]string{"VEIL_DEID_PERSON": "redact"})})
	if err != nil || cfg.Deid.Person != Redact {
		t.Errorf("nested env key: cfg.Deid.Person = %v, err %v", cfg.Deid.Person, err)
	}
}

func TestUnknownKeyWarns(t *testing.T) {
	dir := writeConfig(t, "title: T\ntitel: typo\ndeid:\n  persn: redact\npermalinks:\n  notes: /notes/:slug/\n")
	cfg, warns, err := Load(dir, Options{Getenv: env(nil)})
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(warns, "\n")
	for _, want := range []string{`"titel"`, `"deid.persn"`} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q do not name %s", joined, want)
		}
	}
	if len(warns) != 2 {
		t.Errorf("got %d warnings %q, want 2 (permalink sections are free-form)", len(warns), joined)
	}
	if cfg.Permalinks["notes"] != "/notes/:slug/" {
		t.Errorf("permalinks = %v", cfg.Permalinks)
	}
}

func TestInvalidValues(t *testing.T) {
	tests := []struct{ body, key, value string }{
		{"paginate: -3\n", "paginate", "-3"},
		{"baseURL: not a url\n", "baseURL", "not a url"},
		{"language: \"e n\"\n", "language", "e n"},
		{"deid:\n  person: scramble\n", "deid.person", "scramble"},
		{"risk:\n  threshold: 2\n", "risk.threshold", "2"},
		{"risk:\n  minCrowd: 0\n", "risk.minCrowd", "0"},
		{"risk:\n  minCrowd: -5\n", "risk.minCrowd", "-5"},
		{"risk:\n  minCrowd: twenty\n", "risk.mincrowd", "twenty"},
		{"risk:\n  homeArea: Atlantis\n", "risk.homeArea", "Atlantis"},
		{"risk:\n  flag: [contact, phone]\n", "risk.flag", "phone"},
		{"permalinks:\n  posts: /posts/\n", "permalinks.posts", "/posts/"},
	}
	for _, tt := range tests {
		dir := writeConfig(t, tt.body)
		_, _, err := Load(dir, Options{Getenv: env(nil)})
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%q: err = %v, want *Error", tt.body, err)
			continue
		}
		msg := err.Error()
		for _, want := range []string{filepath.Join(dir, FileName), tt.key, tt.value} {
			if !strings.Contains(msg, want) {
				t.Errorf("%q: error %q does not name %q", tt.body, msg, want)
			}
		}
	}
}

func TestUnparsableFile(t *testing.T) {
	dir := writeConfig(t, "title: [unclosed\n")
	_, _, err := Load(dir, Options{Getenv: env(nil)})
	if err == nil || !strings.Contains(err.Error(), FileName) {
		t.Fatalf("err = %v, want a parse error naming %s", err, FileName)
	}
}

func TestForeignConfig(t *testing.T) {
	tests := []struct {
		name, file, body                 string
		title, base, lang, author, descr string
		paginate                         int
		warn                             []string // each must appear
	}{
		{"hugo toml", "hugo.toml", "baseURL = 'https://notes.example.org/'\nlanguageCode = 'en-gb'\ntitle = 'Field notes'\ntheme = 'ananke'\n[permalinks]\n  post = '/:year/:month/:title/'\n  notes = '/:sections/:title/'\n[params]\n  description = 'Reflections on practice'\n  author = 'A. Writer'\n[pagination]\n  pagerSize = 4\n",
			"Field notes", "https://notes.example.org/", "en-gb", "A. Writer", "Reflections on practice", 4,
			[]string{`hugo.toml: Hugo key "theme" has no meaning in veil; ignored`}},
		{"hugo config.toml author table", "config.toml", "title = 'T'\nbaseURL = '/'\n[author]\n  name = 'Pen Name'\n",
			"T", "http://localhost/", "en", "Pen Name", "", 10, nil},
		{"hugo config directory", "config/_default/hugo.toml", "title = 'Dir'\nbaseURL = 'https://d.example.org/'\n",
			"Dir", "https://d.example.org/", "en", "", "", 10, nil},
		{"hugo yaml", FileName, "baseURL: https://a.example.org/\nlanguageCode: fr\ntitle: Carnet\nparams:\n  description: Notes\nmenu:\n  main: []\n",
			"Carnet", "https://a.example.org/", "fr", "", "Notes", 10, []string{`Hugo key "menu.main" has no meaning`}},
		{"jekyll empty url", "_config.yml", "title: Minimal\nemail: a@example.net\nbaseurl: \"\"\nurl: \"\"\ntheme: minima\n",
			"Minimal", "http://localhost/", "en", "", "", 10, []string{`Jekyll key "email" has no meaning`, `Jekyll key "theme"`}},
		{"jekyll", "_config.yml", "title: Practice journal\nurl: https://example.net\nbaseurl: /blog\nlang: en-US\nauthor:\n  name: J. Doe\n  email: j@example.net\ndescription: Short notes\nplugins: [jekyll-feed]\n",
			"Practice journal", "https://example.net/blog/", "en-US", "J. Doe", "Short notes", 10, []string{`Jekyll key "plugins" has no meaning`, `Jekyll key "author.email"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			os.MkdirAll(filepath.Dir(filepath.Join(dir, tt.file)), 0o755)
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, warns, err := Load(dir, Options{Getenv: env(nil)})
			if err != nil {
				t.Fatal(err)
			}
			got := []any{cfg.Title, cfg.BaseURL, cfg.Language, cfg.Author, cfg.Description, cfg.Paginate}
			want := []any{tt.title, tt.base, tt.lang, tt.author, tt.descr, tt.paginate}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d = %v, want %v (config %+v)", i, got[i], want[i], cfg)
				}
			}
			all := strings.Join(warns, "\n")
			for _, w := range tt.warn {
				if !strings.Contains(all, w) {
					t.Errorf("warnings %q lack %q", all, w)
				}
			}
			if tt.file == "hugo.toml" && (cfg.Permalinks["post"] != "/:year/:month/:slug/" || cfg.Permalinks["notes"] != "/notes/:slug/") {
				t.Errorf("permalinks = %v", cfg.Permalinks)
			}
			for _, k := range []string{`"title"`, `"baseurl"`, `"languagecode"`, `"params.description"`} {
				if strings.Contains(all, k) {
					t.Errorf("mapped key %s reported as ignored: %q", k, all)
				}
			}
		})
	}
}

func TestRiskDefaultsAndDeprecatedThreshold(t *testing.T) {
	cfg, warns, err := Load(writeConfig(t, "title: x\n"), Options{Getenv: env(nil)})
	if err != nil || cfg.Risk.MinCrowd != 20 || cfg.Risk.HomeArea != "" || len(warns) != 0 {
		t.Fatalf("defaults: minCrowd %v homeArea %q warns %q err %v; want 20, \"\", none, nil", cfg.Risk.MinCrowd, cfg.Risk.HomeArea, warns, err)
	}
	// 0.7 asks for less than the minimum crowd does: kept at 20, with a warning.
	cfg, warns, err = Load(writeConfig(t, "risk:\n  threshold: 0.7\n"), Options{Getenv: env(nil)})
	if err != nil || cfg.Risk.MinCrowd != 20 || len(warns) != 1 || !strings.Contains(warns[0], "deprecated") {
		t.Fatalf("threshold 0.7: minCrowd %v warns %q err %v", cfg.Risk.MinCrowd, warns, err)
	}
	// 0.01 is stricter than a crowd of 20 (score 0.05): it becomes a crowd of about 100.
	cfg, _, err = Load(writeConfig(t, "risk:\n  threshold: 0.01\n"), Options{Getenv: env(nil)})
	if err != nil || cfg.Risk.MinCrowd < 99 || cfg.Risk.MinCrowd > 101 {
		t.Fatalf("threshold 0.01: minCrowd %v err %v, want about 100", cfg.Risk.MinCrowd, err)
	}
}

// TestFeedLimit: veil's feedLimit, or a Hugo or Jekyll site's own feed
// limit (then without a warning that the key means nothing); a negative
// Hugo limit is Hugo's "every post", a negative veil one an error.
func TestFeedLimit(t *testing.T) {
	tests := []struct {
		name, file, body string
		want             int
	}{
		{"none", FileName, "title: T\n", 0},
		{"veil", FileName, "title: T\nfeedLimit: 12\n", 12},
		{"hugo rssLimit", "hugo.toml", "title = 'T'\nrssLimit = 15\n", 15},
		{"hugo services.rss.limit wins", "hugo.toml", "title = 'T'\nrssLimit = 15\n[services.rss]\n  limit = 7\n", 7},
		{"hugo yaml", FileName, "baseURL: https://a.example.org/\nlanguageCode: en\nrssLimit: 9\n", 9},
		{"hugo every post", "hugo.toml", "title = 'T'\nrssLimit = -1\n", 0},
		{"jekyll-feed", "_config.yml", "title: T\nfeed:\n  posts_limit: 5\n", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, warns, err := Load(dir, Options{Getenv: env(nil)})
			if err != nil {
				t.Fatal(err)
			}
			if cfg.FeedLimit != tt.want {
				t.Errorf("FeedLimit = %d, want %d", cfg.FeedLimit, tt.want)
			}
			for _, w := range warns {
				if strings.Contains(w, "limit") {
					t.Errorf("warning about a feed limit that was used: %s", w)
				}
			}
		})
	}
	dir := writeConfig(t, "feedLimit: -2\n")
	if _, _, err := Load(dir, Options{Getenv: env(nil)}); err == nil || !strings.Contains(err.Error(), "feedLimit") {
		t.Errorf("feedLimit -2: err = %v, want one naming feedLimit", err)
	}
}
