package deid

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// plan sets the Replacement of every finding. The same original (compared
// case-insensitively) gets the same replacement within a text, and, because
// pseudonyms and date shifts are keyed hashes, across texts and builds.
func (e *Engine) plan(doc *Doc, fs []Finding) []Finding {
	p := &planner{e: e, doc: doc, memo: map[string]string{}, surname: map[string]bool{}}
	// A word written as the last of a full name is a surname wherever it
	// appears alone in the same text ("Marchand" after "Odette Marchand").
	for _, f := range fs {
		w := strings.Fields(f.Text)
		for len(w) > 0 && (vocab.FamiliarTitles().Has(strings.ToLower(w[0])) || vocab.Honorifics().Has(strings.ToLower(strings.TrimRight(w[0], ".")))) {
			w = w[1:] // "Uncle Dev", "Mr Dev": a title, not a first name
		}
		if f.Kind == Person && len(w) > 1 {
			p.surname[strings.ToLower(strings.TrimRight(w[len(w)-1], ".,"))] = true
		}
	}
	fs = append([]Finding(nil), fs...)
	out := make([]Finding, 0, len(fs))
	for i, f := range fs {
		if f.Start >= f.End {
			continue // merged into the finding before it
		}
		if f.Kind == Age {
			lo, hi := 0, len(doc.Text)
			if i > 0 {
				lo = fs[i-1].End
			}
			if i+1 < len(fs) {
				hi = fs[i+1].Start
			}
			f = widenAge(doc.Text, f, lo, hi)
		}
		if f.Kind == Place && i+1 < len(fs) {
			// "Springfield, IL": the state goes with the city, so that the
			// generalised phrase is not followed by a stray ", IL".
			if g := fs[i+1]; g.Kind == Place && p.isState(g.Text) && strings.TrimSpace(doc.Text[f.End:g.Start]) == "," && !p.isState(f.Text) {
				f.End, f.Text = g.End, doc.Text[f.Start:g.End]
				fs[i+1].Start = g.End // swallowed: skipped below
			}
		}
		if f.Replacement == "" {
			f.Replacement = p.replacement(f)
			// "at the Cobbler's Row Surgery" -> "at the surgery", not "at the
			// a surgery".
			if f.Kind != Person && theBefore(doc.Text, f.Start) >= 0 {
				f.Replacement = dropArticle(f.Replacement)
			}
		}
		out = append(out, f)
	}
	return out
}

// sentenceEnds reports whether rest, the text after a full stop, starts a
// new sentence or ends the text.
func sentenceEnds(rest string) bool {
	t := strings.TrimLeft(rest, " \t")
	if t == "" || t[0] == '\n' || t[0] == '\r' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return len(t) < len(rest) && unicode.IsUpper(r)
}

// theBefore returns where a "the " just before off starts, or -1.
func theBefore(text string, off int) int {
	s := off - 4
	if s < 0 || !strings.EqualFold(text[s:off], "the ") || s > 0 && isLetterByte(text[s-1]) {
		return -1
	}
	return s
}

// dropArticle removes a leading "a " or "an " from r.
func dropArticle(r string) string {
	l := strings.ToLower(r)
	for _, a := range []string{"a ", "an "} {
		if strings.HasPrefix(l, a) && len(r) > len(a) {
			return r[len(a):]
		}
	}
	return r
}

// isState reports whether a place name is a state (or province).
func (p *planner) isState(name string) bool {
	info, ok := p.e.gaz.Place(name)
	return ok && info.Level == State
}

// ageSuffixRE matches what follows an age's number when the age is used as
// an adjective or abbreviated: "-year-old", " years old", " yo", " y/o".
var ageSuffixRE = regexp.MustCompile(`^(?i:-?\s?years?[- ]old|-yr-old|\s?y/?o\b|\s?yrs?\.?\s?old|\s?years?[- ]young)`)

// ordinalRE matches the ordinal ending right after an age's number: "her
// 43rd birthday".
var ordinalRE = regexp.MustCompile(`^(?i:st|nd|rd|th)\b`)

// ageOfRE matches "at the age of " just before an age's number.
var ageOfRE = regexp.MustCompile(`(?i)\b(?:at\s+)?the\s+age\s+of\s+$`)

// inPronounRE matches "in her " just before an age band.
var inPronounRE = regexp.MustCompile(`(?i)\bin\s+(?:her|his|their|my|your|our|its)\s+$`)

