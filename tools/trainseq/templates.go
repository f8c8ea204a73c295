package main

import (
	"bufio"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/veil-blog/veil/internal/deid/seqtag"
	"github.com/veil-blog/veil/internal/lexicon"
)

// templates are invented sentences in the three registers veil reads
// (practitioners' prose, clinical notes in capitals, comments and posts),
// with slots: {F} a first name, {L} a surname, {W} a surname that is also
// an everyday word, {I} an initial and its full stop, {C} a town, {O} an
// organisation's name word, {f}, {l} and {w} the same in lower case. Each
// slot is labelled; the words around are not, and slots of a name joined by
// one space or hyphen make one name.
var templateSet = []string{
	// Prose.
	"I first met {F} {L} at the day centre in {C}, where her son {F} worked.",
	"My client {F} told me she had moved from {C} to be near her sister.",
	"Last week {F} and I spoke about the move; Dr. {L} joined us later.",
	"{F}'s daughter drove up from {C} on Sunday.",
	"We referred him to {O} Family Services in {C}.",
	"She had worked at {O} Hospital for twenty years before the fall.",
	"Mrs {L} asked whether {F} could stay until Friday.",
	"As a counsellor in {C} I see this often.",
	"Her husband, {F} {L}, rang the office twice.",
	"The team at {O} House were kind to {F}.",
	"When {F} came to the group, he said little.",
	"Supervision with {F} {L} helped me to see it.",
	// Clinical notes.
	"PT SEEN BY DR {L}. FAMILY IN TO VISIT. SON {F} AWARE OF PLAN.",
	"TRANSFERRED FROM {O} HOSPITAL IN {C} FOR FURTHER CARE.",
	"DAUGHTER {F} CALLED, UPDATED BY RN. DR {L} AWARE.",
	"Pt seen by Dr. {L}, plan discussed with wife {F}.",
	"Transferred from {O} Medical Center, {C}. Family at bedside.",
	"Spoke with {F} {L} (HCP) re: goals of care.",
	"Pt's sister {F} from {C} will visit tomorrow.",
	"NP {L} notified of BP 88/40.",
	// Notes: the sorts of names clinical notes write that the rules and the
	// other templates miss. A title before a surname that is also a word;
	// a title in lower case; an initial and a surname in capitals; a kin
	// word before a first name in lower case; a hyphenated surname whose
	// second part is in lower case.
	"Dr. {W} in to see pt, aware of labs.",
	"per dr. {w}'s order, lasix held tonight.",
	"Nurse {W} covering for the night shift.",
	"MD {W} paged re: low u/o, will recheck in 1 hr.",
	"{I} {W} IN TO SEE PT. PLAN UNCHANGED.",
	"{I} {L} AWARE OF K 3.1, REPLETED.",
	"DR {W} SPOKE WITH FAMILY AT BEDSIDE.",
	"SEEN BY DR {L}-{L} THIS AM, NO NEW ORDERS.",
	"dtr {f} visited this afternoon, updated on plan.",
	"son {f} called, will come in tomorrow.",
	"wife {f} at bedside, questions answered.",
	"pt's sister {f} in this eve, very supportive.",
	"Case discussed with Dr. {L}-{l}, will f/u in am.",
	"Seen by {I} {W}, RN; no new orders.",
	"plan reviewed w/ dr {l} and team.",
	// Comments and posts.
	"omg {F} you are the best lol",
	"{f} {l} is so funny haha",
	"Thanks {F}! Great post as always.",
	"just landed in {C} #travel",
	"me and {F} at the {O} game tonight!!",
	"@{f}{l} see you in {C} next week",
	"{F} {L} for president lol",
	"RT if you love {C} #{C}",
	"Great interview with {F} {L} on the radio this morning",
	"happy birthday {F}!! love you",
	// No names.
	"I hope you are well and that the new year is kind to you.",
	"PT RESTING COMFORTABLY. NO CHANGES TO PLAN.",
	"Writing this made me think of my own practice.",
	"Could you come to the meeting on Monday?",
	"The Court of Appeal dismissed the appeal.",
	"Share this: Email, Print, Copy link",
}

// templates fills the templates n times with names drawn from the
// lexicons' data files, by a fixed seed.
func templates(lex *lexicon.Lexicon, n int) []doc {
	first := column("first_names.tsv.gz", func(f []string) bool {
		a, _ := strconv.Atoi(f[1])
		b, _ := strconv.Atoi(f[2])
		return a+b >= 20000
	})
	last := column("surnames.tsv.gz", func(f []string) bool { r, _ := strconv.Atoi(f[1]); return r <= 30000 })
	// Surnames that are also everyday words (a few hundred of the commonest
	// surnames), for the titles notes put before them.
	var wordLast []string
	for _, l := range last {
		if lv, ok := lex.WordLevel(l); ok && lv <= 35 {
			wordLast = append(wordLast, l)
		}
	}
	towns := column("places.tsv.gz", func(f []string) bool {
		p, _ := strconv.Atoi(f[4])
		return p >= 20000 && !strings.ContainsAny(f[0], "'’-")
	})
	rng := rand.New(rand.NewPCG(3, 4))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	title := func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var out []doc
	for k := 0; k < n; k++ {
		t := templateSet[k%len(templateSet)]
		caps := strings.ToUpper(t) == t
		var b strings.Builder
		var spans []seqtag.Span
		for i := 0; i < len(t); {
			if t[i] != '{' {
				b.WriteByte(t[i])
				i++
				continue
			}
			end := strings.IndexByte(t[i:], '}') + i
			slot := t[i+1 : end]
			i = end + 1
			var w, kind string
			switch slot {
			case "F", "f":
				w, kind = title(pick(first)), "PER"
			case "L", "l":
				w, kind = title(pick(last)), "PER"
			case "W", "w":
				w, kind = title(pick(wordLast)), "PER"
			case "I":
				w, kind = string(rune('A'+rng.IntN(26)))+".", "PER"
			case "C":
				w, kind = pick(towns), "LOC"
			case "O":
				w, kind = title(pick(last)), "ORG"
			}
			if slot == "f" || slot == "l" || slot == "w" {
				w = strings.ToLower(w)
			}
			if caps {
				w = strings.ToUpper(w)
			}
			start := b.Len()
			b.WriteString(w)
			// Slots of a name one space or hyphen apart make one name.
			if n := len(spans); n > 0 && spans[n-1].Kind == kind && spans[n-1].End+1 == start && kind == "PER" {
				spans[n-1].End = b.Len()
				continue
			}
			spans = append(spans, seqtag.Span{Start: start, End: b.Len(), Kind: kind})
		}
		out = append(out, doc{source: "templates", group: strconv.Itoa(k), fold: -1, text: b.String(), spans: spans})
	}
	return out
}

// column reads the first column of a lexicon data file, keeping rows keep
// accepts; the rows come sorted, so the result is the same on every run.
func column(name string, keep func(f []string) bool) []string {
	f, err := os.Open(filepath.Join("internal", "lexicon", "data", name))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		panic(err)
	}
	var out []string
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) >= 2 && keep(fs) {
			out = append(out, fs[0])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
