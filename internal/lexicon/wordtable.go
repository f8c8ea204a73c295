package lexicon

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unsafe"
)

// wordTable is word_facts in a layout of its own, made for the probe a build makes of every
// distinct word of every document (Facts): a record holds the word's facts and its key, so
// that a hit reads a slot and one record, two cache lines, where a Table reads a slot, a row
// and the key's text; records hold only the numbers a word has (most words have a level and
// a rank, not births or a surname rank), so the table is 12 MB instead of 21. A record also
// holds the categories of which the word is a one-word entry, which Facts took from a Go map.
//
// The records of the hotWords most frequent words are copied, most frequent first, after
// the others, with slots of their own (128 KB), which a lookup probes first: most words of
// most texts are found in those 400 KB, which stay in cache, instead of at two random places
// of 12 MB.
//
// Layout, every number a little-endian uint32 unless said otherwise:
//
//	header:  "VWF2", records, slots, bytes of records, hot slots, bytes of hot records
//	slots:   [slots] record offset / 4 + 1 in the low 24 bits and the top 8 bits of the
//	         key's hashKey above them, or 0 for empty; slots is a power of two
//	hot slots: the same, of the hot records
//	records: each at a multiple of 4 bytes:
//	         levels (the factLevels word of wordfacts.go; bit wfCats: a cats word follows)
//	         female, male births (if factFirst); surname rank (if factSurn);
//	         word rank (if factRanked); categories (bit c for Category c, if wfCats);
//	         place word (wp bits and the most populous place's population, if wfPlace)
//	         key length (a byte), key bytes, zero bytes to the next multiple of 4
//	hot records: copies of records, as above
//	8 zero bytes, so that a key's last 8 bytes can be read as one word
//
// Record offsets count from the first record.
type wordTable struct {
	nrecs     int
	mask      uint64 // slots - 1
	hotMask   uint64 // hot slots - 1
	recLen    int    // bytes of records, not counting the hot copies
	slotsView []byte // the slots, a view of the string the table was opened on
	hotView   []byte // the hot slots
	recsView  []byte // the records, the hot records and the 8 bytes after them
}

const (
	wordMagic  = "VWF2"
	wordHeader = 6 * 4
	wfCats     = 1 << 29 // the record has a categories word
	wfPlace    = 1 << 30 // the record has a place word (see WordPlace)
	// wfNumbers are the flags of the levels word whose numbers the record holds.
	wfNumbers = factFirst | factSurn | factRanked | wfCats | wfPlace
	// hotWords is how many of the most frequent words have hot copies: 88 % of the
	// distinct words of a generated post are among them (PERFORMANCE.md, wt-core).
	hotWords = 16000
)

// openWordTable reads the header of a table made by wordTableBytes.
func openWordTable(data string) (*wordTable, error) {
	if len(data) < wordHeader || data[:4] != wordMagic {
		return nil, errors.New("not a word table")
	}
	b := unsafe.Slice(unsafe.StringData(data), len(data))
	u := func(i int) int { return int(binary.LittleEndian.Uint32(b[4*i:])) }
	nrecs, nslots, recLen, nhot, hotLen := u(1), u(2), u(3), u(4), u(5)
	if nslots == 0 || nslots&(nslots-1) != 0 || nhot == 0 || nhot&(nhot-1) != 0 {
		return nil, errors.New("word table: bad slot count")
	}
	hot := wordHeader + 4*nslots
	recs := hot + 4*nhot
	if recs+recLen+hotLen+8 != len(data) {
		return nil, fmt.Errorf("word table: %d bytes, want %d", len(data), recs+recLen+hotLen+8)
	}
	return &wordTable{nrecs: nrecs, mask: uint64(nslots - 1), hotMask: uint64(nhot - 1), recLen: recLen,
		slotsView: b[wordHeader:hot], hotView: b[hot:recs], recsView: b[recs:]}, nil
}

// wfKey stands for the key in fieldOff: it follows every number.
const wfKey = 1 << 31

// The bits of a record's place word: what WordPlace says of a word whose lookup form is
// the record's key. Every key of places, countries and states_name, and the lookup form
// of every key of states_code, has a record with a place word.
const (
	wpPlace     = 1 << 31 // Place: places holds the key
	wpCountry   = 1 << 30 // IsCountry: countries holds the key
	wpStateName = 1 << 29 // states_name holds the key
	wpStateCode = 1 << 28 // the key is the lookup form of a key of states_code
	wpPopMask   = 1<<28 - 1
)

// fieldOff returns the offset in a record whose levels word is lv of the number that
// flag f says it holds (factSurn, factRanked, wfCats; factFirst for the female births,
// which the male follow), or of its key's length byte for wfKey.
func fieldOff(lv, f uint32) int {
	before := lv & (f - 1) & wfNumbers
	return 4 + 4*bits.OnesCount32(before) + 4*int(before>>24&1) // factFirst holds two
}

