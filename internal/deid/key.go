package deid

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/veil-blog/veil/internal/content"
)

// KeySize is the size of a site key in bytes.
const KeySize = 32

// LoadKey reads the site key from path (hex, one line). When the file does
// not exist and create is true, a new random key is written there with
// permissions 0600, its directory 0700. The key is never printed or logged.
func LoadKey(path string, create bool) ([]byte, error) {
	b, err := content.ReadRegular(path)
	if err == nil {
		key, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(key) < 16 {
			return nil, fmt.Errorf("read key %s: not a hex key of at least 16 bytes", path)
		}
		return key, nil
	}
	if !errors.Is(err, fs.ErrNotExist) || !create {
		return nil, fmt.Errorf("read key: %w", err)
	}
	key := make([]byte, KeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("create key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create key: %w", err)
	}
	// O_EXCL: if two processes race, one wins and the other reads its key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return LoadKey(path, false)
	}
	if err != nil {
		return nil, fmt.Errorf("create key: %w", err)
	}
	if _, err := f.WriteString(hex.EncodeToString(key) + "\n"); err != nil {
		f.Close()
		return nil, fmt.Errorf("create key: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("create key: %w", err)
	}
	return key, nil
}
