// Package site builds a site: content -> deid -> risk -> render -> atomic
// write. Build is a function of the site files, the configuration and the
// key; per-post work (de-identification and scoring) is independent and runs
// in parallel. A post whose processing fails in any way is held back.
package site
