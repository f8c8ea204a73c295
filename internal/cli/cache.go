package cli

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/veil-blog/veil/internal/cache"
	"github.com/veil-blog/veil/internal/site"
)

// cacheDir is where per-post results are kept, under the site's private
// directory.
func cacheDir(root string) string { return filepath.Join(root, privateDir, "cache") }

// openCache opens the site's cache, keyed by everything a post's result
// depends on besides the post's own file: the program, the engine (its key,
// hashed, and actions), the author's lists and the configuration.
func (e *env) openCache(opts site.Options) (*cache.Cache, error) {
	h := sha256.New()
	io.WriteString(h, "veil prepare\x00")
	id, err := e.programID()
	if err != nil {
		return nil, err
	}
	io.WriteString(h, id+"\x00")
	fp := opts.Engine.Fingerprint()
	h.Write(fp[:])
	// Of the configuration, a post's result depends on the deid actions and
	// the risk policy (the title and byline reach it through the
	// knowledge, which allows them); paginate, permalinks or the output
	// folder change no post's analysis, so editing them keeps the cache.
	cfg := opts.Config
	for _, v := range []any{cfg.Deid, cfg.Risk, opts.Knowledge} {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("cache key: %w", err)
		}
		h.Write(b)
		h.Write([]byte{0})
	}
	return cache.Open(cacheDir(opts.Root), h.Sum(nil)).SiteRoot(opts.Root), nil
}

// programID is computeProgramID, once per run (hashing the executable
// takes tens of milliseconds).
func (e *env) programID() (string, error) {
	e.idOnce.Do(func() { e.id, e.idErr = computeProgramID() })
	return e.id, e.idErr
}

// computeProgramID identifies this build of veil, and so its recognizers,
// lexicons and models, which are compiled in: a release's version, or a
// clean checkout's commit; a build from modified sources (or one made
// with -buildvcs=false) by the Go build ID the go command wrote into the
// executable, whose last part is a hash of the linked program; failing
// that, by a hash of the executable itself (tens of milliseconds).
func computeProgramID() (string, error) {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if Version != "" {
			return "release " + Version + " " + bi.Main.Version + " " + rev, nil
		}
		if rev != "" && modified == "false" {
			return "commit " + rev + " " + bi.GoVersion, nil
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("identify veil for its cache: %w", err)
	}
	if id, ok := goBuildID(exe); ok {
		return "go build id " + id, nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("identify veil for its cache: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("identify veil for its cache: %w", err)
	}
	return fmt.Sprintf("executable %x", h.Sum(nil)), nil
}

// goBuildID reads the build ID the go command writes into an ELF
// executable's .note.go.buildid section ("actionID/.../contentID", the
// last part a hash of the linked binary). ok is false when the file is
// not ELF, has no such note, or the ID was left empty (-buildid=); the
// caller then hashes the file.
func goBuildID(exe string) (string, bool) {
	f, err := elf.Open(exe)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return "", false
	}
	note, err := sec.Data()
	if err != nil || len(note) < 16 {
		return "", false
	}
	bo := f.ByteOrder
	namesz, descsz, typ := bo.Uint32(note[0:]), bo.Uint32(note[4:]), bo.Uint32(note[8:])
	const goBuildIDTag = 4 // ELF_NOTE_GOBUILDID_TAG in cmd/link
	if namesz != 4 || typ != goBuildIDTag || string(note[12:16]) != "Go\x00\x00" {
		return "", false
	}
	if uint64(len(note)-16) < uint64(descsz) {
		return "", false
	}
	id := string(note[16 : 16+descsz])
	// An action ID and a content ID at least, each a hash in base64.
	if strings.Count(id, "/") < 1 || len(id) < 40 {
		return "", false
	}
	return id, true
}
