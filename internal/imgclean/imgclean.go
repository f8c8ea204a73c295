package imgclean

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"strings"

	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"
)

// ErrUnsupported is returned for a file type veil cannot clean.
var ErrUnsupported = errors.New("veil cannot remove metadata from this image type")

// MaxPixels bounds the decoded size of an image (width × height), so that a
// small file that claims a huge canvas cannot exhaust memory.
const MaxPixels = 100 << 20

// cleaner cleans one format.
type cleaner struct {
	clean  func([]byte) ([]byte, error)
	decode func([]byte) error // verifies the cleaned bytes
}

// cleaners by lower-case file extension.
var cleaners = map[string]cleaner{
	".jpg":  {cleanJPEG, decodeWith(jpeg.DecodeConfig, jpeg.Decode)},
	".jpeg": {cleanJPEG, decodeWith(jpeg.DecodeConfig, jpeg.Decode)},
	".png":  {cleanPNG, decodeWith(png.DecodeConfig, png.Decode)},
	".gif":  {cleanGIF, decodeWith(gif.DecodeConfig, gif.Decode)},
	".webp": {cleanWebP, decodeWith(webp.DecodeConfig, webp.Decode)},
	".tif":  {cleanTIFF, decodeWith(tiff.DecodeConfig, tiff.Decode)},
	".tiff": {cleanTIFF, decodeWith(tiff.DecodeConfig, tiff.Decode)},
	".ico":  {cleanICO, func([]byte) error { return nil }}, // each PNG inside is decoded by cleanICO
}

// Supported reports whether Clean handles files with extension ext (".jpg").
func Supported(ext string) bool {
	_, ok := cleaners[strings.ToLower(ext)]
	return ok
}

// Clean returns the image in data without its metadata. ext is the file
// extension, which names the format; data in another format than its name
// says is refused. The error says why an image could not be cleaned.
func Clean(ext string, data []byte) (out []byte, err error) {
	c, ok := cleaners[strings.ToLower(ext)]
	if !ok {
		return nil, ErrUnsupported
	}
	defer func() {
		// A decoder bug on hostile input refuses the image, nothing more.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("image could not be read: %v", r)
		}
	}()
	out, err = c.clean(data)
	if err != nil {
		return nil, err
	}
	if err := c.decode(out); err != nil {
		return nil, fmt.Errorf("image does not decode after cleaning: %w", err)
	}
	return out, nil
}

// decodeWith checks the size an image claims before decoding all of it.
func decodeWith(config func(io.Reader) (image.Config, error), decode func(io.Reader) (image.Image, error)) func([]byte) error {
	return func(b []byte) error {
		if err := checkSize(config, b); err != nil {
			return err
		}
		_, err := decode(bytes.NewReader(b))
		return err
	}
}

func checkSize(config func(io.Reader) (image.Config, error), b []byte) error {
	cfg, err := config(bytes.NewReader(b))
	if err != nil {
		return err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return fmt.Errorf("image is %d×%d pixels; at most %d pixels are allowed", cfg.Width, cfg.Height, MaxPixels)
	}
	return nil
}
