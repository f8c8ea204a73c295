// Package imgtest makes small images that carry metadata, for tests of
// what veil publishes: real encoders write the pixels and metadata
// segments and chunks are spliced in by hand.
package imgtest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
)

// Picture is a small gradient.
func Picture() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 12, 8))
	for y := 0; y < 8; y++ {
		for x := 0; x < 12; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 20), uint8(y * 30), 90, 255})
		}
	}
	return img
}

// Segment is a JPEG marker segment (0xFFxx, length, payload).
func Segment(marker byte, payload string) []byte {
	n := len(payload) + 2
	return append([]byte{0xFF, marker, byte(n >> 8), byte(n)}, payload...)
}

// EXIF is an APP1 segment whose Artist, camera serial and GPS values are
// written as text, so that a test can search the output for them.
func EXIF(artist, serial, gps string) []byte {
	return Segment(0xE1, "Exif\x00\x00MM\x00*\x00\x00\x00\x08Artist\x00"+artist+"\x00BodySerialNumber\x00"+serial+"\x00GPSLatitude\x00"+gps)
}

// JPEG encodes Picture and inserts segs after the start-of-image marker.
func JPEG(segs ...[]byte) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, Picture(), nil); err != nil {
		panic(err) // encoding an in-memory RGBA does not fail
	}
	j := b.Bytes()
	out := append([]byte{}, j[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, j[2:]...)
}

// Progressive is Go's own progressive test JPEG (from GOROOT) with segs
// inserted after the data of its first scan and tail appended after its
// end-of-image marker.
func Progressive(tail []byte, segs ...[]byte) ([]byte, error) {
	j, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "src", "image", "testdata", "video-001.progressive.jpeg"))
	if err != nil {
		return nil, err
	}
	sos := bytes.Index(j, []byte{0xFF, 0xDA})
	if sos < 0 {
		return nil, errors.New("no scan")
	}
	i := sos + 2 + int(binary.BigEndian.Uint16(j[sos+2:]))
	for ; i+1 < len(j); i++ {
		if j[i] == 0xFF && j[i+1] != 0 && (j[i+1] < 0xD0 || j[i+1] > 0xD7) {
			break
		}
	}
	if bytes.Count(j[i:], []byte{0xFF, 0xDA}) == 0 {
		return nil, errors.New("not progressive: one scan")
	}
	out := append([]byte{}, j[:i]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	out = append(out, j[i:]...)
	return append(out, tail...), nil
}

// Chunk is a PNG chunk with its CRC.
func Chunk(typ, data string) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ + data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE([]byte(typ+data)))
	return b.Bytes()
}

// PNG encodes Picture with chunks inserted after IHDR and tail appended
// after IEND.
func PNG(tail []byte, chunks ...[]byte) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, Picture()); err != nil {
		panic(err)
	}
	p := b.Bytes()
	out := append([]byte{}, p[:33]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	out = append(out, p[33:]...)
	return append(out, tail...)
}

// JPEGMarkers lists the markers of a JPEG's segments outside its scans,
// and the bytes after its end-of-image marker.
func JPEGMarkers(b []byte) (markers []byte, trailing int) {
	for i := 2; i+4 <= len(b) && b[i] == 0xFF; {
		m := b[i+1]
		markers = append(markers, m)
		if m == 0xD9 {
			return markers, len(b) - i - 2
		}
		i += 2 + (int(b[i+2])<<8 | int(b[i+3]))
		if m == 0xDA {
			for i+1 < len(b) && !(b[i] == 0xFF && b[i+1] != 0 && (b[i+1] < 0xD0 || b[i+1] > 0xD7)) {
				i++
			}
		}
	}
	return markers, 0
}

// PNGChunks lists the chunk types of a PNG and the bytes after IEND.
func PNGChunks(b []byte) (types []string, trailing int) {
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		types = append(types, typ)
		i += 12 + n
		if typ == "IEND" {
			return types, max(len(b)-i, 0)
		}
	}
	return types, 0
}
