package imgclean

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"

	"github.com/veil-blog/veil/internal/imgclean/imgtest"
)

// secret is what every test image hides in its metadata; none of it may
// survive cleaning.
const secret = "Quillon Vantresse"

func picture() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 16, 12))
	for y := 0; y < 12; y++ {
		for x := 0; x < 16; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 16), uint8(y * 20), 128, 255})
		}
	}
	return img
}

// exifPayload is an APP1 EXIF block holding Artist and a GPS-looking value.
func exifPayload() string {
	return "Exif\x00\x00MM\x00*\x00\x00\x00\x08" + "Artist=" + secret + " GPSLatitude=51.4821"
}

func baselineJPEG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, picture(), &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// insertAfterSOI puts segments straight after the start-of-image marker.
func insertAfterSOI(j []byte, segs ...[]byte) []byte {
	out := append([]byte{}, j[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, j[2:]...)
}

// insertAfterFirstScan puts segs after the entropy-coded data of the first
// scan, before the marker that follows it.
func insertAfterFirstScan(t testing.TB, j []byte, segs ...[]byte) []byte {
	sos := bytes.Index(j, []byte{0xFF, 0xDA})
	if sos < 0 {
		t.Fatal("no scan")
	}
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
	return append(out, j[i:]...)
}

func progressiveJPEG(t testing.TB) []byte {
	b, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "src", "image", "testdata", "video-001.progressive.jpeg"))
	if err != nil {
		t.Fatalf("Go's progressive test JPEG: %v", err)
	}
	return b
}

func pngWithMetadata(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, picture()); err != nil {
		t.Fatal(err)
	}
	p := b.Bytes()
	iend := len(p) - 12
	var out []byte
	out = append(out, p[:33]...) // signature and IHDR
	out = append(out, imgtest.Chunk("tEXt", "Author\x00"+secret)...)
	out = append(out, imgtest.Chunk("iCCP", secret+"\x00\x00x")...)
	out = append(out, p[33:iend]...)
	out = append(out, imgtest.Chunk("eXIf", "MM\x00*"+secret)...)
	out = append(out, imgtest.Chunk("zzZz", secret)...)
	out = append(out, p[iend:]...)
	return append(out, "trailing "+secret...)
}

func gifWithMetadata(t testing.TB) []byte {
	pal := image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.Black, color.White})
	pal.SetColorIndex(3, 3, 1)
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, &gif.GIF{Image: []*image.Paletted{pal, pal}, Delay: []int{10, 10}}); err != nil {
		t.Fatal(err)
	}
	g := b.Bytes()
	desc := bytes.IndexByte(g[13+6:], 0x21) + 13 + 6 // first extension after header and palette
	comment := append([]byte{0x21, 0xFE, byte(len(secret))}, secret...)
	comment = append(comment, 0)
	app := append([]byte{0x21, 0xFF, 11}, "XMP DataXMP"...)
	app = append(app, byte(len(secret)))
	app = append(app, secret...)
	app = append(app, 0)
	out := append([]byte{}, g[:desc]...)
	out = append(out, comment...)
	out = append(out, app...)
	return append(out, g[desc:]...)
}

// tiffWithArtist writes a 2×2 grey TIFF by hand with an Artist tag.
func tiffWithArtist() []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString("II*\x00")
	binary.Write(&b, le, uint32(8))
	type entry struct {
		tag, typ uint16
		count    uint32
		value    uint32
	}
	artist := secret + "\x00"
	const nEntries = 9
	dataOff := uint32(8 + 2 + nEntries*12 + 4)
	pixOff := dataOff + uint32(len(artist))
	entries := []entry{
		{256, 3, 1, 2}, {257, 3, 1, 2}, {258, 3, 1, 8}, {259, 3, 1, 1}, {262, 3, 1, 1},
		{273, 4, 1, pixOff}, {277, 3, 1, 1}, {279, 4, 1, 4}, {315, 2, uint32(len(artist)), dataOff},
	}
	binary.Write(&b, le, uint16(len(entries)))
	for _, e := range entries {
		binary.Write(&b, le, e)
	}
	binary.Write(&b, le, uint32(0))
	b.WriteString(artist)
	b.Write([]byte{0, 80, 160, 255})
	return b.Bytes()
}

func webpWithMetadata(t testing.TB) []byte {
	still, err := os.ReadFile("testdata/lossless.webp")
	if err != nil {
		t.Fatal(err)
	}
	vp8l := still[12:]
	var body []byte
	// VP8X with EXIF and XMP flags, canvas size from the bitstream.
	cfg, err := decodeConfigWebP(still)
	if err != nil {
		t.Fatal(err)
	}
	x := []byte("VP8X\x0a\x00\x00\x00\x0c\x00\x00\x00")
	w, h := cfg.Width-1, cfg.Height-1
	x = append(x, byte(w), byte(w>>8), byte(w>>16), byte(h), byte(h>>8), byte(h>>16))
	body = append(body, x...)
	body = append(body, vp8l...)
	for _, typ := range []string{"EXIF", "XMP ", "ICCP", "zzzz"} {
		data := secret
		c := append([]byte(typ), byte(len(data)), 0, 0, 0)
		c = append(c, data...)
		if len(data)%2 == 1 {
			c = append(c, 0)
		}
		body = append(body, c...)
	}
	out := append([]byte("RIFF"), 0, 0, 0, 0)
	out = append(out, "WEBP"...)
	out = append(out, body...)
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return append(out, "after "+secret...)
}

