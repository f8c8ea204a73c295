// Command genfrozen writes the pre-built tables that veil embeds uncompressed and reads in
// place, so that start-up neither decompresses nor indexes them:
//
//	go run ./tools/genfrozen -lexicon internal/lexicon/lexicon.pack
//	go run ./tools/genfrozen -ner internal/deid/ner/model.pack
//	go run ./tools/genfrozen -risk internal/risk/data/tables.pack
//
// (go generate ./internal/lexicon/ ./internal/deid/ner/ ./internal/risk/ runs the same). The
// lexicon pack is built from internal/lexicon/data/*.tsv.gz (themselves made by tools/genlex),
// the NER pack from prose's embedded model, the risk pack from tables.tsv.gz beside it (made
// by tools/genrisk). All are deterministic: the packages' tests check that the committed
// packs are what this command makes today.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/veil-blog/veil/internal/deid/ner"
	"github.com/veil-blog/veil/internal/lexicon"
	"github.com/veil-blog/veil/internal/risk"
)

func main() {
	lex := flag.String("lexicon", "", "write the lexicon pack to this file (its directory must hold data/)")
	model := flag.String("ner", "", "write the NER model pack to this file")
	riskPack := flag.String("risk", "", "write the risk tables' pack to this file (its directory must hold tables.tsv.gz)")
	flag.Parse()
	if err := run(*lex, *model, *riskPack); err != nil {
		fmt.Fprintln(os.Stderr, "genfrozen:", err)
		os.Exit(1)
	}
}

func run(lex, model, riskPack string) error {
	if lex == "" && model == "" && riskPack == "" {
		return fmt.Errorf("nothing to do: give -lexicon, -ner or -risk")
	}
	if lex != "" {
		b, err := lexicon.Freeze(os.DirFS(filepath.Dir(lex)))
		if err != nil {
			return err
		}
		if err := os.WriteFile(lex, b, 0o644); err != nil {
			return err
		}
	}
	if model != "" {
		b, err := ner.FreezeModel()
		if err != nil {
			return err
		}
		if err := os.WriteFile(model, b, 0o644); err != nil {
			return err
		}
	}
	if riskPack != "" {
		gz, err := os.ReadFile(filepath.Join(filepath.Dir(riskPack), "tables.tsv.gz"))
		if err != nil {
			return err
		}
		b, err := risk.Freeze(gz, lexicon.Default())
		if err != nil {
			return err
		}
		if err := os.WriteFile(riskPack, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
