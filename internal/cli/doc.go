// Package cli is veil's command line: build, serve, check, deid, new and
// version. It is the only package that wires the others together.
package cli