// widenAge takes into an age finding that spans only the number the words
// that make it an age phrase, so that the phrase is replaced whole: the
// "-year-old" after it and the article before it ("a 34-year-old" -> "a
// mid-30s"). It stays within [lo, hi), clear of its neighbours.
func widenAge(text string, f Finding, lo, hi int) Finding {
	if m := ordinalRE.FindStringIndex(text[f.End:min(hi, f.End+3)]); m != nil && f.End+m[1] <= hi {
		// "her 43rd birthday": the ending goes with the number.
		f.End += m[1]
		f.Text = text[f.Start:f.End]
		f.Type = "ordinal"
		return f
	}
	if f.Type == "age-range" && f.Age > 89 {
		// "in her 90s" says more than Safe Harbor's single "90 or older"
		// category: the pronoun phrase goes too, for "over 89".
		if m := inPronounRE.FindStringIndex(text[max(lo, f.Start-12):f.Start]); m != nil {
			f.Start -= f.Start - max(lo, f.Start-12) - m[0]
			f.Text = text[f.Start:f.End]
		}
		return f
	}
	if m := ageOfRE.FindStringIndex(text[max(lo, f.Start-20):f.Start]); m != nil && f.Type != "apposition" {
		// "at the age of 51" -> "in her early 50s".
		f.Start -= f.Start - max(lo, f.Start-20) - m[0]
		f.Text = text[f.Start:f.End]
		return f
	}
	m := ageSuffixRE.FindStringIndex(text[f.End:min(hi, f.End+16)])
	if m == nil || strings.Contains(strings.ToLower(f.Text), "old") {
		return f
	}
	f.End += m[1]
	lower := strings.ToLower(text[max(lo, f.Start-3):f.Start])
	switch {
	case strings.HasSuffix(lower, "an ") && f.Start-3 >= lo:
		f.Start -= 3
	case strings.HasSuffix(lower, "a ") && f.Start-2 >= lo && (f.Start-2 == 0 || !isLetterByte(text[f.Start-3])):
		f.Start -= 2
	}
	f.Text = text[f.Start:f.End]
	return f
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

type planner struct {
	e    *Engine
	doc  *Doc
	memo map[string]string // kind + normalised original -> replacement
	used map[string]bool   // lower-case words of the original text; see pick
	// surname holds words known to be surnames in this text.
	surname map[string]bool
	// lower is the text in lower case, made when first needed, and titled
	// the offsets in it that follow a title (see titledPositions).
	lower  string
	titled []int
	// shoutLines says which lines are written in capitals, made when first
	// needed.
	shoutLines []shoutLine
}

func (p *planner) replacement(f Finding) string {
	if f.Kind == Date && (f.Type == "relative" || f.Type == "weekday" || f.Date != nil && f.Date.Relative) && theBefore(p.doc.Text, f.Start) >= 0 {
		// "the next week", "the Tuesday after": relative to the story, not
		// to the time of writing.
		return f.Text
	}
	key := string(f.Kind) + "\x00" + f.Type + "\x00" + termID(f.Text)
	r, ok := p.memo[key]
	if !ok {
		r = p.choose(f)
		// Ages and phrases depend on their context; names and places do not.
		if f.Kind != Age {
			p.memo[key] = r
		}
	}
	if r == f.Text {
		return r
	}
	// An acronym in ordinary text ("at WVMC") becomes an ordinary phrase
	// ("at a hospital"), not a shouted one.
	acronymPhrase := strings.Contains(r, " ") && isUpperWord(f.Text) && !p.shouting(f.Start)
	if !acronymPhrase {
		r = matchCase(f.Text, r)
	}
	if f.Kind != Person && atSentenceStart(p.doc.Text, f.Start) {
		r = capitalise(r)
	}
	if nameLike(f.Kind) && inHashtag(p.doc.Text, f.Start) {
		r = hashtagWords(r)
		if strings.HasPrefix(f.Text, "#") {
			r = "#" + r
		}
	}
	return r
}

// inHashtag reports whether off is inside a hashtag ("#PrayForGaza") or at
// its '#'.
func inHashtag(text string, off int) bool {
	i := off
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r == '#' {
			return true
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			break
		}
		i -= n
	}
	return off < len(text) && text[off] == '#'
}

// hashtagWords writes a replacement so that it stays one hashtag: "a
// small city" -> "ASmallCity", "[place]" -> "Place".
func hashtagWords(r string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(r, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '#' }) {
		b.WriteString(capitalise(w))
	}
	return b.String()
}

