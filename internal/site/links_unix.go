//go:build unix

package site

import (
	"io/fs"
	"syscall"
)

// links is the number of names a file has (its hard links).
func links(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 0
}
