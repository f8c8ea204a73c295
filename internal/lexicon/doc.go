// Package lexicon gives the de-identifier its word lists: US first names with birth counts
// by sex (SSA), surnames with rank (1990 Census), SCOWL word and proper-name levels, word
// frequency ranks, GeoNames places, countries, US states with Census regions, and phrase
// categories (conditions, occupations, nationalities, languages, religions, holidays,
// organisation types and cue words, date words, street suffixes, titles, kinship words).
//
// The lists are embedded as gzip'd TSV files made by tools/genlex (see README.md). Each table
// is parsed on its first use and then kept; a Lexicon is safe for concurrent use, and
// Default returns one shared instance. Lookups are case-insensitive unless a method says
// otherwise, so callers decide what capitalisation means.
package lexicon
