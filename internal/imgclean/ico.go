package imgclean

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image/png"
)

var errICO = errors.New("not an icon veil can read")

// cleanICO rebuilds an icon file from its images: an image stored as PNG
// is cleaned like any PNG (an icon made from a photo keeps the photo's text
// chunks); one stored as a bitmap is kept only if its header is a plain
// BITMAPINFOHEADER, which has no room for text. Bytes between or after the
// images are dropped.
func cleanICO(b []byte) ([]byte, error) {
	if len(b) < 6 || binary.LittleEndian.Uint16(b) != 0 || (binary.LittleEndian.Uint16(b[2:]) != 1 && binary.LittleEndian.Uint16(b[2:]) != 2) {
		return nil, errICO
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	if n == 0 || 6+16*n > len(b) {
		return nil, fmt.Errorf("%w: bad directory", errICO)
	}
	images := make([][]byte, n)
	for k := 0; k < n; k++ {
		e := b[6+16*k:]
		size := int(binary.LittleEndian.Uint32(e[8:]))
		off := int(binary.LittleEndian.Uint32(e[12:]))
		if off < 6+16*n || size <= 0 || off > len(b) || size > len(b)-off {
			return nil, fmt.Errorf("%w: image %d overruns the file", errICO, k)
		}
		img := b[off : off+size]
		if bytes.HasPrefix(img, pngSig) {
			clean, err := cleanPNG(img)
			if err != nil {
				return nil, err
			}
			if _, err := png.DecodeConfig(bytes.NewReader(clean)); err != nil {
				return nil, fmt.Errorf("%w: image %d: %v", errICO, k, err)
			}
			images[k] = clean
			continue
		}
		if len(img) < 40 || binary.LittleEndian.Uint32(img) != 40 {
			return nil, fmt.Errorf("%w: image %d is neither PNG nor a plain bitmap", errICO, k)
		}
		images[k] = img
	}
	var out bytes.Buffer
	out.Write(b[:6])
	off := 6 + 16*n
	for k := 0; k < n; k++ {
		e := bytes.Clone(b[6+16*k : 6+16*k+16])
		binary.LittleEndian.PutUint32(e[8:], uint32(len(images[k])))
		binary.LittleEndian.PutUint32(e[12:], uint32(off))
		out.Write(e)
		off += len(images[k])
	}
	for _, img := range images {
		out.Write(img)
	}
	return out.Bytes(), nil
}
