package imgclean

import (
	"bytes"
	"errors"
	"fmt"
	"image/gif"

	"golang.org/x/image/tiff"
)

var errGIF = errors.New("not a GIF veil can read")

// cleanGIF decodes every frame and encodes them again: the encoder writes
// frames, palettes, delays and the loop count, never comments, plain-text
// or application extensions (XMP rides in one).
func cleanGIF(b []byte) ([]byte, error) {
	if err := checkSize(gif.DecodeConfig, b); err != nil {
		return nil, err
	}
	cfg, _ := gif.DecodeConfig(bytes.NewReader(b))
	frames, err := gifFrames(b)
	if err != nil {
		return nil, err
	}
	if int64(frames)*int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("GIF has %d frames of %d×%d pixels; at most %d pixels in all are allowed", frames, cfg.Width, cfg.Height, MaxPixels)
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

// gifFrames counts the frames of a GIF by walking its blocks, without
// decoding them, so that a small file cannot ask for thousands of
// full-size frames.
func gifFrames(b []byte) (int, error) {
	if len(b) < 13 {
		return 0, errGIF
	}
	i := 13
	if b[10]&0x80 != 0 {
		i += 3 << (b[10]&7 + 1)
	}
	skipSubBlocks := func() error {
		for {
			if i >= len(b) {
				return errGIF
			}
			n := int(b[i])
			i += 1 + n
			if n == 0 {
				return nil
			}
		}
	}
	frames := 0
	for i < len(b) {
		switch b[i] {
		case 0x21: // extension: label, then sub-blocks
			i += 2
			if err := skipSubBlocks(); err != nil {
				return 0, err
			}
		case 0x2C: // image: descriptor, local palette, LZW size, data
			if i+10 > len(b) {
				return 0, errGIF
			}
			flags := b[i+9]
			i += 10
			if flags&0x80 != 0 {
				i += 3 << (flags&7 + 1)
			}
			i++ // LZW minimum code size
			if err := skipSubBlocks(); err != nil {
				return 0, err
			}
			frames++
		case 0x3B: // trailer
			return frames, nil
		default:
			return 0, errGIF
		}
	}
	return frames, nil
}
