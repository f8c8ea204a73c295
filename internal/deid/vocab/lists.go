package vocab

// One function per file of lists/, each returning the set read from it.

var (
	titles                 = loadTagged("titles")
	strongTitles           = tagged(titles, "strong")
	socialTitles           = tagged(titles, "social")
	proseTitles            = tagged(titles, "prose")
	honorifics             = tagged(titles, "honorific")
	kinship                = loadTagged("kinship")
	kinRelations           = tagged(kinship, "relation")
	familiarTitles         = tagged(kinship, "address")
	bibleBooks             = load("bible_books")
	birthdayOwners         = load("birthday_owners")
	bookPhrases            = load("book_phrases")
	celebrationNext        = load("celebration_next")
	clauseJoiners          = load("clause_joiners")
	dischargeVerbs         = load("discharge_verbs")
	eventSuffixes          = load("event_suffixes")
	eventWords             = load("event_words")
	facilityNouns          = load("facility_nouns")
	mediumActs             = load("medium_acts")
	mediumNouns            = load("medium_nouns")
	mediumPreps            = load("medium_preps")
	publicBodyJoiners      = load("public_body_joiners")
	ageSubjectNouns        = load("age_subject_nouns")
	lifeEventWords         = load("life_event_words")
	roleHeads              = load("role_heads")
	employerCues           = load("employer_cues")
	employerMoves          = load("employer_moves")
	orgKindNouns           = load("org_kind_nouns")
	atPlaceVerbs           = load("at_place_verbs")
	weekdays               = load("weekdays")
	credentials            = load("credentials")
	nameParticles          = load("name_particles")
	drugStems              = load("drug_stems")
	medicalSuffixes        = load("medical_suffixes")
	abbrevDot              = load("abbrev_dot")
	adminUnits             = load("admin_units")
	afterVerb              = load("after_verb")
	ageAdverbs             = load("age_adverbs")
	ageNextDeny            = load("age_next_deny")
	ageSubjects            = load("age_subjects")
	ageVerbs               = load("age_verbs")
	aloneNotStreet         = load("alone_not_street")
	ambiguousMonth         = load("ambiguous_month")
	ambiguousSuffix        = load("ambiguous_suffix")
	approxWords            = load("approx_words")
	articles               = load("articles")
	beForms                = load("be_forms")
	blogSoftwareWords      = load("blog_software_words")
	bodyNouns              = load("body_nouns")
	capitalFunctionWords   = load("capital_function_words")
	careCues               = load("care_cues")
	careSiteWords          = load("care_site_words")
	changeVerbs            = load("change_verbs")
	chatSpellings          = load("chat_spellings")
	chatWords              = load("chat_words")
	cityAbbrevs            = load("city_abbrevs")
	clauseEnders           = load("clause_enders")
	clauseOpeners          = load("clause_openers")
	clinicalMarkers        = load("clinical_markers")
	clinicalTerms          = load("clinical_terms")
	clinicalVocab          = load("clinical_vocab")
	clockNoteWords         = load("clock_note_words")
	clockPrev              = load("clock_prev")
	companySuffix          = load("company_suffix")
	compass                = load("compass")
	compassRegions         = load("compass_regions")
	contactVerbs           = load("contact_verbs")
	dashFunctionWords      = load("dash_function_words")
	datePrep               = load("date_prep")
	datePreps              = load("date_preps")
	determiners            = load("determiners")
	determinersBefore      = load("determiners_before")
	deviceNouns            = load("device_nouns")
	distancePrev           = load("distance_prev")
	doseNouns              = load("dose_nouns")
	drugNames              = load("drug_names")
	englishPrefix          = load("english_prefix")
	epithets               = load("epithets")
	eponymNouns            = load("eponym_nouns")
	fanWords               = load("fan_words")
	followerWords          = load("follower_words")
	fracNext               = load("frac_next")
	fracPrev               = load("frac_prev")
	genericTLD             = load("generic_tld")
	genericVenue           = load("generic_venue")
	greetings              = load("greetings")
	hospitalCues           = load("hospital_cues")
	hospitalWords          = load("hospital_words")
	idCueWords             = load("id_cue_words")
	institutionWords       = load("institution_words")
	interjections          = load("interjections")
	kinAbbrev              = load("kin_abbrev")
	knownEponyms           = load("known_eponyms")
	lineColours            = load("line_colours")
	linkShorteners         = load("link_shorteners")
	locatives              = load("locatives")
	lookWords              = load("look_words")
	lowerSuffix            = load("lower_suffix")
	measureLabels          = load("measure_labels")
	mediumWords            = load("medium_words")
	milPrev                = load("mil_prev")
	modals                 = load("modals")
	monthWords             = load("month_words")
	motion                 = load("motion")
	nameHonorifics         = load("name_honorifics")
	nameIntro              = load("name_intro")
	namePrefixes           = load("name_prefixes")
	nameStop               = load("name_stop")
	notNames               = load("not_names")
	notStreetName          = load("not_street_name")
	notStreetWords         = load("not_street_words")
	openingVerbs           = load("opening_verbs")
	ordinalNextOK          = load("ordinal_next_ok")
	orgJoin                = load("org_join")
	placeJoin              = load("place_join")
	placePrefix            = load("place_prefix")
	placePreps             = load("place_preps")
	placeSuffix            = load("place_suffix")
	plateCue               = load("plate_cue")
	possPlaceWords         = load("poss_place_words")
	possessive             = load("possessive")
	possessiveEponymNouns  = load("possessive_eponym_nouns")
	postTypes              = load("post_types")
	prefixTypes            = load("prefix_types")
	publicBodyHeads        = load("public_body_heads")
	publicBodyWords        = load("public_body_words")
	ratioNext              = load("ratio_next")
	reportCues             = load("report_cues")
	residence              = load("residence")
	roleAbbrev             = load("role_abbrev")
	routeWords             = load("route_words")
	runTogether            = load("run_together")
	scoreWords             = load("score_words")
	shareLabelWords        = load("share_label_words")
	signOffs               = load("sign_offs")
	siteWords              = load("site_words")
	stateFirst             = load("state_first")
	stateForms             = load("state_forms")
	stopWords              = load("stop_words")
	streetConnectors       = load("street_connectors")
	streetNameDeny         = load("street_name_deny")
	streetPreps            = load("street_preps")
	subjectPronouns        = load("subject_pronouns")
	subjectVerbs           = load("subject_verbs")
	surnameLike            = load("surname_like")
	titleOnlyHoliday       = load("title_only_holiday")
	unitWords              = load("unit_words")
	units                  = load("units")
	ventWords              = load("vent_words")
	venueCues              = load("venue_cues")
	venueNouns             = load("venue_nouns")
	visitCues              = load("visit_cues")
	vitalPrefixes          = load("vital_prefixes")
	wardPrev               = load("ward_prev")
	weakCues               = load("weak_cues")
	wordTLD                = load("word_tld")
	yearNextDeny           = load("year_next_deny")
	yearPrevDeny           = load("year_prev_deny")
	yearPrevGood           = load("year_prev_good")
	orgDescriptors         = load("org_descriptors")
	placeLocators          = load("place_locators")
	ageCues                = loadTagged("age_cues")
	ageTurnCues            = tagged(ageCues, "turn")
	ageBareCues            = tagged(ageCues, "bare")
	pronounCues            = loadTagged("pronoun_cues")
	herCues                = tagged(pronounCues, "her")
	hisCues                = tagged(pronounCues, "his")
	myCues                 = tagged(pronounCues, "my")
	relativeTimeWords      = loadTagged("relative_time_words")
	intervalWords          = tagged(relativeTimeWords, "interval")
	soonWords              = tagged(relativeTimeWords, "soon")
	recentWords            = tagged(relativeTimeWords, "recent")
	agoUnits               = loadTagged("ago_units")
	agoKeptUnits           = tagged(agoUnits, "kept")
	agoMonthUnits          = tagged(agoUnits, "month")
	agoWeekUnits           = tagged(agoUnits, "week")
	timePrepositions       = load("time_prepositions")
	consonantSoundPrefixes = load("consonant_sound_prefixes")
)

