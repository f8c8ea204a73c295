package deid

import (
	"regexp"
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// publicSet is the matcher for vocab.PublicTerms, built at initialisation
// (after vocab's, which deid imports) and read-only afterwards.
var publicSet = newTermSet(vocab.PublicTerms().Words())

// publicTermSet is the matcher for vocab.PublicTerms.
func publicTermSet() *termSet { return publicSet }

// The fields and functions above ("licensing", "nursing", "social work",
// "behavioral sciences") make the regulators and licensing boards of a
// profession ("the State Board of Nursing", "the Board of Behavioral
// Sciences"), which a practitioner cites and which identify no one; with
// the heads of learned and professional bodies ("association", "society",
// "college") and the nations they are named after, they make the
// professional associations and societies ("the Society of Family
// Therapists", "the Royal College of Nursing"). A local name among the words
// ("Alder Valley Therapists Society") still makes a finding.

// professionalCodeRE matches a professional body's acronym before the code
// or standards it publishes: "the AAMFT Code of Ethics", "CCPA Standards of
// Practice", "the BACP Ethical Framework". An employer's "Code of Conduct"
// is not among them: it names a workplace.
var professionalCodeRE = regexp.MustCompile(`\b[A-Z]{2,8}(?:'s|’s)?\s+(?:Code\s+of\s+Ethics|Ethics\s+Code|Ethical\s+Framework|Standards\s+of\s+(?:Practice|Proficiency|Ethics))\b`)

// professionalCodes returns the spans of professional codes in text.
func professionalCodes(text string) []termMatch {
	if !strings.Contains(text, "Code of Ethics") && !strings.Contains(text, "Ethics Code") &&
		!strings.Contains(text, "Ethical Framework") && !strings.Contains(text, "Standards of") {
		return nil // most texts: no need to run the pattern
	}
	var out []termMatch
	for _, m := range professionalCodeRE.FindAllStringIndex(text, -1) {
		out = append(out, termMatch{start: m[0], end: m[1]})
	}
	return out
}

// publicBody reports whether name is made only of institution
// words and holds a head: a public body that identifies no one.
func publicBody(name string) bool {
	head := false
	for _, w := range termKeys(name) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if !vocab.PublicBodyWords().Has(w) {
			return false
		}
		head = head || vocab.PublicBodyHeads().Has(w)
	}
	return head
}
