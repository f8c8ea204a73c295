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
// A tagged list gives each word once, followed by the tags of the readings
// that use it ("dr strong prose honorific" in titles.txt): words that several
// readings share have one home, and where the readings differ on purpose the
// file shows it. Each tag is a Set of its own. Lines starting with "#:" are
// directives for the accessors (see below).
//
// Each list is read once, when the package is initialised, into a Set that
// nothing can change: callers ask Has, and range over All or Words in the
// file's order. The package imports nothing of veil's, so that every detector
// can share its lists.
//
// lists.go, the accessors, is generated from lists/: to add a list, write
// lists/NAME.txt with its header (a "#: Name" line names its accessor when
// the file's name in camel case will not do; a tagged list names the
// accessor of each tag with "#: tag Name" lines), then run
//
//	go test ./internal/deid/vocab -run TestListsGoIsFresh -update
//
// which is also how a conflict in lists.go is resolved after a merge.
//
// What stays in Go code, and why: tables that map a word to a value (a
// number word's value, a cue's finding type), sets derived from the regular
// expressions they must agree with (state names and abbreviations, street
// suffixes, top-level domains), words written beside the pattern they
// trigger, and the planner's pools of replacement names, whose order is part
// of the output. TestWordSetsLiveHere fails on a set of words written in a
// recognizer's Go code.
package vocab
