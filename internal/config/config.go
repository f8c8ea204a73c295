package config

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/viper"
)

// FileName is the name of the configuration file at the site root.
const FileName = "config.yaml"

// foreignFiles are the configuration files of the generators a site may
// come from, in the order they are looked for when the site has no
// config.yaml, with the generator's name.
var foreignFiles = []struct{ name, gen string }{
	{"hugo.toml", "Hugo"}, {"hugo.yaml", "Hugo"}, {"hugo.json", "Hugo"},
	{"config.toml", "Hugo"}, {"config.json", "Hugo"},
	// Hugo's configuration directory (its params.toml and menus are not
	// read).
	{"config/_default/hugo.toml", "Hugo"}, {"config/_default/config.toml", "Hugo"},
	{"config/_default/hugo.yaml", "Hugo"}, {"config/_default/config.yaml", "Hugo"},
	{"_config.yml", "Jekyll"}, {"_config.yaml", "Jekyll"},
}

const notRegular = "not a regular file (a named pipe, socket or device)"

// findFile returns the site's configuration file ("" when it has none)
// and, for another generator's file, that generator's name. A config.yaml
// written for Hugo is recognised by Hugo's own keys.
func findFile(dir string) (string, string, error) {
	file := filepath.Join(dir, FileName)
	fi, err := os.Stat(file)
	switch {
	case err == nil && !fi.Mode().IsRegular():
		// A named pipe would block the read forever.
		return "", "", &Error{File: file, Msg: notRegular}
	case err == nil:
		gen := ""
		if b, err := os.ReadFile(file); err == nil && hugoYAML.Match(b) {
			gen = "Hugo"
		}
		return file, gen, nil
	case !errors.Is(err, fs.ErrNotExist):
		return "", "", &Error{File: file, Msg: err.Error()}
	}
	for _, f := range foreignFiles {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if fi, err := os.Stat(p); err == nil {
			if !fi.Mode().IsRegular() {
				return "", "", &Error{File: p, Msg: notRegular}
			}
			return p, f.gen, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", "", &Error{File: p, Msg: err.Error()}
		}
	}
	return "", "", nil
}

// hugoYAML finds keys only a Hugo configuration has.
var hugoYAML = regexp.MustCompile(`(?m)^(languageCode|theme|params|menus?|taxonomies|markup|defaultContentLanguage)\s*:`)

