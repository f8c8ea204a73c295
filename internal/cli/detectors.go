package cli

import (
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/ner"
	"github.com/veil-blog/veil/internal/lexicon"
)

// detectors lists the recognizers, in order: structured patterns first,
// then the author's lexicons, then the statistical model.
func detectors() []deid.Detector {
	return []deid.Detector{ner.New()}
}

// engineOptions are engine options that draw on the lexicons.
func engineOptions() []deid.Option {
	lex := lexicon.Default()
	return []deid.Option{deid.WithCommonWord(func(w string) bool {
		level, ok := lex.WordLevel(w)
		return ok && level <= 60
	})}
}