// AbbrevDot returns lists/abbrev_dot.txt.
func AbbrevDot() Set { return abbrevDot }

// AdminUnits returns lists/admin_units.txt.
func AdminUnits() Set { return adminUnits }

// AfterVerb returns lists/after_verb.txt.
func AfterVerb() Set { return afterVerb }

// AgeAdverbs returns lists/age_adverbs.txt.
func AgeAdverbs() Set { return ageAdverbs }

// AgeNextDeny returns lists/age_next_deny.txt.
func AgeNextDeny() Set { return ageNextDeny }

// AgeSubjects returns lists/age_subjects.txt.
func AgeSubjects() Set { return ageSubjects }

// AgeVerbs returns lists/age_verbs.txt.
func AgeVerbs() Set { return ageVerbs }

// AloneNotStreet returns lists/alone_not_street.txt.
func AloneNotStreet() Set { return aloneNotStreet }

// AmbiguousMonth returns lists/ambiguous_month.txt.
func AmbiguousMonth() Set { return ambiguousMonth }

// AmbiguousSuffix returns lists/ambiguous_suffix.txt.
func AmbiguousSuffix() Set { return ambiguousSuffix }

// ApproxWords returns lists/approx_words.txt.
func ApproxWords() Set { return approxWords }

// Articles returns lists/articles.txt.
func Articles() Set { return articles }

