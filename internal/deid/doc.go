// Package deid finds identifying details in a post and replaces them.
//
// The pipeline is detect -> merge -> plan -> apply. Detectors (in the
// subpackages ner, rules and dict) report Findings with byte spans into the
// exact original text; the resolver merges overlapping spans and keeps the
// most specific kind; the planner chooses a replacement for each finding; and
// apply splices the replacements in from right to left. Findings are plain
// data: deciding, applying and presenting them are separate steps.
package deid
