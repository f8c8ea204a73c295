package imgclean

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

var errJPEG = errors.New("not a JPEG veil can read")

// JPEG markers.
const (
	mSOI   = 0xD8
	mEOI   = 0xD9
	mSOS   = 0xDA
	mDQT   = 0xDB
	mDHT   = 0xC4
	mDAC   = 0xCC
	mDRI   = 0xDD
	mDNL   = 0xDC
	mAPP14 = 0xEE
)

// isSOF reports whether m starts a frame (SOF0-SOF15 without DHT, JPG and
// DAC, which share the range).
func isSOF(m byte) bool {
	return m >= 0xC0 && m <= 0xCF && m != mDHT && m != 0xC8 && m != mDAC
}

// cleanJPEG walks the whole file, segment by segment and through every scan
// (a progressive JPEG has many, with segments between them), and writes
// only what decoding needs: frame and scan headers, quantisation and
// Huffman tables, restart interval, the entropy-coded data and a minimal
// Adobe segment (its colour transform flag). Everything else is dropped:
// APP0-APP15 (JFIF thumbnails, EXIF, XMP, ICC, IPTC, MPF), comments, and
// whatever follows the end-of-image marker (gain maps, Motion Photo video, a
// second image). Table segments must be exactly as long as their tables, so
// nothing can ride along inside them.
//
// The EXIF orientation goes with EXIF, so a photo that a camera stored on
// its side is turned upright from its pixels and encoded again.
func cleanJPEG(b []byte) ([]byte, error) {
	out, orientation, err := cleanJPEGSegments(b)
	if err != nil || orientation <= 1 || orientation > 8 {
		return out, err
	}
	return uprightJPEG(out, orientation)
}

func cleanJPEGSegments(b []byte) (_ []byte, orientation int, _ error) {
	if len(b) < 4 || b[0] != 0xFF || b[1] != mSOI {
		return nil, 0, errJPEG
	}
	out := bytes.NewBuffer(make([]byte, 0, len(b)))
	out.Write([]byte{0xFF, mSOI})
	frame, scan := false, false
	i := 2
	for {
		if i >= len(b) {
			if scan {
				// Truncated after a scan: close the image.
				out.Write([]byte{0xFF, mEOI})
				return out.Bytes(), orientation, nil
			}
			return nil, 0, fmt.Errorf("%w: ends before its image data", errJPEG)
		}
		if b[i] != 0xFF {
			return nil, 0, fmt.Errorf("%w: stray byte at %d", errJPEG, i)
		}
		for i < len(b) && b[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(b) {
			continue
		}
		m := b[i]
		i++
		switch {
		case m == mEOI:
			if !frame || !scan {
				return nil, 0, fmt.Errorf("%w: no image data", errJPEG)
			}
			out.Write([]byte{0xFF, mEOI})
			return out.Bytes(), orientation, nil // anything after EOI is dropped
		case m == mSOI || m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD7):
			return nil, 0, fmt.Errorf("%w: marker %02X out of place at %d", errJPEG, m, i-2)
		}
		if i+2 > len(b) {
			return nil, 0, fmt.Errorf("%w: truncated segment", errJPEG)
		}
		n := int(binary.BigEndian.Uint16(b[i:]))
		if n < 2 || i+n > len(b) {
			return nil, 0, fmt.Errorf("%w: segment %02X overruns the file", errJPEG, m)
		}
		body := b[i+2 : i+n]
		seg := b[i-2 : i+n]
		i += n
		switch {
		case isSOF(m):
			if frame {
				return nil, 0, fmt.Errorf("%w: two frames", errJPEG)
			}
			if len(body) < 6 || len(body) != 6+3*int(body[5]) || body[5] == 0 {
				return nil, 0, fmt.Errorf("%w: bad frame header", errJPEG)
			}
			frame = true
			out.Write(seg)
		case m == mDQT:
			if !tablesFit(body, func(t []byte) int {
				if t[0]>>4 == 0 {
					return 1 + 64
				}
				return 1 + 128
			}) {
				return nil, 0, fmt.Errorf("%w: bad quantisation table", errJPEG)
			}
			out.Write(seg)
		case m == mDHT:
			if !tablesFit(body, func(t []byte) int {
				if len(t) < 17 {
					return len(t) + 1
				}
				n := 17
				for _, c := range t[1:17] {
					n += int(c)
				}
				return n
			}) {
				return nil, 0, fmt.Errorf("%w: bad Huffman table", errJPEG)
			}
			out.Write(seg)
		case m == mDAC:
			if len(body)%2 != 0 {
				return nil, 0, fmt.Errorf("%w: bad arithmetic-coding table", errJPEG)
			}
			out.Write(seg)
		case m == mDRI:
			if len(body) != 2 {
				return nil, 0, fmt.Errorf("%w: bad restart interval", errJPEG)
			}
			out.Write(seg)
		case m == mDNL:
			if len(body) != 2 {
				return nil, 0, fmt.Errorf("%w: bad line count", errJPEG)
			}
			out.Write(seg)
		case m == mAPP14:
			// Adobe: only the colour transform matters to a decoder.
			if len(body) >= 12 && string(body[:5]) == "Adobe" {
				out.Write([]byte{0xFF, mAPP14, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, body[11]})
			}
		case m == mSOS:
			if !frame || len(body) < 1 || len(body) != 4+2*int(body[0]) || body[0] == 0 {
				return nil, 0, fmt.Errorf("%w: bad scan header", errJPEG)
			}
			scan = true
			out.Write(seg)
			// Entropy-coded data runs to the next marker that is neither a
			// stuffed zero nor a restart marker.
			start := i
		data:
			for i < len(b) {
				if b[i] != 0xFF {
					i++
					continue
				}
				if i+1 == len(b) {
					break // a lone 0xFF at the end of a truncated file
				}
				switch next := b[i+1]; {
				case next == 0x00, next >= 0xD0 && next <= 0xD7:
					i += 2 // stuffed zero, restart marker: still data
				default:
					break data // a marker (or fill bytes before one)
				}
			}
			out.Write(b[start:i])
		case m == 0xE1 && orientation == 0:
			orientation = exifOrientation(body)
		default:
			// APPn, COM, JPG extensions and unknown markers: dropped.
		}
	}
}

// tablesFit reports whether body is exactly a sequence of tables, each as
// long as size says (size sees the rest of the body from the table on).
func tablesFit(body []byte, size func([]byte) int) bool {
	if len(body) == 0 {
		return false
	}
	for len(body) > 0 {
		n := size(body)
		if n <= 0 || n > len(body) {
			return false
		}
		body = body[n:]
	}
	return true
}