// BeForms returns lists/be_forms.txt.
func BeForms() Set { return beForms }

// BlogSoftwareWords returns lists/blog_software_words.txt.
func BlogSoftwareWords() Set { return blogSoftwareWords }

// BodyNouns returns lists/body_nouns.txt.
func BodyNouns() Set { return bodyNouns }

// CapitalFunctionWords returns lists/capital_function_words.txt.
func CapitalFunctionWords() Set { return capitalFunctionWords }

// CareCues returns lists/care_cues.txt.
func CareCues() Set { return careCues }

// CareSiteWords returns lists/care_site_words.txt.
func CareSiteWords() Set { return careSiteWords }

// ChangeVerbs returns lists/change_verbs.txt.
func ChangeVerbs() Set { return changeVerbs }

// ChatSpellings returns lists/chat_spellings.txt.
func ChatSpellings() Set { return chatSpellings }

// ChatWords returns lists/chat_words.txt.
func ChatWords() Set { return chatWords }

// CityAbbrevs returns lists/city_abbrevs.txt.
func CityAbbrevs() Set { return cityAbbrevs }

// ClauseEnders returns lists/clause_enders.txt.
func ClauseEnders() Set { return clauseEnders }

// ClauseOpeners returns lists/clause_openers.txt.
func ClauseOpeners() Set { return clauseOpeners }

// ClinicalMarkers returns lists/clinical_markers.txt.
func ClinicalMarkers() Set { return clinicalMarkers }

// ClinicalTerms returns lists/clinical_terms.txt.
func ClinicalTerms() Set { return clinicalTerms }

// ClinicalVocab returns lists/clinical_vocab.txt.
func ClinicalVocab() Set { return clinicalVocab }

// ClockNoteWords returns lists/clock_note_words.txt.
func ClockNoteWords() Set { return clockNoteWords }

// ClockPrev returns lists/clock_prev.txt.
func ClockPrev() Set { return clockPrev }

// CompanySuffix returns lists/company_suffix.txt.
func CompanySuffix() Set { return companySuffix }

// Compass returns lists/compass.txt.
func Compass() Set { return compass }

// CompassRegions returns lists/compass_regions.txt.
func CompassRegions() Set { return compassRegions }

// ContactVerbs returns lists/contact_verbs.txt.
func ContactVerbs() Set { return contactVerbs }

// DashFunctionWords returns lists/dash_function_words.txt.
func DashFunctionWords() Set { return dashFunctionWords }

// DatePrep returns lists/date_prep.txt.
func DatePrep() Set { return datePrep }

// DatePreps returns lists/date_preps.txt.
func DatePreps() Set { return datePreps }

// Determiners returns lists/determiners.txt.
func Determiners() Set { return determiners }

// DeterminersBefore returns lists/determiners_before.txt.
func DeterminersBefore() Set { return determinersBefore }

// DeviceNouns returns lists/device_nouns.txt.
func DeviceNouns() Set { return deviceNouns }

// DistancePrev returns lists/distance_prev.txt.
func DistancePrev() Set { return distancePrev }

// DoseNouns returns lists/dose_nouns.txt.
func DoseNouns() Set { return doseNouns }

// DrugNames returns lists/drug_names.txt.
func DrugNames() Set { return drugNames }

// EnglishPrefix returns lists/english_prefix.txt.
func EnglishPrefix() Set { return englishPrefix }

// Epithets returns lists/epithets.txt.
func Epithets() Set { return epithets }

// EponymNouns returns lists/eponym_nouns.txt.
func EponymNouns() Set { return eponymNouns }

// FanWords returns lists/fan_words.txt.
func FanWords() Set { return fanWords }

// FollowerWords returns lists/follower_words.txt.
func FollowerWords() Set { return followerWords }

// FracNext returns lists/frac_next.txt.
func FracNext() Set { return fracNext }

// FracPrev returns lists/frac_prev.txt.
func FracPrev() Set { return fracPrev }

