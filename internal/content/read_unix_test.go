//go:build unix

package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
)

// readLimitedPlain is readLimited as it was, reading through ReadRegular
// (a second stat): the oracle of TestReadLimitedAsPlain.
func readLimitedPlain(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error(), Err: err}
	}
	if fi.Size() > MaxPostBytes {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes; posts are limited to %d", fi.Size(), MaxPostBytes)}
	}
	b, err := ReadRegular(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error(), Err: err}
	}
	return b, nil
}

// TestReadLimitedAsPlain reads a post, an empty one, one too large, a
// named pipe (without blocking), a folder, a missing file, a link to a
// post and a dangling link both ways: the same bytes or the same error.
func TestReadLimitedAsPlain(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		b := make([]byte, size)
		for i := range b {
			b[i] = byte('a' + i%26)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	paths := []string{write("post.md", 5000), write("empty.md", 0), write("big.md", MaxPostBytes+1), write("edge.md", MaxPostBytes), filepath.Join(dir, "missing.md"), dir}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err == nil {
		paths = append(paths, filepath.Join(dir, "pipe.md"))
	}
	if os.Symlink(paths[0], filepath.Join(dir, "link.md")) == nil && os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "dangling.md")) == nil {
		paths = append(paths, filepath.Join(dir, "link.md"), filepath.Join(dir, "dangling.md"))
	}
	for _, p := range paths {
		got, gerr := readLimited(p)
		want, werr := readLimitedPlain(p)
		if !reflect.DeepEqual(got, want) || fmt.Sprint(gerr) != fmt.Sprint(werr) || errors.Is(gerr, ErrNotRegular) != errors.Is(werr, ErrNotRegular) || errors.Unwrap(gerr) == nil != (errors.Unwrap(werr) == nil) {
			t.Errorf("%s: got %d bytes, %v; want %d bytes, %v", filepath.Base(p), len(got), gerr, len(want), werr)
		}
	}
}
