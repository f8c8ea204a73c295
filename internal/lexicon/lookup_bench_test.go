package lexicon

import (
	"strings"
	"testing"
)

// lookupWords are words of every kind the detectors look up: common and rare
// words, names, places, capitalised and possessive forms, misses.
var lookupWords = strings.Fields(`the session Halvard client Queensby retired welder from Ostfield
called twice daughter Mireille's move Caldermouth March team's plan agreed reviewed Ashworth quiet
felt waited fine Dr St Oberlin Tacoma Vermont Okonkwo Thistlewood Rosalind Tomasz Ingrid
xqzzv Brightwater Centre Family noticed honest uncertain thoughtful Kettleby Ravensholm Pinewood
anxiety disorder nurse counsellor Monday Christmas hospital`)

// BenchmarkLookups times the lookups a detector makes of one word, over a
// mix of words (the tables are opened before the timer starts).
func BenchmarkLookups(b *testing.B) {
	l := New()
	if err := l.LoadAll(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w := lookupWords[i%len(lookupWords)]
		l.WordLevel(w)
		l.FirstName(w)
		l.Surname(w)
		l.WordRank(w)
		l.ProperLevel(w)
		l.IsPlace(w)
		l.InCategory(Condition, w)
		i++
	}
}
