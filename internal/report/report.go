package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/veil-blog/veil/internal/risk"
)

// Status of a post.
const (
	Publish = "publish"
	Held    = "held"
	Draft   = "draft"
	Error   = "error"
)

// Post is what a check says about one source file.
type Post struct {
	// Path is the source path relative to the site ("content/posts/x.md").
	Path     string
	Status   string
	Verdict  *risk.Verdict
	Findings []Finding
	// Reasons say why the post is held back or broken.
	Reasons []string
}

// Finding is a replaced identifier placed in the source.
type Finding struct {
	Kind        string `json:"kind"`
	Line        int    `json:"line"`
	Col         int    `json:"col"`
	Field       string `json:"field"`
	Replacement string `json:"replacement"`
	Text        string `json:"text,omitempty"`
}

// Options say how to render.
type Options struct {
	// ShowOriginal prints the text of findings and rare details.
	ShowOriginal bool
}

// Sort orders posts by path.
func Sort(posts []Post) {
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].Path < posts[j].Path })
}

// Text writes the linter-style report.
func Text(w io.Writer, posts []Post, o Options) error {
	var published, held, drafts, broken int
	for _, p := range posts {
		switch p.Status {
		case Publish:
			published++
		case Held:
			held++
		case Draft:
			drafts++
		case Error:
			broken++
		}
		if p.Status == Draft {
			fmt.Fprintf(w, "%s: draft: left out (use --drafts to check it)\n", p.Path)
			continue
		}
		if p.Status == Error {
			for _, r := range p.Reasons {
				fmt.Fprintf(w, "%s: error: %s\n", p.Path, r)
			}
			continue
		}
		counts := map[string]int{}
		for _, f := range p.Findings {
			counts[f.Kind]++
			if o.ShowOriginal {
				fmt.Fprintf(w, "%s:%d:%d: %s: %q -> %q\n", p.Path, f.Line, f.Col, f.Kind, f.Text, f.Replacement)
			}
		}
		v := p.Verdict
		if v == nil {
			continue
		}
		for _, d := range v.Details {
			if p.Status == Publish && !d.Counted && !d.Accepted {
				continue
			}
			fmt.Fprintf(w, "%s:%d:%d: rare: %s\n", p.Path, d.Line, d.Col, detailLine(d, o))
		}
		fmt.Fprintf(w, "%s: %s: crowd %s in %s (%s people), minimum %s, score %.3g; replaced %s\n",
			p.Path, verb(p.Status), risk.Num(v.Crowd), v.Area, risk.Num(v.AreaPopulation), risk.Num(v.MinCrowd), v.Score, kindCounts(counts))
		if p.Status != Held {
			continue
		}
		for _, r := range v.Reasons {
			fmt.Fprintf(w, "    %s\n", r)
		}
		if len(v.Smallest) > 0 {
			var parts []string
			for _, i := range v.Smallest {
				parts = append(parts, fmt.Sprintf("%s at %d:%d", v.Details[i].Kind, v.Details[i].Line, v.Details[i].Col))
			}
			fmt.Fprintf(w, "    these alone already bring the crowd under %s: %s\n", risk.Num(v.MinCrowd), strings.Join(parts, ", "))
		}
		for _, e := range v.Edits {
			d := v.Details[e.Detail]
			what := d.Kind
			if o.ShowOriginal {
				what = fmt.Sprintf("%s %q", d.Kind, d.Text)
			}
			fmt.Fprintf(w, "    edit %d:%d (%s): %s: crowd %s -> %s (with the edits above: %s)\n", d.Line, d.Col, what, e.Say, risk.Num(v.Crowd), risk.Num(e.CrowdAfter), risk.Num(e.CrowdAfterAbove))
		}
		for _, u := range v.Unmatched {
			fmt.Fprintf(w, "    warning: accept entry %q matches no rare detail\n", u)
		}
	}
	fmt.Fprintf(w, "published %d, held back %d, drafts %d, errors %d\n", published, held, drafts, broken)
	return nil
}

func verb(status string) string {
	if status == Held {
		return "held back"
	}
	return "ok"
}

func kindCounts(counts map[string]int) string {
	if len(counts) == 0 {
		return "nothing"
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s=%d", k, counts[k]))
	}
	return strings.Join(parts, " ")
}

func detailLine(d risk.Detail, o Options) string {
	var b strings.Builder
	b.WriteString(d.Kind)
	if o.ShowOriginal {
		fmt.Fprintf(&b, " %q", d.Text)
	}
	if d.Cap > 0 {
		fmt.Fprintf(&b, ": caps the crowd at %s", risk.Num(d.Cap))
	} else if d.Kind == risk.KindArea {
		b.WriteString(": narrows the area")
	} else {
		fmt.Fprintf(&b, ": factor %s", risk.Num(d.Factor))
	}
	fmt.Fprintf(&b, " (%s)", d.Why)
	switch {
	case d.Accepted:
		fmt.Fprintf(&b, "; accepted by the author: %s", d.AcceptReason)
	case !d.Counted && d.ImpliedBy != "":
		fmt.Fprintf(&b, "; not multiplied: %s counts instead", d.ImpliedBy)
	}
	return b.String()
}

// jsonPost is one post in the JSON report.
type jsonPost struct {
	Path     string    `json:"path"`
	Status   string    `json:"status"`
	Risk     *jsonRisk `json:"risk,omitempty"`
	Findings []Finding `json:"findings"`
	Reasons  []string  `json:"reasons"`
}

type jsonRisk struct {
	Score          float64       `json:"score"`
	Crowd          float64       `json:"crowd"`
	MinCrowd       float64       `json:"minCrowd"`
	Blocked        bool          `json:"blocked"`
	Area           string        `json:"area"`
	AreaPopulation float64       `json:"areaPopulation"`
	Details        []risk.Detail `json:"details"`
	Smallest       []int         `json:"smallest,omitempty"`
	Edits          []risk.Edit   `json:"edits,omitempty"`
	Unmatched      []string      `json:"unmatchedAccepts,omitempty"`
}

// JSON writes {"posts": [...]}.
func JSON(w io.Writer, posts []Post, o Options) error {
	out := struct {
		Posts []jsonPost `json:"posts"`
	}{Posts: []jsonPost{}}
	for _, p := range posts {
		jp := jsonPost{Path: p.Path, Status: p.Status, Findings: []Finding{}, Reasons: p.Reasons}
		if jp.Reasons == nil {
			jp.Reasons = []string{}
		}
		for _, f := range p.Findings {
			if !o.ShowOriginal {
				f.Text = ""
			}
			jp.Findings = append(jp.Findings, f)
		}
		if v := p.Verdict; v != nil {
			details := make([]risk.Detail, len(v.Details))
			copy(details, v.Details)
			if !o.ShowOriginal {
				for i := range details {
					details[i].Text = ""
				}
			}
			jp.Risk = &jsonRisk{Score: v.Score, Crowd: v.Crowd, MinCrowd: v.MinCrowd, Blocked: v.Blocked, Area: v.Area,
				AreaPopulation: v.AreaPopulation, Details: details, Smallest: v.Smallest, Edits: v.Edits, Unmatched: v.Unmatched}
			if p.Status == Held && len(p.Reasons) == 0 {
				jp.Reasons = v.Reasons
			}
		}
		out.Posts = append(out.Posts, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
