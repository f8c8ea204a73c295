package imgclean

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

var errPNG = errors.New("not a PNG veil can read")

var pngSig = []byte("\x89PNG\r\n\x1a\n")

// pngKeep are the chunks a PNG keeps: image data and how to show it
// (animation included). Text (tEXt, zTXt, iTXt), EXIF (eXIf), time (tIME),
// ICC profiles (iCCP, which carry a name), suggested palettes (sPLT, also
// named) and every chunk veil does not know are dropped.
var pngKeep = map[string]bool{
	"IHDR": true, "PLTE": true, "IDAT": true, "IEND": true,
	"tRNS": true, "gAMA": true, "cHRM": true, "sRGB": true, "sBIT": true,
	"bKGD": true, "pHYs": true, "hIST": true, "cICP": true,
	"acTL": true, "fcTL": true, "fdAT": true,
}

// cleanPNG keeps only allowed chunks and stops at IEND: anything appended
// after the image is dropped.
func cleanPNG(b []byte) ([]byte, error) {
	if !bytes.HasPrefix(b, pngSig) {
		return nil, errPNG
	}
	out := bytes.NewBuffer(make([]byte, 0, len(b)))
	out.Write(pngSig)
	for i := len(pngSig); ; {
		if i+12 > len(b) {
			return nil, fmt.Errorf("%w: ends before IEND", errPNG)
		}
		n := binary.BigEndian.Uint32(b[i:])
		if uint64(n) > uint64(len(b)-i-12) {
			return nil, fmt.Errorf("%w: chunk overruns the file", errPNG)
		}
		typ := string(b[i+4 : i+8])
		chunk := b[i : i+12+int(n)]
		if pngKeep[typ] {
			out.Write(chunk)
		}
		i += 12 + int(n)
		if typ == "IEND" {
			return out.Bytes(), nil
		}
	}
}
