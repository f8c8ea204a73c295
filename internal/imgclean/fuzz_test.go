package imgclean

import (
	"bytes"
	"testing"

	"github.com/veil-blog/veil/internal/imgclean/imgtest"
)

// FuzzClean feeds hostile bytes to every cleaner. Whatever it returns must
// decode, must not carry the metadata markers the cleaner removes, and must
// come back unchanged when cleaned again.
func FuzzClean(f *testing.F) {
	exts := []string{".jpg", ".png", ".gif", ".webp", ".tiff", ".ico"}
	for i, seed := range [][]byte{
		insertAfterFirstScan(f, baselineJPEG(f), imgtest.Segment(0xE1, exifPayload())),
		append(baselineJPEG(f), "after"...),
		pngWithMetadata(f),
		gifWithMetadata(f),
		webpWithMetadata(f),
		tiffWithArtist(),
	} {
		f.Add(uint8(min(i, 4)), seed)
	}
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		ext := exts[int(kind)%len(exts)]
		out, err := Clean(ext, data)
		if err != nil {
			if out != nil {
				t.Fatal("output with an error")
			}
			return
		}
		again, err := Clean(ext, out)
		if err != nil {
			t.Fatalf("cleaned %s does not clean again: %v", ext, err)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("cleaning %s is not idempotent", ext)
		}
		switch ext {
		case ".jpg":
			for _, m := range markers(out) {
				if (m >= 0xE0 && m <= 0xEF && m != mAPP14) || m == 0xFE {
					t.Fatalf("jpeg keeps marker %02X", m)
				}
			}
		case ".png":
			for _, typ := range chunks(out) {
				if !pngKeep[typ] {
					t.Fatalf("png keeps chunk %q", typ)
				}
			}
		}
	})
}

// markers lists the segment markers of a cleaned JPEG outside scans.
func markers(b []byte) []byte {
	var ms []byte
	for i := 2; i+4 <= len(b) && b[i] == 0xFF; {
		m := b[i+1]
		ms = append(ms, m)
		if m == mEOI {
			break
		}
		i += 2 + (int(b[i+2])<<8 | int(b[i+3]))
		if m == mSOS {
			for i+1 < len(b) && !(b[i] == 0xFF && b[i+1] != 0 && (b[i+1] < 0xD0 || b[i+1] > 0xD7)) {
				i++
			}
		}
	}
	return ms
}

func chunks(b []byte) []string {
	var out []string
	for i := len(pngSig); i+8 <= len(b); {
		n := int(b[i])<<24 | int(b[i+1])<<16 | int(b[i+2])<<8 | int(b[i+3])
		out = append(out, string(b[i+4:i+8]))
		i += 12 + n
	}
	return out
}
