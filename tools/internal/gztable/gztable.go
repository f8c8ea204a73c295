// Package gztable writes the sorted, gzip-compressed tables that the
// generators under tools/ make for veil to embed.
package gztable

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Write sorts and de-duplicates rows and writes them, one a line, gzip -9
// compressed with a header that carries no name or time, by way of a
// temporary file so that a failed run leaves the old table. It returns the
// compressed size.
func Write(path string, rows []string) (int64, error) {
	slices.Sort(rows)
	rows = slices.Compact(rows)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if strings.ContainsAny(r, "\n\r") {
			return 0, fmt.Errorf("row %q contains a line break", r)
		}
		io.WriteString(zw, r)
		zw.Write([]byte{'\n'})
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return int64(buf.Len()), os.Rename(tmp, path)
}
