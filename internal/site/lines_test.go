package site

import (
	"math/rand"
	"reflect"
	"slices"
	"testing"

	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/markdown"
)

// lineCursor must place every offset where content.LineIndex does: random
// texts of newlines, CRs, ASCII, multi-byte runes and invalid bytes, and
// offsets asked for in order, out of order, repeated, inside a rune and
// out of range.
func TestLineCursorAsLineIndex(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	pieces := []string{"\n", "\n", "\r\n", "a", "word ", "é", "日本", "\xff", "\xc3", "  ", "\n\n"}
	for i := 0; i < 20000; i++ {
		var b []byte
		for n := r.Intn(40); n > 0; n-- {
			b = append(b, pieces[r.Intn(len(pieces))]...)
		}
		want := content.NewLineIndex(string(b))
		c := newLineCursor(b)
		off := 0
		for q := r.Intn(12); q >= 0; q-- {
			switch r.Intn(6) {
			case 0:
				off = r.Intn(len(b)+3) - 1 // anywhere, and just out of range
			case 1:
				// the same offset again
			default:
				off += r.Intn(8) // onwards, as sorted findings are
			}
			gl, gc := c.Position(off)
			wl, wc := want.Position(off)
			if gl != wl || gc != wc {
				t.Fatalf("Position(%d) in %q = %d:%d, LineIndex gives %d:%d", off, b, gl, gc, wl, wc)
			}
		}
	}
}

// combine writes the body with its info strings blanked straight into
// the text; it must write what combining withoutInfo's copy did, for
// infos in order, out of order and overlapping, over line ends.
func TestCombineAsWithoutInfo(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	pieces := []string{"```go\n", "x := 1\n", "\r\n", "~~~ notes\n", "text ", "é", "\n"}
	for i := 0; i < 5000; i++ {
		var body []byte
		for n := r.Intn(20); n > 0; n-- {
			body = append(body, pieces[r.Intn(len(pieces))]...)
		}
		var infos []markdown.FenceInfo
		for n := r.Intn(4); n > 0 && len(body) > 0; n-- {
			s := r.Intn(len(body))
			infos = append(infos, markdown.FenceInfo{Start: s, End: s + r.Intn(len(body)-s+1)})
		}
		if r.Intn(2) == 0 {
			slices.SortFunc(infos, func(a, b markdown.FenceInfo) int { return a.Start - b.Start })
		}
		p := &content.Post{Body: body}
		p.Meta.Title, p.Meta.Tags, p.Meta.Slug = "A title", []string{"first-tag", "x"}, "a-slug"
		p.Meta.Aliases = []string{"/old/path.html"}
		got, gotSegs := combine(p, body, infos)
		want, wantSegs := combineString(p, withoutInfo(string(body), infos))
		if got != want || !reflect.DeepEqual(gotSegs, wantSegs) {
			t.Fatalf("combine(%q, %+v) = %q %+v, want %q %+v", body, infos, got, gotSegs, want, wantSegs)
		}
	}
}

// combineString is combine as it was, taking the body as a string.
func combineString(p *content.Post, body string) (string, []segment) {
	text, segs := combine(p, nil, nil)
	// The body is the last field: put it in place of the empty one.
	last := segs[len(segs)-1]
	text = text[:last.start] + body + separator
	segs[len(segs)-1].end = last.start + len(body)
	return text, segs
}

// applyBytes must write deid.Apply's text: random texts with sorted,
// apart findings (empty ones, at the ends, touching) whose replacements
// are shorter, longer or empty.
func TestApplyBytesAsApply(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	pieces := []string{"a", "word ", "é", "日本", "\n", "\xff", "  "}
	repls := []string{"", "X", "[PERSON]", "Ilvane Morrast", "é", "a much longer replacement than most"}
	for i := 0; i < 20000; i++ {
		var text []byte
		for n := r.Intn(30); n > 0; n-- {
			text = append(text, pieces[r.Intn(len(pieces))]...)
		}
		var fs []deid.Finding
		for at := 0; at <= len(text); {
			start := at + r.Intn(len(text)-at+1)
			end := start + r.Intn(len(text)-start+1)
			if r.Intn(3) == 0 {
				end = start
			}
			fs = append(fs, deid.Finding{Start: start, End: end, Replacement: repls[r.Intn(len(repls))]})
			at = end + r.Intn(2)
			if r.Intn(3) == 0 {
				break
			}
		}
		got := applyBytes(string(text), fs)
		if want := deid.Apply(string(text), fs); string(got) != want {
			t.Fatalf("applyBytes(%q, %+v) = %q, deid.Apply gives %q", text, fs, got, want)
		}
	}
}