func (p *planner) choose(f Finding) string {
	action := p.e.actions[f.Kind]
	switch f.Kind {
	case Person:
		if action == Replace {
			return p.pseudonym(f.Text)
		}
		return "[name]"
	case Date:
		r := p.date(f, action)
		if strings.HasSuffix(f.Text, ".") && !strings.HasSuffix(r, ".") && r != f.Text && sentenceEnds(p.doc.Text[f.End:]) {
			r += "." // "until 5 Jan." and "at 3 a.m." end their sentence too
		}
		return r
	case Age:
		return p.age(f, action)
	case Contact:
		return label(f.Type, "contact", "phone", "fax", "email", "url", "handle", "ip")
	case ID:
		return label(f.Type, "id", "ssn")
	case Place:
		return p.place(f, action)
	case Organization:
		return p.organization(f, action)
	}
	return "[detail]"
}

// label returns "[t]" when t is one of the allowed neutral labels, else
// "[fallback]": recognizer type names never reach the output unchecked.
func label(t, fallback string, allowed ...string) string {
	if t == "domain" {
		t = "url"
	}
	for _, a := range allowed {
		if t == a {
			return "[" + t + "]"
		}
	}
	return "[" + fallback + "]"
}

// mac returns a keyed 64-bit hash of the parts.
func (p *planner) mac(parts ...string) uint64 {
	m := hmac.New(sha256.New, p.e.key)
	for _, s := range parts {
		m.Write([]byte(s))
		m.Write([]byte{0})
	}
	return binary.BigEndian.Uint64(m.Sum(nil))
}

// pseudonym maps a person's name to a pseudonym word by word: the first
// word to a first name of the same sex, later words to surnames, so that
// "Odette" and "Odette Marchand" share a first name. Honorifics are kept;
// initials are replaced by keyed initials. A pseudonym that occurs as a word
// in the original text is skipped, so a pseudonym is never a real name of
// the post.
func (p *planner) pseudonym(name string) string {
	// "Dr.Vorn": a title glued to the name by its full stop stays so.
	if i := strings.IndexByte(name, '.'); i > 0 && i+1 < len(name) && vocab.Honorifics().Has(strings.ToLower(name[:i])) && unicode.IsLetter(rune(name[i+1])) {
		return name[:i+1] + p.pseudonym(name[i+1:])
	}
	words := strings.Fields(name)
	titled, nameWords := false, 0
	for _, w := range words {
		core := strings.ToLower(strings.TrimRight(w, ".,"))
		if vocab.Honorifics().Has(core) {
			titled = true
		} else if utf8.RuneCountInString(core) > 1 && !(vocab.FamiliarTitles().Has(core) && nameWords == 0) {
			nameWords++
		}
	}
	// A lone word is a first name unless a title goes with it ("Dr. Okafor").
	loneSurname := nameWords == 1 && (titled || p.surname[strings.ToLower(strings.Trim(name, ". ,"))] || p.afterHonorific(name))
	out := make([]string, 0, len(words))
	seen := 0
	for _, w := range words {
		core := strings.TrimRight(w, ".,")
		lw := strings.ToLower(core)
		switch {
		case vocab.Honorifics().Has(lw), vocab.FamiliarTitles().Has(lw) && seen == 0:
			out = append(out, w)
		case utf8.RuneCountInString(core) <= 1:
			out = append(out, string(rune('A'+p.mac("initial", lw)%26))+w[len(core):])
		default:
			var pick string
			if seen == 0 && !loneSurname {
				pick = p.firstName(lw)
			} else {
				pick = p.pick(surnames, "last", lw)
			}
			seen++
			out = append(out, pick+w[len(core):])
		}
	}
	return strings.Join(out, " ")
}

// firstName picks a pseudonymous first name of the sex the lexicon gives.
func (p *planner) firstName(lw string) string {
	switch p.e.gaz.Sex(lw) {
	case Female:
		return p.pick(femaleNames, "first", lw)
	case Male:
		return p.pick(maleNames, "first", lw)
	}
	return p.pick(unisexNames, "first", lw)
}

// afterHonorific reports whether a single-word name is written after a title
// somewhere in the text ("Dr. Okafor"), in which case it is a surname.
func (p *planner) afterHonorific(name string) bool {
	if p.titled == nil {
		p.lower = strings.ToLower(p.doc.Text)
		p.titled = titledPositions(p.lower)
	}
	lower, n := p.lower, strings.ToLower(name)
	key := n[:min(len(n), titledKey)]
	i := sort.Search(len(p.titled), func(i int) bool { return titledAt(lower, p.titled[i]) >= key })
	for ; i < len(p.titled) && strings.HasPrefix(titledAt(lower, p.titled[i]), key); i++ {
		if strings.HasPrefix(lower[p.titled[i]:], n) {
			return true
		}
	}
	return false
}

// titledKey is how many bytes after a title titledPositions sorts by.
const titledKey = 64

