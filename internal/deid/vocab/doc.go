// Package vocab holds the word lists of the de-identifier as embedded data,
// each list with one home, and the few predicates that read only them.
//
// A list is a text file in lists/: a header of lines starting with "#" that
// says what the list holds and the pattern of language it serves, then one
// word or phrase per line, written as the callers compare it (most lists are
// in lower case; a few are matched as written). Lines starting with "#" are
// comments anywhere in the file; a word that itself starts with "#" or "\" is
// written with a "\" before it. Blank lines are skipped.
//
// Each list is read once, when the package is initialised, into a Set that
// nothing can change: callers ask Has, and range over Words. The package
// imports nothing of veil's, so that every detector can share its lists.
package vocab
