package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// progressLine shows how a long build or check is going on one line of a
// terminal: posts done of the total, the rate and how many were held back,
// rewritten in place at most every interval and erased at the end.
type progressLine struct {
	w        io.Writer
	now      func() time.Time
	interval time.Duration
	start    time.Time
	last     time.Time
	shown    bool
}

// newProgress returns the progress line for w, or nil when nothing should
// be shown: with --quiet, when w is not a terminal (a pipe, a file) or on
// CI, where a line rewritten with carriage returns would only clutter the
// log.
func newProgress(w io.Writer, quiet bool, getenv func(string) string) *progressLine {
	if quiet || !isTerminal(w) || getenv("CI") != "" || getenv("TERM") == "dumb" {
		return nil
	}
	return &progressLine{w: w, now: time.Now, interval: 100 * time.Millisecond}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// update is site.Options.Progress: it redraws the line when interval has
// passed since the last drawing, and for the last post.
func (p *progressLine) update(done, total, held int) {
	t := p.now()
	if p.start.IsZero() {
		p.start = t
	}
	if done < total && p.shown && t.Sub(p.last) < p.interval {
		return
	}
	p.last, p.shown = t, true
	rate := ""
	if s := t.Sub(p.start).Seconds(); s > 0 {
		rate = fmt.Sprintf(", %.0f posts/s", float64(done)/s)
	}
	// \r goes back to the start of the line, \x1b[K erases what a longer
	// line left.
	fmt.Fprintf(p.w, "\r%d/%d posts%s, %d held back\x1b[K", done, total, rate, held)
}

// finish erases the line, so that the build's report starts on a clean one.
func (p *progressLine) finish() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// progress sets opts' Progress to a progress line on e's standard error
// (see newProgress) and returns the function that erases it.
func (f *siteFlags) progress(e *env) (func(done, total, held int), func()) {
	p := newProgress(e.stderr, f.quiet, os.Getenv)
	if p == nil {
		return nil, func() {}
	}
	return p.update, p.finish
}
