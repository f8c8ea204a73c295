package gztable

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteSortsDeduplicatesAndRefusesLineBreaks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.tsv.gz")
	n, err := Write(path, []string{"pear\t2", "apple\t1", "pear\t2"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if st, _ := f.Stat(); st.Size() != n {
		t.Errorf("returned size %d, file holds %d bytes", n, st.Size())
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("header carries name %q, time %v", zr.Name, zr.ModTime)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "apple\t1\npear\t2\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := Write(path, []string{"a\nb"}); err == nil {
		t.Error("a row with a line break was written")
	}
}
