package seqtag

import (
	"bytes"
	"compress/gzip"
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

func TestEmbeddedModel(t *testing.T) {
	if len(modelFile) > 10<<20 {
		t.Errorf("model file of %d bytes, over 10 MB", len(modelFile))
	}
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if m.Features() < 1000 {
		t.Errorf("model of %d features", m.Features())
	}
	if mg := m.Margin(false, "PER"); mg <= 0 || math.IsInf(float64(mg), 1) {
		t.Errorf("the margin of names of people outside notes is %v", mg)
	}
}

func TestFind(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lex := lexicon.Default()
	tests := []struct {
		text, name, kind string
	}{
		{"Great interview with Marguerite Okonkwo on the radio this morning", "Marguerite Okonkwo", "PER"},
		{"happy birthday Tavita!! love you", "Tavita", "PER"},
		{"just landed in Lethbridge #travel", "Lethbridge", "LOC"},
	}
	for _, tt := range tests {
		var got []string
		found := false
		for _, f := range m.Find(lex, tt.text, false) {
			if f.Margin < m.Margin(false, f.Kind) {
				continue
			}
			got = append(got, f.Kind+":"+tt.text[f.Start:f.End])
			found = found || f.Kind == tt.kind && tt.text[f.Start:f.End] == tt.name
		}
		if !found {
			t.Errorf("%q: got %v, want %s:%s", tt.text, got, tt.kind, tt.name)
		}
	}
	// Words that are no name are left alone.
	for _, text := range []string{"I hope you are well and that the new year is kind to you.", "see you at 3 !!"} {
		for _, f := range m.Find(lex, text, false) {
			if f.Margin >= m.Margin(false, f.Kind) {
				t.Errorf("%q: found %s %q", text, f.Kind, text[f.Start:f.End])
			}
		}
	}
}

func TestDetector(t *testing.T) {
	text := "Great interview with Marguerite Okonkwo on the radio this morning"
	d := New(lexicon.Default())
	fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) == 0 || fs[0].Kind != deid.Person || fs[0].Check(text) != nil || fs[0].Recognizer != Name {
		t.Errorf("got %+v", fs)
	}
	skip := New(lexicon.Default(), WithSkip(func(doc *deid.Doc) bool { return strings.Contains(doc.Text, "radio") }))
	if fs, _ := skip.Detect(context.Background(), &deid.Doc{Text: text}); len(fs) != 0 {
		t.Errorf("a skipped text gave %+v", fs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.Detect(ctx, &deid.Doc{Text: text}); err == nil {
		t.Error("Detect ignored a cancelled context")
	}
}

// TestTrainDeterministic trains twice on the same invented examples and
// expects the same model file, and a model that learned them.
func TestTrainDeterministic(t *testing.T) {
	lex := lexicon.Default()
	examples := []Example{
		Label("I met Orla Brennick in Tulsa.", []Span{{6, 19, "PER"}, {23, 28, "LOC"}}),
		Label("Dr Quayle saw him at Fenwick Clinic.", []Span{{3, 9, "PER"}, {21, 35, "ORG"}}),
		Label("nothing to see here today", nil),
	}
	train := func() []byte {
		tr := NewTrainer(lex)
		for _, ex := range examples {
			tr.Add(ex)
		}
		for range 5 {
			tr.Epoch([]int{2, 0, 1})
		}
		var buf bytes.Buffer
		if _, err := tr.Model(0).WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := train(), train()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same examples differ")
	}
	m, err := ReadModel(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	text := examples[0].Text
	var got []string
	for _, f := range m.Find(lex, text, false) {
		got = append(got, f.Kind+":"+text[f.Start:f.End])
	}
	if strings.Join(got, "|") != "PER:Orla Brennick|LOC:Tulsa" {
		t.Errorf("a model trained on %q finds %v", text, got)
	}

	// The margins are kept by kind and register: with places shut out of
	// notes, a note gives the person only.
	m.Margins = [2][3]float32{{0, 0, 0}, {0, float32(math.Inf(1)), 0}}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m, err = ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		note bool
		want string
	}{{false, "Orla Brennick|Tulsa"}, {true, "Orla Brennick"}} {
		d := New(lex, WithModel(m), WithNote(func(*deid.Doc) bool { return tt.note }))
		fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			got = append(got, f.Text)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("note %v: got %v, want %s", tt.note, got, tt.want)
		}
	}
}

func TestReadModelRejectsJunk(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("VSEQ3"), []byte("not gzip at all")} {
		if _, err := ReadModel(bytes.NewReader(b)); err == nil {
			t.Errorf("ReadModel(%q) gave no error", b)
		}
	}
}