// GenericTLD returns lists/generic_tld.txt.
func GenericTLD() Set { return genericTLD }

// GenericVenue returns lists/generic_venue.txt.
func GenericVenue() Set { return genericVenue }

// Greetings returns lists/greetings.txt.
func Greetings() Set { return greetings }

// HospitalCues returns lists/hospital_cues.txt.
func HospitalCues() Set { return hospitalCues }

// HospitalWords returns lists/hospital_words.txt.
func HospitalWords() Set { return hospitalWords }

// IdCueWords returns lists/id_cue_words.txt.
func IdCueWords() Set { return idCueWords }

// InstitutionWords returns lists/institution_words.txt.
func InstitutionWords() Set { return institutionWords }

// Interjections returns lists/interjections.txt.
func Interjections() Set { return interjections }

// KinAbbrev returns lists/kin_abbrev.txt.
func KinAbbrev() Set { return kinAbbrev }

// KnownEponyms returns lists/known_eponyms.txt.
func KnownEponyms() Set { return knownEponyms }

// LineColours returns lists/line_colours.txt.
func LineColours() Set { return lineColours }

// LinkShorteners returns lists/link_shorteners.txt.
func LinkShorteners() Set { return linkShorteners }

// Locatives returns lists/locatives.txt.
func Locatives() Set { return locatives }

// LookWords returns lists/look_words.txt.
func LookWords() Set { return lookWords }

// LowerSuffix returns lists/lower_suffix.txt.
func LowerSuffix() Set { return lowerSuffix }

// MeasureLabels returns lists/measure_labels.txt.
func MeasureLabels() Set { return measureLabels }

// MediumWords returns lists/medium_words.txt.
func MediumWords() Set { return mediumWords }

// MilPrev returns lists/mil_prev.txt.
func MilPrev() Set { return milPrev }

// Modals returns lists/modals.txt.
func Modals() Set { return modals }

// MonthWords returns lists/month_words.txt.
func MonthWords() Set { return monthWords }

// Motion returns lists/motion.txt.
func Motion() Set { return motion }

// NameHonorifics returns lists/name_honorifics.txt.
func NameHonorifics() Set { return nameHonorifics }

// NameIntro returns lists/name_intro.txt.
func NameIntro() Set { return nameIntro }

// NamePrefixes returns lists/name_prefixes.txt.
func NamePrefixes() Set { return namePrefixes }

// NameStop returns lists/name_stop.txt.
func NameStop() Set { return nameStop }

// NotNames returns lists/not_names.txt.
func NotNames() Set { return notNames }

// NotStreetName returns lists/not_street_name.txt.
func NotStreetName() Set { return notStreetName }

// NotStreetWords returns lists/not_street_words.txt.
func NotStreetWords() Set { return notStreetWords }

// OpeningVerbs returns lists/opening_verbs.txt.
func OpeningVerbs() Set { return openingVerbs }

// OrdinalNextOK returns lists/ordinal_next_ok.txt.
func OrdinalNextOK() Set { return ordinalNextOK }

// OrgJoin returns lists/org_join.txt.
func OrgJoin() Set { return orgJoin }

// PlaceJoin returns lists/place_join.txt.
func PlaceJoin() Set { return placeJoin }

// PlacePrefix returns lists/place_prefix.txt.
func PlacePrefix() Set { return placePrefix }

// PlacePreps returns lists/place_preps.txt.
func PlacePreps() Set { return placePreps }

// PlaceSuffix returns lists/place_suffix.txt.
func PlaceSuffix() Set { return placeSuffix }

// PlateCue returns lists/plate_cue.txt.
func PlateCue() Set { return plateCue }

// PossPlaceWords returns lists/poss_place_words.txt.
func PossPlaceWords() Set { return possPlaceWords }

// Possessive returns lists/possessive.txt.
func Possessive() Set { return possessive }

// PossessiveEponymNouns returns lists/possessive_eponym_nouns.txt.
func PossessiveEponymNouns() Set { return possessiveEponymNouns }

// PostTypes returns lists/post_types.txt.
func PostTypes() Set { return postTypes }

// PrefixTypes returns lists/prefix_types.txt.
func PrefixTypes() Set { return prefixTypes }

// PublicBodyHeads returns lists/public_body_heads.txt.
func PublicBodyHeads() Set { return publicBodyHeads }

// PublicBodyWords returns lists/public_body_words.txt.
func PublicBodyWords() Set { return publicBodyWords }

// RatioNext returns lists/ratio_next.txt.
func RatioNext() Set { return ratioNext }

