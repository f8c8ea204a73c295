package plan

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// orgOp describes an organisation by its type: the ordinary words at
// the end of its name ("Calloway Ridge Community Health Center" -> "a
// community health center").
type orgOp struct{}

func (orgOp) replace(d *document, f deid.Finding, action deid.Action) string {
	if action == deid.Redact {
		return "[organization]"
	}
	if f.Type == deid.TypeApp {
		return "an app" // a site or an app the post names as a medium ("notes in ...")
	}
	if f.Type == deid.TypeEmployer {
		return "an organisation" // its words ("Second Chances") say nothing of its kind
	}
	lowerName := strings.ToLower(f.Text)
	if t := string(f.Type); t != "" && f.Type != deid.TypeCompany && !strings.HasSuffix(lowerName, t) && deid.CommonWord(d.s.Gazetteer, t) {
		// The recognizer knows the kind ("WVMC", "Tillbrook Memorial" are
		// hospitals) though the name does not end with it.
		return article(t) + " " + t
	}
	words := strings.Fields(lowerName)
	var tail []string
	for i := len(words) - 1; i >= 0 && len(tail) < 3; i-- {
		w := strings.Trim(words[i], ".,'’")
		// The last word is the cue ("hospice"); the words before it must
		// describe the kind of organisation, or they may be its name.
		if w == "" || !(vocab.OrgDescriptors().Has(w) || len(tail) == 0 && deid.CommonWord(d.s.Gazetteer, w)) {
			break
		}
		tail = append([]string{w}, tail...)
	}
	if len(tail) == 0 {
		if t := string(f.Type); t != "" && deid.CommonWord(d.s.Gazetteer, t) {
			tail = []string{t}
		} else {
			return "an organisation"
		}
	}
	phrase := strings.Join(tail, " ")
	if last := tail[len(tail)-1]; strings.HasSuffix(last, "services") || strings.HasSuffix(last, "ministries") || last == "group" {
		phrase += " agency"
		if last == "group" {
			phrase = strings.Join(tail, " ")
		}
	}
	return article(phrase) + " " + phrase
}
