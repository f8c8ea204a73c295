package render

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoDeidImport keeps render on the far side of the privacy boundary:
// it is handed cleared posts and must not be able to reach the
// de-identification or risk code (STYLE.md, "Imports flow down only").
func TestNoDeidImport(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"/internal/deid", "/internal/risk"} {
			if strings.Contains(dep, banned) {
				t.Errorf("render depends on %s; it must not import deid or risk", dep)
			}
		}
	}
}

func TestOutputPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "index.html"},
		{"/posts/x/", "posts/x/index.html"},
		{"/posts/x", "posts/x/index.html"},
		{"/notes.html", "notes.html"},
		{"posts/x/", ""},
		{"//evil.example/", ""},
		{"/a/../b/", ""},
		{"/a//b/", ""},
		{"/a?b", ""},
	}
	for _, tt := range tests {
		got, err := outputPath(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("outputPath(%q) = %q, want error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("outputPath(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
