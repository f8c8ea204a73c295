package deid

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadKnowledge(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "known.yaml")
	os.WriteFile(p, []byte("people: [Odette Marchand]\nplaces: [Alder Creek]\nknown:\n  - {term: Marisol, replacement: Ana}\nallow: [HIPAA]\n"), 0o600)
	k, err := LoadKnowledge(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Known) != 3 || k.Known[1].Kind != Place || k.Known[2].Replacement != "Ana" || k.Known[2].Kind != Person || k.Allow[0] != "HIPAA" {
		t.Errorf("knowledge = %+v", k)
	}
	if k2 := k.With([]string{"Lucia"}, []string{"Medicaid"}); len(k2.Known) != 4 || len(k.Known) != 3 || len(k2.Allow) != 2 {
		t.Errorf("With modified its receiver or lost terms: %+v %+v", k, k2)
	}
	os.WriteFile(p, []byte("peple: [x]\n"), 0o600)
	if _, err := LoadKnowledge(p); err == nil || !strings.Contains(err.Error(), "peple") {
		t.Errorf("unknown field: err = %v", err)
	}
	if k, err := LoadKnowledge(filepath.Join(dir, "none.yaml")); err != nil || len(k.Known) != 0 {
		t.Errorf("missing file: %v %v", k, err)
	}
}

func TestLoadKeyCreatesOnceAndKeepsSecret(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".veil", "key")
	k1, err := LoadKey(p, true)
	if err != nil || len(k1) != KeySize {
		t.Fatalf("key %x, err %v", k1, err)
	}
	fi, _ := os.Stat(p)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key mode %v, want 0600", fi.Mode().Perm())
	}
	k2, err := LoadKey(p, true)
	if err != nil || !bytes.Equal(k1, k2) {
		t.Errorf("second load gave another key")
	}
	if _, err := LoadKey(filepath.Join(t.TempDir(), "nokey"), false); err == nil {
		t.Errorf("missing key without create: no error")
	}
}