// hugoPermalink turns a Hugo permalink pattern into veil's: the post's
// title, file name or slug all become veil's :slug, which is made from the
// de-identified title. A pattern with a token veil does not have falls
// back to /section/:slug/.
func hugoPermalink(p, section string) string {
	p = strings.NewReplacer(":title", ":slug", ":filename", ":slug", ":contentbasename", ":slug").Replace(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	ok := strings.Contains(p, ":slug")
	for _, tok := range regexp.MustCompile(`:[a-zA-Z_]+`).FindAllString(p, -1) {
		switch tok {
		case ":slug", ":year", ":month", ":day", ":section":
		default:
			ok = false
		}
	}
	if !ok {
		return "/" + section + "/:slug/"
	}
	return p
}

// foreignSame are veil keys that mean the same in Hugo's configuration.
var foreignSame = map[string]bool{
	"title": true, "baseurl": true, "contentdir": true, "staticdir": true, "publishdir": true, "paginate": true,
}

// mapForeign copies the keys of a Hugo or Jekyll configuration that have a
// veil meaning onto veil's keys and returns the foreign keys it used. It
// runs before the environment and flags are applied, which still win.
func mapForeign(v *viper.Viper, gen string) map[string]bool {
	used := map[string]bool{}
	take := func(to string, from ...string) {
		for _, f := range from {
			if !v.InConfig(f) {
				continue
			}
			if val, ok := v.Get(f).(string); ok && strings.TrimSpace(val) != "" {
				if to != f {
					v.Set(to, strings.TrimSpace(val))
				}
				used[f] = true
				return
			}
		}
	}
	switch gen {
	case "Hugo":
		take("language", "languagecode")
		take("description", "params.description", "description")
		take("author", "params.author.name", "author.name", "params.author", "author")
		for _, k := range v.AllKeys() {
			if strings.HasPrefix(k, "permalinks.") && v.InConfig(k) {
				v.Set(k, hugoPermalink(v.GetString(k), strings.TrimPrefix(k, "permalinks.")))
				used[k] = true
			}
		}
		if v.InConfig("pagination.pagersize") {
			v.Set("paginate", v.Get("pagination.pagersize"))
			used["pagination.pagersize"] = true
		}
		// Hugo 0.114 and later read services.rss.limit, earlier ones
		// rssLimit; -1 (Hugo's default) means every post.
		feedLimit(v, used, "services.rss.limit", "rsslimit")
	case "Jekyll":
		// Jekyll's baseurl is the path below url at which the site lives.
		if v.InConfig("url") && strings.TrimSpace(v.GetString("url")) != "" {
			u := strings.TrimSuffix(strings.TrimSpace(v.GetString("url")), "/")
			if v.InConfig("baseurl") {
				u += "/" + strings.Trim(v.GetString("baseurl"), "/")
			}
			v.Set("baseurl", strings.TrimSuffix(u, "/")+"/")
			used["url"] = true
		} else if v.InConfig("baseurl") {
			v.Set("baseurl", defaults()["baseurl"])
		}
		used["baseurl"], used["url"] = true, true
		take("language", "lang", "locale")
		take("description", "description")
		take("author", "author.name", "author")
		if v.InConfig("paginate") {
			used["paginate"] = true
		}
		feedLimit(v, used, "feed.posts_limit") // jekyll-feed
	}
	for _, k := range []string{"title", "contentdir", "staticdir", "publishdir", "paginate"} {
		if v.InConfig(k) {
			used[k] = true
		}
	}
	if gen == "Hugo" && v.InConfig("baseurl") {
		used["baseurl"] = true
		if u, err := url.Parse(v.GetString("baseurl")); err != nil || !u.IsAbs() || u.Host == "" {
			// Hugo allows a relative or empty baseURL; veil needs the
			// absolute one for feeds and the sitemap.
			v.Set("baseurl", defaults()["baseurl"])
		}
	}
	return used
}

// feedLimit sets veil's feedlimit from the first of the foreign keys
// from that the file sets to a whole number (a negative one meaning no
// limit, as in Hugo) and marks it used, with the later ones, which are
// older spellings of the same setting.
func feedLimit(v *viper.Viper, used map[string]bool, from ...string) {
	for i, f := range from {
		if !v.InConfig(f) {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(fmt.Sprint(v.Get(f))))
		if err != nil {
			continue // left unused: the file gets a warning
		}
		v.Set("feedlimit", max(n, 0))
		for _, g := range from[i:] {
			used[g] = v.InConfig(g)
		}
		return
	}
}

// Config is a site's configuration after defaults, file, environment and
// flags have been merged and validated.
type Config struct {
	Title       string            `mapstructure:"title"`
	BaseURL     string            `mapstructure:"baseurl"`
	Author      string            `mapstructure:"author"`
	Language    string            `mapstructure:"language"`
	Description string            `mapstructure:"description"`
	ContentDir  string            `mapstructure:"contentdir"`
	StaticDir   string            `mapstructure:"staticdir"`
	PublishDir  string            `mapstructure:"publishdir"`
	ThemeDir    string            `mapstructure:"themedir"`
	Paginate    int               `mapstructure:"paginate"`
	FeedLimit   int               `mapstructure:"feedlimit"`
	Permalinks  map[string]string `mapstructure:"permalinks"`
	Deid        Deid              `mapstructure:"deid"`
	Risk        Risk              `mapstructure:"risk"`

	// File is the configuration file that was read, or "" when the site has
	// none. Not a configuration key.
	File string `mapstructure:"-"`
}

// Action says what to do with one kind of identifying detail.
type Action string

// The actions a deid kind can take.
const (
	Replace    Action = "replace"    // a consistent pseudonym or shifted value
	Generalise Action = "generalise" // a coarser description ("a small town")
	Redact     Action = "redact"     // a neutral label ("[name]")
)

// Deid configures de-identification, one action per kind.
type Deid struct {
	Person       Action `mapstructure:"person"`
	Place        Action `mapstructure:"place"`
	Date         Action `mapstructure:"date"`
	Age          Action `mapstructure:"age"`
	Contact      Action `mapstructure:"contact"`
	ID           Action `mapstructure:"id"`
	Organization Action `mapstructure:"organization"`
}

// Risk configures the re-identification risk gate.
type Risk struct {
	// MinCrowd: a post that leaves fewer people matching its details is held back.
	MinCrowd float64 `mapstructure:"mincrowd"`
	// HomeArea is where a post's people live when it states no place: a country code,
	// a US state code or a US Census region.
	HomeArea string `mapstructure:"homearea"`
	// Threshold is the deprecated score limit; when set it is turned into the
	// equivalent MinCrowd (see Validate).
	Threshold float64 `mapstructure:"threshold"`
	// Flag lists kinds of direct identifier (person, place, date, age, contact, id,
	// organization) whose presence holds a post back for review, although replaced.
	Flag []string `mapstructure:"flag"`
}

// defaults are the values used when neither file, environment nor flags set
// a key. Every known key has a default, which is also how viper learns which
// environment variables to look at.
func defaults() map[string]any {
	return map[string]any{
		"title":             "My veil site",
		"baseurl":           "http://localhost/",
		"author":            "",
		"language":          "en",
		"description":       "",
		"contentdir":        "content",
		"staticdir":         "static",
		"publishdir":        "public",
		"themedir":          "theme",
		"paginate":          10,
		"feedlimit":         0,
		"permalinks":        map[string]any{"posts": "/posts/:slug/"},
		"deid.person":       string(Replace),
		"deid.place":        string(Generalise),
		"deid.date":         string(Replace),
		"deid.age":          string(Generalise),
		"deid.contact":      string(Redact),
		"deid.id":           string(Redact),
		"deid.organization": string(Generalise),
		"risk.mincrowd":     20,
		"risk.homearea":     "",
		"risk.flag":         []string{},
		"risk.threshold":    0.0,
	}
}

// Options are the inputs to Load besides the site directory.
type Options struct {
	// Flags holds values set on the command line, by configuration key
	// (e.g. "publishdir"). They take precedence over everything else.
	Flags map[string]any
	// Getenv reads the environment; os.Getenv when nil.
	Getenv func(string) string
}

// Error is a configuration error: the file, key and offending value.
type Error struct {
	File  string
	Key   string
	Value any
	Msg   string
}

func (e *Error) Error() string {
	file := e.File
	if file == "" {
		file = "configuration"
	}
	if e.Key == "" {
		return fmt.Sprintf("%s: %s", file, e.Msg)
	}
	return fmt.Sprintf("%s: key %s: invalid value %q: %s", file, e.Key, fmt.Sprint(e.Value), e.Msg)
}

// Load reads the configuration of the site in dir. It returns the config,
// warnings (unknown keys) and an error of type *Error for invalid values.
func Load(dir string, opts Options) (*Config, []string, error) {
	v := viper.New()
	for k, val := range defaults() {
		v.SetDefault(k, val)
	}
	file, gen, err := findFile(dir)
	if err != nil {
		return nil, nil, err
	}
	consumed := map[string]bool{}
	var fileKeys []string
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, nil, &Error{File: file, Msg: err.Error()}
		}
		defer f.Close()
		v.SetConfigType(strings.TrimPrefix(filepath.Ext(file), "."))
		if err := v.ReadConfig(f); err != nil {
			return nil, nil, &Error{File: file, Msg: "cannot parse: " + oneLine(err.Error())}
		}
		for _, k := range v.AllKeys() {
			if v.InConfig(k) {
				fileKeys = append(fileKeys, k)
			}
		}
		consumed = mapForeign(v, gen)
	}

	getenv := opts.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	// viper's AutomaticEnv reads the process environment directly; binding
	// each known key through Set keeps tests hermetic and the precedence
	// explicit: defaults < file < environment < flags.
	for _, k := range knownKeys() {
		env := "VEIL_" + strings.ToUpper(strings.ReplaceAll(k, ".", "_"))
		if val := getenv(env); val != "" {
			v.Set(k, val)
		}
	}
	for k, val := range opts.Flags {
		v.Set(strings.ToLower(k), val)
	}

	var warnings []string
	if file != "" {
		for _, k := range fileKeys {
			switch {
			case consumed[k] || isKnown(k) && gen == "":
			case gen != "" && (isKnown(k) && !foreignSame[k] || !isKnown(k)):
				warnings = append(warnings, fmt.Sprintf("%s: %s key %q has no meaning in veil; ignored", file, gen, k))
			case !isKnown(k):
				warnings = append(warnings, fmt.Sprintf("%s: unknown key %q ignored", file, k))
			}
		}
		sort.Strings(warnings)
	}

	cfg := &Config{File: file}
	if err := v.Unmarshal(cfg); err != nil {
		msg := oneLine(err.Error())
		for _, k := range knownKeys() {
			// Name the key when viper could not decode its value ("risk.mincrowd: twenty").
			if strings.Contains(strings.ToLower(msg), "'"+k+"'") {
				return nil, warnings, &Error{File: fileOr(file), Key: k, Value: v.Get(k), Msg: "wrong type: " + msg}
			}
		}
		return nil, warnings, &Error{File: fileOr(file), Msg: msg}
	}
	if err := cfg.Validate(); err != nil {
		var ce *Error
		if errors.As(err, &ce) {
			ce.File = fileOr(file)
		}
		return nil, warnings, err
	}
	if t := cfg.Risk.Threshold; t > 0 {
		// The score limit of earlier versions: a post is held back when fewer than
		// minCrowd people match. A threshold below the score of the minimum crowd is
		// stricter, and is kept as the equivalent crowd.
		if c := crowdForScore(t); c > cfg.Risk.MinCrowd {
			cfg.Risk.MinCrowd = c
		}
		warnings = append(warnings, fmt.Sprintf("%s: key risk.threshold is deprecated: posts are held back when fewer than risk.minCrowd people (now %.4g) match their details", fileOr(file), cfg.Risk.MinCrowd))
	}
	return cfg, warnings, nil
}