func TestCleanRemovesMetadata(t *testing.T) {
	after := append(imgtest.Segment(0xE1, exifPayload()), 0xFF, 0xD9)
	cases := []struct {
		name, ext string
		in        []byte
	}{
		{"jpeg app segments", ".jpg", insertAfterSOI(baselineJPEG(t), imgtest.Segment(0xE1, exifPayload()), imgtest.Segment(0xFE, secret), imgtest.Segment(0xED, "Photoshop 3.0\x00"+secret), imgtest.Segment(0xE2, "ICC_PROFILE\x00"+secret))},
		{"jpeg segment after first scan", ".jpg", insertAfterFirstScan(t, baselineJPEG(t), imgtest.Segment(0xE1, exifPayload()), imgtest.Segment(0xFE, secret))},
		{"jpeg data after EOI", ".jpeg", append(baselineJPEG(t), insertAfterSOI(baselineJPEG(t), imgtest.Segment(0xE1, exifPayload()))...)},
		{"jpeg trailing video", ".jpg", append(baselineJPEG(t), "ftypmp42 "+secret...)},
		{"progressive jpeg", ".jpg", append(insertAfterFirstScan(t, insertAfterSOI(progressiveJPEG(t), imgtest.Segment(0xE1, exifPayload())), imgtest.Segment(0xE1, exifPayload()), imgtest.Segment(0xFE, secret)), after...)},
		{"png", ".png", pngWithMetadata(t)},
		{"gif", ".gif", gifWithMetadata(t)},
		{"tiff", ".tiff", tiffWithArtist()},
		{"webp", ".webp", webpWithMetadata(t)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !bytes.Contains(c.in, []byte(secret)) {
				t.Fatal("test image does not carry the secret")
			}
			out, err := Clean(c.ext, c.in)
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			if bytes.Contains(out, []byte(secret)) || bytes.Contains(out, []byte("Exif")) || bytes.Contains(out, []byte("GPS")) {
				t.Errorf("metadata survived: %q", out)
			}
			again, err := Clean(c.ext, out)
			if err != nil || !bytes.Equal(again, out) {
				t.Errorf("cleaning is not idempotent (err %v)", err)
			}
		})
	}
}

func TestCleanKeepsPixels(t *testing.T) {
	in := insertAfterFirstScan(t, progressiveJPEG(t), imgtest.Segment(0xE1, exifPayload()))
	want, err := jpeg.Decode(bytes.NewReader(progressiveJPEG(t)))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Clean(".jpg", in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds() != want.Bounds() {
		t.Fatalf("bounds %v, want %v", got.Bounds(), want.Bounds())
	}
	for y := want.Bounds().Min.Y; y < want.Bounds().Max.Y; y += 7 {
		for x := want.Bounds().Min.X; x < want.Bounds().Max.X; x += 7 {
			if got.At(x, y) != want.At(x, y) {
				t.Fatalf("pixel %d,%d changed", x, y)
			}
		}
	}
	p, err := Clean(".png", pngWithMetadata(t))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(p))
	if err != nil || img.At(3, 2) != picture().At(3, 2) {
		t.Errorf("png pixels changed (err %v)", err)
	}
	tf, err := Clean(".tif", tiffWithArtist())
	if err != nil {
		t.Fatal(err)
	}
	ti, err := tiff.Decode(bytes.NewReader(tf))
	if err != nil || ti.Bounds().Dx() != 2 {
		t.Errorf("tiff: %v %v", err, ti)
	}
}

func TestCleanRefuses(t *testing.T) {
	jp := baselineJPEG(t)
	sos := bytes.Index(jp, []byte{0xFF, 0xDA})
	dqt := bytes.Index(jp, []byte{0xFF, 0xDB})
	padded := append([]byte{}, jp[:dqt]...)
	// A quantisation table segment one byte longer than its tables.
	n := int(binary.BigEndian.Uint16(jp[dqt+2:]))
	padded = append(padded, 0xFF, 0xDB, byte((n+1)>>8), byte(n+1))
	padded = append(padded, jp[dqt+4:dqt+2+n]...)
	padded = append(padded, 'Q')
	padded = append(padded, jp[dqt+2+n:]...)
	cases := []struct {
		name, ext string
		in        []byte
	}{
		{"not an image", ".jpg", []byte("hello " + secret)},
		{"png named jpg", ".jpg", pngWithMetadata(t)},
		{"jpeg without scan", ".jpg", append(append([]byte{}, jp[:sos]...), 0xFF, 0xD9)},
		{"stray bytes between segments", ".jpg", insertAfterSOI(jp, []byte(secret))},
		{"padded table", ".jpg", padded},
		{"png without IEND", ".png", pngWithMetadata(t)[:60]},
		{"unknown type", ".bmp", jp},
		{"animated webp", ".webp", []byte("RIFF\x12\x00\x00\x00WEBPANIM\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00")},
	}
	for _, c := range cases {
		if out, err := Clean(c.ext, c.in); err == nil {
			t.Errorf("%s: cleaned to %d bytes, want an error", c.name, len(out))
		}
	}
}