// titledPositions returns every offset of lower that follows a title and
// its separator ("dr. ", "dr ", "dr."), sorted by the text from there, so
// that afterHonorific finds whether a name follows a title by binary search
// rather than by searching the whole text once for each name.
func titledPositions(lower string) []int {
	qs := []int{}
	for h := range vocab.Honorifics().All() {
		for _, sep := range []string{". ", " ", "."} {
			pat := h + sep
			for from := 0; ; {
				i := strings.Index(lower[from:], pat)
				if i < 0 {
					break
				}
				qs = append(qs, from+i+len(pat))
				from += i + 1
			}
		}
	}
	sort.Slice(qs, func(i, j int) bool { return titledAt(lower, qs[i]) < titledAt(lower, qs[j]) })
	return qs
}

func titledAt(lower string, q int) string { return lower[q:min(len(lower), q+titledKey)] }

func (p *planner) pick(list []string, tag, word string) string {
	if p.used == nil {
		// Most texts need no pseudonym: the set is made for the first.
		p.used = wordSet(p.doc.Text)
	}
	for attempt := 0; attempt < 16; attempt++ {
		c := list[p.mac(tag, word, strconv.Itoa(attempt))%uint64(len(list))]
		if !p.used[strings.ToLower(c)] {
			return c
		}
	}
	return list[p.mac(tag, word)%uint64(len(list))]
}

// place generalises a place by size and region ("a large city in the
// Midwest", "a small town") or, with replace, gives it a pseudonymous name;
// addresses and postal codes become labels.
// States and countries are kept: Safe Harbor allows them, and a post that
// loses every country reads badly. Their rarity is the risk gate's concern.
func (p *planner) place(f Finding, action Action) string {
	switch f.Type {
	case "street", "address", "pobox":
		return "[address]"
	case "zip", "postcode":
		return "[postcode]"
	case "state", "country":
		if action != Redact {
			return f.Text
		}
	}
	switch {
	case action == Redact:
		return "[place]"
	case action == Replace || inHashtag(p.doc.Text, f.Start):
		// In a hashtag a pseudonymous place reads better than a phrase.
		return p.pick(placeNames, "place", termID(f.Text))
	}
	name, state := f.Text, ""
	if i := strings.LastIndexByte(name, ','); i > 0 {
		name, state = strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1:])
	}
	info, ok := p.e.gaz.Place(name)
	if !ok {
		// A span that took in a word more than the place ("Lisbon Games",
		// "the Cork office") is described by the place inside it.
		info, ok = p.placeWithin(name)
	}
	if ok && state != "" && info.Level == Locality {
		// "Name, State": the gazetteer's best place of that name must lie in the
		// state's country and region, else it is another place of the same name and
		// the one meant is too small for the gazetteer to know.
		if si, known := p.e.gaz.Place(state); known && si.Level == State && (si.Country != info.Country || info.Region != "" && si.Region != "" && si.Region != info.Region) {
			ok = false
		}
	}
	if !ok {
		// A place the gazetteer does not know is too small for its population
		// data: the smallest class is the safe one, for the text and for the crowd.
		if si, known := p.e.gaz.Place(state); state != "" && known && si.Region != "" {
			return "a small town in " + si.Region
		}
		return "a small town"
	}
	if info.Level != Locality && state == "" {
		return f.Text // a state or country, which Safe Harbor allows
	}
	if state != "" && info.Region == "" {
		if si, ok := p.e.gaz.Place(state); ok {
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
		switch strings.ToLower(w) {
		case "north", "south", "east", "west", "northern", "southern", "eastern", "western",
			"central", "greater", "downtown", "inner", "outer", "upper", "lower", "old":
			continue
		}
		if w == strings.ToLower(w) {
			continue
		}
		return false
	}
	return true
}

// placeWithin looks up the longest run of name's words that the gazetteer
// knows as a town or city.
func (p *planner) placeWithin(name string) (PlaceInfo, bool) {
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
			if info, ok := p.e.gaz.Place(strings.Join(words[i:i+n], " ")); ok && info.Level == Locality {
				return info, true
			}
		}
	}
	return PlaceInfo{}, false
}

