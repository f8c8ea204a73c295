package markdown

import (
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// quickWriter is goldmark's default text writer with a quicker way for
// text that it would copy as it is. Its Write reads backslash escapes and
// entity references, and then RawWrite replaces NUL and escapes " & <
// and > (util.EscapeHTMLByte): text with none of these bytes is written
// unchanged, in one piece, which is what the default writer does with it
// after reading it twice byte by byte.
type quickWriter struct{ gmhtml.Writer }

func newQuickWriter() gmhtml.Writer { return quickWriter{gmhtml.NewWriter()} }

// writeSpecial marks the bytes that Write may write otherwise than they
// are; rawSpecial those that RawWrite may.
var writeSpecial, rawSpecial = func() (w, r [256]bool) {
	for _, c := range []byte("\x00\"&<>") {
		w[c], r[c] = true, true
	}
	w['\\'] = true
	return w, r
}()

func plainIn(source []byte, special *[256]bool) bool {
	for _, c := range source {
		if special[c] {
			return false
		}
	}
	return true
}

func (q quickWriter) Write(w util.BufWriter, source []byte) {
	if plainIn(source, &writeSpecial) {
		_, _ = w.Write(source)
		return
	}
	q.Writer.Write(w, source)
}

func (q quickWriter) RawWrite(w util.BufWriter, source []byte) {
	if plainIn(source, &rawSpecial) {
		_, _ = w.Write(source)
		return
	}
	q.Writer.RawWrite(w, source)
}
