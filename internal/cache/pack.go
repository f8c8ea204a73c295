package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The entries on disk are kept in packs: a build's new entries are
// appended to a temporary file as they come and, at Flush (or when it
// reaches segmentSize), the file gets its index and is renamed into place,
// so that a build creates a file per 4 MiB of entries where it created one
// per entry (two per post, and their folders: on an
// ext4 without a journal, creating them was a fifth of a cold build's CPU).
//
// A pack is
//
//	packMagic
//	payloads, back to back
//	index: per entry, kind (1 byte), key (32), offset (8), length (8),
//	       SHA-256 of the payload (32)
//	footer: index offset (8), entry count (8), SHA-256 of the index (32),
//	        packMagic
//
// integers little-endian. A pack is trusted only whole: a wrong magic,
// size, offset or index checksum makes the whole pack unreadable (its
// entries are misses, rebuilt into a new pack, and the pack is removed);
// an entry whose payload does not match its checksum is a miss. A pack is
// never changed once renamed into place; Prune copies the entries still
// used out of a pack that holds others, and removes it.
const (
	packMagic  = "veil pack 1\n"
	packPrefix = "pack-"
	tmpPrefix  = ".tmp-pack-"
	recordSize = 1 + sha256.Size + 8 + 8 + sha256.Size
	footerSize = 8 + 8 + sha256.Size + len(packMagic)
	// segmentSize bounds a pack: once a pack being written holds this
	// much, it is put in place and the next entry starts another. Prune
	// copies the entries still used out of a pack that holds stale ones:
	// after a build that changed one post, a pack or two of this size, not
	// all the site's entries (23 MB at 1,000 posts).
	segmentSize = 4 << 20
	// pendingSize is how many bytes of payloads a pack being written
	// gathers before writing them to its file.
	pendingSize = 256 << 10
	// staleTemp is how long a temporary pack may go unwritten before Prune
	// takes it for the remains of a process that stopped: a writer adds to
	// its file all through a build and renames it at the end.
	staleTemp = 15 * time.Minute
)

// The kinds' codes in a pack's index.
var kindCodes = []string{kindPrepare, kindHTML}

func kindCode(kind string) byte { return byte(slices.Index(kindCodes, kind)) }

// slot is one entry of a pack.
type slot struct {
	kk     usedKey
	off, n int64
	sum    [sha256.Size]byte
}

type pack struct {
	path string   // its file; the temporary one while f is set
	f    *os.File // set while the pack is being written
	size int64    // bytes written so far (while f is set)
	// pending are the last bytes written, not yet in f: the payloads
	// from offset size-len(pending) on. Writing them by the hundred
	// kilobytes instead of one entry at a time saves a system call per
	// entry.
	pending []byte
	entries []slot
}

// ref is an entry's place: which pack, which of its entries.
type ref struct {
	p *pack
	i int
}

// store keeps entries in the packs of a folder. It is safe for concurrent
// use.
type store struct {
	dir     string
	bad     *atomic.Int64 // counts unreadable packs and entries
	segment int64         // segmentSize, or less in tests

	mu      sync.Mutex
	indexed bool
	packs   []*pack // renamed into place, oldest first
	at      map[usedKey]ref
	broken  []string // packs found unreadable: removed once replaced
	w       *pack    // the pack being written, or nil
}

func newStore(dir string, bad *atomic.Int64) *store {
	return &store{dir: dir, bad: bad, segment: segmentSize, at: map[usedKey]ref{}}
}

// index reads the packs' indexes, once. s.mu is held.
func (s *store) index() {
	if s.indexed {
		return
	}
	s.indexed = true
	des, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	for _, de := range des { // in name order: a pack's name starts with its time
		if !de.Type().IsRegular() || !isPackName(de.Name()) {
			continue
		}
		path := filepath.Join(s.dir, de.Name())
		p, err := readIndex(path)
		if err != nil {
			s.bad.Add(1)
			s.broken = append(s.broken, path)
			continue
		}
		s.packs = append(s.packs, p)
		for i, e := range p.entries {
			s.at[e.kk] = ref{p, i} // a later pack's copy wins
		}
	}
}

// isPackName reports whether name is a pack's: "pack-", 16 hex digits
// (the time it was put in place), "-" and the digits of its temporary
// file's name. Other files are not the cache's, and left alone.
func isPackName(name string) bool {
	rest, ok := strings.CutPrefix(name, packPrefix)
	if !ok || len(rest) < 18 || rest[16] != '-' {
		return false
	}
	if _, err := hex.DecodeString(rest[:16]); err != nil {
		return false
	}
	for _, c := range rest[17:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// readIndex reads and checks the index of the pack at path.
func readIndex(path string) (*pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if size < int64(len(packMagic)+footerSize) {
		return nil, errors.New("truncated")
	}
	head := make([]byte, len(packMagic))
	foot := make([]byte, footerSize)
	if _, err := f.ReadAt(head, 0); err != nil {
		return nil, err
	}
	if _, err := f.ReadAt(foot, size-int64(footerSize)); err != nil {
		return nil, err
	}
	if string(head) != packMagic || string(foot[footerSize-len(packMagic):]) != packMagic {
		return nil, errors.New("not a pack of this format")
	}
	ixOff, count := binary.LittleEndian.Uint64(foot), binary.LittleEndian.Uint64(foot[8:])
	end := uint64(size - int64(footerSize))
	if ixOff < uint64(len(packMagic)) || ixOff > end || count != (end-ixOff)/recordSize || (end-ixOff)%recordSize != 0 {
		return nil, errors.New("index out of place")
	}
	ix := make([]byte, end-ixOff)
	if _, err := f.ReadAt(ix, int64(ixOff)); err != nil {
		return nil, err
	}
	if sum := sha256.Sum256(ix); !bytes.Equal(sum[:], foot[16:16+sha256.Size]) {
		return nil, errors.New("index checksum mismatch")
	}
	p := &pack{path: path, entries: make([]slot, 0, count)}
	for r := ix; len(r) > 0; r = r[recordSize:] {
		var e slot
		if int(r[0]) >= len(kindCodes) {
			return nil, errors.New("unknown kind")
		}
		e.kk.kind = kindCodes[r[0]]
		copy(e.kk.k[:], r[1:])
		off, n := binary.LittleEndian.Uint64(r[1+sha256.Size:]), binary.LittleEndian.Uint64(r[9+sha256.Size:])
		if off < uint64(len(packMagic)) || off > ixOff || n > ixOff-off {
			return nil, errors.New("entry out of place")
		}
		e.off, e.n = int64(off), int64(n)
		copy(e.sum[:], r[17+sha256.Size:])
		p.entries = append(p.entries, e)
	}
	return p, nil
}

// get returns the payload kept for kk. An entry that does not match its
// checksum is counted bad and is a miss.
func (s *store) get(kk usedKey) ([]byte, bool) {
	s.mu.Lock()
	s.index()
	r, ok := s.at[kk]
	if !ok {
		s.mu.Unlock()
		return nil, false
	}
	e, path := r.p.entries[r.i], r.p.path
	b := make([]byte, e.n)
	var err error
	if r.p.f != nil {
		// Written by this process and not yet in place: read under the
		// lock, so that Flush does not close the file meanwhile. An entry
		// is either whole in pending or whole in the file.
		if at := e.off - (r.p.size - int64(len(r.p.pending))); at >= 0 {
			copy(b, r.p.pending[at:])
		} else {
			_, err = r.p.f.ReadAt(b, e.off)
		}
		s.mu.Unlock()
	} else {
		s.mu.Unlock()
		err = readAt(path, b, e.off)
	}
	if err != nil {
		return nil, false // gone (pruned by another process): a miss
	}
	if sha256.Sum256(b) != e.sum {
		s.bad.Add(1)
		return nil, false
	}
	return b, true
}

func readAt(path string, b []byte, off int64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	_, err = f.ReadAt(b, off)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// put appends payload to the pack being written, as kk's entry from now
// on. A cache that cannot be written is only slower: on an error the
// pack being written is dropped.
func (s *store) put(kk usedKey, payload []byte) {
	s.putParts(kk, payload, nil)
}

// putParts is put for the payload a followed by b (as gobstream's
// EncodeParts hands them over), without joining them first.
func (s *store) putParts(kk usedKey, a, b []byte) {
	var sum [sha256.Size]byte
	if len(b) == 0 {
		sum = sha256.Sum256(a)
	} else {
		h := sha256.New()
		h.Write(a)
		h.Write(b)
		h.Sum(sum[:0])
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.putLocked(kk, a, b, sum)
}

func (s *store) putLocked(kk usedKey, payload, more []byte, sum [sha256.Size]byte) {
	s.index()
	if r, ok := s.at[kk]; ok && r.p == s.w {
		return // the same inputs twice in one pack: the same result
	}
	if s.w == nil {
		f, err := os.CreateTemp(s.dir, tmpPrefix+"*")
		if errors.Is(err, fs.ErrNotExist) {
			if os.MkdirAll(s.dir, 0o700) != nil {
				return
			}
			f, err = os.CreateTemp(s.dir, tmpPrefix+"*")
		}
		if err != nil {
			return
		}
		s.w = &pack{path: f.Name(), f: f, pending: make([]byte, 0, pendingSize+32<<10)}
		if _, err := f.WriteString(packMagic); err != nil {
			s.dropLocked()
			return
		}
		s.w.size = int64(len(packMagic))
	}
	s.w.pending = append(append(s.w.pending, payload...), more...)
	if len(s.w.pending) >= pendingSize {
		if _, err := s.w.f.Write(s.w.pending); err != nil {
			s.dropLocked()
			return
		}
		s.w.pending = s.w.pending[:0]
	}
	n := int64(len(payload) + len(more))
	s.w.entries = append(s.w.entries, slot{kk: kk, off: s.w.size, n: n, sum: sum})
	s.w.size += n
	s.at[kk] = ref{s.w, len(s.w.entries) - 1}
	if s.w.size >= s.segment {
		s.flushLocked() // on an error the pack is dropped: only slower
	}
}

// dropLocked abandons the pack being written: its entries are forgotten
// and its file removed.
func (s *store) dropLocked() {
	w := s.w
	s.w = nil
	w.f.Close()
	os.Remove(w.path)
	for kk, r := range s.at {
		if r.p == w {
			delete(s.at, kk)
		}
	}
}

// flush puts the pack being written in place: its index and footer are
// written after the payloads and the file is renamed to its pack name, so
// that a reader finds a whole pack or none. Then the packs found
// unreadable, whose entries it replaces, are removed.
func (s *store) flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.flushLocked()
}

func (s *store) flushLocked() error {
	w := s.w
	if w == nil {
		return nil
	}
	ix := make([]byte, 0, len(w.entries)*recordSize+footerSize)
	for _, e := range w.entries {
		ix = append(ix, kindCode(e.kk.kind))
		ix = append(ix, e.kk.k[:]...)
		ix = binary.LittleEndian.AppendUint64(ix, uint64(e.off))
		ix = binary.LittleEndian.AppendUint64(ix, uint64(e.n))
		ix = append(ix, e.sum[:]...)
	}
	sum := sha256.Sum256(ix)
	ix = binary.LittleEndian.AppendUint64(ix, uint64(w.size))
	ix = binary.LittleEndian.AppendUint64(ix, uint64(len(w.entries)))
	ix = append(append(ix, sum[:]...), packMagic...)
	// The index follows the payloads not yet written, in one write.
	tail := append(w.pending, ix...)
	w.pending = nil
	if _, err := w.f.Write(tail); err != nil {
		s.dropLocked()
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	if err := w.f.Close(); err != nil {
		w.f = nil
		s.w = w
		s.dropLocked()
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	name := fmt.Sprintf("%s%016x-%s", packPrefix, time.Now().UnixNano(), strings.TrimPrefix(filepath.Base(w.path), tmpPrefix))
	final := filepath.Join(s.dir, name)
	if err := os.Rename(w.path, final); err != nil {
		w.f = nil
		s.dropLocked()
		return fmt.Errorf("cache: %w", err)
	}
	w.f, w.path, w.size = nil, final, 0
	s.w = nil
	s.packs = append(s.packs, w)
	for _, p := range s.broken {
		os.Remove(p)
	}
	s.broken = nil
	return nil
}

// prune keeps on disk only the entries in used: a pack none of whose
// entries is used (or the newest copy of its key) is removed; one that
// holds some is copied, those entries only, into a new pack, and removed.
// It also removes unreadable packs, temporary packs left by a process
// that stopped, and the entry files of the cache's earlier format (one
// file per entry in folders prepare and html). Only the cache's own files
// are touched.
func (s *store) prune(used map[usedKey]bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.index()
	if err := s.flushLocked(); err != nil {
		return err
	}
	live := func(p *pack, i int) bool {
		kk := p.entries[i].kk
		return used[kk] && s.at[kk] == (ref{p, i})
	}
	var partial, dead []*pack
	for _, p := range s.packs {
		n := 0
		for i := range p.entries {
			if live(p, i) {
				n++
			}
		}
		switch n {
		case len(p.entries):
		case 0:
			dead = append(dead, p)
		default:
			partial = append(partial, p)
		}
	}
	var errs []error
	if len(partial) > 0 {
		if err := s.copyLive(partial, live); err != nil {
			errs = append(errs, err)
		} else {
			dead = append(dead, partial...)
		}
	}
	for _, p := range dead {
		if err := os.Remove(p.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	s.packs = slices.DeleteFunc(s.packs, func(p *pack) bool { return slices.Contains(dead, p) })
	for kk, r := range s.at {
		if slices.Contains(dead, r.p) {
			delete(s.at, kk)
		}
	}
	for _, p := range s.broken {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	s.broken = nil
	errs = append(errs, s.removeTemps(), removeLegacy(s.dir))
	return errors.Join(errs...)
}

// copyLive copies the live entries of packs into one new pack and puts
// it in place. On an error nothing is changed: the packs stay where they
// are, their entries found there.
func (s *store) copyLive(packs []*pack, live func(*pack, int) bool) error {
	was := map[usedKey]ref{}
	err := func() error {
		for _, p := range packs {
			f, err := os.Open(p.path)
			if err != nil {
				return err
			}
			for i, e := range p.entries {
				if !live(p, i) {
					continue
				}
				b := make([]byte, e.n)
				if _, err := f.ReadAt(b, e.off); err != nil {
					f.Close()
					return err
				}
				was[e.kk] = ref{p, i}
				if sha256.Sum256(b) != e.sum {
					s.bad.Add(1) // damaged: a miss next time, and rebuilt
					delete(s.at, e.kk)
					continue
				}
				s.putLocked(e.kk, b, nil, e.sum)
			}
			f.Close()
		}
		return s.flushLocked()
	}()
	if err != nil {
		if s.w != nil {
			s.dropLocked()
		}
		maps.Copy(s.at, was)
	}
	return err
}

// removeTemps removes the temporary packs nobody has written to for a
// while.
func (s *store) removeTemps() error {
	des, err := os.ReadDir(s.dir)
	if err != nil {
		return nil
	}
	var errs []error
	for _, de := range des {
		if !de.Type().IsRegular() || !strings.HasPrefix(de.Name(), tmpPrefix) {
			continue
		}
		fi, err := de.Info()
		if err != nil || time.Since(fi.ModTime()) < staleTemp {
			continue
		}
		if err := os.Remove(filepath.Join(s.dir, de.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// removeLegacy removes the entry files of the cache's earlier format (a
// file per entry, named by its key in hex, under kind/xx/) and their
// temporary files, then the folders if that left them empty.
func removeLegacy(dir string) error {
	var errs []error
	for _, kind := range kindCodes {
		top := filepath.Join(dir, kind)
		subs, err := os.ReadDir(top)
		if err != nil {
			continue
		}
		for _, sub := range subs {
			if !sub.IsDir() || len(sub.Name()) != 2 {
				continue
			}
			folder := filepath.Join(top, sub.Name())
			files, err := os.ReadDir(folder)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, f := range files {
				name := f.Name()
				b, derr := hex.DecodeString(name)
				if (derr == nil && len(b) == sha256.Size) || strings.HasPrefix(name, ".tmp-") {
					if err := os.Remove(filepath.Join(folder, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
						errs = append(errs, err)
					}
				}
			}
			os.Remove(folder) // only if empty
		}
		os.Remove(top) // only if empty
	}
	return errors.Join(errs...)
}
