package lexicon

import (
	"cmp"
	"slices"
)

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

// factRow returns the row of the lookup form k in word_facts, or in its copy
// word_facts_hot, and its levels word.
func (l *Lexicon) factRow(k string) (t *Table, row int, levels uint32, ok bool) {
	t = l.tab(&l.factsHot, "word_facts_hot")
	if row, ok = t.Find(k); ok {
		return t, row, t.Word(row, factLevels), true
	}
	t = l.tab(&l.facts, "word_facts")
	row, ok = t.Find(k)
	if !ok {
		return t, 0, 0, false
	}
	return t, row, t.Word(row, factLevels), true
}

// hotRank is the frequency rank up to which a word's row of word_facts is
// copied into word_facts_hot.
const hotRank = 16000

// buildWordFactsHot copies the rows of word_facts of the words ranked up to
// hotRank, most frequent first, into a table of their own. Nearly every text
// is mostly such words (88 % of the distinct words of each of 300 generated
// posts), and word_facts is 455,000 rows in some 20 MB, so that a probe
// there reads three cache lines that were rarely read recently; the copy is
// about 700 KB, and the rows of the commonest words lie together.
func (l *Lexicon) buildWordFactsHot() (*TableBuilder, error) {
	all, err := l.buildWordFacts()
	if err != nil {
		return nil, err
	}
	var rows []int
	for r := range all.Len() {
		if rank := all.Vals(r)[factRank]; rank > 0 && rank <= hotRank {
			rows = append(rows, r)
		}
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		return cmp.Or(cmp.Compare(all.Vals(a)[factRank], all.Vals(b)[factRank]), cmp.Compare(all.keys[a], all.keys[b]))
	})
	tb := NewTableBuilder(factWords)
	for _, r := range rows {
		row, _ := tb.Insert(all.keys[r])
		copy(tb.Vals(row), all.Vals(r))
	}
	return tb, nil
}