// find returns the offset in recsView of the record of key k, whose hashKey is h: its hot
// copy, if it has one.
func (w *wordTable) find(k string, h uint64) (p int, ok bool) {
	if p, ok := w.probe(w.hotView, w.hotMask, k, h); ok {
		return p, true
	}
	return w.probe(w.slotsView, w.mask, k, h)
}

// probe returns the offset of the record of k, whose hashKey is h, that the slots
// (mask: their number - 1) point at.
func (w *wordTable) probe(slots []byte, mask uint64, k string, h uint64) (p int, ok bool) {
	tag := uint32(h>>56) << rowBits
	recs := w.recsView
	for i := h & mask; ; i = (i + 1) & mask {
		s := binary.LittleEndian.Uint32(slots[4*i:])
		if s == 0 {
			return 0, false
		}
		if s&^rowMask != tag {
			continue // another key's: its record need not be read
		}
		p := 4 * int(s&rowMask-1)
		kp := p + fieldOff(binary.LittleEndian.Uint32(recs[p:]), wfKey)
		if int(recs[kp]) == len(k) && string(recs[kp+1:kp+1+len(k)]) == k {
			return p, true
		}
	}
}

// levels returns the levels word of the record at p.
func (w *wordTable) levels(p int) uint32 { return binary.LittleEndian.Uint32(w.recsView[p:]) }

// num returns the number that flag f says the record at p, whose levels word is lv,
// holds (see fieldOff), or 0 when it holds none.
func (w *wordTable) num(p int, lv, f uint32) uint32 {
	if lv&f == 0 {
		return 0
	}
	return binary.LittleEndian.Uint32(w.recsView[p+fieldOff(lv, f):])
}

// births returns the female and male births of the record at p, a first name's.
func (w *wordTable) births(p int) (female, male int32) {
	return int32(binary.LittleEndian.Uint32(w.recsView[p+4:])), int32(binary.LittleEndian.Uint32(w.recsView[p+8:]))
}

// key returns the key of the record at p.
func (w *wordTable) key(p int) string {
	kp := p + fieldOff(w.levels(p), wfKey)
	// A view of the table's string: the key is not copied.
	return unsafe.String(&w.recsView[kp+1], int(w.recsView[kp]))
}

// each calls f with the offset of every record, in order, until f returns false.
func (w *wordTable) each(f func(p int) bool) {
	for p := 0; p < w.recLen; p = w.next(p) {
		if !f(p) {
			return
		}
	}
}

// next returns the offset of the record after the one at p.
func (w *wordTable) next(p int) int {
	kp := p + fieldOff(w.levels(p), wfKey)
	return (kp + 1 + int(w.recsView[kp]) + 3) &^ 3
}

