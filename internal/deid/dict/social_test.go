package dict

import (
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

func TestLowerCaseNames(t *testing.T) {
	runKindCases(t, []kindCase{
		// A first name and a surname in lower case, in any text.
		{"to wake and wean per carol wolfe today", deid.Person, "wolfe", true},
		{"eva kleist lives at the end of the road", deid.Person, "kleist", true},
		// A first name before an ordinary word is not a pair.
		{"the grace period ended today", deid.Person, "grace", false},
		{"we will start the drip", deid.Person, "will", false},
		// A first name alone in a text written in lower case.
		{"i was like stop dancing before crissy wakes up", deid.Person, "crissy", true},
		// In a text written with capitals, only a first name in no word
		// list, or one with a cue.
		{"I was like, stop dancing before crissy wakes up, said Tom at Home Depot.", deid.Person, "crissy", true},
		{"I was like, stop dancing before the grace period ends, said Tom.", deid.Person, "grace", false},
		// Not a first name that is an ordinary word.
		{"i was like stop dancing before the dawn wakes up", deid.Person, "dawn", false},
		// A compound of ordinary words after a kin word, as a tag list is written, is no
		// name; a name in no list after one still is.
		{"tags: [sister, long-walks]", deid.Person, "long-walks", false},
		{"my cousin zorbelline came too lol", deid.Person, "zorbelline", true},
	})
}

func TestCoordinatedNames(t *testing.T) {
	runKindCases(t, []kindCase{
		{"Dzhabrailov, Lindqvist and Odette Marchand signed it.", deid.Person, "Dzhabrailov", true},
		{"Dzhabrailov, Lindqvist and Odette Marchand signed it.", deid.Person, "Lindqvist", true},
		{"Odette Marchand and Nekolna were engineers.", deid.Person, "Nekolna", true},
		{note + "LIA MORO AND DRS FENTON AND ABERNATHY AWARE.", deid.Person, "ABERNATHY", true},
		{note + "LIA MORO AND DRS FENTON AND ABERNATHY AWARE.", deid.Person, "MORO", true},
		{"wow emma and kaite is so very cute", deid.Person, "kaite", true},
		// No list without a name in it, and ordinary words stay out.
		{"The authors are Dufresnay, Holloway and Pratt.", deid.Person, "authors", false},
		{"I met Odette Marchand and Cooking Club friends.", deid.Person, "Cooking", false},
		{"We visited Vienna and Odette Marchand.", deid.Person, "Vienna", false},
		{note + "LASIX AND HEPARIN GIVEN.", deid.Person, "HEPARIN", false},
	})
}

func TestSocialPlaces(t *testing.T) {
	runKindCases(t, []kindCase{
		{"candidacy for premier http://t.co/x #Peru", deid.Place, "Peru", true},
		{"Thats #Groningen right", deid.Place, "Groningen", true},
		{"and it's flights to la trips to paris", deid.Place, "paris", true},
		// A hashtag that is an ordinary word or a first name is not a place.
		{"what a day #Reading #love", deid.Place, "Reading", false},
		{"so proud of you #Emma", deid.Place, "Emma", false},
		// Lower case without a place word, or in a text with capitals.
		{"paris is my name and i like it", deid.Place, "paris", false},
		{"We talked to Tom about going to paris in May.", deid.Place, "paris", false},
	})
}

func TestLowerSurnameAfterFirstName(t *testing.T) {
	runKindCases(t, []kindCase{
		{"I'm getting a garbage, Brenna pemberton feel... I love it", deid.Person, "pemberton", true},
		{"is that Fausto bellomi?", deid.Person, "bellomi", true},
		// An ordinary word after a first name stays a word.
		{"We met Grace today and Emma stone walls.", deid.Person, "stone", false},
		{"Please ask Kylie tomorrow.", deid.Person, "tomorrow", false},
	})
}

func TestMiddleInitials(t *testing.T) {
	runKindCases(t, []kindCase{
		{"the codey m ross version recorded for them", deid.Person, "ross", true},
		{"leone mazzi | nurse", deid.Person, "mazzi", true},
		{"We met Odette A Kowalczyk today.", deid.Person, "Kowalczyk", true},
		{"We met Odette A Kowalczyk today.", deid.Person, "A", true},
		// "A" before an ordinary word, and a lower-case letter before one.
		{"Then Martim A Book came out.", deid.Person, "Book", false},
		{"give carol a hand", deid.Person, "hand", false},
	})
}

func TestLowerSurnameAfterCue(t *testing.T) {
	runKindCases(t, []kindCase{
		{note + "pt admits to psych nurse leslie kiezulas that she uses", deid.Person, "kiezulas", true},
		{note + "support was given by pat rixford and chaplain", deid.Person, "rixford", true},
		// After the first name an ordinary word is not a surname.
		{note + "pt admits to psych nurse leslie today that she uses", deid.Person, "today", false},
		{note + "pat dry and apply dressing", deid.Person, "dry", false},
	})
}

func TestStretched(t *testing.T) {
	for w, want := range map[string]bool{"hahahaha": true, "sooo": true, "lololol": true, "kiezulas": false, "renallo": false, "anna": false} {
		if got := stretched(w); got != want {
			t.Errorf("stretched(%q) = %v, want %v", w, got, want)
		}
	}
	runKindCases(t, []kindCase{{"omg Mariah hahahahahaha", deid.Person, "hahahahahaha", false}})
}

func TestLowerHospitals(t *testing.T) {
	runKindCases(t, []kindCase{
		{note + "he is an rn, works at harford memorial.", deid.Place, "harford", true},
		{note + "arrived from franklin square hosp via medflight", deid.Place, "square", true},
		{note + "arrived via amb from kernan ew for eval", deid.Place, "kernan", true},
		// Ordinary and clinical words before a hospital word are not names.
		{note + "arrived from outside hosp via medflight", deid.Place, "outside", false},
		{note + "was at the general hospital", deid.Place, "general", false},
		// Not outside a clinical note.
		{"she works at harford memorial now", deid.Place, "harford", false},
	})
}

func TestStateCodes(t *testing.T) {
	runKindCases(t, []kindCase{
		{"victims of an alleged predator from SC say", deid.Place, "SC", true},
		{"Damn so you were in WI? Thats where we are from.", deid.Place, "WI", true},
		// Codes that are words, and codes without a place word.
		{"we live in OR near the coast", deid.Place, "OR", false},
		{"the SC game was great", deid.Place, "SC", false},
		{note + "Pt came from MD office", deid.Place, "MD", false},
	})
}

func TestStateCodeNotInNotes(t *testing.T) {
	runKindCases(t, []kindCase{{"Back from CT, hr stable.", deid.Place, "CT", false}})
}

func TestUnknownPlaceBeforePeriod(t *testing.T) {
	runKindCases(t, []kindCase{
		{"It is a design agency based in HOLLERSBACHTAL.", deid.Place, "HOLLERSBACHTAL", true},
		{"He grew up in Okeechobee.", deid.Place, "Okeechobee", true},
		{"She works in Dept. of Health.", deid.Place, "Dept", false},
		{"It was in Jan. last year.", deid.Place, "Jan", false},
	})
}

func TestHashtagNames(t *testing.T) {
	runKindCases(t, []kindCase{
		// A first name and a surname in camel case, after a prefix too.
		{"so sad today #RIPMarthaKowalczyk", deid.Person, "RIPMarthaKowalczyk", true},
		{"the hearing is on #BrendaWinter", deid.Person, "BrendaWinter", true},
		// A phrase of ordinary words, or a common word for a first name.
		{"good times #MarkMyWords", deid.Person, "MarkMyWords", false},
		{"good times #GamesWithFriends", deid.Person, "GamesWithFriends", false},
		// A well-known place inside a camel-case hashtag.
		{"our run is next week #VisitRotterdamNow", deid.Place, "VisitRotterdamNow", true},
		{"flags everywhere #PrayForNepal", deid.Place, "PrayForNepal", true},
		{"good night #LoveReadingBooks", deid.Place, "LoveReadingBooks", false},
		{"see you at the show #UK", deid.Place, "UK", true},
	})
}

func TestLowerCaseNamesInMixedText(t *testing.T) {
	runKindCases(t, []kindCase{
		// A strong first name before a frequent surname that is a word too.
		{"I think paul walker was the best of them", deid.Person, "walker", true},
		{"I think kevin said it was the best of them", deid.Person, "said", false},
		{"Yesterday the ed committee met again", deid.Person, "committee", false},
		// Cues: a greeting, "name is", a possessive.
		{"Great video, thanks obama!", deid.Person, "obama", true},
		{"My name is tavisha and I love this", deid.Person, "tavisha", true},
		{"Watch rohan's face at the end", deid.Person, "rohan", true},
		{"Great video, thanks guys!", deid.Person, "guys", false},
		// Chat words are not names, in capitals either.
		{"Im so done with this LOL", deid.Person, "Im", false},
	})
}

func TestSocialLowerPlaces(t *testing.T) {
	runKindCases(t, []kindCase{
		// A state or country of two words in lower case, anywhere.
		{"greetings from abq new mexico!", deid.Place, "mexico", true},
		// A compass word before a known place.
		{"we moved out to east portland last year", deid.Place, "portland", true},
		{"we sat on the east side of it", deid.Place, "side", false},
		// A venue named in lower case after a place word.
		{"i go to willowmere academy in town", deid.Place, "willowmere", true},
		{"quiz night in jubilee hotel Cardross tonight", deid.Place, "Cardross", true},
		{"she hated boarding school so much", deid.Place, "boarding", false},
		{"i went to high school there", deid.Place, "high", false},
		// Two capitals: a country in a sentence, a state in parentheses.
		{"strong inflows and weak UK retail data today", deid.Place, "UK", true},
		{"repairs on Main Ave (NY) tonight", deid.Place, "NY", true},
		{"call ME when you can", deid.Place, "ME", false},
	})
}

func TestSocialMoreNamesAndPlaces(t *testing.T) {
	runKindCases(t, []kindCase{
		// A frequent first name that is also a word, capitalised after a
		// lower-case word in a comment, or opening an address.
		{"happy birthday to you Amber, we love you", deid.Person, "Amber", true},
		{"Lily I love your videos so much", deid.Person, "Lily", true},
		{"I love the Amber glow of it", deid.Person, "Amber", false},
		{"Will I ever see it again?", deid.Person, "Will", false},
		// Lower-case countries that are no common word, in a comment.
		{"see you soon ~ portugal!!", deid.Place, "portugal", true},
		{"we ate turkey and pie", deid.Place, "turkey", false},
		// Interstates and place prefixes in hashtags.
		{"Lane closed on I-80 near exit 4", deid.Place, "80", true},
		{"tides at #LochGlendhu today", deid.Place, "LochGlendhu", true},
	})
}

func TestSentenceOpeningNames(t *testing.T) {
	runKindCases(t, []kindCase{
		// A first name opening a sentence before a surname, even one that
		// is also a small place; a particle between name words.
		{"Ted Kowalczyk and Rod Haskell are endorsing him.", deid.Person, "Ted", true},
		{"Louis van Kesteloot has agreed a deal.", deid.Person, "van", true},
		// A word in no list after a greeting.
		{"thank you Stephiya! I miss you too", deid.Person, "Stephiya", true},
		// An ordinary sentence start.
		{"Will Power be enough?", deid.Person, "Will", false},
	})
}

func TestLowerNamesThatAreWords(t *testing.T) {
	runKindCases(t, []kindCase{
		// A frequent surname that is also a less common word, in a comment.
		{"Was it you or mason who said that?", deid.Person, "mason", true},
		{"the street on Cottonwick road was free", deid.Place, "Cottonwick", true},
		// Not after a determiner or a form of "be".
		{"when I'm rich I'll have a butler, lol", deid.Person, "butler", false},
		{"the hood latch broke again lol", deid.Person, "hood", false},
	})
}

func TestCapitalisedWordNamesInComments(t *testing.T) {
	runKindCases(t, []kindCase{
		{"if you support Mason you are wrong lol", deid.Person, "Mason", true},
		{"i love the Mason jar i bought lol", deid.Person, "Mason", false},
	})
}

func TestCommentAddresses(t *testing.T) {
	runKindCases(t, []kindCase{
		{"hangwezi u see now!!! next time dont rush", deid.Person, "hangwezi", true},
		{"Well, THANKS KOWALCZYK! :D", deid.Person, "KOWALCZYK", true},
		{"lol you are so funny", deid.Person, "lol", false},
		{note + "THIS EVENING LASIX DOSE GIVEN EARLY.", deid.Person, "LASIX", false},
	})
}

func TestFanAndLookalikeCues(t *testing.T) {
	runKindCases(t, []kindCase{
		{"im a minecraft gamer and zorvik fan so i know", deid.Person, "zorvik", true},
		{"He looks like tavrenko lol", deid.Person, "tavrenko", true},
		{"i am a big pop fan so i know", deid.Person, "pop", false},
		{"He looks like crap lol", deid.Person, "crap", false},
	})
}

func TestCamelParts(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"RIPJohnnyWinter", "RIP|Johnny|Winter"},
		{"DonaldSterling", "Donald|Sterling"},
		{"VoteUKMahomies", "Vote|UK|Mahomies"},
		{"houston", "houston"},
		{"KCA", "KCA"},
		{"6thFan", ""},
	} {
		if got := strings.Join(camelParts(c.in), "|"); got != c.want {
			t.Errorf("camelParts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKinAndFollowCuesInTweets(t *testing.T) {
	runKindCases(t, []kindCase{
		{"Happy Birthday to my cousin zizibarrow!!!", deid.Person, "zizibarrow", true},
		{"follow quendolyn now for more", deid.Person, "quendolyn", true},
		{"follow me now for more", deid.Person, "me", false},
		{"Patient reintubated for placement of an oral airway.", deid.Person, "reintubated", false},
	})
}

func TestSingleNameHashtags(t *testing.T) {
	runKindCases(t, []kindCase{
		{"what a game tonight #Kowalczyk", deid.Person, "Kowalczyk", true},
		{"what a game tonight #Winning", deid.Person, "Winning", false},
	})
}

func TestCheckInPlaces(t *testing.T) {
	runKindCases(t, []kindCase{
		// A check-in: the venue, its acronym and "(City, XX)".
		{"I'm at Escola Estadual do Carmo (EEC) - @escolacarmo (Pelotas, RS) http://t.co/abc", deid.Place, "Estadual do Carmo", true},
		{"I'm at Escola Estadual do Carmo (EEC) - @escolacarmo (Pelotas, RS) http://t.co/abc", deid.Place, "EEC", true},
		{"I'm at Escola Estadual do Carmo (EEC) - @escolacarmo (Pelotas, RS) http://t.co/abc", deid.Place, "RS", true},
		{"I'm at Padaria Sol Nascente - @padariasol", deid.Place, "Sol Nascente", true},
		{"I'm at Padaria Sol Nascente in Belo Horizonte, MG", deid.Place, "Sol Nascente", true},
		{"I'm at Gimnasio Lobato Norte (Lobato, SP)", deid.Place, "SP", true},
		// Not a check-in: more words follow, or the place is lower case.
		{"I'm at Home Depot buying paint for the fence", deid.Place, "Home Depot", false},
		{"I'm at work (again, ugh)", deid.Place, "work", false},
		// A parenthesised pair needs a code of two capitals.
		{"we talked (Kevin, honestly) all night", deid.Place, "Kevin", false},
		{"the report (Okafor, MD) was late", deid.Place, "MD", false},
		// A site before a comma and a known place; a venue after "at".
		{"Photos: Gullhaven Rock, Oregon is lovely", deid.Place, "Gullhaven Rock", true},
		{"Photos: Gullhaven Rock, honestly lovely", deid.Place, "Gullhaven Rock", false},
		{"Pizza at Bertolazzi's tonight", deid.Place, "Bertolazzi", true},
		{"Pizza at Mom's tonight", deid.Place, "Mom", false},
	})
}

func TestLowerSubjectNames(t *testing.T) {
	runKindCases(t, []kindCase{
		{"yo did you see that tiwalade is the best at this", deid.Person, "tiwalade", true},
		{"lol when cicibussey did that dance", deid.Person, "cicibussey", true},
		// An ordinary word, a chat word or no verb after it is no name.
		{"lol when money is tight we cry", deid.Person, "money", false},
		{"when tbh is used too much", deid.Person, "tbh", false},
		{"when cicibussey the great dance", deid.Person, "cicibussey", false},
	})
}

func TestPublicFigureNames(t *testing.T) {
	runKindCases(t, []kindCase{
		// A surname that is also a word, before the people who follow
		// a public figure, or opening a comment with a possessive.
		{"honestly not a Kasich supporter but he makes sense", deid.Person, "Kasich", true},
		{"lol are there any Pelosi fans here", deid.Person, "Pelosi", true},
		{"Pelosi's a stud lol", deid.Person, "Pelosi", true},
		// Ordinary words stay out.
		{"honestly not a Democrat supporter but they make sense", deid.Person, "Democrat", false},
		{"we had the Apple jokes again", deid.Person, "Apple", false},
		{"Today's a good day lol", deid.Person, "Today", false},
		// A sentence-opening clause word before a name in mid-sentence.
		{"If Roman made a new channel, i would watch it lol", deid.Person, "Roman", true},
		{"If Monday comes i will cry lol", deid.Person, "Monday", false},
	})
}

func TestSocialPlaceShapes(t *testing.T) {
	runKindCases(t, []kindCase{
		// A region code after a town.
		{"we should all go to Bundaberg, QLD", deid.Place, "QLD", true},
		{"Seen by R. Okafor, MD. Pain improved.", deid.Place, "MD", false},
		{"we should all go to Bundaberg, QLD Rail permitting", deid.Place, "QLD", false},
		// City abbreviations in capitals.
		{"finally moving to NYC next month", deid.Place, "NYC", true},
		{"LA Galaxy won again", deid.Place, "LA", false},
		// Compass regions after "the".
		{"storms moving to the Northeast tonight", deid.Place, "Northeast", true},
		{"the South won the vote", deid.Place, "South", false},
		// City wards and metro lines.
		{"all residents in Ward 12 are invited", deid.Place, "Ward 12", true},
		{"delays on the Blue Line this morning", deid.Place, "Blue Line", true},
		{"that is the bottom Line for me", deid.Place, "Line", false},
	})
}

func TestRareAbbrevNamesAndRareSubjects(t *testing.T) {
	runKindCases(t, []kindCase{
		// A name SCOWL knows as a rare abbreviation, in mid-sentence.
		{"the real question is why did Rose keep the dog lol", deid.Person, "Rose", true},
		// A rare word in no list as the subject of a clause.
		{"kiko is the best at this game lol", deid.Person, "kiko", true},
		{"lol wifi is the worst at this hotel", deid.Person, "wifi", false},
	})
}

func TestLowerSubjectNotBrands(t *testing.T) {
	runKindCases(t, []kindCase{
		{"minecraft is the best game lol", deid.Person, "minecraft", false},
		{"wifi is the worst at this hotel lol", deid.Person, "wifi", false},
		{"and netflix is so good lol", deid.Person, "netflix", false},
		{"and kiko is so good lol", deid.Person, "kiko", true},
		{"and thier is no way lol", deid.Person, "thier", false},
	})
}

func TestHonorificNames(t *testing.T) {
	runKindCases(t, []kindCase{
		{"rajesh sahab always gives the best advice", deid.Person, "rajesh sahab", true},
		{"thanks a lot verma ji", deid.Person, "verma ji", true},
		// An ordinary word before the honorific is no name.
		{"nice video bhai keep it up", deid.Person, "video", false},
	})
}

func TestLowerCityAbbrevs(t *testing.T) {
	runKindCases(t, []kindCase{
		{"i want to go to la so bad", deid.Place, "la", true},
		{"back in nyc yay", deid.Place, "nyc", true},
		{"hello from abq new mexico!", deid.Place, "abq", true},
		{"hay que ir a la playa", deid.Place, "la", false},
		{"pie a la mode lol", deid.Place, "la", false},
	})
}

func TestDottedCountries(t *testing.T) {
	runKindCases(t, []kindCase{
		{"moved to the U.S. last year", deid.Place, "U.S", true},
		{"if they try this in the U. S, they will regret it", deid.Place, "U. S", true},
		{"back in the U.K. now", deid.Place, "U.K", true},
		// Initials before a surname are a person's.
		{"a letter signed by U. S. Grant", deid.Place, "U. S", false},
	})
}

func TestCapitalVocatives(t *testing.T) {
	runKindCases(t, []kindCase{
		{"you made me love this game. THANK YOU ZEPHYR", deid.Person, "ZEPHYR", true},
		{"best app ever. thank you TWITTER", deid.Person, "TWITTER", false},
		{"what a day. THANK YOU LORD", deid.Person, "LORD", false},
	})
}

func TestInformalKin(t *testing.T) {
	runKindCases(t, []kindCase{
		{"out with my bestie jaxxie tonight lol", deid.Person, "jaxxie", true},
		{"dinner with my lovely hubby ruairidh", deid.Person, "ruairidh", true},
		{"my hubby is the best", deid.Person, "best", false},
	})
}

func TestPinPlaces(t *testing.T) {
	runKindCases(t, []kindCase{
		{"golden hour 📍 Ullapool", deid.Place, "Ullapool", true},
		{"📍 Praia do Forte #beach", deid.Place, "Praia do Forte", true},
		{"best day 📍 the beach", deid.Place, "beach", false},
	})
}

func TestShoutedNames(t *testing.T) {
	runKindCases(t, []kindCase{
		// A name of some currency that is no word, shouted in a comment.
		{"OMG IS THAT TOBIAS?!", deid.Person, "TOBIAS", true},
		{"WE MISS YOU MARGAUX!!", deid.Person, "MARGAUX", true},
		// Ordinary words and chat spellings in capitals are not names.
		{"WE MISS YOU SO MUCH!!", deid.Person, "MUCH", false},
		{"IS THAT TRUE LMAO", deid.Person, "LMAO", false},
		// A neighbour in capitals that is no word either would join it.
		{"WATCHING THE VLOGS MARGAUX POSTED", deid.Person, "VLOGS", false},
		// Clinical notes keep the stricter rule.
		{note + "PT SEEN BY MARGAUX FROM PT.", deid.Person, "MARGAUX", false},
	})
}

func TestHashtagRareNameParts(t *testing.T) {
	runKindCases(t, []kindCase{
		// Words no dictionary has, one of them a surname.
		{"thinking of her today #AdaezeOkonkwoBarnes", deid.Person, "AdaezeOkonkwoBarnes", true},
		// An ordinary word makes it a slogan or a brand.
		{"join us #TeamBarnes", deid.Person, "TeamBarnes", false},
		{"new single out #MaladoMusic", deid.Person, "MaladoMusic", false},
	})
}

func TestLowerFirstNamesWithRareWordSense(t *testing.T) {
	runKindCases(t, []kindCase{
		// A frequent first name whose word sense is rare, in a comment
		// written in lower case.
		{"why is nobody saying that roger the dog is real", deid.Person, "roger", true},
		{"is it me or is tony getting taller", deid.Person, "tony", true},
		// An everyday word that is also a name stays a word.
		{"cant believe the grace period is over tonight", deid.Person, "grace", false},
		{"cant believe will won again tonight", deid.Person, "will", false},
	})
}

func TestLowerFamousCity(t *testing.T) {
	runKindCases(t, []kindCase{
		// A famous city in lower case needs no place word in a comment.
		{"that was such a hollywood ending lol", deid.Place, "hollywood", true},
		// Not a first name, nor an ordinary word, nor in a clinical note.
		{"paris is my name and i like it", deid.Place, "paris", false},
		{"such a boring ending lol", deid.Place, "boring", false},
		{note + "family watching hollywood films at bedside.", deid.Place, "hollywood", false},
	})
}

func TestUnknownNamesWithDrugLikeEndings(t *testing.T) {
	runKindCases(t, []kindCase{
		// In a comment, an unknown capitalised word ending like a drug
		// ("-an", "-one") is as likely a name.
		{"honestly I think Brandovan is the funniest guy on here", deid.Person, "Brandovan", true},
		// The endings of drug classes still say "drug".
		{"ugh I need to pop some Zorinax right now", deid.Person, "Zorinax", false},
		{"honestly I think Carbomycin is working now", deid.Person, "Carbomycin", false},
	})
}

func TestInitialsAsFirstName(t *testing.T) {
	runKindCases(t, []kindCase{
		{"Cj Sawyer wants the ball every single play", deid.Person, "Cj", true},
		{"Cj Sawyer wants the ball every single play", deid.Person, "Sawyer", true},
		// A surname that is a common word, or a word in capitals.
		{"so many UK Brown bears here", deid.Person, "UK", false},
		{"Tj Brown wants the ball every single play", deid.Person, "Tj", false},
	})
}

func TestOpeningUnknownWord(t *testing.T) {
	runKindCases(t, []kindCase{
		// A word no list has, opening a sentence of a comment.
		{"Zubenko: are you coming or not", deid.Person, "Zubenko", true},
		{"Great show. Zubenko is the best part of it", deid.Person, "Zubenko", true},
		// Camel case, chat spellings, stretched words and known words stay.
		{"ZubenkoGames is a good name for a channel", deid.Person, "ZubenkoGames", false},
		{"Yasss this is the best", deid.Person, "Yasss", false},
		{"Tomorrow is the best day", deid.Person, "Tomorrow", false},
	})
}

func TestAkaAndOpeningFirstNames(t *testing.T) {
	runKindCases(t, []kindCase{
		// The name before "aka", as after it.
		{"you should invite zorbleking aka Mia to the stream", deid.Person, "zorbleking", true},
		{"you should invite the king aka Mia to the stream", deid.Person, "king", false},
		// A frequent first name opening a comment's sentence, whose word
		// sense is rare.
		{"Mickey is so funny in this one", deid.Person, "Mickey", true},
		{"Bill is due tomorrow. Pay it", deid.Person, "Bill", false},
	})
}

func TestCountryFormalNamesAndCodes(t *testing.T) {
	runKindCases(t, []kindCase{
		{"so proud of the rep of ireland lads", deid.Place, "rep", true},
		{"Come on Republic of Korea!!", deid.Place, "Republic", true},
		{"greetings from the uk lol", deid.Place, "uk", true},
		{"back in the us for a week", deid.Place, "us", true},
		// Not the pronoun, nor a kingdom that is no country.
		{"they told the us team to wait", deid.Place, "us", false},
		{"the kingdom of heaven is near", deid.Place, "kingdom", false},
	})
}

func TestLowerSurnameAfterInitial(t *testing.T) {
	runKindCases(t, []kindCase{
		{"T. okafor is a Real Star now", deid.Person, "okafor", true},
		// An ordinary word after an initial stays a word.
		{"T. what is a Real Star now", deid.Person, "what", false},
	})
}

func TestLowerCaseHashtagNames(t *testing.T) {
	runKindCases(t, []kindCase{
		// A first name in no word list run together with a surname.
		{"so proud tonight #jacobokafor", deid.Person, "jacobokafor", true},
		// Ordinary words run together, or a first name that is a word.
		{"so proud tonight #throwbackthursday", deid.Person, "throwbackthursday", false},
		{"so proud tonight #willpower", deid.Person, "willpower", false},
	})
}

func TestLowerVocativeBeforeYou(t *testing.T) {
	runKindCases(t, []kindCase{
		{"wow zubenko, your last video was great", deid.Person, "zubenko", true},
		{"zubenko, you should stream more", deid.Person, "zubenko", true},
		// An ordinary word before "you" is no name.
		{"wow really, you should stream more", deid.Person, "really", false},
	})
}

func TestAcronymVenue(t *testing.T) {
	runKindCases(t, []kindCase{
		{"we had lunch at the QZR restaurant today", deid.Place, "QZR", true},
		// A venue word after something other than a name in capitals.
		{"we had lunch at the new restaurant today", deid.Place, "new", false},
		{"we had lunch in THE restaurant today", deid.Place, "THE", false},
	})
}

func TestLanguageIsNoPlace(t *testing.T) {
	runKindCases(t, []kindCase{
		// A language or a people that a small town is also named after.
		{"Her grandfather speaks very little English and reads the paper in Polish.", deid.Place, "English", false},
		{"We wrote the letter in English for the landlord.", deid.Place, "English", false},
		// With its state after it, the town.
		{"They moved to English, Indiana, last spring.", deid.Place, "English", true},
	})
}

func TestForeignTextKeepsItsWords(t *testing.T) {
	// A post in Spanish: its lower-case words are no names written in lower case, and a
	// list of them is no list of names; the capitalised name is still found.
	text := "Ayer fui a visitar a Eulalia Quintanilla en su casa. Hablamos durante una hora de su marido, " +
		"de sus hijos y de la huerta que cuidan juntos desde hace muchos años. Me dijo que las mañanas son " +
		"lo más difícil, porque todavía prepara dos tazas de café sin pensar, y que los domingos la casa se " +
		"queda muy callada cuando se van los nietos."
	runKindCases(t, []kindCase{
		{text, deid.Person, "durante", false},
		{text, deid.Person, "una", false},
		{text, deid.Person, "de", false},
		{text, deid.Person, "Quintanilla", true},
	})
}