func TestNameEnd(t *testing.T) {
	lex := lexicon.Default()
	for _, tt := range []struct{ text, want string }{
		{"Tavi-who", "Tavi"},
		{"Ashby-lane", "Ashby-lane"},
		{"Lou-Bette", "Lou-Bette"},
		{"Orlund", "Orlund"},
	} {
		tok := Token{Start: 3, End: 3 + len(tt.text), Text: tt.text}
		if got := ("..." + tt.text)[3:nameEnd(lex, tok)]; got != tt.want {
			t.Errorf("nameEnd(%q) keeps %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestModelRoundTrip: the embedded model, read and written again, is the
// same model file.
func TestModelRoundTrip(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), modelFile) {
		t.Error("the embedded model written again differs")
	}

	// A model file compressed as trainseq wrote them before reads as the
	// same model.
	var zbuf bytes.Buffer
	zw := gzip.NewWriter(&zbuf)
	zw.Write(modelFile)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	m, err = ReadModel(&zbuf)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), modelFile) {
		t.Error("the compressed model file reads as another model")
	}
}

// The copies of the hot rows fit in the room newTable leaves, so that
// opening the model never copies its whole table.
func TestHotRoomSuffices(t *testing.T) {
	m, err := parseModel(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	size := int(m.table.mask + 1)
	if extra := len(m.table.slots) - size; extra <= 0 || extra > hotRoom {
		t.Fatalf("%d hot copies past a table of %d slots; room for %d", extra, size, hotRoom)
	}
	if cap(m.table.slots) != size+hotRoom {
		t.Errorf("the table's slots were reallocated: cap %d, want %d", cap(m.table.slots), size+hotRoom)
	}
}

// TestFindingKind: the kinds and types of findings are those of the map
// and the concatenation Detect made them with before.
func TestFindingKind(t *testing.T) {
	kinds := Kinds()
	for _, k := range append(kinds[:], "X", "") {
		kind, typ := findingKind(k)
		want := map[string]deid.Kind{"PER": deid.Person, "LOC": deid.Place, "ORG": deid.Organization}[k]
		if kind != want || typ != deid.Type("seq-"+k) {
			t.Errorf("findingKind(%q) = %q, %q; want %q, %q", k, kind, typ, want, "seq-"+k)
		}
	}
}

// TestTableRandom: the table finds the weights of every key put in it and
// no others, as a map does: random keys, among them keys whose low 32 bits
// are 0 (kept apart), keys that share their low or high 32 bits with
// others (so that the low bits match and the high ones must be compared),
// and keys put twice; and keys() lists each key once.
func TestTableRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		n := 1 + rng.IntN(3000)
		want := make(map[uint64][numTags]float32)
		var keys []uint64
		for range n {
			var k uint64
			switch c := rng.IntN(10); {
			case c == 0:
				k = rng.Uint64() &^ 0xffffffff // low bits 0
			case c == 1 && len(keys) > 0:
				k = keys[rng.IntN(len(keys))]&0xffffffff | rng.Uint64()<<32 // the low bits of another
			case c == 2 && len(keys) > 0:
				k = keys[rng.IntN(len(keys))]&^0xffffffff | uint64(rng.Uint32()) // the high bits of another
			case c == 3 && len(keys) > 0:
				k = keys[rng.IntN(len(keys))] // again
			default:
				k = rng.Uint64()
			}
			if k == 0 {
				continue
			}
			var w [numTags]float32
			for j := range w {
				w[j] = rng.Float32()
			}
			if _, ok := want[k]; !ok {
				keys = append(keys, k)
			}
			want[k] = w
		}
		tb := newTable(n)
		for _, k := range keys {
			w := want[k]
			tb.put(k, &w)
		}
		// Put again with the final weights, in another order.
		for _, j := range rng.Perm(len(keys)) {
			w := want[keys[j]]
			tb.put(keys[j], &w)
		}
		if tb.n != len(want) {
			t.Fatalf("round %d: %d features, want %d", round, tb.n, len(want))
		}
		for k, w := range want {
			o, ok := tb.get(k)
			if !ok || tb.slots[o].w != w {
				t.Fatalf("round %d: key %#x: found %v, weights %v; want %v", round, k, ok, tb.slots[o].w, w)
			}
		}
		for range 5 * n {
			k := rng.Uint64()
			switch rng.IntN(3) {
			case 0:
				k &^= 0xffffffff
			case 1:
				k = keys[rng.IntN(len(keys))]&0xffffffff | rng.Uint64()<<32
			}
			if _, in := want[k]; in {
				continue
			}
			if o, ok := tb.get(k); ok {
				t.Fatalf("round %d: absent key %#x found at %d", round, k, o)
			}
		}
		got, at := tb.keys()
		if len(got) != len(want) {
			t.Fatalf("round %d: keys() lists %d keys, want %d", round, len(got), len(want))
		}
		for j, k := range got {
			if w, ok := want[k]; !ok || tb.slots[at[j]].w != w {
				t.Fatalf("round %d: keys() lists %#x at %d", round, k, at[j])
			}
		}
	}
}

