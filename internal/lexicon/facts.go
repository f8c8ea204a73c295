package lexicon

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Facts is what the word lists say of one word: the answers of FirstName,
// Surname, WordRank, WordLevel, ProperLevel, AbbrevLevel and InCategory,
// looked up at once with the word's lookup form made once. A recognizer that reads
// several of them for every word of a text asks for its Facts instead.
type Facts struct {
	Female, Male int32 // FirstName's births, when First
	First        bool  // a first name
	Surname      int32 // Surname's rank; 0 when not a surname
	Rank         int32 // WordRank; 0 when not ranked
	Level        uint8 // WordLevel; 0 when not a word
	Proper       uint8 // ProperLevel; 0 when absent
	Abbrev       uint8 // AbbrevLevel; 0 when absent
	cats         uint16
	place        uint32 // the record's place word (see wordtable.go), for Place
}

// In reports whether the word is an entry of c (InCategory).
func (f Facts) In(c Category) bool { return c.valid() && f.cats&(1<<c) != 0 }

// Place returns l.WordPlace(w), for a word w whose lookup form is that of the
// word these are the Facts of (the same word in any case, say): read from
// the facts without a lookup, but for a word that may be a state code, which
// is matched as written. f must come from l.
func (f Facts) Place(l *Lexicon, w string) WordPlace {
	return l.placeOf(f.place, w, "", 0)
}

// Facts returns what the word lists say of s; each field is what the
// method it names returns for s.
func (l *Lexicon) Facts(s string) Facts {
	var buf [64]byte
	if k, ok := lowerPlain(&buf, s); ok {
		return l.plainFacts(k, hashBuf(&buf, len(k)))
	}
	return l.facts(s)
}

// plainFacts is Facts of a word whose lookup form, k, whose hashKey is h, is
// also its phrase key and holds no space (lowerPlain): its categories are in
// its record.
func (l *Lexicon) plainFacts(k string, h uint64) Facts {
	var f Facts
	w := l.wordTab()
	p, ok := w.find(k, h)
	var lv uint32
	if ok {
		lv = w.levels(p)
		if lv&factFirst != 0 {
			f.Female, f.Male = w.births(p)
			f.First = true
		}
		if lv&(factSurn|factRanked|wfCats|wfPlace) != 0 {
			f.Surname, f.Rank = int32(w.num(p, lv, factSurn)), int32(w.num(p, lv, factRanked))
			f.cats = uint16(w.num(p, lv, wfCats))
			f.place = w.num(p, lv, wfPlace)
		}
	}
	if n := len(k); n >= 2 && k[n-2] == '\'' && k[n-1] == 's' && lv&(factWord|factProper) != factWord|factProper {
		return l.possessive(f, lv, k[:n-2])
	}
	return f.withLevels(lv, lv)
}

// possessive is plainFacts of a key ending in 's whose levels word is lv:
// WordLevel and ProperLevel read those of base, without the 's, when the
// key has none.
func (l *Lexicon) possessive(f Facts, lv uint32, base string) Facts {
	blv := l.levelsOf(base)
	words, proper := lv, lv
	if lv&factWord == 0 {
		words = blv
	}
	if lv&factProper == 0 {
		proper = blv
	}
	return f.withLevels(words, proper)
}

// withLevels sets Level from the levels word words and Proper and Abbrev
// from proper.
func (f Facts) withLevels(words, proper uint32) Facts {
	if words&factWord != 0 {
		f.Level = uint8(words)
	}
	if proper&factProper != 0 {
		f.Proper, f.Abbrev = uint8(proper>>8), uint8(proper>>16)
	}
	return f
}

// facts is Facts of any word.
func (l *Lexicon) facts(s string) Facts {
	var f Facts
	var buf [64]byte
	k := appendKey(buf[:0], s)
	w, p, lv, ok := l.wordRec(view(k))
	if ok {
		if lv&factFirst != 0 {
			f.Female, f.Male = w.births(p)
			f.First = true
		}
		f.Surname, f.Rank = int32(w.num(p, lv, factSurn)), int32(w.num(p, lv, factRanked))
		f.place = w.num(p, lv, wfPlace)
	}
	words, proper := lv, lv
	if base, poss := cutPossessive(k); poss && lv&(factWord|factProper) != factWord|factProper {
		blv := l.levelsOf(view(base))
		if lv&factWord == 0 {
			words = blv
		}
		if lv&factProper == 0 {
			proper = blv
		}
	}
	f = f.withLevels(words, proper)
	if plainWord(s) {
		f.cats = l.categorySet(k) // its phrase key is its key
	} else {
		var pbuf [64]byte
		f.cats = l.categorySet(appendPhraseKey(pbuf[:0], s))
	}
	return f
}

// lowerPlain writes the lookup form of s into buf and returns it when s is
// 1 to 64 bytes of ASCII above the space (no white space, no control
// character), so that the form is s lowered byte by byte and is also its
// phrase key. It reads eight bytes at a time.
func lowerPlain(buf *[64]byte, s string) (string, bool) {
	n := len(s)
	if n == 0 || n > len(buf) {
		return "", false
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= n; i += 8 {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
		// A byte of 0x80 or more, or below 0x21 (x - 0x21 borrows into its top
		// bit, which x's own top bit, clear, does not cancel).
		if x&highs != 0 || (x-0x21*ones)&^x&highs != 0 {
			return "", false
		}
		// Bytes 'A' to 'Z': at least 'A' (adding 0x80-'A' sets the top bit)
		// and not above 'Z' (adding 0x80-'Z'-1 does not); no byte carries
		// into the next, all being below 0x80.
		upper := (x + (0x80-'A')*ones) &^ (x + (0x80-'Z'-1)*ones) & highs
		binary.LittleEndian.PutUint64(buf[i:], x|upper>>2)
	}
	for ; i < n; i++ {
		c := plainLower[s[i]]
		if c == 0 {
			return "", false
		}
		buf[i] = c
	}
	return view(buf[:n]), true
}

// plainLower maps each byte lowerPlain takes, ASCII above the space, to its
// lower case, and the others to 0. It is never written after
// initialisation.
var plainLower = func() (t [256]byte) {
	for c := '!'; c < utf8.RuneSelf; c++ {
		t[c] = byte(unicode.ToLower(c))
	}
	return t
}()

// plainWord reports whether s is ASCII without white space, so that
// appendPhraseKey of s is appendKey of s: one field, lower-cased byte by
// byte.
func plainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return false
		default:
			if c >= utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}