// organization describes an organisation by its type: the ordinary words at
// the end of its name ("Calloway Ridge Community Health Center" -> "a
// community health center").
func (p *planner) organization(f Finding, action Action) string {
	if action == Redact {
		return "[organization]"
	}
	lowerName := strings.ToLower(f.Text)
	if t := f.Type; t != "" && t != "company" && !strings.HasSuffix(lowerName, t) && p.e.isCommon(t) {
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
		if w == "" || !(orgDescriptors[w] || len(tail) == 0 && p.e.isCommon(w)) {
			break
		}
		tail = append([]string{w}, tail...)
	}
	if len(tail) == 0 {
		if f.Type != "" && p.e.isCommon(f.Type) {
			tail = []string{f.Type}
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

// orgDescriptors are words that say what kind of organisation a name is
// ("Community Health Center") without naming it.
var orgDescriptors = map[string]bool{
	"community": true, "health": true, "mental": true, "medical": true, "family": true,
	"public": true, "primary": true, "care": true, "senior": true, "youth": true,
	"children's": true, "behavioral": true, "behavioural": true, "social": true,
	"regional": true, "general": true, "elementary": true, "middle": true, "high": true,
	"secondary": true, "nursing": true, "rehabilitation": true, "rehab": true,
	"counseling": true, "counselling": true, "treatment": true, "recovery": true,
	"protective": true, "human": true, "legal": true, "housing": true, "food": true,
	"crisis": true, "women's": true, "veterans": true, "psychiatric": true, "state": true,
	"university": true, "teaching": true, "charter": true, "day": true, "residential": true,
}

func article(phrase string) string {
	l := strings.ToLower(phrase)
	for _, p := range []string{"uni", "use", "usu", "uti", "eu", "one", "once"} {
		if strings.HasPrefix(l, p) {
			return "a" // "a university", "a one-bedroom flat": a consonant sound
		}
	}
	if l != "" && strings.ContainsRune("aeiou", rune(l[0])) {
		return "an" // "an early-80s", "an over-89-year-old"
	}
	return "a"
}

// age bands an age: "a 34-year-old" -> "a mid-30s", "aged 58" -> "in her
// late 50s", and any age over 89 -> "over 89", as Safe Harbor asks.
func (p *planner) age(f Finding, action Action) string {
	n := f.Age
	if n == 0 {
		if m := digitsRE.FindString(f.Text); m != "" {
			n, _ = strconv.Atoi(m)
		}
	}
	if n == 0 {
		return "[age]"
	}
	if action == Redact {
		return "[age]"
	}
	lower := strings.ToLower(f.Text)
	if f.Type == "ordinal" {
		// "her 43rd birthday" -> "her 40-something birthday", "his
		// 100th" -> "his 90th-or-later".
		switch {
		case n > 89:
			return "90th-or-later"
		case n < 13:
			return "childhood"
		case n < 20:
			return "teenage"
		}
		return fmt.Sprintf("%d-something", n/10*10)
	}
	if strings.HasPrefix(lower, "at the age of") || strings.HasPrefix(lower, "the age of") {
		if n > 89 {
			return "aged over 89"
		}
		return agePhrase(n, p.pronoun(f.Start))
	}
	if f.Type == "at-age" {
		// "At 94, she ..." -> "Aged over 89, she ...", "At 8, he" -> "As
		// a child, he".
		var out string
		switch {
		case n > 89:
			out = "aged over 89"
		case n < 13:
			out = "as a child"
		case n < 20:
			out = "as a teenager"
		default:
			out = "aged " + bareBand(n)
		}
		if f.Text[0] == 'A' {
			out = "A" + out[1:]
		}
		return out
	}
	if f.Type == "age-range" && n > 89 {
		return "over 89"
	}
	if strings.HasPrefix(lower, "in ") || strings.HasSuffix(lower, "s") {
		return f.Text // already a band: "in her 40s", "80s"
	}
	adjectival := false
	for _, w := range []string{"year-old", "years-old", "yr-old", "yo", "y/o"} {
		if strings.HasSuffix(lower, w) {
			adjectival = true
		}
	}
	if adjectival && leadingArticle(lower, "a") == "" && !nounAfter(p.doc.Text[f.End:]) {
		adjectival = false // "i'm 23 y/o." says "i'm in my early 20s"
	}
	if n > 89 {
		if adjectival {
			return leadingArticle(lower, "an") + "over-89-year-old"
		}
		return "over 89"
	}
	band := ageBand(n)
	if adjectival {
		return leadingArticle(lower, article(band)) + band
	}
	switch ageContext(p.doc.Text[:f.Start]) {
	case "turn":
		if n >= 20 {
			return fmt.Sprintf("%d-something", n/10*10) // "turned 40-something"
		}
		return bareBand(n)
	case "bare":
		return bareBand(n) // "aged mid-40s", "Marisol, early 30s, came in"
	}
	if f.Type == "apposition" {
		return bareBand(n)
	}
	return agePhrase(n, p.pronoun(f.Start)) // "she was in her mid-40s"
}

// nounAfter reports whether a word follows on the same line ("58 yo male").
func nounAfter(rest string) bool {
	return leadingWord(strings.TrimLeft(rest, " \t")) != ""
}

// ageContext classifies the words just before an age's number: "turn"
// after a verb of reaching an age ("turned 45"), "bare" where a pronoun
// phrase would not read ("aged 45", "age: 45", "at 45", "by 45"), "" for
// the rest ("she was 45").
func ageContext(before string) string {
	t := strings.TrimRight(before, " \t:=(")
	// Only the last word counts, and no word that counts is longer than
	// ageWordMax letters: reading further back would make each age cost
	// as much as the text before it.
	i := len(t)
	for n := 0; i > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(t[:i])
		if !unicode.IsLetter(r) {
			break
		}
		if n == ageWordMax {
			return ""
		}
		i -= size
	}
	switch strings.ToLower(t[i:]) {
	case "turned", "turns", "turning", "turn", "reached", "reaches", "celebrated":
		return "turn"
	case "aged", "age", "ages", "of", "at", "by", "from", "to", "until", "till", "before", "after", "about", "around", "nearly", "almost", "over", "under":
		return "bare"
	}
	return ""
}

// ageWordMax is the length in letters of the longest word ageContext knows.
const ageWordMax = len("celebrated")

// bareBand words a band without a pronoun: "mid-40s", "early 30s", "under
// 5", "school age", "teenage".
func bareBand(n int) string {
	switch {
	case n < 5:
		return "under 5"
	case n < 13:
		return "school age"
	case n < 20:
		return "teenage"
	}
	return strings.NewReplacer("early-", "early ", "late-", "late ").Replace(ageBand(n))
}

var digitsRE = regexp.MustCompile(`\d+`)

// leadingArticle returns art+" " when the finding starts with an article.
func leadingArticle(lower, art string) string {
	if strings.HasPrefix(lower, "a ") || strings.HasPrefix(lower, "an ") {
		return art + " "
	}
	return ""
}

// ageBand is "early-30s", "mid-30s" or "late-30s" from 20 on; children
// and teenagers get wider bands, which ageBandPhrase words for each use.
func ageBand(n int) string {
	switch {
	case n < 5:
		return "under-5"
	case n < 13:
		return "school-age"
	case n < 20:
		return "teenage"
	}
	decade := n / 10 * 10
	switch d := n % 10; {
	case d <= 3:
		return fmt.Sprintf("early-%ds", decade)
	case d <= 6:
		return fmt.Sprintf("mid-%ds", decade)
	}
	return fmt.Sprintf("late-%ds", decade)
}

// agePhrase words a band for use after a verb or "aged": "in her mid-30s",
// "under 5", "between 5 and 12", "in his teens".
func agePhrase(n int, pronoun string) string {
	switch {
	case n < 5:
		return "under 5"
	case n < 13:
		return "between 5 and 12"
	case n < 20:
		return "in " + pronoun + " teens"
	}
	return "in " + pronoun + " " + bareBand(n)
}

// pronoun guesses "her", "his" or "their" from the words just before off.
func (p *planner) pronoun(off int) string {
	from := max(0, off-80)
	for from < off && !utf8.RuneStart(p.doc.Text[from]) {
		from++
	}
	words := strings.FieldsFunc(strings.ToLower(p.doc.Text[from:off]), func(r rune) bool { return !unicode.IsLetter(r) })
	for i := len(words) - 1; i >= 0; i-- {
		switch words[i] {
		case "she", "her", "woman", "girl", "mother", "daughter", "wife":
			return "her"
		case "he", "his", "him", "man", "boy", "father", "son", "husband":
			return "his"
		case "i":
			return "my" // "I was 14", "I'm 34"; not "my patient, who is 45"
		}
	}
	return "their"
}

// shiftDays is the site's keyed date offset: between 7 and 120 days, forward
// or back, never zero.
func (p *planner) shiftDays() int {
	d := int(p.mac("date-shift")%114) + 7
	if p.mac("date-shift-sign")%2 == 0 {
		d = -d
	}
	return d
}

var numericDateRE = regexp.MustCompile(`^(\d{1,4})([/.-])(\d{1,2})(?:([/.-])(\d{2,4}))?$`)

// date replaces a date. With replace, a date whose month and day are known
// is shifted by the site's offset and keeps its year and its numeric or
// written form; with generalise it becomes its month and year; relative
// dates become "recently"; a year alone is kept.
func (p *planner) date(f Finding, action Action) string {
	v := f.Date
	if action == Redact {
		if f.Type == "time" {
			return "[time]"
		}
		return "[date]"
	}
	lower := strings.ToLower(f.Text)
	switch f.Type {
	case "season", "holiday", "decade", "year":
		// A year is allowed by Safe Harbor; a season, holiday or decade says
		// less than a year does.
		return f.Text
	case "duration":
		return roughDuration(f.Date)
	case "weekday", "relative":
		if f.Type == "weekday" && strings.ContainsAny(f.Text, "0123456789") {
			// "Tuesday the 10th" names a day of the month: keep the weekday
			// only ("a Tuesday").
			return "a " + weekdayIn(f.Text)
		}
		return p.afterPreposition(f.Start, relativeDate(f.Text, lower))
	}
	if v == nil {
		if f.Type == "time" {
			return "[time]"
		}
		return "[date]"
	}
	if v.Relative {
		return p.afterPreposition(f.Start, relativeDate(f.Text, lower))
	}
	switch {
	case v.Month == 0 && v.Year != 0 && v.Day == 0:
		return strconv.Itoa(v.Year)
	case v.Month == 0:
		return "[date]"
	}
	year := v.Year
	if year == 0 {
		year = 2001 // any non-leap year; the year is not printed
	}
	if action == Generalise {
		if v.Year != 0 {
			return fmt.Sprintf("%s %d", time.Month(v.Month), v.Year)
		}
		return time.Month(v.Month).String()
	}
	if v.Day == 0 {
		// A month alone moves with the site's shift, from its middle, so
		// that "in May ... on May 23" stay in step.
		t := time.Date(year, time.Month(v.Month), 15, 12, 0, 0, 0, time.UTC).AddDate(0, 0, p.shiftDays())
		if v.Year != 0 {
			return fmt.Sprintf("%s %d", t.Month(), v.Year)
		}
		return t.Month().String()
	}
	t := time.Date(year, time.Month(v.Month), v.Day, 12, 0, 0, 0, time.UTC).AddDate(0, 0, p.shiftDays())
	if m := numericDateRE.FindStringSubmatch(strings.TrimSpace(f.Text)); m != nil {
		return numericDate(m, t)
	}
	return writtenDate(f.Text, t, v.Year)
}

// dayFirstRE matches a written date that puts the day first: "6 February
// 2024", "3rd March", "the 3rd of March".
var dayFirstRE = regexp.MustCompile(`(?i)^(the\s+)?\d{1,2}(st|nd|rd|th)?(\s+of)?\s`)

// writtenDate writes t in the order and style of the original written date
// orig ("the 3rd of March" -> "the 1st of April", "6 February 2024" -> "26
// May 2024", "March 3, 2021" -> "April 1, 2021"), with year kept when
// given (0: none).
func writtenDate(orig string, t time.Time, year int) string {
	m := dayFirstRE.FindStringSubmatch(strings.TrimSpace(orig))
	if m == nil {
		if year == 0 {
			return fmt.Sprintf("%s %d", t.Month(), t.Day())
		}
		return fmt.Sprintf("%s %d, %d", t.Month(), t.Day(), year) // only month and day move
	}
	day := strconv.Itoa(t.Day())
	if m[2] != "" {
		day += ordinalSuffix(t.Day())
	}
	out := day + " " + t.Month().String()
	if m[3] != "" {
		out = day + " of " + t.Month().String()
	}
	if m[1] != "" {
		out = m[1] + out
	}
	if year != 0 {
		out += " " + strconv.Itoa(year)
	}
	return out
}

// ordinalSuffix is the English ordinal ending of n: "st", "nd", "rd", "th".
func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// roughDuration generalises the length of a sentence or term served, which
// court reports and case studies give exactly: "14 years" -> "over ten
// years", "6 months" -> "some months". The recognizer reads the length.
func roughDuration(v *DateValue) string {
	if v == nil {
		return "some time"
	}
	switch v.Unit {
	case "year":
		switch n := v.Length; {
		case n >= 10:
			return "over ten years"
		case n >= 5:
			return "several years"
		case n >= 2:
			return "a few years"
		}
		return "about a year"
	case "month":
		return "some months"
	case "week":
		return "some weeks"
	}
	return "some days"
}

// weekdayIn returns the weekday named in text, as written.
func weekdayIn(text string) string {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if name := d.String(); strings.EqualFold(w, name) || len(w) >= 3 && strings.EqualFold(w, name[:3]) {
				return w
			}
		}
	}
	return "day"
}

