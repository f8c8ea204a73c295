package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/veil-blog/veil"

// TestImportDirection keeps the architecture of STYLE.md true: data flows
// content -> deid -> risk -> render -> output, and each third-party library
// has one importer.
func TestImportDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps=false", "-json", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	type pkg struct {
		ImportPath string
		Imports    []string
		Deps       []string
	}
	deps := map[string]pkg{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		deps[strings.TrimPrefix(p.ImportPath, module+"/")] = p
	}
	internal := func(p pkg) []string {
		var out []string
		for _, d := range p.Deps {
			if strings.HasPrefix(d, module+"/") {
				out = append(out, strings.TrimPrefix(d, module+"/"))
			}
		}
		return out
	}
	// Packages that must not depend on others, directly or not.
	forbidden := map[string][]string{
		"internal/config":         {"internal/"},
		"internal/markdown":       {"internal/"},
		"internal/lexicon":        {"internal/"},
		"internal/content":        {"internal/deid", "internal/render", "internal/site", "internal/cli"},
		"internal/deid":           {"internal/deid/", "internal/render", "internal/site", "internal/cli", "internal/risk"},
		"internal/risk":           {"internal/render", "internal/site", "internal/cli"},
		"internal/render":         {"internal/deid", "internal/risk", "internal/site", "internal/cli", "internal/content"},
		"internal/site":           {"internal/cli"},
		"internal/importer":       {"internal/deid", "internal/render", "internal/site", "internal/cli", "internal/risk"},
		"internal/watch":          {"internal/"},
		"internal/preview":        {"internal/"},
		"internal/cache":          {"internal/cli"},
		"internal/report":         {"internal/render", "internal/site", "internal/cli"},
		"internal/imgclean":       {"internal/"},
		"internal/risk/phrase":    {"internal/"},
		"internal/deid/benchtext": {"internal/"},
		"internal/deid/seqtag":    {"internal/risk", "internal/render", "internal/site", "internal/cli"},
		"internal/deid/vocab":     {"internal/"},          // the word lists every detector shares
		"internal/deid/ner":       {"internal/deid/dict"}, // dict's readings are handed in (ner.WithClinical)
		"internal/deid/casefile":  {"internal/"},          // the recognizers' case files, read by tests
		// The planner reads what the findings carry, not the recognizers.
		"internal/deid/plan": {"internal/deid/dict", "internal/deid/ner", "internal/deid/rules", "internal/deid/seqtag",
			"internal/lexicon", "internal/risk", "internal/render", "internal/site", "internal/cli"},
	}
	// Exceptions to forbidden: vocab imports nothing, so any package may
	// read the word lists.
	allowed := map[string]bool{"internal/deid/vocab": true}
	for name, bad := range forbidden {
		p, ok := deps[name]
		if !ok {
			t.Errorf("package %s not found", name)
			continue
		}
		for _, d := range internal(p) {
			for _, b := range bad {
				if strings.HasPrefix(d, b) && !(allowed[d] && name != d && b != "internal/") {
					t.Errorf("%s depends on %s", name, d)
				}
			}
		}
	}
	// Each library has one importer.
	owners := map[string]string{
		"github.com/yuin/goldmark":                        "internal/markdown",
		"github.com/jdkato/prose/v2":                      "internal/deid/ner",
		"github.com/fsnotify/fsnotify":                    "internal/watch",
		"github.com/spf13/viper":                          "internal/config",
		"github.com/microcosm-cc/bluemonday":              "internal/markdown",
		"github.com/JohannesKaufmann/html-to-markdown/v2": "internal/importer",
		"github.com/pelletier/go-toml/v2":                 "internal/content",
		"github.com/chromedp/chromedp":                    "internal/cli", // the browser test only
	}
	for name, p := range deps {
		for _, imp := range p.Imports {
			for lib, owner := range owners {
				if (imp == lib || strings.HasPrefix(imp, lib+"/")) && name != owner {
					t.Errorf("%s imports %s; only %s may", name, imp, owner)
				}
			}
		}
	}
}
