package ner

import (
	"bytes"
	"testing"
)

// TestModelIsFresh checks that the embedded model.pack is what
// FreezeModel makes of prose's model files today (run go generate
// ./internal/deid/ner/ after changing the layout).
func TestModelIsFresh(t *testing.T) {
	b, err := FreezeModel()
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != packedModel {
		t.Fatal("model.pack is stale: run go generate ./internal/deid/ner/")
	}
	again, err := FreezeModel()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, again) {
		t.Error("two runs of FreezeModel differ")
	}
}

// TestOpenModelRefusesDamage checks that a damaged pack is an error when
// the model is opened, not a panic while tagging.
func TestOpenModelRefusesDamage(t *testing.T) {
	if _, err := openModel(packedModel); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 10, len(packedModel) / 2, len(packedModel) - 1} {
		if _, err := openModel(packedModel[:n]); err == nil {
			t.Errorf("%d of %d bytes: no error", n, len(packedModel))
		}
	}
}