// relativeDate softens a date relative to the time of writing ("last
// Tuesday" -> "recently", "tomorrow" -> "soon"); an interval between two
// events ("eleven days later") and a bare weekday say nothing of when, and
// are kept.
func relativeDate(text, lower string) string {
	for _, w := range []string{"later", "after", "before", "earlier", "prior", "following"} {
		if strings.Contains(lower, w) {
			return text
		}
	}
	if strings.Contains(lower, "ago") {
		return agoPhrase(text, lower)
	}
	for _, w := range []string{"tomorrow", "next", "coming", "tonight"} {
		if strings.Contains(lower, w) {
			return "soon"
		}
	}
	for _, w := range []string{"last", "ago", "yesterday", "past", "this", "today", "recent"} {
		if strings.Contains(lower, w) {
			return "recently"
		}
	}
	return text
}

// afterPreposition rewords a softened relative date that follows a
// preposition of time: "by last Tuesday" -> "by a recent date", not "by
// recently"; "until next week" -> "until a later date".
func (p *planner) afterPreposition(off int, r string) string {
	if r != "recently" && r != "soon" {
		return r
	}
	_, w := wordBefore(p.doc.Text, off)
	switch strings.ToLower(w) {
	case "by", "until", "till", "since", "before", "after", "on", "from", "for":
		if r == "soon" {
			return "a later date"
		}
		return "a recent date"
	}
	return r
}

