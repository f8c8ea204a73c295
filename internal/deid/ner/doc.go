// Package ner finds person, place and organisation names with the
// statistical named-entity recogniser of github.com/jdkato/prose/v2.
package ner