// TestRowCache: tagging text after text in one scratch, whose rowCache
// and infoCache keep the rows and the info of common words from text to
// text, finds what tagging each text afresh finds; every row the cache
// holds is the model's row of its feature, and every info what lookup
// finds (with the shape and plainWord), and every prefix sum and row kept
// beside it what prefixRows and sum, and the model's table, give; the
// infoCache grew past its first table; and a rowEntry is one cache line,
// an infoEntry two, aligned.
func TestRowCache(t *testing.T) {
	if s := unsafe.Sizeof(rowEntry{}); s != 64 {
		t.Errorf("a rowEntry takes %d bytes, want 64", s)
	}
	if s, o := unsafe.Sizeof(infoEntry{}), unsafe.Offsetof(infoEntry{}.sums); s != 128 || o != 64 {
		t.Errorf("an infoEntry takes %d bytes, its prefix sums from byte %d; want 128 and 64", s, o)
	}
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lex := lexicon.Default()
	texts := append(benchtext.Texts(8), randomTexts(lex, 300)...)
	sc := &scratch{keepRows: true}
	for k, text := range texts {
		note := k%3 == 0
		doc := &deid.Doc{Text: text}
		want := m.find(lex, doc.Analysis(), text, note)
		if got := m.findIn(sc, lex, doc.Analysis(), text, note); !sameFound(got, want) {
			t.Fatalf("%q: with the cache\n got %v\nwant %v", text, got, want)
		}
	}
	c := &sc.cache
	if c.n < 10 {
		// The rows of words whose info the infoCache keeps are kept beside
		// it: this cache keeps those of marks and of the rest.
		t.Errorf("the cache kept %d words", c.n)
	}
	known, n := 0, 0
	for i := range c.entries {
		e := &c.entries[i]
		if e.n == 0 {
			continue
		}
		n++
		w := string(e.word[:e.n])
		for r, row := range e.rows {
			if row != rowUnknown {
				known++
				if want := m.row(hashS(roleFeature(r), w)); row != want {
					t.Errorf("%q in role %d: row %d, want %d", w, r, row, want)
				}
			}
		}
		for p, row := range e.tagRows {
			if row != rowUnknown {
				known++
				if want := m.row(hashTagWord(uint8(p), w)); row != want {
					t.Errorf("%q after tag %d: row %d, want %d", w, p, row, want)
				}
			}
		}
	}
	if n != c.n || known < n {
		t.Errorf("%d entries (counted %d), %d rows known", n, c.n, known)
	}
	// The info kept of each text is what lookup finds of it.
	ic := &sc.info
	n = 0
	sums, infoRows := 0, 0
	for i := range ic.entries {
		e := &ic.entries[i]
		if e.n == 0 {
			continue
		}
		n++
		w := string(e.word[:e.n])
		want := lookup(lex, w, strings.ToLower(w), lex.Facts(w))
		if sh := shapeOf(w); e.info != want || e.shape != sh || e.plain != plainWord(sh, want) {
			t.Errorf("%q: info %+v, shape %d, plain %v; want %+v, %d, %v", w, e.info, e.shape, e.plain, want, sh, plainWord(sh, want))
		}
		for r, row := range e.rows {
			if row != rowUnknown {
				infoRows++
				if want := m.row(hashS(roleFeature(r), strings.ToLower(w))); row != want {
					t.Errorf("%q in role %d: row %d beside its info, want %d", w, r, row, want)
				}
			}
		}
		for p := range uint8(numTags) {
			if row := e.tagRow(p); row != rowUnknown {
				infoRows++
				if want := m.row(hashTagWord(p, strings.ToLower(w))); row != want {
					t.Errorf("%q after tag %d: row %d beside its info, want %d", w, p, row, want)
				}
			}
		}
		pe := e
		for k, done := range pe.done {
			if !done {
				continue
			}
			sums++
			var want [numTags]float32
			m.sum(&want, m.prefixRows(nil, strings.ToLower(w), e.shape, e.info, uint8(k), pe.reg))
			if pe.sums[k] != want {
				t.Errorf("%q, register %d, sentence start %d: prefix %v, want %v", w, pe.reg, k, pe.sums[k], want)
			}
		}
	}
	if n != ic.n || n < 100 || len(ic.entries) <= rowCacheFirst || sums < 20 || infoRows < n {
		t.Errorf("info of %d texts (counted %d) in %d entries, %d prefix sums, %d rows", n, ic.n, len(ic.entries), sums, infoRows)
	}
	// The entries are two cache lines each, the first holding the text,
	// its info and its rows, the second its prefix sums: the table, a
	// large allocation, starts on a page.
	if a := uintptr(unsafe.Pointer(&ic.entries[0])); a%128 != 0 {
		t.Errorf("the infoCache's entries start at %#x, not on 128 bytes", a)
	}
}

