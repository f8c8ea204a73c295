package lexicon

import "errors"

// The word lists (first names, surnames, frequency ranks, the SCOWL words and the proper
// names and abbreviations) are one table, word_facts, keyed by the words' lookup forms: a
// word's row holds everything they say of it, so Facts is one probe, and the row number is
// the word's id in the lexicon. The rows of the SCOWL words come first, in the list's
// order (Words yields them).
//
// Row: female births, male births, surname rank, frequency rank, then one word of
// SCOWL level (bits 0-7), proper level (8-15), abbreviation level (16-23) and the lists
// that hold the word (bits 24-28, factFirst ...).
const (
	factFemale = iota
	factMale
	factSurname
	factRank
	factLevels
	factWords // value words per row
)

// The lists that hold a word, in the top bits of factLevels.
const (
	factFirst  = 1 << (24 + iota) // first_names
	factSurn                      // surnames
	factRanked                    // word_rank
	factWord                      // words
	factProper                    // proper (as a proper name or an abbreviation)
)

// buildWordFacts merges the word lists into one table.
func (l *Lexicon) buildWordFacts() (*TableBuilder, error) {
	words, err := l.buildWords()
	if err != nil {
		return nil, err
	}
	first, err := l.buildFirstNames()
	if err != nil {
		return nil, err
	}
	surnames, err := l.rankTable("surnames.tsv.gz")
	if err != nil {
		return nil, err
	}
	ranks, err := l.rankTable("word_rank.tsv.gz")
	if err != nil {
		return nil, err
	}
	proper, err := l.buildProper()
	if err != nil {
		return nil, err
	}
	tb := NewTableBuilder(factWords)
	for _, src := range []struct {
		b   *TableBuilder
		set func(v, w []uint32)
	}{
		{words, func(v, w []uint32) { v[factLevels] |= w[0] | factWord }},
		{first, func(v, w []uint32) { v[factFemale], v[factMale] = w[0], w[1]; v[factLevels] |= factFirst }},
		{surnames, func(v, w []uint32) { v[factSurname] = w[0]; v[factLevels] |= factSurn }},
		{ranks, func(v, w []uint32) { v[factRank] = w[0]; v[factLevels] |= factRanked }},
		{proper, func(v, w []uint32) { v[factLevels] |= w[0]<<8 | w[1]<<16 | factProper }},
	} {
		for r := range src.b.Len() {
			row, _ := tb.Insert(src.b.keys[r])
			src.set(tb.Vals(row), src.b.Vals(r))
		}
	}
	return tb, nil
}

// wordTab returns word_facts, opening it on first use.
func (l *Lexicon) wordTab() *wordTable {
	if w := l.wordsTab.Load(); w != nil {
		return w
	}
	w := l.words.get(l.openWords)
	l.wordsTab.Store(w)
	return w
}

// openWords opens word_facts: read in place from the pack, or, for a Lexicon over the
// source files (see Freeze), built from them.
func (l *Lexicon) openWords() (*wordTable, error) {
	if l.src == nil {
		data, ok := l.pack["word_facts"]
		if !ok {
			return nil, errors.New("table word_facts missing from the pack")
		}
		return openWordTable(data)
	}
	b, err := l.buildWordTable()
	if err != nil {
		return nil, err
	}
	return openWordTable(string(b))
}

// wordRec returns the record of the lookup form k in word_facts and its levels word.
func (l *Lexicon) wordRec(k string) (w *wordTable, p int, levels uint32, ok bool) {
	w = l.wordTab()
	if p, ok = w.find(k, hashKey(k)); !ok {
		return w, 0, 0, false
	}
	return w, p, w.levels(p), true
}

// levelsOf returns the levels word of the lookup form k, 0 if word_facts does not hold it.
func (l *Lexicon) levelsOf(k string) uint32 {
	_, _, lv, _ := l.wordRec(k)
	return lv
}
