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
// portion, CC BY 4.0, and sentences generated from templates and the
// lexicons) and writes model.bin.gz, which is embedded. The same tool
// scores the model across sources (fit on some, score the one left out).
//
// The model's features read the lexicons, and its margin is chosen for
// what it adds to the other recognizers: after changing either, retrain
//
//	go run ./tools/trainseq -eval ../shared/eval -out internal/deid/seqtag/model.bin.gz
//
// and measure with .ci/quality. The detector runs after prose and skips
// clinical notes, a register it is not fitted on.
package seqtag
