package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"github.com/veil-blog/veil/internal/risk"
)

// auditEntry is one line of .veil/audit.jsonl: a decision of a build about one post.
type auditEntry struct {
	Time     string          `json:"time"`
	Path     string          `json:"path"`
	Decision string          `json:"decision"` // published, held, accepted
	Score    float64         `json:"score"`
	Crowd    float64         `json:"crowd"`
	MinCrowd float64         `json:"minCrowd"`
	Reason   string          `json:"reason,omitempty"`
	Accepted []auditAccepted `json:"accepted,omitempty"`
}

type auditAccepted struct {
	Kind   string  `json:"kind"`
	Line   int     `json:"line"`
	Col    int     `json:"col"`
	Factor float64 `json:"factor"`
	Reason string  `json:"reason"`
}

// appendAudit appends every risk decision of a build to the site's private audit log
// (under .veil/, which is never published).
func appendAudit(path string, now time.Time, rep *Report) error {
	if now.IsZero() {
		now = time.Now().UTC()
	}
	ts := now.UTC().Format(time.RFC3339)
	var lines []byte
	add := func(e auditEntry) {
		b, _ := json.Marshal(e)
		lines = append(append(lines, b...), '\n')
	}
	entry := func(path, decision, reason string, v risk.Verdict) auditEntry {
		e := auditEntry{Time: ts, Path: path, Decision: decision, Reason: reason, Score: v.Score, Crowd: v.Crowd, MinCrowd: v.MinCrowd}
		for _, d := range v.Details {
			if d.Accepted {
				e.Accepted = append(e.Accepted, auditAccepted{Kind: d.Kind, Line: d.Line, Col: d.Col, Factor: d.Factor, Reason: d.AcceptReason})
			}
		}
		if len(e.Accepted) > 0 && decision == "published" {
			e.Decision = "published-with-accepted"
		}
		return e
	}
	for _, c := range rep.Published {
		if c.Path != "" {
			add(entry(c.Path, "published", "", c.Verdict))
		}
	}
	for _, h := range rep.Held {
		if h.Verdict != nil {
			add(entry(h.Path, "held", h.Reason, *h.Verdict))
		} else {
			add(auditEntry{Time: ts, Path: h.Path, Decision: "held", Reason: h.Reason})
		}
	}
	if len(lines) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(lines); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
