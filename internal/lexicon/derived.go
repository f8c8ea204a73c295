package lexicon

import "sync"

// derived holds tables that other packages build from a Lexicon's words
// (a filter of the words a misspelling may come from, say): immutable once
// built, made on first use, and kept with the Lexicon they come from rather
// than in package-level variables.
type derived struct {
	mu sync.Mutex
	m  map[any]*derivedEntry
}

type derivedEntry struct {
	once sync.Once
	v    any
}

// Derived returns the table derived from l under key, building it with
// build the first time it is asked for. key is a value of a type private to
// the caller's package; the table must not be modified once built.
func Derived[T any](l *Lexicon, key any, build func(l *Lexicon) T) T {
	l.derived.mu.Lock()
	e, ok := l.derived.m[key]
	if !ok {
		if l.derived.m == nil {
			l.derived.m = map[any]*derivedEntry{}
		}
		e = &derivedEntry{}
		l.derived.m[key] = e
	}
	l.derived.mu.Unlock()
	e.once.Do(func() { e.v = build(l) })
	return e.v.(T)
}
