package imgclean

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

var errWebP = errors.New("not a WebP veil can read")

// webpKeep are the RIFF chunks a still WebP keeps. EXIF, XMP, ICC profiles
// and unknown chunks are dropped; animations (ANIM, ANMF) are refused
// because the decoder cannot check them.
var webpKeep = map[string]bool{"VP8 ": true, "VP8L": true, "VP8X": true, "ALPH": true}

// VP8X flags that announce chunks cleaning removes.
const webpMetaFlags = 0x20 | 0x08 | 0x04 // ICC, EXIF, XMP

func cleanWebP(b []byte) ([]byte, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return nil, errWebP
	}
	size := int(binary.LittleEndian.Uint32(b[4:]))
	if size < 4 || size > len(b)-8 {
		return nil, fmt.Errorf("%w: RIFF size overruns the file", errWebP)
	}
	body := b[12 : 8+size] // bytes after the RIFF container are dropped
	var out bytes.Buffer
	out.WriteString("RIFF\x00\x00\x00\x00WEBP")
	for len(body) > 0 {
		if len(body) < 8 {
			return nil, fmt.Errorf("%w: truncated chunk", errWebP)
		}
		typ := string(body[:4])
		n := int(binary.LittleEndian.Uint32(body[4:]))
		padded := n + n&1
		if n < 0 || padded > len(body)-8 {
			return nil, fmt.Errorf("%w: chunk %q overruns the file", errWebP, typ)
		}
		chunk := body[:8+padded]
		body = body[8+padded:]
		switch {
		case typ == "ANIM" || typ == "ANMF":
			return nil, fmt.Errorf("%w: animated WebP is not supported", errWebP)
		case typ == "VP8X":
			if n < 10 {
				return nil, fmt.Errorf("%w: short VP8X chunk", errWebP)
			}
			c := bytes.Clone(chunk)
			c[8] &^= webpMetaFlags
			out.Write(c)
		case webpKeep[typ]:
			out.Write(chunk)
		}
	}
	res := out.Bytes()
	binary.LittleEndian.PutUint32(res[4:], uint32(len(res)-8))
	return res, nil
}
