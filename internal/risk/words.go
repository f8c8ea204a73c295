package risk

// Closed-class words and cue words of English that the detail finders read. Each list is a
// pattern of the language (pronouns, articles, prepositions, the words that make a phrase
// unique), not a list of examples.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	femaleWords = set("she", "her", "hers", "herself", "woman", "girl", "mother", "daughter", "wife",
		"sister", "grandmother", "aunt", "niece", "widow", "mum", "mom", "lady", "women's")
	maleWords = set("he", "him", "his", "himself", "man", "boy", "father", "son", "husband", "brother",
		"grandfather", "uncle", "nephew", "widower", "dad", "gentleman", "men's")
	// thirdPerson are words that refer to one person the post describes.
	thirdPerson = set("he", "she", "him", "her", "his", "hers", "himself", "herself")
	firstPerson = set("i", "we", "me", "my", "our", "us", "myself", "ourselves")
	// personNouns name a person without saying their occupation.
	personNouns = set("person", "man", "woman", "boy", "girl", "child", "kid", "baby", "teenager",
		"adult", "client", "patient", "resident", "member", "survivor", "athlete", "player", "winner",
		"student", "pupil", "veteran", "mother", "father", "son", "daughter", "wife", "husband",
		"parent", "widow", "widower", "one", "individual", "citizen", "native", "local", "someone",
		"grandmother", "grandfather", "brother", "sister", "twin", "refugee", "immigrant", "family",
		"couple", "household")
	articles     = set("a", "an")
	determiners  = set("the", "our", "their", "its", "this", "that")
	copulas      = set("is", "was", "s", "been", "became", "becomes", "be", "being", "are", "were")
	prepositions = set("to", "with", "from", "by", "for", "at", "about", "into", "onto", "towards", "toward", "like", "than")
	negations    = set("not", "never", "no", "nor", "hardly")
	// genericCues before a condition make it a topic, not someone's diagnosis
	// ("people with", "families living with", "information on").
	genericCues = set("people", "families", "those", "anyone", "patients", "children", "adults",
		"kids", "everyone", "many", "most", "some", "often", "about", "on", "common", "rates",
		"prevalence", "research", "awareness", "screening", "symptoms", "signs", "treatment",
		"treatments", "understanding")
	// uniqueMarkers make a description fit one person ("the only", "the first").
	uniqueMarkers = set("only", "first", "last", "oldest", "youngest", "sole", "lone", "tallest",
		"shortest", "heaviest", "richest", "wealthiest", "fastest", "strongest", "longest")
	// scopeWords say within what a unique description is unique: a community or larger.
	scopeWords = set("town", "city", "village", "county", "state", "country", "nation", "world",
		"school", "club", "island", "community", "region", "history", "ever",
		"district", "parish", "tribe", "league", "sport", "valley", "province", "reservation",
		"neighbourhood", "neighborhood", "street", "estate", "college", "university", "unit",
		"congregation", "church", "parish")
	distinctionWords = map[string]float64{
		// A distinction few hold: about 10,000 living US Olympians in 342 million; medal
		// and record holders and national champions perhaps ten times as many.
		"olympian": 3e-5, "olympians": 3e-5, "olympic": 3e-5, "olympics": 3e-5, "paralympian": 3e-5,
		"paralympic": 3e-5, "paralympics": 3e-5, "medal": 3e-4, "medals": 3e-4, "medallist": 3e-4,
		"medalist": 3e-4, "champion": 3e-4, "championship": 1e-3, "trophy": 1e-3, "title": 0,
	}
	wonObjects = set("medal", "title", "championship", "trophy", "cup", "prize", "award", "pageant",
		"race", "election", "competition", "tournament", "contest", "final", "gold", "silver", "bronze")
	// smallEvents touch a handful of people; largeEvents many.
	smallEvents = set("fire", "crash", "accident", "shooting", "stabbing", "drowning", "explosion",
		"derailment", "collapse", "blaze", "rescue", "murder", "attack", "collision")
	largeEvents = set("flood", "floods", "hurricane", "tornado", "earthquake", "wildfire", "election",
		"final", "games", "olympics", "marathon", "strike", "storm", "blizzard", "riot", "parade",
		"festival", "regatta", "tournament", "championship", "championships", "cup")
	mediaCues = [][]string{
		{"local", "paper"}, {"the", "paper"}, {"newspaper"}, {"on", "the", "news"}, {"on", "tv"},
		{"on", "television"}, {"went", "viral"}, {"ran", "a", "piece"}, {"ran", "a", "story"},
		{"ran", "a", "feature"}, {"interviewed", "by"}, {"headlines"}, {"documentary"},
		{"front", "page"}, {"news", "story"}, {"press"}, {"on", "the", "radio"},
		{"celebrity"}, {"public", "figure"}, {"household", "name"},
	}
	// viralCues: something about the person was seen by a great many people and can be
	// found again by searching.
	viralCues = [][]string{{"went", "viral"}, {"gone", "viral"}, {"go", "viral"}, {"million", "views"},
		{"millions", "of", "views"}, {"shared", "two", "million"}, {"million", "times"}}
	numberWords = map[string]int{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90,
	}
	decadeWords = map[string]int{"teens": 10, "twenties": 20, "thirties": 30, "forties": 40,
		"fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
	// approx words may stand before a stated number; settlements are what it counts.
	approx      = set("about", "around", "roughly", "just", "only", "barely", "under", "fewer", "than", "some", "nearly", "almost", "over")
	settlements = set("town", "village", "hamlet", "community", "island", "settlement", "township", "parish", "reservation", "population")
	// classPreps introduce the class a superlative compares within ("the only ... in ...").
	classPreps = set("in", "of", "from", "on", "at", "across", "throughout", "among", "for")
	// roleModifiers may stand between "the" and a role: "the former mayor".
	roleModifiers = set("former", "late", "current", "new", "retired", "longtime", "interim", "acting")
	// speechCues make a word that names both a people and a language the language.
	speechCues = set("speaks", "spoke", "speak", "speaking", "in", "fluent", "only", "language",
		"speaker", "speakers", "interpreter", "translator", "sign")
	// multiples: the share of people born a twin, triplet... (CDC NVSS: twins about 3% of
	// births; triplets and more about 1 in 12,000; quintuplets a handful a year).
	multiples = map[string]float64{"twin": 0.03, "twins": 0.03, "triplet": 8e-5, "triplets": 8e-5,
		"quadruplets": 5e-6, "quadruplet": 5e-6, "quintuplets": 3e-7, "quintuplet": 3e-7,
		"sextuplets": 5e-8, "sextuplet": 5e-8,
		// Conjoined twins: about 1 in 50,000 to 200,000 births, most not surviving
		// (Mutchinick et al., Am J Med Genet C 2011).
		"conjoined": 5e-6}
	// childWords count someone's children; a number of grandchildren is not the same
	// statistic, and is common among older people.
	// eponymHeads follow a name to make the name of a disorder ("<Name> disease").
	eponymHeads = set("disease", "syndrome", "anomaly", "dystrophy", "palsy", "sequence")
	childWords  = set("children", "kids", "sons", "daughters", "child", "son", "daughter")
	parentWords = set("mother", "father", "parent", "mum", "mom", "dad")
)

