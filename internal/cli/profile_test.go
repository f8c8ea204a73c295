package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCPUProfile: --cpuprofile writes a pprof profile (gzip-compressed
// protocol buffers) of the command, the command's own output unchanged; a
// file that cannot be made is a usage error and nothing runs.
func TestCPUProfile(t *testing.T) {
	dir := t.TempDir()
	post := filepath.Join(dir, "post.md")
	if err := os.WriteFile(post, []byte("Quinta Arrowsmith phoned on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
		return code, out.String(), errb.String()
	}
	_, plain, _ := run("deid", "-s", dir, post)
	prof := filepath.Join(dir, "cpu.pprof")
	code, out, stderr := run("deid", "--cpuprofile", prof, "-s", dir, post)
	if code != ExitOK || out != plain {
		t.Fatalf("with --cpuprofile: exit %d, stdout %q (without: %q), stderr %q", code, out, plain, stderr)
	}
	f, err := os.Open(prof)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("profile is not gzip-compressed: %v", err)
	}
	body, err := io.ReadAll(zr)
	if err != nil || len(body) == 0 {
		t.Fatalf("profile body: %d bytes, %v", len(body), err)
	}
	if !bytes.Contains(body, []byte("samples")) || !bytes.Contains(body, []byte("cpu")) {
		t.Errorf("profile names no cpu samples type")
	}

	code, out, stderr = run("deid", "--cpuprofile", filepath.Join(dir, "no", "such", "cpu.pprof"), "-s", dir, post)
	if code != ExitUsage || out != "" || !strings.Contains(stderr, "--cpuprofile") {
		t.Errorf("unwritable profile: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}
