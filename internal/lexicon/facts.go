package lexicon

import "unicode/utf8"

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
}

// In reports whether the word is an entry of c (InCategory).
func (f Facts) In(c Category) bool { return c.valid() && f.cats&(1<<c) != 0 }

// Facts returns what the word lists say of s; each field is what the
// method it names returns for s.
func (l *Lexicon) Facts(s string) Facts {
	var f Facts
	var buf [64]byte
	k := appendKey(buf[:0], s)
	t, r, lv, ok := l.factRow(view(k))
	if ok {
		if lv&factFirst != 0 {
			f.Female, f.Male, f.First = t.Int32(r, factFemale), t.Int32(r, factMale), true
		}
		f.Surname, f.Rank = t.Int32(r, factSurname), t.Int32(r, factRank)
	}
	words, proper := lv, lv
	if base, poss := cutPossessive(k); poss && lv&(factWord|factProper) != factWord|factProper {
		_, _, blv, _ := l.factRow(view(base))
		if lv&factWord == 0 {
			words = blv
		}
		if lv&factProper == 0 {
			proper = blv
		}
	}
	if words&factWord != 0 {
		f.Level = uint8(words)
	}
	if proper&factProper != 0 {
		f.Proper, f.Abbrev = uint8(proper>>8), uint8(proper>>16)
	}
	if plainWord(s) {
		f.cats = l.categorySet(k) // its phrase key is its key
	} else {
		var pbuf [64]byte
		f.cats = l.categorySet(appendPhraseKey(pbuf[:0], s))
	}
	return f
}

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