func fileOr(file string) string {
	if file == "" {
		return "configuration"
	}
	return file
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func knownKeys() []string {
	keys := make([]string, 0, 24)
	for k := range defaults() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// isKnown reports whether a flattened viper key is a configuration key.
// Permalinks take any section name.
func isKnown(k string) bool {
	if _, ok := defaults()[k]; ok {
		return true
	}
	return strings.HasPrefix(k, "permalinks.")
}

// Validate checks every value and returns an *Error naming the first bad one.
func (c *Config) Validate() error {
	u, err := url.Parse(c.BaseURL)
	if err != nil || !u.IsAbs() || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return &Error{Key: "baseURL", Value: c.BaseURL, Msg: "must be an absolute http or https URL"}
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	if c.Paginate < 1 {
		return &Error{Key: "paginate", Value: c.Paginate, Msg: "must be a positive integer"}
	}
	if c.FeedLimit < 0 {
		return &Error{Key: "feedLimit", Value: c.FeedLimit, Msg: "must be 0 (every post) or a positive number of items"}
	}
	if !validLanguage(c.Language) {
		return &Error{Key: "language", Value: c.Language, Msg: "must be a language tag such as en or en-GB"}
	}
	for key, p := range map[string]string{"contentDir": c.ContentDir, "staticDir": c.StaticDir, "publishDir": c.PublishDir, "themeDir": c.ThemeDir} {
		if strings.TrimSpace(p) == "" {
			return &Error{Key: key, Value: p, Msg: "must not be empty"}
		}
	}
	sections := make([]string, 0, len(c.Permalinks))
	for s := range c.Permalinks {
		sections = append(sections, s)
	}
	sort.Strings(sections)
	for _, s := range sections {
		p := c.Permalinks[s]
		if !strings.HasPrefix(p, "/") || !strings.Contains(p, ":slug") {
			return &Error{Key: "permalinks." + s, Value: p, Msg: "must start with / and contain :slug"}
		}
	}
	for _, a := range []struct {
		key string
		val Action
	}{
		{"deid.person", c.Deid.Person}, {"deid.place", c.Deid.Place}, {"deid.date", c.Deid.Date},
		{"deid.age", c.Deid.Age}, {"deid.contact", c.Deid.Contact}, {"deid.id", c.Deid.ID},
		{"deid.organization", c.Deid.Organization},
	} {
		switch a.val {
		case Replace, Generalise, Redact:
		default:
			return &Error{Key: a.key, Value: a.val, Msg: "must be replace, generalise or redact"}
		}
	}
	if c.Risk.MinCrowd <= 0 || c.Risk.MinCrowd != c.Risk.MinCrowd || c.Risk.MinCrowd > 1e9 {
		return &Error{Key: "risk.minCrowd", Value: c.Risk.MinCrowd, Msg: "must be a positive number of people (default 20)"}
	}
	for _, k := range c.Risk.Flag {
		switch k {
		case "person", "place", "date", "age", "contact", "id", "organization":
		default:
			return &Error{Key: "risk.flag", Value: k, Msg: "must list kinds of identifier: person, place, date, age, contact, id, organization"}
		}
	}
	if c.Risk.Threshold < 0 || c.Risk.Threshold > 1 {
		return &Error{Key: "risk.threshold", Value: c.Risk.Threshold, Msg: "is deprecated; if set, must be a number in (0, 1] (use risk.minCrowd)"}
	}
	if !validArea(c.Risk.HomeArea) {
		return &Error{Key: "risk.homeArea", Value: c.Risk.HomeArea, Msg: "must be a country code (US, GB), a US state code (VT) or a US Census region (Northeast, Midwest, South, West)"}
	}
	return nil
}

// validArea checks the form of risk.homeArea: empty, a two-letter code, or a US Census
// region. Whether the code is known is checked against the risk tables by the caller.
func validArea(s string) bool {
	switch strings.ToLower(s) {
	case "", "northeast", "midwest", "south", "west":
		return true
	}
	return len(s) == 2 && strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) < 0
}

// crowdForScore is the crowd λ whose score (1 - e^-λ)/λ equals t, for the deprecated
// risk.threshold.
func crowdForScore(t float64) float64 {
	lo, hi := 0.0, 1e9
	for range 200 {
		mid := (lo + hi) / 2
		if -math.Expm1(-mid)/mid > t {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

func validLanguage(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for i, part := range strings.Split(s, "-") {
		if part == "" || len(part) > 8 || (i == 0 && (len(part) < 2 || len(part) > 3)) {
			return false
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

// Path resolves a configured directory against the site root.
func (c *Config) Path(root, dir string) string {
	if filepath.IsAbs(dir) {
		return dir
	}
	return filepath.Join(root, dir)
}
