package site

import (
	"testing"

	"github.com/veil-blog/veil/internal/imgclean/imgtest"
)

func jpegSegment(marker byte, payload string) []byte { return imgtest.Segment(marker, payload) }

func exifSegment(artist, gps string) []byte { return imgtest.EXIF(artist, "", gps) }

func jpegWith(_ testing.TB, segs ...[]byte) []byte { return imgtest.JPEG(segs...) }

func pngChunk(typ, data string) []byte { return imgtest.Chunk(typ, data) }

func pngWith(_ testing.TB, chunks ...[]byte) []byte { return imgtest.PNG(nil, chunks...) }
