package risk

import "github.com/veil-blog/veil/internal/deid"

// Policy is the risk configuration.
type Policy struct {
	// Threshold is the score at or above which a post is held back.
	Threshold float64
}

// Verdict is the outcome of scoring one post.
type Verdict struct {
	Score   float64  `json:"score"`
	Blocked bool     `json:"blocked"`
	Reasons []string `json:"reasons,omitempty"`
}

// NotScored is the reason given while risk scoring is not implemented.
const NotScored = "re-identification risk is not scored yet"

// Assess scores the residual risk of a post from its findings.
func Assess(findings []deid.Finding, p Policy) Verdict {
	_ = findings
	v := Verdict{Score: 0, Reasons: []string{NotScored}}
	v.Blocked = p.Threshold > 0 && v.Score >= p.Threshold
	return v
}
