package deid

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/veil-blog/veil/internal/content"

	"gopkg.in/yaml.v3"
)

// Knowledge is what the author told veil: terms that must always be caught
// and terms that must never be touched. It is read from the site's private
// .veil/known.yaml:
//
//	people: [Odette Marchand, "Dr. Okafor"]
//	places: [Alder Creek]
//	organizations: [Saint Jude's Home]
//	terms: [Ehlers-Danlos]          # rare details
//	known:                          # any kind, optionally a fixed replacement
//	  - {term: Marisol, kind: person, replacement: Ana}
//	allow: [HIPAA, Medicaid, the Red Cross]
type Knowledge struct {
	Known []KnownTerm
	Allow []string
}

type knowledgeFile struct {
	People        []string    `yaml:"people"`
	Places        []string    `yaml:"places"`
	Organizations []string    `yaml:"organizations"`
	Terms         []string    `yaml:"terms"`
	Known         []KnownTerm `yaml:"known"`
	Allow         []string    `yaml:"allow"`
}

// LoadKnowledge reads a known.yaml file. A missing file is no knowledge, not
// an error.
func LoadKnowledge(path string) (*Knowledge, error) {
	b, err := content.ReadRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Knowledge{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var f knowledgeFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	k := &Knowledge{Allow: f.Allow}
	add := func(terms []string, kind Kind) {
		for _, t := range terms {
			k.Known = append(k.Known, KnownTerm{Term: t, Kind: kind})
		}
	}
	add(f.People, Person)
	add(f.Places, Place)
	add(f.Organizations, Organization)
	add(f.Terms, Rare)
	for i, t := range f.Known {
		if t.Kind == "" {
			t.Kind = Person
		}
		if !t.Kind.Valid() {
			return nil, fmt.Errorf("%s: known[%d]: unknown kind %q (want one of person, place, date, age, contact, id, organization, rare)", path, i, t.Kind)
		}
		k.Known = append(k.Known, t)
	}
	return k, nil
}

// With returns a copy of k with more known and allowed terms (a post's own
// front matter).
func (k *Knowledge) With(known []string, allow []string) *Knowledge {
	out := &Knowledge{
		Known: append(append([]KnownTerm(nil), k.Known...), make([]KnownTerm, 0, len(known))...),
		Allow: append(append([]string(nil), k.Allow...), allow...),
	}
	for _, t := range known {
		out.Known = append(out.Known, KnownTerm{Term: t, Kind: Person})
	}
	return out
}