func decodeConfigWebP(b []byte) (image.Config, error) { return webp.DecodeConfig(bytes.NewReader(b)) }

func TestGIFFrameBomb(t *testing.T) {
	// One 4000×4000 frame repeated: a few bytes each, gigabytes decoded.
	pal := image.NewPaletted(image.Rect(0, 0, 4000, 4000), color.Palette{color.Black, color.White})
	var b bytes.Buffer
	frames := make([]*image.Paletted, 10)
	for i := range frames {
		frames[i] = pal
	}
	if err := gif.EncodeAll(&b, &gif.GIF{Image: frames, Delay: make([]int, len(frames))}); err != nil {
		t.Fatal(err)
	}
	if _, err := Clean(".gif", b.Bytes()); err == nil || !strings.Contains(err.Error(), "frames") {
		t.Errorf("err = %v, want a refusal that counts frames", err)
	}
	if n, err := gifFrames(gifWithMetadata(t)); n != 2 || err != nil {
		t.Errorf("gifFrames = %d, %v; want 2", n, err)
	}
}

func TestCleanICO(t *testing.T) {
	p := pngWithMetadata(t)
	bmp := append(binary.LittleEndian.AppendUint32(nil, 40), make([]byte, 36+8)...)
	ico := []byte{0, 0, 1, 0, 2, 0}
	entry := func(size, off int) []byte {
		e := []byte{16, 12, 0, 0, 1, 0, 32, 0}
		e = binary.LittleEndian.AppendUint32(e, uint32(size))
		return binary.LittleEndian.AppendUint32(e, uint32(off))
	}
	ico = append(ico, entry(len(p), 6+32)...)
	ico = append(ico, entry(len(bmp), 6+32+len(p)+len(secret))...)
	ico = append(ico, p...)
	ico = append(ico, secret...) // between the images
	ico = append(ico, bmp...)
	out, err := Clean(".ico", ico)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte(secret)) {
		t.Errorf("icon keeps the secret")
	}
	if again, err := Clean(".ico", out); err != nil || !bytes.Equal(again, out) {
		t.Errorf("icon cleaning not idempotent: %v", err)
	}
	if _, err := Clean(".ico", ico[:40]); err == nil {
		t.Error("truncated icon cleaned")
	}
}

func TestCleanTurnsPhotosUpright(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 32, 16)) // wide; left half dark, right half light
	for y := 0; y < 16; y++ {
		for x := 0; x < 32; x++ {
			v := uint8(20)
			if x >= 16 {
				v = 230
			}
			src.Set(x, y, color.RGBA{v, v, v, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, src, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	for _, order := range []string{"MM", "II"} {
		var bo binary.AppendByteOrder = binary.BigEndian
		if order == "II" {
			bo = binary.LittleEndian
		}
		tiffHdr := []byte(order)
		tiffHdr = bo.AppendUint16(tiffHdr, 42)
		tiffHdr = bo.AppendUint32(tiffHdr, 8)
		tiffHdr = bo.AppendUint16(tiffHdr, 1)
		tiffHdr = bo.AppendUint16(tiffHdr, 0x0112)
		tiffHdr = bo.AppendUint16(tiffHdr, 3)
		tiffHdr = bo.AppendUint32(tiffHdr, 1)
		tiffHdr = bo.AppendUint16(tiffHdr, 6) // turn 90° clockwise to show
		tiffHdr = append(tiffHdr, 0, 0, 0, 0, 0, 0)
		in := insertAfterSOI(b.Bytes(), imgtest.Segment(0xE1, "Exif\x00\x00"+string(tiffHdr)+secret))
		out, err := Clean(".jpg", in)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(out, []byte(secret)) {
			t.Error("EXIF kept")
		}
		img, err := jpeg.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Dx() != 16 || img.Bounds().Dy() != 32 {
			t.Fatalf("%s: size %v, want 16×32 (turned)", order, img.Bounds())
		}
		// Turned clockwise, the left (dark) half is now on top.
		top, _, _, _ := img.At(8, 4).RGBA()
		bottom, _, _, _ := img.At(8, 28).RGBA()
		if top>>8 > 80 || bottom>>8 < 170 {
			t.Errorf("%s: top %d bottom %d, want dark over light", order, top>>8, bottom>>8)
		}
		if again, err := Clean(".jpg", out); err != nil || !bytes.Equal(again, out) {
			t.Errorf("turned image does not clean to itself: %v", err)
		}
	}
}
