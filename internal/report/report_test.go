package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/risk"
)

func posts() []Post {
	held := risk.Assess("My client, a man in his late 60s, has moyamoya disease. He was the only ferryman the island ever had.", risk.Policy{})
	for i := range held.Details {
		held.Details[i].Line, held.Details[i].Col = 7, i+1
	}
	held = risk.Explained(held)
	ok := risk.Assess("A woman told me about her week.", risk.Policy{})
	return []Post{
		{Path: "content/posts/b.md", Status: Held, Verdict: &held, Findings: []Finding{{Kind: "person", Line: 3, Col: 1, Field: "body", Replacement: "Mira", Text: "Odalys"}}},
		{Path: "content/posts/a.md", Status: Publish, Verdict: &ok},
		{Path: "content/posts/c.md", Status: Draft},
		{Path: "content/posts/d.md", Status: Error, Reasons: []string{"content/posts/d.md:2: front matter has no title"}},
	}
}

func TestTextHidesOriginals(t *testing.T) {
	var b bytes.Buffer
	ps := posts()
	Sort(ps)
	if err := Text(&b, ps, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"content/posts/b.md:7:", ": rare: uniqueness: caps the crowd at 1", "content/posts/b.md: held back: crowd",
		"these alone already bring the crowd under 20", "content/posts/a.md: ok: crowd", "content/posts/d.md: error:",
		"published 1, held back 1, drafts 1, errors 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	for _, leak := range []string{"moyamoya", "ferryman", "Odalys"} {
		if strings.Contains(out, leak) {
			t.Errorf("text report prints %q without --show-original:\n%s", leak, out)
		}
	}
	b.Reset()
	Text(&b, ps, Options{ShowOriginal: true})
	if !strings.Contains(b.String(), "moyamoya") || !strings.Contains(b.String(), "Odalys") {
		t.Errorf("--show-original does not print the originals:\n%s", b.String())
	}
}

func TestJSONAndSARIF(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, posts(), Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Posts []struct {
			Path   string `json:"path"`
			Status string `json:"status"`
			Risk   *struct {
				Crowd    float64 `json:"crowd"`
				MinCrowd float64 `json:"minCrowd"`
				Details  []map[string]any
			} `json:"risk"`
			Reasons []string `json:"reasons"`
		} `json:"posts"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(doc.Posts) != 4 || doc.Posts[0].Status != Held || doc.Posts[0].Risk == nil || doc.Posts[0].Risk.Crowd >= 20 || len(doc.Posts[0].Reasons) == 0 {
		t.Errorf("JSON posts: %+v", doc.Posts)
	}
	if strings.Contains(b.String(), "moyamoya") || strings.Contains(b.String(), "Odalys") {
		t.Error("JSON prints originals without ShowOriginal")
	}
	b.Reset()
	if err := SARIF(&b, posts(), Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		rules[r.RuleID] = true
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.ArtifactLocation.URI == "" {
			t.Errorf("result %s without a location", r.RuleID)
		}
	}
	if log.Version != "2.1.0" || !rules["veil/held"] || !rules["veil/error"] || !rules["veil/rare/uniqueness"] {
		t.Errorf("SARIF version %q rules %v", log.Version, rules)
	}
}
