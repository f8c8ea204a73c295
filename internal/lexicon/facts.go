package lexicon

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
	base, poss := cutPossessive(k)
	if a, b, ok := getAB(l.tab(&l.firstNames, "first_names"), string(k)); ok {
		f.Female, f.Male, f.First = a, b, true
	}
	f.Surname, _, _ = getAB(l.tab(&l.surnames, "surnames"), string(k))
	f.Rank, _, _ = getAB(l.tab(&l.ranks, "word_rank"), string(k))
	words := l.tab(&l.words, "words")
	lv, _, ok := getAB(words, string(k))
	if !ok && poss {
		lv, _, _ = getAB(words, string(base))
	}
	f.Level = uint8(lv)
	proper := l.tab(&l.proper, "proper")
	p, a, ok := getAB(proper, string(k))
	if !ok && poss {
		p, a, _ = getAB(proper, string(base))
	}
	f.Proper, f.Abbrev = uint8(p), uint8(a)
	var pbuf [64]byte
	f.cats = l.categorySet(appendPhraseKey(pbuf[:0], s))
	return f
}
