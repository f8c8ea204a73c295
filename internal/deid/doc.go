// Package deid finds identifying details in a post and replaces them.
//
// The pipeline is detect -> merge -> plan -> apply. Detectors (in the
// subpackages ner, rules and dict) report Findings with byte spans into the
// exact original text; the resolver merges overlapping spans and keeps the
// most specific kind; the engine widens each finding to the whole of what is
// to be replaced (an age's phrase, a city with its state); the Planner it was
// given (package deid/plan's, wired in by the program) chooses a replacement
// for each finding; and apply splices the replacements in from right to
// left. Findings are plain
// data: deciding, applying and presenting them are separate steps.
package deid
