// Package seqtag finds person, place and organisation names with a
// sequence model veil trains itself: an averaged perceptron that tags each
// word B-, I- or O for PER, LOC and ORG, left to right, from features the
// lexicons already give (first-name and surname frequency, word level and
// rank, GeoNames population, country, state, title, kinship, organisation
// and street words), the word's shape and capitals, the cue words around it,
// the tags before it and the register of the text (clinical capitals,
// social media, prose).
//
// The weights are learned, not set by hand: tools/trainseq trains them,
// deterministically, from labelled text (the Broad Twitter Corpus training
// portion, CC BY 4.0, the labelled dev sets, and sentences generated from
// templates and the lexicons) and writes model.bin, which is embedded.
// The margins, one for each kind of name in clinical notes and in other
// text, are chosen on folds the model was not fitted on, for what the
// tagger adds to veil's other recognizers; a kind it cannot add well in a
// register is not reported there. After changing the features, the
// lexicons or the other recognizers, retrain:
//
//	go run ./tools/trainseq -eval ../shared/eval -out internal/deid/seqtag/model.bin
//
// The tool prints the held-out table (see tools/trainseq/README.md): the
// model it writes is fitted on the dev sets too, so .ci/quality's dev
// figures flatter it; the fold table is the evidence.
package seqtag
