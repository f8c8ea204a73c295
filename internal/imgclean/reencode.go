package imgclean

import (
	"bytes"
	"fmt"
	"image/gif"

	"golang.org/x/image/tiff"
)

// cleanGIF decodes every frame and encodes them again: the encoder writes
// frames, palettes, delays and the loop count, never comments, plain-text
// or application extensions (XMP rides in one).
func cleanGIF(b []byte) ([]byte, error) {
	if err := checkSize(gif.DecodeConfig, b); err != nil {
		return nil, err
	}
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("not a GIF veil can read: %w", err)
	}
	var out bytes.Buffer
	if err := gif.EncodeAll(&out, g); err != nil {
		return nil, fmt.Errorf("re-encode GIF: %w", err)
	}
	return out.Bytes(), nil
}

// cleanTIFF decodes the first image and encodes its pixels again: the
// encoder writes only the tags that describe the pixels, never artist,
// copyright, GPS, EXIF or private tags. Further pages are dropped.
func cleanTIFF(b []byte) ([]byte, error) {
	if err := checkSize(tiff.DecodeConfig, b); err != nil {
		return nil, err
	}
	img, err := tiff.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("not a TIFF veil can read: %w", err)
	}
	var out bytes.Buffer
	if err := tiff.Encode(&out, img, &tiff.Options{Compression: tiff.Deflate}); err != nil {
		return nil, fmt.Errorf("re-encode TIFF: %w", err)
	}
	return out.Bytes(), nil
}
