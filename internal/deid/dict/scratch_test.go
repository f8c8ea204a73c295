package dict

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestScratchAsFresh checks that an analysis made in the arrays of the
// documents before it (one scratch, as shared.pool keeps them) finds what
// one made in arrays of its own finds, over random texts in every register
// and long texts between them, in an order where documents grow and
// shrink, so that every array is reused both larger and smaller than the
// next document needs.
func TestScratchAsFresh(t *testing.T) {
	lex := lexicon.Default()
	texts := gateTexts(lex, 3000)
	long := benchtext.Texts(8)
	r := rand.New(rand.NewPCG(3, 5))
	for k := range long {
		// A long text, and the same words joined in lower case, at random
		// places among the short ones.
		texts = append(texts, long[k], strings.ToLower(long[k][:len(long[k])/3]))
	}
	r.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	// Twice over: the second pass starts with every array at its largest.
	s := new(scratch)
	for pass := range 2 {
		for _, text := range texts {
			got := analyseWith(lex, (&deid.Doc{Text: text}).Analysis(), s)
			want := analyse(lex, (&deid.Doc{Text: text}).Analysis())
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("pass %d: with reused arrays\n%+v\nin arrays of its own\n%+v\nin %q", pass, got, want, text)
			}
		}
	}
}

// TestSharedPool checks that the detectors of Default, which take their
// arrays from one pool, find in each of many documents what a detector
// made for that document alone finds.
func TestSharedPool(t *testing.T) {
	lex := lexicon.Default()
	dets := Default(lex)
	for _, text := range gateTexts(lex, 300) {
		doc := &deid.Doc{Text: text}
		for k, d := range dets[:3] {
			got, err := d.Detect(t.Context(), doc)
			if err != nil {
				t.Fatal(err)
			}
			fresh := Default(lex)[k]
			want, err := fresh.Detect(t.Context(), &deid.Doc{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %+v, alone %+v, in %q", d.Name(), got, want, text)
			}
		}
	}
}

// TestSharedPoolConcurrent runs the detectors of one Default from several
// goroutines at once, as a build's workers do, each document taking its
// arrays from the one pool (and each look for a misspelling going through
// the one typoState): every document's findings are those of a detector
// made for it alone. Run it with -race.
func TestSharedPoolConcurrent(t *testing.T) {
	lex := lexicon.Default()
	texts := append(gateTexts(lex, 200), benchtext.Texts(4)...)
	want := make([][]deid.Finding, len(texts))
	for k, text := range texts {
		for _, d := range Default(lex) {
			fs, err := d.Detect(t.Context(), &deid.Doc{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			want[k] = append(want[k], fs...)
		}
	}
	dets := Default(lex)
	const workers = 4
	errs := make(chan error, workers)
	for w := range workers {
		go func() {
			for k := w; k < len(texts); k += workers {
				var got []deid.Finding
				doc := &deid.Doc{Text: texts[k]}
				for _, d := range dets {
					fs, err := d.Detect(t.Context(), doc)
					if err != nil {
						errs <- err
						return
					}
					got = append(got, fs...)
				}
				if !reflect.DeepEqual(got, want[k]) {
					errs <- fmt.Errorf("%+v, alone %+v, in %q", got, want[k], texts[k])
					return
				}
			}
			errs <- nil
		}()
	}
	for range workers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}
