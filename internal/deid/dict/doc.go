// Package dict finds person, place and organisation names with gazetteers
// and context rules over the embedded lexicons (internal/lexicon): name
// lists, SCOWL word levels, GeoNames places and hand-written cue categories
// (titles, kinship words, organisation cues, date words).
//
// All detectors share one tokenizer (token.go), which records for every
// word its byte span, its capitalisation shape and whether it opens a
// sentence or a line, and one analysis (analysis.go) that looks each word up
// in the lexicons at most once. Each detector is linear in its input.
//
// Recall comes first: a missed name is a breach of confidentiality. Names
// that are also ordinary words ("Will", "Grace", "Rose") are reported only
// with context (a title, a kinship cue, a greeting, a neighbouring name),
// following /work/shared/LEXICONS.md §3.
package dict