// TestIAfter: decodeInto's test of the tags allowed after another (every
// B- tag, and the I- tag iAfter) is allowed's.
func TestIAfter(t *testing.T) {
	for p := range uint8(numTags) {
		for k := uint8(1); k < numTags; k++ {
			got := k&1 == 1 || int(k) == iAfter(p)
			if got != allowed(p, k) {
				t.Errorf("tag %s after %s: decodeInto allows it %v, allowed says %v", TagName(int(k)), TagName(int(p)), got, allowed(p, k))
			}
		}
	}
}

// TestPick: pick chooses the tag and margin that a loop over the tags
// allowed after the tag before does, on random scores with ties, infinities
// and NaNs, after every tag.
func TestPick(t *testing.T) {
	vals := []float32{0, 1, -1, 2.5, -2.5, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), 1e-40, -0.0}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var s [numTags]float32
		for k := range s {
			if r.IntN(3) == 0 {
				s[k] = r.Float32()*20 - 10
			} else {
				s[k] = vals[r.IntN(len(vals))]
			}
		}
		p1 := uint8(r.IntN(numTags))
		want, bv, second := 0, s[tagO], float32(math.Inf(-1))
		for k := 1; k < numTags; k++ {
			if !allowed(p1, uint8(k)) {
				continue
			}
			if v := s[k]; v > bv {
				want, bv, second = k, v, bv
			} else if v > second {
				second = v
			}
		}
		got, margin := pick(&s, p1)
		if got != want || math.Float32bits(margin) != math.Float32bits(bv-second) {
			t.Fatalf("pick(%v, %d) = %d, %v; want %d, %v", s, p1, got, margin, want, bv-second)
		}
	}
}

// TestUnknownRows: every row of unknownRows is unknown.
func TestUnknownRows(t *testing.T) {
	u := unknownRows()
	for _, r := range append(u.rows[:], u.tagRows[:]...) {
		if r != rowUnknown {
			t.Fatalf("unknownRows() = %+v", u)
		}
	}
}
