package ner

import (
	_ "embed"
	"fmt"

	"github.com/veil-blog/veil/internal/lexicon"
)

//go:generate go run ../../../tools/genfrozen -ner model.pack

// packedModel is model.pack: prose v2.0.0's tagger and entity models, as
// FreezeModel lays them out in tables (see lexicon.Table) that are read in
// place, so that a process neither decompresses nor decodes them (which
// took about 0.2 s of CPU at start-up). TestModelIsFresh checks that it is
// what FreezeModel makes of prose's files today, and TestMaxentMatchesProse
// that the tables tag and label as prose does.
//
//go:embed model.pack
var packedModel string

// FreezeModel decodes prose's embedded model files and returns the pack of
// tables that veil embeds as model.pack. Two runs give the same bytes.
func FreezeModel() ([]byte, error) {
	src := &wordSource{flagged: map[string]uint32{}}
	ents, err := buildMaxent(src)
	if err != nil {
		return nil, err
	}
	tags, err := buildTagger(src)
	if err != nil {
		return nil, err
	}
	for name, b := range buildWordTable(src) {
		tags[name] = b
	}
	tables, err := layOut(tags)
	if err != nil {
		return nil, err
	}
	for name, b := range tables {
		ents[name] = b
	}
	return lexicon.Pack(ents), nil
}

// layOut returns the bytes of each table.
func layOut(tables map[string]*lexicon.TableBuilder) (map[string][]byte, error) {
	out := make(map[string][]byte, len(tables))
	for name, b := range tables {
		data, err := b.Bytes()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = data
	}
	return out, nil
}

// openModel reads the tagger and entity model from a pack made by
// FreezeModel.
func openModel(packed string) (*model, error) {
	pack, err := lexicon.Unpack(packed)
	if err != nil {
		return nil, err
	}
	words, err := openWordTable(pack)
	if err != nil {
		return nil, err
	}
	t, err := openTagger(pack, words)
	if err != nil {
		return nil, err
	}
	m, err := openMaxent(pack, words)
	if err != nil {
		return nil, err
	}
	m.initSmall(t.tagSet())
	m.initTagIDs(t.tagIDs)
	mod := &model{tagger: t, ents: m}
	mod.initFrequent()
	return mod, nil
}
