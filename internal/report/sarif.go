package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/veil-blog/veil/internal/risk"
)

// SARIF 2.1.0 (OASIS): one run, rules for held posts, broken posts and each rare-detail
// kind; results for every held or broken post and the details that count in a held post.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

var detailKinds = []string{risk.KindCondition, risk.KindOccupation, risk.KindRole, risk.KindLanguage,
	risk.KindNationality, risk.KindReligion, risk.KindAge, risk.KindSex, risk.KindChildren, risk.KindUnique,
	risk.KindDistinction, risk.KindEvent, risk.KindMedia, risk.KindRareWord, risk.KindArea}

// SARIF writes a SARIF 2.1.0 log.
func SARIF(w io.Writer, posts []Post, o Options) error {
	rules := []sarifRule{
		{ID: "veil/held", ShortDescription: sarifMessage{"The post leaves too small a crowd and is held back"}},
		{ID: "veil/error", ShortDescription: sarifMessage{"The post could not be processed and is held back"}},
	}
	for _, k := range detailKinds {
		rules = append(rules, sarifRule{ID: "veil/rare/" + k, ShortDescription: sarifMessage{"A rare detail: " + k}})
	}
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "veil", Rules: rules}}, Results: []sarifResult{}}
	loc := func(path string, line, col int) []sarifLocation {
		l := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: path}}}
		if line > 0 {
			l.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: col}
		}
		return []sarifLocation{l}
	}
	for _, p := range posts {
		switch p.Status {
		case Error:
			for _, r := range p.Reasons {
				run.Results = append(run.Results, sarifResult{RuleID: "veil/error", Level: "error", Message: sarifMessage{r}, Locations: loc(p.Path, 0, 0)})
			}
		case Held:
			v := p.Verdict
			msg := "held back"
			if v != nil && len(v.Reasons) > 0 {
				msg = "held back: " + v.Reasons[0]
			}
			run.Results = append(run.Results, sarifResult{RuleID: "veil/held", Level: "error", Message: sarifMessage{msg}, Locations: loc(p.Path, 1, 1)})
			if v == nil {
				continue
			}
			for _, d := range v.Details {
				if !d.Counted && !d.Accepted {
					continue
				}
				level := "warning"
				if d.Accepted {
					level = "note"
				}
				run.Results = append(run.Results, sarifResult{RuleID: "veil/rare/" + d.Kind, Level: level,
					Message: sarifMessage{detailLine(d, o)}, Locations: loc(p.Path, d.Line, d.Col)})
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	return nil
}
