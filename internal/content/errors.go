package content

import "fmt"

// Error is a problem with one input file, with the line it is on when known.
// It prints as "path:line: message", the form editors and CI logs understand.
type Error struct {
	Path string
	Line int // 0 when the problem is with the file as a whole
	Msg  string
	Err  error // the underlying cause, if any
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }
