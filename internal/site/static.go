package site

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
)

// maxStaticBytes bounds one static file.
const maxStaticBytes = 32 << 20

// verbatim are static file types that carry no personal metadata of their
// own and are copied as they are.
var verbatim = map[string]bool{
	".css": true, ".js": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".ico": true,
}

// cleaners strip metadata (EXIF with GPS, comments, text chunks) from image
// formats veil understands.
var cleaners = map[string]func([]byte) ([]byte, error){
	".jpg": stripJPEG, ".jpeg": stripJPEG, ".png": stripPNG,
}

// loadStatic reads the static directory. A file is published only if its
// name carries no identifying detail and its type is one veil can clean;
// everything else is left out with a warning that says why.
func (b *builder) loadStatic(ctx context.Context, root, dir string) (map[string][]byte, []string, []error) {
	out := map[string][]byte{}
	var warns []string
	var errs []error
	if !isDir(dir) {
		return out, nil, nil
	}
	realRoot, err := content.RealPath(root)
	if err != nil {
		return out, nil, []error{fmt.Errorf("static %s: %w", dir, err)}
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &content.Error{Path: p, Msg: err.Error(), Err: err})
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if _, err := content.ResolveLink(realRoot, p); err != nil {
				errs = append(errs, err)
				return nil
			}
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if reason := b.nameLeaks(ctx, rel); reason != "" {
			warns = append(warns, fmt.Sprintf("%s: not published: the file name %s; rename it", p, reason))
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		clean, known := cleaners[ext]
		if !known && !verbatim[ext] {
			warns = append(warns, fmt.Sprintf("%s: not published: veil cannot check %q files for personal metadata yet", p, ext))
			return nil
		}
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &content.Error{Path: p, Msg: err.Error(), Err: err})
			return nil
		}
		if fi.Size() > maxStaticBytes {
			errs = append(errs, &content.Error{Path: p, Msg: fmt.Sprintf("file is %d bytes; static files are limited to %d", fi.Size(), maxStaticBytes)})
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, &content.Error{Path: p, Msg: err.Error(), Err: err})
			return nil
		}
		if clean != nil {
			if data, err = clean(data); err != nil {
				errs = append(errs, &content.Error{Path: p, Msg: "not published: " + err.Error()})
				return nil
			}
		}
		out[rel] = data
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return out, warns, errs
}

// nameLeaks runs de-identification over a file path read as words and says
// what it found, or "" when the name is clean.
func (b *builder) nameLeaks(ctx context.Context, rel string) string {
	stem := strings.TrimSuffix(rel, filepath.Ext(rel))
	words := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '/' || r == '.' {
			return ' '
		}
		return r
	}, stem)
	fs, err := b.engine.Detect(ctx, &deid.Doc{Text: words, Known: b.knowledge.Known, Allow: b.knowledge.Allow})
	if err != nil {
		return "could not be checked (" + err.Error() + ")"
	}
	if len(fs) == 0 {
		return ""
	}
	return fmt.Sprintf("holds what looks like a %s", fs[0].Kind)
}

var errCorrupt = errors.New("image is malformed; veil could not remove its metadata")

// stripJPEG removes APP1-APP15 segments (EXIF, XMP, IPTC: camera, GPS,
// author) and comments, keeping what decoding needs.
func stripJPEG(b []byte) ([]byte, error) {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return nil, errCorrupt
	}
	out := bytes.NewBuffer(make([]byte, 0, len(b)))
	out.Write(b[:2])
	i := 2
	for {
		if i+4 > len(b) || b[i] != 0xFF {
			return nil, errCorrupt
		}
		marker := b[i+1]
		if marker == 0xFF { // fill byte
			i++
			continue
		}
		if marker == 0xD9 { // EOI
			out.Write(b[i : i+2])
			return out.Bytes(), nil
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			return nil, errCorrupt
		}
		seg := b[i : i+2+n]
		if marker == 0xDA { // SOS: the entropy-coded data runs to the end
			out.Write(b[i:])
			return out.Bytes(), nil
		}
		if !(marker >= 0xE1 && marker <= 0xEF) && marker != 0xFE {
			out.Write(seg)
		}
		i += 2 + n
	}
}

var pngSig = []byte("\x89PNG\r\n\x1a\n")

// stripPNG removes text, EXIF and time chunks.
func stripPNG(b []byte) ([]byte, error) {
	if !bytes.HasPrefix(b, pngSig) {
		return nil, errCorrupt
	}
	out := bytes.NewBuffer(make([]byte, 0, len(b)))
	out.Write(pngSig)
	for i := len(pngSig); ; {
		if i+12 > len(b) {
			return nil, errCorrupt
		}
		n := int(binary.BigEndian.Uint32(b[i:]))
		if n < 0 || n > len(b)-i-12 {
			return nil, errCorrupt
		}
		typ := string(b[i+4 : i+8])
		chunk := b[i : i+12+n]
		switch typ {
		case "tEXt", "zTXt", "iTXt", "eXIf", "tIME":
		default:
			out.Write(chunk)
		}
		i += 12 + n
		if typ == "IEND" {
			return out.Bytes(), nil
		}
	}
}

// cleanStatic reads one file that is to be published beside a page (a
// page bundle's image) and cleans it as loadStatic cleans static files:
// known image types lose their metadata, plain web assets are copied,
// anything else is refused with the reason.
func (b *builder) cleanStatic(p string) ([]byte, error) {
	ext := strings.ToLower(filepath.Ext(p))
	clean, known := cleaners[ext]
	if !known && !verbatim[ext] {
		return nil, fmt.Errorf("veil cannot check %q files for personal metadata yet", ext)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if fi.Size() > maxStaticBytes {
		return nil, fmt.Errorf("file is %d bytes; static files are limited to %d", fi.Size(), maxStaticBytes)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	if clean != nil {
		return clean(data)
	}
	return data, nil
}