// ReportCues returns lists/report_cues.txt.
func ReportCues() Set { return reportCues }

// Residence returns lists/residence.txt.
func Residence() Set { return residence }

// RoleAbbrev returns lists/role_abbrev.txt.
func RoleAbbrev() Set { return roleAbbrev }

// RouteWords returns lists/route_words.txt.
func RouteWords() Set { return routeWords }

// RunTogether returns lists/run_together.txt.
func RunTogether() Set { return runTogether }

// ScoreWords returns lists/score_words.txt.
func ScoreWords() Set { return scoreWords }

// ShareLabelWords returns lists/share_label_words.txt.
func ShareLabelWords() Set { return shareLabelWords }

// SignOffs returns lists/sign_offs.txt.
func SignOffs() Set { return signOffs }

// SiteWords returns lists/site_words.txt.
func SiteWords() Set { return siteWords }

// StateFirst returns lists/state_first.txt.
func StateFirst() Set { return stateFirst }

// StateForms returns lists/state_forms.txt.
func StateForms() Set { return stateForms }

// StopWords returns lists/stop_words.txt.
func StopWords() Set { return stopWords }

// StreetConnectors returns lists/street_connectors.txt.
func StreetConnectors() Set { return streetConnectors }

// StreetNameDeny returns lists/street_name_deny.txt.
func StreetNameDeny() Set { return streetNameDeny }

// StreetPreps returns lists/street_preps.txt.
func StreetPreps() Set { return streetPreps }

// SubjectPronouns returns lists/subject_pronouns.txt.
func SubjectPronouns() Set { return subjectPronouns }

// SubjectVerbs returns lists/subject_verbs.txt.
func SubjectVerbs() Set { return subjectVerbs }

// SurnameLike returns lists/surname_like.txt.
func SurnameLike() Set { return surnameLike }

// TitleOnlyHoliday returns lists/title_only_holiday.txt.
func TitleOnlyHoliday() Set { return titleOnlyHoliday }

// UnitWords returns lists/unit_words.txt.
func UnitWords() Set { return unitWords }

// Units returns lists/units.txt.
func Units() Set { return units }

// VentWords returns lists/vent_words.txt.
func VentWords() Set { return ventWords }

// VenueCues returns lists/venue_cues.txt.
func VenueCues() Set { return venueCues }

// VenueNouns returns lists/venue_nouns.txt.
func VenueNouns() Set { return venueNouns }

// VisitCues returns lists/visit_cues.txt.
func VisitCues() Set { return visitCues }

// VitalPrefixes returns lists/vital_prefixes.txt.
func VitalPrefixes() Set { return vitalPrefixes }

// WardPrev returns lists/ward_prev.txt.
func WardPrev() Set { return wardPrev }

// WeakCues returns lists/weak_cues.txt.
func WeakCues() Set { return weakCues }

// WordTLD returns lists/word_tld.txt.
func WordTLD() Set { return wordTLD }

// YearNextDeny returns lists/year_next_deny.txt.
func YearNextDeny() Set { return yearNextDeny }

// YearPrevDeny returns lists/year_prev_deny.txt.
func YearPrevDeny() Set { return yearPrevDeny }

// YearPrevGood returns lists/year_prev_good.txt.
func YearPrevGood() Set { return yearPrevGood }

// DrugStems returns lists/drug_stems.txt.
func DrugStems() Set { return drugStems }

// MedicalSuffixes returns lists/medical_suffixes.txt.
func MedicalSuffixes() Set { return medicalSuffixes }

// NameParticles returns lists/name_particles.txt.
func NameParticles() Set { return nameParticles }

// Credentials returns lists/credentials.txt.
func Credentials() Set { return credentials }

// Weekdays returns lists/weekdays.txt.
func Weekdays() Set { return weekdays }

// StrongTitles returns the titles of lists/titles.txt tagged strong: after
// them any capitalised word is a name.
func StrongTitles() Set { return strongTitles }

// SocialTitles returns the titles of lists/titles.txt tagged social, the
// honorifics of ordinary address.
func SocialTitles() Set { return socialTitles }

// ProseTitles returns the titles of lists/titles.txt tagged prose, which mark
// the entity prose finds after them as a person.
func ProseTitles() Set { return proseTitles }

// Honorifics returns the titles of lists/titles.txt tagged honorific, which
// open a name finding but are no part of the name looked for elsewhere.
func Honorifics() Set { return honorifics }

