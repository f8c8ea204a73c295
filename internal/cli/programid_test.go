package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The build ID read from the executable is the one the go command wrote:
// the cache key then changes whenever the linked program does.
func TestGoBuildIDIsTheGoCommands(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ELF executables only")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	got, ok := goBuildID(exe)
	if !ok {
		t.Fatalf("no build ID read from %s", exe)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if want := strings.TrimSpace(string(out)); got != want {
		t.Errorf("goBuildID = %q, go tool buildid says %q", got, want)
	}
}

func TestGoBuildIDRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"text":      "#!/bin/sh\necho not a Go program\n",
		"empty":     "",
		"elf-magic": "\x7fELF garbage that is not a valid header",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
		if id, ok := goBuildID(p); ok {
			t.Errorf("%s: read build ID %q from a file that has none", name, id)
		}
	}
}