// Closed classes a word may be in, read once per word of a text (token.cls) instead of
// one map lookup per class and finder.
const (
	clsThird uint32 = 1 << iota
	clsPersonNoun
	clsArticle
	clsDeterminer
	clsUnique
	clsParent
	clsChild
	clsMultiple
	clsSmallEvent
	clsLargeEvent
	clsSex
	clsCueStart // the first word of a media or viral cue
	clsCopula
	clsPreposition
	clsDistinction // a key of distinctionWords
	clsRoleModifier
	clsNumberWord // a key of numberWords
	clsAgeCue     // a word ageAt reads an age after (besides numbers)
	// clsDistinctionCue: a word distinctions reads besides distinctionWords ("won",
	// "record", "played").
	clsDistinctionCue
	clsEponymHead
	clsSpeechCue
	clsAuthor   // "i", "we": the author (newFinder's first-person clauses, markAuthor)
	clsAsOrOf   // "as", "of" (markAuthor)
	clsCueOne   // a media or viral cue of one word
	clsCueNext  // the second word of a media or viral cue
	clsAgeOwner // "her", "his", "their": ageAt reads a decade after them only after "in"
)

// distinctionCues are the words besides distinctionWords at which distinctions reads one.
var distinctionCues = set("won", "wins", "win", "record", "played", "plays")

