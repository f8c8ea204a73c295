// Package risk scores the re-identification risk left in a de-identified
// post and decides whether it may be published.
//
// This first version only fixes the shape of the verdict and its place in
// the flow (content -> deid -> risk -> render). It does not yet estimate
// risk: Assess reports a score of 0 and says so in its reasons. The risk
// gate (rare details, crowd estimate, author decisions) replaces it.
package risk
