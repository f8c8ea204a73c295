package site

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Test images are made here, with metadata spliced in by hand.

func testPicture() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 12, 8))
	for y := 0; y < 8; y++ {
		for x := 0; x < 12; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 20), uint8(y * 30), 90, 255})
		}
	}
	return img
}

func jpegSegment(marker byte, payload string) []byte {
	n := len(payload) + 2
	return append([]byte{0xFF, marker, byte(n >> 8), byte(n)}, payload...)
}

// exifSegment is an APP1 EXIF segment with Artist and GPS values written
// as text, so that a test can search the output for them.
func exifSegment(artist, gps string) []byte {
	return jpegSegment(0xE1, "Exif\x00\x00MM\x00*\x00\x00\x00\x08Artist\x00"+artist+"\x00GPSLatitude\x00"+gps)
}

// jpegWith encodes a picture and inserts segments after the start marker.
func jpegWith(t testing.TB, segs ...[]byte) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testPicture(), nil); err != nil {
		t.Fatal(err)
	}
	j := b.Bytes()
	out := append([]byte{}, j[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, j[2:]...)
}

// progressiveWith is Go's own progressive test JPEG with segs inserted
// after the data of its first scan and tail appended after its end.
func progressiveWith(t testing.TB, tail []byte, segs ...[]byte) []byte {
	j, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "src", "image", "testdata", "video-001.progressive.jpeg"))
	if err != nil {
		t.Fatalf("Go's progressive test JPEG: %v", err)
	}
	sos := bytes.Index(j, []byte{0xFF, 0xDA})
	i := sos + 2 + int(binary.BigEndian.Uint16(j[sos+2:]))
	for ; i+1 < len(j); i++ {
		if j[i] == 0xFF && j[i+1] != 0 && (j[i+1] < 0xD0 || j[i+1] > 0xD7) {
			break
		}
	}
	out := append([]byte{}, j[:i]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	out = append(out, j[i:]...)
	return append(out, tail...)
}

func pngChunk(typ, data string) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ + data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE([]byte(typ+data)))
	return b.Bytes()
}

// pngWith encodes a picture with extra chunks after IHDR.
func pngWith(t testing.TB, chunks ...[]byte) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, testPicture()); err != nil {
		t.Fatal(err)
	}
	p := b.Bytes()
	out := append([]byte{}, p[:33]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, p[33:]...)
}