// KinRelations returns the words of lists/kinship.txt tagged relation: family
// words before a relative's name and no part of it ("son Gavin").
func KinRelations() Set { return kinRelations }

// FamiliarTitles returns the words of lists/kinship.txt tagged address: forms
// of address that open a name and stay with it ("Uncle Dev").
func FamiliarTitles() Set { return familiarTitles }

// OrgDescriptors returns lists/org_descriptors.txt.
func OrgDescriptors() Set { return orgDescriptors }

// PlaceLocators returns lists/place_locators.txt.
func PlaceLocators() Set { return placeLocators }

// AgeTurnCues returns the words of lists/age_cues.txt tagged turn.
func AgeTurnCues() Set { return ageTurnCues }

// AgeBareCues returns the words of lists/age_cues.txt tagged bare.
func AgeBareCues() Set { return ageBareCues }

// HerCues returns the words of lists/pronoun_cues.txt tagged her.
func HerCues() Set { return herCues }

// HisCues returns the words of lists/pronoun_cues.txt tagged his.
func HisCues() Set { return hisCues }

// MyCues returns the words of lists/pronoun_cues.txt tagged my.
func MyCues() Set { return myCues }

// IntervalWords returns the words of lists/relative_time_words.txt tagged
// interval.
func IntervalWords() Set { return intervalWords }

// SoonWords returns the words of lists/relative_time_words.txt tagged soon.
func SoonWords() Set { return soonWords }

// RecentWords returns the words of lists/relative_time_words.txt tagged
// recent.
func RecentWords() Set { return recentWords }

// AgoKeptUnits returns the units of lists/ago_units.txt tagged kept.
func AgoKeptUnits() Set { return agoKeptUnits }

// AgoMonthUnits returns the units of lists/ago_units.txt tagged month.
func AgoMonthUnits() Set { return agoMonthUnits }

// AgoWeekUnits returns the units of lists/ago_units.txt tagged week.
func AgoWeekUnits() Set { return agoWeekUnits }

// TimePrepositions returns lists/time_prepositions.txt.
func TimePrepositions() Set { return timePrepositions }

// ConsonantSoundPrefixes returns lists/consonant_sound_prefixes.txt.
func ConsonantSoundPrefixes() Set { return consonantSoundPrefixes }

// BibleBooks returns lists/bible_books.txt.
func BibleBooks() Set { return bibleBooks }

// BirthdayOwners returns lists/birthday_owners.txt.
func BirthdayOwners() Set { return birthdayOwners }

// BookPhrases returns lists/book_phrases.txt.
func BookPhrases() Set { return bookPhrases }

// CelebrationNext returns lists/celebration_next.txt.
func CelebrationNext() Set { return celebrationNext }

// ClauseJoiners returns lists/clause_joiners.txt.
func ClauseJoiners() Set { return clauseJoiners }

// DischargeVerbs returns lists/discharge_verbs.txt.
func DischargeVerbs() Set { return dischargeVerbs }

// EventSuffixes returns lists/event_suffixes.txt.
func EventSuffixes() Set { return eventSuffixes }

// EventWords returns lists/event_words.txt.
func EventWords() Set { return eventWords }

// FacilityNouns returns lists/facility_nouns.txt.
func FacilityNouns() Set { return facilityNouns }

// MediumActs returns lists/medium_acts.txt.
func MediumActs() Set { return mediumActs }

// MediumNouns returns lists/medium_nouns.txt.
func MediumNouns() Set { return mediumNouns }

// MediumPreps returns lists/medium_preps.txt.
func MediumPreps() Set { return mediumPreps }

// PublicBodyJoiners returns lists/public_body_joiners.txt.
func PublicBodyJoiners() Set { return publicBodyJoiners }

// AgeSubjectNouns returns lists/age_subject_nouns.txt.
func AgeSubjectNouns() Set { return ageSubjectNouns }

// LifeEventWords returns lists/life_event_words.txt.
func LifeEventWords() Set { return lifeEventWords }

// RoleHeads returns lists/role_heads.txt.
func RoleHeads() Set { return roleHeads }

// EmployerCues returns lists/employer_cues.txt.
func EmployerCues() Set { return employerCues }

// EmployerMoves returns lists/employer_moves.txt.
func EmployerMoves() Set { return employerMoves }

// OrgKindNouns returns lists/org_kind_nouns.txt.
func OrgKindNouns() Set { return orgKindNouns }

// AtPlaceVerbs returns lists/at_place_verbs.txt.
func AtPlaceVerbs() Set { return atPlaceVerbs }