// wordTableBytes lays out the word lists of tb (built by buildWordFacts) and the
// categories of which each key is a one-word entry (cats) as a wordTable: the records in
// tb's order (the SCOWL words first, which Words reads), then those of category entries
// that tb does not hold, in byte order. The same input gives the same bytes.
func wordTableBytes(tb *TableBuilder, cats map[string]uint16, places map[string]uint32) ([]byte, error) {
	keys := slices.Clone(tb.keys)
	vals := map[string][]uint32{}
	for r, k := range tb.keys {
		vals[k] = tb.Vals(r)
	}
	extra := make([]string, 0)
	for k := range cats {
		if _, ok := vals[k]; !ok {
			extra = append(extra, k)
		}
	}
	for k := range places {
		if _, ok := vals[k]; !ok && cats[k] == 0 {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		keys = append(keys, k)
		vals[k] = make([]uint32, factWords)
	}
	var recs []byte
	offs := make([]int, len(keys))
	for i, k := range keys {
		if len(k) > 255 {
			return nil, fmt.Errorf("word table: key %q too long", k)
		}
		v := vals[k]
		lv := v[factLevels]
		if lv&(wfCats|wfPlace|wfKey) != 0 {
			return nil, fmt.Errorf("word table: %q: levels word uses bits 29-31", k)
		}
		c := cats[k]
		if c != 0 {
			lv |= wfCats
		}
		pw, isPlace := places[k]
		if isPlace {
			lv |= wfPlace
		}
		offs[i] = len(recs)
		recs = binary.LittleEndian.AppendUint32(recs, lv)
		if lv&factFirst != 0 {
			recs = binary.LittleEndian.AppendUint32(recs, v[factFemale])
			recs = binary.LittleEndian.AppendUint32(recs, v[factMale])
		}
		if lv&factSurn != 0 {
			recs = binary.LittleEndian.AppendUint32(recs, v[factSurname])
		}
		if lv&factRanked != 0 {
			recs = binary.LittleEndian.AppendUint32(recs, v[factRank])
		}
		if c != 0 {
			recs = binary.LittleEndian.AppendUint32(recs, uint32(c))
		}
		if isPlace {
			recs = binary.LittleEndian.AppendUint32(recs, pw)
		}
		recs = append(recs, byte(len(k)))
		recs = append(recs, k...)
		for len(recs)%4 != 0 {
			recs = append(recs, 0)
		}
	}
	recLen := len(recs)
	// The hot copies, most frequent first.
	rank := func(i int) uint32 {
		if v := vals[keys[i]]; v[factLevels]&factRanked != 0 {
			return v[factRank]
		}
		return 1<<32 - 1
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpUint32(rank(a), rank(b)) })
	hot := order[:min(hotWords, len(order))]
	hotOffs := make([]int, len(hot))
	for j, i := range hot {
		hotOffs[j] = len(recs)
		end := recLen
		if i+1 < len(keys) {
			end = offs[i+1]
		}
		recs = append(recs, recs[offs[i]:end]...)
	}
	if len(recs)/4+1 > rowMask {
		return nil, errors.New("word table too large")
	}
	// The slots of ranked words are filled first, most frequent first, so that
	// the words most texts use are found at the first slot probed.
	slots := fillSlots(keys, order, offs)
	hotKeys := make([]string, len(hot))
	for j, i := range hot {
		hotKeys[j] = keys[i]
	}
	hotOrder := make([]int, len(hot))
	for j := range hotOrder {
		hotOrder[j] = j
	}
	hotSlots := fillSlots(hotKeys, hotOrder, hotOffs)
	out := []byte(wordMagic)
	for _, n := range []int{len(keys), len(slots), recLen, len(hotSlots), len(recs) - recLen} {
		out = binary.LittleEndian.AppendUint32(out, uint32(n))
	}
	for _, s := range slices.Concat(slots, hotSlots) {
		out = binary.LittleEndian.AppendUint32(out, s)
	}
	out = append(out, recs...)
	return append(out, make([]byte, 8)...), nil
}

// fillSlots returns the slots of keys, whose records are at offs, filled in the order
// given.
func fillSlots(keys []string, order, offs []int) []uint32 {
	nslots := 1 << bits.Len(uint(2*len(keys)))
	slots := make([]uint32, nslots)
	mask := uint64(nslots - 1)
	for _, i := range order {
		h := hashKey(keys[i])
		j := h & mask
		for slots[j] != 0 {
			j = (j + 1) & mask
		}
		slots[j] = uint32(offs[i]/4+1) | uint32(h>>56)<<rowBits
	}
	return slots
}

func cmpUint32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// oneWordCategories returns, for each one-word entry of any category, the set of its
// categories (bit c for Category c).
func (l *Lexicon) oneWordCategories() (map[string]uint16, error) {
	m := map[string]uint16{}
	for c := Category(1); c < numCategories; c++ {
		b, err := l.buildCategory(c)
		if err != nil {
			return nil, err
		}
		for _, k := range b.keys {
			if !strings.Contains(k, " ") {
				m[k] |= 1 << c
			}
		}
	}
	return m, nil
}

// buildWordTable builds word_facts from the source files.
func (l *Lexicon) buildWordTable() ([]byte, error) {
	tb, err := l.buildWordFacts()
	if err != nil {
		return nil, err
	}
	cats, err := l.oneWordCategories()
	if err != nil {
		return nil, err
	}
	places, err := l.placeWords()
	if err != nil {
		return nil, err
	}
	return wordTableBytes(tb, cats, places)
}

// placeWords returns the place word (wp bits and population) of every key of places,
// countries and states_name, and of the lookup form of every key of states_code.
func (l *Lexicon) placeWords() (map[string]uint32, error) {
	m := map[string]uint32{}
	ix, list, err := l.buildPlaces()
	if err != nil {
		return nil, err
	}
	for r, k := range ix.keys {
		v := ix.Vals(r)
		m[k] |= 0
		if int32(v[1]) > 0 { // as wordPlace asks
			pop := list.Vals(int(v[0]))[6]
			if pop > wpPopMask {
				return nil, fmt.Errorf("word table: %q: population %d does not fit", k, pop)
			}
			m[k] |= wpPlace | pop
		}
	}
	countries, err := l.buildCountries()
	if err != nil {
		return nil, err
	}
	for _, k := range countries.keys {
		m[k] |= wpCountry
	}
	byCode, byName, err := l.buildStates()
	if err != nil {
		return nil, err
	}
	for _, k := range byName.keys {
		m[k] |= wpStateName
	}
	for _, code := range byCode.keys {
		m[key(code)] |= wpStateCode
	}
	return m, nil
}