// agoPhrase softens "N units ago" to what Safe Harbor lets stand: a year
// is no protected element, so "two years ago" stays; "four months ago"
// becomes "some months ago", "three weeks ago" "some weeks ago", and days
// or hours "recently".
func agoPhrase(text, lower string) string {
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		switch strings.TrimSuffix(w, "s") {
		case "year", "yr", "decade", "century":
			return text
		case "month", "mo":
			if w == "month" || w == "mo" {
				return "some weeks ago" // "a month ago"
			}
			return "some months ago"
		case "week", "wk":
			return "some weeks ago"
		}
	}
	return "recently"
}

// numericDate writes t in the numeric form of the original (m is a match of
// numericDateRE), keeping the original year.
func numericDate(m []string, t time.Time) string {
	pad := func(n int, like string) string {
		if len(like) == 2 && n < 10 {
			return fmt.Sprintf("0%d", n)
		}
		return strconv.Itoa(n)
	}
	if len(m[1]) == 4 { // year first: 2021-03-04
		return m[1] + m[2] + pad(int(t.Month()), m[3]) + m[4] + pad(t.Day(), m[5])
	}
	s := pad(int(t.Month()), m[1]) + m[2] + pad(t.Day(), m[3])
	if m[5] != "" {
		s += m[4] + m[5]
	}
	return s
}

