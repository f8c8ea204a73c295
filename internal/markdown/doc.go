// Package markdown turns a post's Markdown into sanitised HTML, with the
// facts the theme needs about it: headings with their anchor ids, a word
// count and a summary. It is the only package that imports goldmark.
//
// Raw HTML in the Markdown is passed through goldmark and the complete
// output is then sanitised with a bluemonday allow-list, so what leaves
// this package never carries scripts, styles, frames, event handlers or
// comments, whatever the author (or a de-identification mistake) wrote.
package markdown
