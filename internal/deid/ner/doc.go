// Package ner finds person, place and organisation names with the
// statistical named-entity recogniser of github.com/jdkato/prose/v2. It is
// the only package of veil that imports prose.
//
// prose is slow (a few tens of kilobytes a second per core) and reports
// tokens without offsets, so Detector
//
//   - splits the text itself into lines and sentences of at most maxChunk
//     bytes (chunks), in one pass, and turns off prose's own segmenter;
//   - gives prose only the words around possible names (windows): words
//     with an upper-case letter followed by a lower-case one, three words
//     each side. Text with no such word, including text written all in
//     capitals, is never classified: prose labels nearly every capitalised
//     word there;
//   - re-anchors prose's tokens to byte offsets of the original text
//     (anchor), allowing for the characters prose rewrites before
//     tokenizing, and makes findings from the tokens' IOB labels.
//
// Of prose only the tokenizer runs: its part-of-speech tagger and entity
// extracter are re-implemented (tagger, maxent) over the same embedded
// weights, giving the same tags and labels (TestMaxentMatchesProse) about
// ten times faster. The model is decoded once per process and shared: it is
// read-only while classifying (see loadModel).
package ner
