package site

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/risk"
)

// appendAuditPlain is appendAudit as it was before its lines were made
// apart from their time: the oracle of TestAuditLinesAsPlain.
func appendAuditPlain(path string, now time.Time, rep *Report) error {
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

// TestAuditLinesAsPlain appends random reports' decisions with
// appendAudit (lines made first, the time put in afterwards) and with the
// plain form, at random times (zone, year, the zero time of a build
// without one is not compared: it is the present), and compares the logs.
func TestAuditLinesAsPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 34))
	pieces := []string{"posts/", "a", "é", "<b>", "&", "\"", "\\", "\n", "\u2028", "\x01", " ", "🙂", "held", "time", ":"}
	text := func() string {
		var b strings.Builder
		for n := rng.IntN(5); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	num := func() float64 {
		switch rng.IntN(5) {
		case 0:
			return 0
		case 1:
			return math.Float64frombits(rng.Uint64()&^(0x7ff<<52) | uint64(rng.IntN(0x7fe)+1)<<52) // any finite
		case 2:
			return float64(rng.IntN(1000))
		}
		return rng.Float64() * math.Pow(10, float64(rng.IntN(30)-15))
	}
	verdict := func() risk.Verdict {
		v := risk.Verdict{Score: num(), Crowd: num(), MinCrowd: num()}
		for n := rng.IntN(4); n > 0; n-- {
			v.Details = append(v.Details, risk.Detail{Kind: text(), Line: rng.IntN(300), Col: rng.IntN(80), Factor: num(), Accepted: rng.IntN(2) == 0, AcceptReason: text()})
		}
		return v
	}
	zones := []*time.Location{time.UTC, time.FixedZone("x", -7*3600), time.FixedZone("y", 5*3600+1800)}
	dir := t.TempDir()
	for i := range 500 {
		rep := &Report{}
		for n := rng.IntN(6); n > 0; n-- {
			c := &Cleared{}
			if rng.IntN(6) > 0 {
				c.Path = text() + ".md"
			}
			c.Verdict = verdict()
			rep.Published = append(rep.Published, c)
		}
		for n := rng.IntN(4); n > 0; n-- {
			h := Held{Path: text(), Reason: text()}
			if rng.IntN(2) == 0 {
				v := verdict()
				h.Verdict = &v
			}
			rep.Held = append(rep.Held, h)
		}
		now := time.Date(rng.IntN(12000), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), rng.IntN(1e9), zones[rng.IntN(len(zones))])
		got, want := filepath.Join(dir, "got.jsonl"), filepath.Join(dir, "want.jsonl")
		if err := appendAudit(got, now, rep); err != nil {
			t.Fatal(err)
		}
		if err := appendAuditPlain(want, now, rep); err != nil {
			t.Fatal(err)
		}
		g, _ := os.ReadFile(got)
		w, _ := os.ReadFile(want)
		if string(g) != string(w) {
			t.Fatalf("report %d at %v:\n got %q\nwant %q", i, now, g, w)
		}
	}
}