// matchCase gives r the case pattern of orig: all upper, all lower, or as is.
func matchCase(orig, r string) string {
	hasLetter, allUpper, allLower := false, true, true
	for _, c := range orig {
		if unicode.IsLetter(c) {
			hasLetter = true
			if !unicode.IsUpper(c) {
				allUpper = false
			}
			if !unicode.IsLower(c) {
				allLower = false
			}
		}
	}
	switch {
	case !hasLetter || strings.HasPrefix(r, "["):
		return r
	case allUpper && utf8.RuneCountInString(orig) > 1:
		return strings.ToUpper(r)
	case allLower:
		return strings.ToLower(r)
	}
	return r
}

func isUpperWord(s string) bool {
	return s == strings.ToUpper(s) && s != strings.ToLower(s)
}

// shouting reports whether the line around off is written in capitals, as
// many clinical notes are. Each line is read once per text, however many
// findings it holds.
func (p *planner) shouting(off int) bool {
	if p.shoutLines == nil {
		p.shoutLines = shoutingLines(p.doc.Text)
	}
	i := sort.Search(len(p.shoutLines), func(i int) bool { return p.shoutLines[i].end >= off })
	return i < len(p.shoutLines) && p.shoutLines[i].shout
}

// shoutLine is one line of a text (end at its newline or the text's end)
// and whether it is written in capitals.
type shoutLine struct {
	end   int
	shout bool
}

func shoutingLines(text string) []shoutLine {
	var out []shoutLine
	for start := 0; ; {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		upper, letters := 0, 0
		for _, r := range text[start:end] {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		out = append(out, shoutLine{end: end, shout: letters > 0 && upper*10 >= letters*7})
		if end == len(text) {
			return out
		}
		start = end + 1
	}
}

// atSentenceStart reports whether off begins a sentence, a line or the text.
func atSentenceStart(text string, off int) bool {
	i := off
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '"' || text[i-1] == '*' || text[i-1] == '#') {
		i--
	}
	if i == 0 {
		return true
	}
	switch text[i-1] {
	case '\n', '.', '!', '?':
		return true
	}
	return false
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == '[' || n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func wordSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		m[strings.ToLower(w)] = true
	}
	return m
}
