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
	return auditLines(rep).appendTo(path, now)
}

// auditLog is a build's lines of the audit log, each with its time left
// empty: Build makes them while the pages are written (they depend only on
// the report; made after the write, they were part of a large build's
// serial tail), and appendTo puts in the time and appends them once the
// output is in place.
type auditLog struct {
	lines  []byte
	starts []int // where each line begins in lines
}

// auditTimeAt is where a line's time goes: json.Marshal writes the
// fields in their order, and the time is the first.
const auditTimeAt = len(`{"time":"`)

// auditLines makes the lines of every risk decision of rep, with their
// time empty.
func auditLines(rep *Report) auditLog {
	var a auditLog
	add := func(e auditEntry) {
		b, _ := json.Marshal(e)
		a.starts = append(a.starts, len(a.lines))
		a.lines = append(append(a.lines, b...), '\n')
	}
	entry := func(path, decision, reason string, v risk.Verdict) auditEntry {
		e := auditEntry{Path: path, Decision: decision, Reason: reason, Score: v.Score, Crowd: v.Crowd, MinCrowd: v.MinCrowd}
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
			add(auditEntry{Path: h.Path, Decision: "held", Reason: h.Reason})
		}
	}
	return a
}

// appendTo appends a's lines, each with the time now (the build's time,
// or the present when it is zero), to the log at path.
func (a auditLog) appendTo(path string, now time.Time) error {
	if len(a.starts) == 0 {
		return nil
	}
	if now.IsZero() {
		now = time.Now().UTC()
	}
	ts, _ := json.Marshal(now.UTC().Format(time.RFC3339))
	ts = ts[1 : len(ts)-1] // as json.Marshal writes it inside the line
	lines := make([]byte, 0, len(a.lines)+len(a.starts)*len(ts))
	for i, start := range a.starts {
		end := len(a.lines)
		if i+1 < len(a.starts) {
			end = a.starts[i+1]
		}
		line := a.lines[start:end]
		lines = append(append(append(lines, line[:auditTimeAt]...), ts...), line[auditTimeAt:]...)
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
