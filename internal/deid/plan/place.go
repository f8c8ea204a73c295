package plan

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// placeOp generalises a place by size and region ("a large city in the
// Midwest", "a small town") or, with replace, gives it a pseudonymous name;
// addresses and postal codes become labels.
// States and countries are kept: Safe Harbor allows them, and a post that
// loses every country reads badly. Their rarity is the risk gate's concern.
type placeOp struct{}

func (placeOp) replace(d *document, f deid.Finding, action deid.Action) string {
	switch f.Type {
	case deid.TypeStreet, deid.TypeAddress, deid.TypePOBox:
		return "[address]"
	case deid.TypeZip, deid.TypePostcode:
		return "[postcode]"
	case deid.TypeState, deid.TypeCountry:
		if action != deid.Redact {
			return f.Text
		}
	}
	switch {
	case action == deid.Redact:
		return "[place]"
	case action == deid.Replace || inHashtag(d.doc.Text, f.Start):
		// In a hashtag a pseudonymous place reads better than a phrase.
		return d.pick(placeNames, "place", deid.TermID(f.Text))
	}
	name, state := f.Text, ""
	if i := strings.LastIndexByte(name, ','); i > 0 {
		name, state = strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1:])
	}
	info, ok := d.s.Gazetteer.Place(name)
	if !ok {
		// A span that took in a word more than the place ("Lisbon Games",
		// "the Cork office") is described by the place inside it.
		info, ok = d.placeWithin(name)
	}
	if ok && state != "" && info.Level == deid.Locality {
		// "Name, State": the gazetteer's best place of that name must lie in the
		// state's country and region, else it is another place of the same name and
		// the one meant is too small for the gazetteer to know.
		if si, known := d.s.Gazetteer.Place(state); known && si.Level == deid.State && (si.Country != info.Country || info.Region != "" && si.Region != "" && si.Region != info.Region) {
			ok = false
		}
	}
	if !ok {
		// A place the gazetteer does not know is too small for its population
		// data: the smallest class is the safe one, for the text and for the crowd.
		if si, known := d.s.Gazetteer.Place(state); state != "" && known && si.Region != "" {
			return "a small town in " + si.Region
		}
		return "a small town"
	}
	if info.Level != deid.Locality && state == "" {
		return f.Text // a state or country, which Safe Harbor allows
	}
	if state != "" && info.Region == "" {
		if si, ok := d.s.Gazetteer.Place(state); ok {
			info.Region = si.Region
		}
	}
	size := "a small town"
	switch n := info.Population; {
	case n >= 1_000_000:
		size = "a major city"
	case n >= 250_000:
		size = "a large city"
	case n >= 50_000:
		size = "a mid-sized city"
	case n >= 10_000:
		size = "a small city"
	}
	if info.Region != "" {
		return size + " in " + info.Region
	}
	return size
}

// locating reports whether words only place something within a place: lower-case words
// ("downtown", "the", "central") or compass and size words written as part of a name.
func locating(words []string) bool {
	for _, w := range words {
		if l := strings.ToLower(w); l == w || vocab.PlaceLocators().Has(l) {
			continue
		}
		return false
	}
	return true
}

// placeWithin looks up the longest run of name's words that the gazetteer
// knows as a town or city.
func (d *document) placeWithin(name string) (deid.PlaceInfo, bool) {
	words := strings.Fields(name)
	for n := len(words) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			// A known place at the end of a longer name is often the head of another,
			// smaller place's name ("Larkin Springs", "Cedar Falls" beside "Springs",
			// "Falls"); only words that locate within a place may stand before it
			// ("downtown", "North", "Greater").
			if i+n == len(words) && i > 0 && !locating(words[:i]) {
				continue
			}
			if info, ok := d.s.Gazetteer.Place(strings.Join(words[i:i+n], " ")); ok && info.Level == deid.Locality {
				return info, true
			}
		}
	}
	return deid.PlaceInfo{}, false
}