// cuesByFirst lists the viral and media cues by their first word, each in its list's order.
var cuesByFirst = func() map[string]struct{ viral, media [][]string } {
	m := map[string]struct{ viral, media [][]string }{}
	for _, c := range viralCues {
		e := m[c[0]]
		e.viral = append(e.viral, c)
		m[c[0]] = e
	}
	for _, c := range mediaCues {
		e := m[c[0]]
		e.media = append(e.media, c)
		m[c[0]] = e
	}
	return m
}()

// ageCues are the words (besides numbers) at which ageAt may read an age: "early
// thirties", "in her forties", "over 90", "teenage", "school age", "under 5", "between 5
// and 12", "born in".
var ageCues = set("early", "mid", "late", "her", "his", "their", "over", "teenage", "teenager", "teen",
	"school", "under", "between", "born")

// wordClasses maps a word to its classes.
var wordClasses = func() map[string]uint32 {
	m := map[string]uint32{}
	for _, c := range []struct {
		cls   uint32
		words map[string]bool
	}{{clsThird, thirdPerson}, {clsPersonNoun, personNouns}, {clsArticle, articles}, {clsDeterminer, determiners},
		{clsUnique, uniqueMarkers}, {clsParent, parentWords}, {clsChild, childWords}, {clsSmallEvent, smallEvents},
		{clsLargeEvent, largeEvents}, {clsSex, femaleWords}, {clsSex, maleWords}, {clsCopula, copulas},
		{clsPreposition, prepositions}, {clsRoleModifier, roleModifiers}, {clsAgeCue, ageCues},
		{clsDistinctionCue, distinctionCues}, {clsEponymHead, eponymHeads}, {clsSpeechCue, speechCues},
		{clsAuthor, set("i", "we")}, {clsAsOrOf, set("as", "of")}, {clsAgeOwner, set("her", "his", "their")}} {
		for w, in := range c.words {
			if in {
				m[w] |= c.cls
			}
		}
	}
	for _, cues := range [][][]string{mediaCues, viralCues} {
		for _, cue := range cues {
			m[cue[0]] |= clsCueStart
			if len(cue) == 1 {
				m[cue[0]] |= clsCueOne
			} else {
				m[cue[1]] |= clsCueNext
			}
		}
	}
	for w := range distinctionWords {
		m[w] |= clsDistinction
	}
	for w := range numberWords {
		m[w] |= clsNumberWord
	}
	for w, share := range multiples {
		if share > 0 {
			m[w] |= clsMultiple
		}
	}
	return m
}()

// wordClassBits has bit hashBytes(w)%4096 set for every word w of wordClasses: a new word
// of a document whose bit is clear has no classes, without a lookup of the map.
var wordClassBits = func() (b [64]uint64) {
	for w := range wordClasses {
		h := hashBytes([]byte(w)) & 4095
		b[h>>6] |= 1 << (h & 63)
	}
	return b
}()

// classesOf is wordClasses[key], where h is hashBytes of key.
func classesOf(key string, h uint32) uint32 {
	if wordClassBits[(h&4095)>>6]&(1<<(h&63)) == 0 {
		return 0
	}
	return wordClasses[key]
}
