package site

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/veil-blog/veil/internal/content"
)

// privateDir is where a site keeps what must never be published.
const privateDir = ".veil"

// lockName is the build lock under .veil; it names its holder.
const lockName = "build.lock"

// recordName is the private record of the last build's URLs, under .veil.
const recordName = "build-urls.json"

// LockedError says another build of the site is running.
type LockedError struct {
	Lock   string
	Holder string
}

func (e *LockedError) Error() string {
	h := e.Holder
	if h == "" {
		h = "another process"
	}
	return fmt.Sprintf("another build of this site is running (%s holds %s); wait for it to finish", h, e.Lock)
}

// lockSite takes the site's build lock and returns its release.
func lockSite(root string) (func(), error) {
	dir := filepath.Join(root, privateDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("build lock: %w", err)
	}
	p := filepath.Join(dir, lockName)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("build lock: %w", err)
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("build lock %s: %w", p, err)
	}
	if !ok {
		holder, _ := content.ReadRegular(p)
		f.Close()
		return nil, &LockedError{Lock: p, Holder: strings.TrimSpace(string(holder))}
	}
	host, _ := os.Hostname()
	f.Truncate(0)
	fmt.Fprintf(f, "veil build, process %d on %s, since %s\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339))
	return func() {
		f.Truncate(0)
		f.Close()
	}, nil
}

// marker is the content of the output marker. It holds a fingerprint of the
// site key (a hash that reveals nothing about the key) so that a build with
// a different key can say so, and the files the build wrote (all of them
// published anyway), so that the next build can tell a file the author
// added to the output from its own.
func marker(fingerprint string, names []string) []byte {
	var b bytes.Buffer
	b.WriteString("veil build output: this directory is replaced on every build.\n")
	b.WriteString("veil only replaces a directory that holds this file, or an empty one.\n")
	if fingerprint != "" {
		fmt.Fprintf(&b, "key: %s\n", fingerprint)
	}
	for _, name := range names {
		fmt.Fprintf(&b, "file: %s\n", name)
	}
	return b.Bytes()
}

// osJunk reports whether name is a file a file manager leaves in a folder
// it shows (Finder's .DS_Store and ._ files, Windows' Thumbs.db and
// desktop.ini): not the author's, and replaced with the output.
func osJunk(name string) bool {
	return name == ".DS_Store" || name == "Thumbs.db" || name == "desktop.ini" || strings.HasPrefix(name, "._")
}

// foreignFiles lists the files in dest that the build which wrote it did
// not (its marker lists what it wrote); nil for a marker from a veil that
// did not list them.
func foreignFiles(dest string) ([]string, error) {
	b, err := content.ReadRegular(filepath.Join(dest, MarkerName))
	if err != nil {
		return nil, nil
	}
	wrote := map[string]bool{MarkerName: true, ".gitkeep": true}
	listed := false
	for _, line := range strings.Split(string(b), "\n") {
		if name, ok := strings.CutPrefix(line, "file: "); ok {
			wrote[name], listed = true, true
		}
	}
	if !listed {
		return nil, nil
	}
	var out []string
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dest, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); !wrote[rel] && !osJunk(d.Name()) {
			out = append(out, rel)
		}
		return nil
	})
	return out, err
}

// markerKey reads the key fingerprint from an output directory's marker.
func markerKey(dest string) string {
	b, err := content.ReadRegular(filepath.Join(dest, MarkerName))
	if err != nil {
		return ""
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if k, ok := strings.CutPrefix(sc.Text(), "key: "); ok {
			return strings.TrimSpace(k)
		}
	}
	return ""
}

// keyWarning warns when the output was built with another key: every
// pseudonym and shifted date changes, so the site's published text changes
// meaning under readers' eyes, and a reader who kept both versions can
// link them.
func keyWarning(dest, fingerprint string) string {
	old := markerKey(dest)
	if old == "" || fingerprint == "" || old == fingerprint {
		return ""
	}
	return fmt.Sprintf("THE SITE KEY CHANGED since %s was last built (.veil/key is new or was replaced): every pseudonym and shifted date in the site changes with this build. If .veil/ was deleted by mistake, restore .veil/key from your backup and build again.", dest)
}

// urlRecord maps a post's file (relative to the content folder) to its URL
// in the last build. It is private: file names may hold what URLs do not.
type urlRecord map[string]string

func loadURLRecord(root string) urlRecord {
	b, err := content.ReadRegular(filepath.Join(root, privateDir, recordName))
	if err != nil {
		return nil
	}
	var r urlRecord
	if json.Unmarshal(b, &r) != nil {
		return nil
	}
	return r
}

func saveURLRecord(root string, cs []*Cleared) error {
	b, err := urlRecordBytes(cs)
	if err != nil {
		return err
	}
	return writeURLRecord(root, b)
}

// urlRecordBytes is the record of cs's URLs as saveURLRecord writes it.
func urlRecordBytes(cs []*Cleared) ([]byte, error) {
	r := urlRecord{}
	for _, c := range cs {
		if c.Rel != "" {
			r[c.Rel] = c.Post.Permalink
		}
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// writeURLRecord puts the record b (from urlRecordBytes) in place.
func writeURLRecord(root string, b []byte) error {
	p := filepath.Join(root, privateDir, recordName)
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// movedURLs says which published posts now have another URL than in the
// last build (a back-dated post with the same title takes the plain slug
// and pushes the existing post to "-2"): links to the old URL break or
// reach another post.
func movedURLs(prev urlRecord, cs []*Cleared) []string {
	if prev == nil {
		return nil
	}
	var out []string
	for _, c := range cs {
		old, ok := prev[c.Rel]
		if ok && old != c.Post.Permalink {
			out = append(out, fmt.Sprintf("%s: its URL changed from %s to %s since the last build (another post now has the same title or an earlier date); links to the old URL break or reach another post", c.Path, old, c.Post.Permalink))
		}
	}
	sort.Strings(out)
	return out
}
