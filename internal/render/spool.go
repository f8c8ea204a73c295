package render

import (
	"fmt"
	"html/template"
	"os"
	"sync"
	"unsafe"
)

// Spool keeps the converted HTML of posts in a file instead of in memory
// until their pages are rendered: a 10,000-post build otherwise holds
// every post's HTML (a quarter of its heap) from the conversion to the
// write. The file is the Spool's own; Close removes it. It is safe for
// concurrent use.
type Spool struct {
	mu   sync.Mutex
	f    *os.File
	name string // "" once removed
	off  int64
}

// NewSpool creates a spool file in dir, which should be private (the HTML
// is de-identified, but it is not yet published).
func NewSpool(dir string) (*Spool, error) {
	f, err := os.CreateTemp(dir, "spool-*")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	s := &Spool{f: f, name: f.Name()}
	// Where an open file can lose its name (Unix), it does at once: a
	// build that is killed then leaves nothing behind.
	if os.Remove(s.name) == nil {
		s.name = ""
	}
	return s, nil
}

// Close closes the spool file and removes it.
func (s *Spool) Close() error {
	err := s.f.Close()
	if s.name != "" {
		if rerr := os.Remove(s.name); err == nil {
			err = rerr
		}
	}
	return err
}

// spooled is where one text lies in a Spool.
type spooled struct {
	s      *Spool
	off, n int64
}

func (s *Spool) put(text string) (spooled, error) {
	return s.putBytes(unsafe.Slice(unsafe.StringData(text), len(text)))
}

// putBytes is put for bytes, which it only reads.
func (s *Spool) putBytes(text []byte) (spooled, error) {
	s.mu.Lock()
	off := s.off
	s.off += int64(len(text))
	s.mu.Unlock()
	// WriteAt at a range reserved above: writers need not wait for each
	// other.
	if _, err := s.f.WriteAt(text, off); err != nil {
		return spooled{}, fmt.Errorf("spool: %w", err)
	}
	return spooled{s: s, off: off, n: int64(len(text))}, nil
}

func (sp spooled) read() (string, error) {
	b := make([]byte, sp.n)
	if _, err := sp.s.f.ReadAt(b, sp.off); err != nil {
		return "", fmt.Errorf("spool: %w", err)
	}
	// b is neither kept nor changed after this: the string can be it,
	// rather than a copy (a page's body, read once per page).
	return unsafe.String(unsafe.SliceData(b), len(b)), nil
}

// Preconvert converts p's Markdown now, so that Plan need not, and drops
// the Markdown: a build converts each post as soon as it is cleared, and
// holds only what the pages need. With a spool, the HTML waits there
// until the post's page is rendered. A conversion error is kept and
// returned by Plan, as if Plan had converted the post.
func (r *Renderer) Preconvert(p *Post, spool *Spool) {
	if spool != nil && (r.memo == nil || r.memo.forget) {
		p.converted = r.convertSpooled(p.Markdown, spool)
		p.Markdown = nil
		return
	}
	c, err := r.convert(p.Markdown)
	if err == nil && spool != nil && c.html != "" {
		var sp spooled
		if sp, err = spool.put(string(c.html)); err == nil {
			c.html, c.spooled = "", sp
		}
	}
	p.converted = &converted{c, err}
	p.Markdown = nil
}

// Content is the post's body as HTML.
func (p *PostData) Content() (template.HTML, error) {
	if p.spooled.s == nil {
		return p.content, nil
	}
	s, err := p.spooled.read()
	return template.HTML(s), err // sanitised by markdown before it was spooled
}

// convertSpooled is Preconvert's conversion into spool for a Renderer
// whose memo keeps no conversion in memory (or that has none): what it
// converts now goes from the converter's bytes to the spool, without the
// copy into a string that a conversion kept in memory needs (a tenth of
// what a post's preparation allocates besides de-identification). The
// result is what convert and spooling it give (TestConvertSpooledAsConvert).
func (r *Renderer) convertSpooled(src []byte, spool *Spool) *converted {
	var key storeKey
	if r.memo != nil {
		if c, ok := r.memo.get(src, &key); ok {
			return spoolConversion(c, spool)
		}
	}
	res, err := r.conv.Convert(src)
	if err != nil {
		if r.memo == nil {
			return &converted{newConversion(res), err} // as convert
		}
		return &converted{conversion{}, err}
	}
	if r.memo != nil {
		r.memo.save(src, res, &key)
	}
	html := res.HTML
	res.HTML = nil
	c := newConversion(res)
	if len(html) > 0 {
		sp, err := spool.putBytes(html)
		if err != nil {
			c.html = template.HTML(html)
			return &converted{c, err}
		}
		c.spooled = sp
	}
	return &converted{c, nil}
}

// spoolConversion moves c's HTML into spool, as Preconvert does.
func spoolConversion(c conversion, spool *Spool) *converted {
	if c.html == "" {
		return &converted{c, nil}
	}
	sp, err := spool.put(string(c.html))
	if err == nil {
		c.html, c.spooled = "", sp
	}
	return &converted{c, err}
}
