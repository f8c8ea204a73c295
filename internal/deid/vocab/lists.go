package vocab

// One function per file of lists/, each returning the set read from it.

var (
	ageCues                = loadTagged("age_cues")
	agoUnits               = loadTagged("ago_units")
	chatSpellingWords      = loadTagged("chat_words")
	credentialLetters      = loadTagged("credentials")
	datePrepWords          = loadTagged("date_preps")
	determinerWords        = loadTagged("determiners")
	eponymHeadNouns        = loadTagged("eponym_heads")
	kinship                = loadTagged("kinship")
	mediumPrepWords        = loadTagged("medium_preps")
	possessiveWords        = loadTagged("possessive")
	pronounCues            = loadTagged("pronoun_cues")
	relativeTimeWords      = loadTagged("relative_time_words")
	streetTypes            = loadTagged("street_types")
	titles                 = loadTagged("titles")
	ageBareCues            = tagged(ageCues, "bare")
	ageTurnCues            = tagged(ageCues, "turn")
	agoKeptUnits           = tagged(agoUnits, "kept")
	agoMonthUnits          = tagged(agoUnits, "month")
	agoWeekUnits           = tagged(agoUnits, "week")
	articles               = tagged(determinerWords, "role")
	birthdayOwners         = tagged(possessiveWords, "birthday")
	chatSpellings          = tagged(chatSpellingWords, "opener")
	chatWords              = tagged(chatSpellingWords, "comment")
	credentials            = tagged(credentialLetters, "after")
	datePrep               = tagged(datePrepWords, "any")
	datePreps              = tagged(datePrepWords, "strong")
	determiners            = tagged(determinerWords, "common")
	determinersBefore      = tagged(determinerWords, "thing")
	eponymHeads            = tagged(eponymHeadNouns, "any")
	familiarTitles         = tagged(kinship, "address")
	herCues                = tagged(pronounCues, "her")
	hisCues                = tagged(pronounCues, "his")
	honorifics             = tagged(titles, "honorific")
	intervalWords          = tagged(relativeTimeWords, "interval")
	kinRelations           = tagged(kinship, "relation")
	mediumPreps            = tagged(mediumPrepWords, "act")
	mediumWords            = tagged(mediumPrepWords, "alone")
	myCues                 = tagged(pronounCues, "my")
	personEponymHeads      = tagged(eponymHeadNouns, "person")
	possessive             = tagged(possessiveWords, "owned")
	proseTitles            = tagged(titles, "prose")
	recentWords            = tagged(relativeTimeWords, "recent")
	roleAbbrev             = tagged(credentialLetters, "role")
	socialTitles           = tagged(titles, "social")
	soonWords              = tagged(relativeTimeWords, "soon")
	strongStreetTypes      = tagged(streetTypes, "strong")
	strongTitles           = tagged(titles, "strong")
	weakStreetTypes        = tagged(streetTypes, "weak")
	abbrevDot              = load("abbrev_dot")
	addressCueWords        = load("address_cue_words")
	adminUnits             = load("admin_units")
	afterVerb              = load("after_verb")
	ageAdverbs             = load("age_adverbs")
	ageNextDeny            = load("age_next_deny")
	ageSubjectNouns        = load("age_subject_nouns")
	ageSubjects            = load("age_subjects")
	ageVerbs               = load("age_verbs")
	aloneNotStreet         = load("alone_not_street")
	ambiguousMonth         = load("ambiguous_month")
	ambiguousSuffix        = load("ambiguous_suffix")
	approxWords            = load("approx_words")
	beForms                = load("be_forms")
	bibleBooks             = load("bible_books")
	blogSoftwareWords      = load("blog_software_words")
	bodyNouns              = load("body_nouns")
	bookPhrases            = load("book_phrases")
	capitalFunctionWords   = load("capital_function_words")
	careCues               = load("care_cues")
	careSiteWords          = load("care_site_words")
	celebrationNext        = load("celebration_next")
	changeVerbs            = load("change_verbs")
	citeVerbs              = load("cite_verbs")
	cityAbbrevs            = load("city_abbrevs")
	clauseEnders           = load("clause_enders")
	clauseJoiners          = load("clause_joiners")
	clauseOpeners          = load("clause_openers")
	clinicalMarkers        = load("clinical_markers")
	clinicalTerms          = load("clinical_terms")
	clinicalVocab          = load("clinical_vocab")
	clockNoteWords         = load("clock_note_words")
	clockPrev              = load("clock_prev")
	combiningForms         = load("combining_forms")
	companySuffix          = load("company_suffix")
	compass                = load("compass")
	compassRegions         = load("compass_regions")
	consonantSoundPrefixes = load("consonant_sound_prefixes")
	contactVerbs           = load("contact_verbs")
	dashFunctionWords      = load("dash_function_words")
	derivedEndings         = load("derived_endings")
	deviceNouns            = load("device_nouns")
	dischargeVerbs         = load("discharge_verbs")
	distancePrev           = load("distance_prev")
	doseNouns              = load("dose_nouns")
	drugNames              = load("drug_names")
	drugStems              = load("drug_stems")
	drugSuffixes           = load("drug_suffixes")
	emoticons              = load("emoticons")
	employerCues           = load("employer_cues")
	employerMoves          = load("employer_moves")
	englishPrefix          = load("english_prefix")
	epithets               = load("epithets")
	eponymNouns            = load("eponym_nouns")
	eventSuffixes          = load("event_suffixes")
	eventWords             = load("event_words")
	facilityNouns          = load("facility_nouns")
	fanWords               = load("fan_words")
	followerWords          = load("follower_words")
	fracNext               = load("frac_next")
	fracPrev               = load("frac_prev")
	genericTLD             = load("generic_tld")
	genericVenue           = load("generic_venue")
	gluedStreetSuffixes    = load("glued_street_suffixes")
	greetings              = load("greetings")
	historyEvents          = load("history_events")
	hospitalCues           = load("hospital_cues")
	hospitalWords          = load("hospital_words")
	idCueWords             = load("id_cue_words")
	institutionWords       = load("institution_words")
	interjections          = load("interjections")
	kinAbbrev              = load("kin_abbrev")
	knownEponyms           = load("known_eponyms")
	lifeEventWords         = load("life_event_words")
	lineColours            = load("line_colours")
	linkShorteners         = load("link_shorteners")
	locatives              = load("locatives")
	lookWords              = load("look_words")
	lowerSuffix            = load("lower_suffix")
	measureLabels          = load("measure_labels")
	medicalSuffixes        = load("medical_suffixes")
	mediumActs             = load("medium_acts")
	mediumNouns            = load("medium_nouns")
	milPrev                = load("mil_prev")
	modals                 = load("modals")
	monthWords             = load("month_words")
	motion                 = load("motion")
	nameHonorifics         = load("name_honorifics")
	nameIntro              = load("name_intro")
	nameParticles          = load("name_particles")
	namePrefixes           = load("name_prefixes")
	nameStop               = load("name_stop")
	notNames               = load("not_names")
	notStreetName          = load("not_street_name")
	notStreetWords         = load("not_street_words")
	openingVerbs           = load("opening_verbs")
	ordinalNextOK          = load("ordinal_next_ok")
	orgDescriptors         = load("org_descriptors")
	orgJoin                = load("org_join")
	orgKindNouns           = load("org_kind_nouns")
	phoneCues              = load("phone_cues")
	placeJoin              = load("place_join")
	placeLocators          = load("place_locators")
	placePrefix            = load("place_prefix")
	placePreps             = load("place_preps")
	placeSuffix            = load("place_suffix")
	plateCue               = load("plate_cue")
	possPlaceWords         = load("poss_place_words")
	possessiveEponymNouns  = load("possessive_eponym_nouns")
	postTypes              = load("post_types")
	prefixTypes            = load("prefix_types")
	publicBodyHeads        = load("public_body_heads")
	publicBodyJoiners      = load("public_body_joiners")
	publicBodyWords        = load("public_body_words")
	publicTerms            = load("public_terms")
	ratioNext              = load("ratio_next")
	reportCues             = load("report_cues")
	residence              = load("residence")
	roleHeads              = load("role_heads")
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
	timePrepositions       = load("time_prepositions")
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
	weekdays               = load("weekdays")
	wordTLD                = load("word_tld")
	yearNextDeny           = load("year_next_deny")
	yearPrevDeny           = load("year_prev_deny")
	yearPrevGood           = load("year_prev_good")
)

// AbbrevDot returns lists/abbrev_dot.txt.
func AbbrevDot() Set { return abbrevDot }

// AddressCueWords returns lists/address_cue_words.txt.
func AddressCueWords() Set { return addressCueWords }

// AdminUnits returns lists/admin_units.txt.
func AdminUnits() Set { return adminUnits }

// AfterVerb returns lists/after_verb.txt.
func AfterVerb() Set { return afterVerb }

// AgeAdverbs returns lists/age_adverbs.txt.
func AgeAdverbs() Set { return ageAdverbs }

// AgeBareCues returns the words of lists/age_cues.txt tagged bare.
func AgeBareCues() Set { return ageBareCues }

// AgeNextDeny returns lists/age_next_deny.txt.
func AgeNextDeny() Set { return ageNextDeny }

// AgeSubjectNouns returns lists/age_subject_nouns.txt.
func AgeSubjectNouns() Set { return ageSubjectNouns }

// AgeSubjects returns lists/age_subjects.txt.
func AgeSubjects() Set { return ageSubjects }

// AgeTurnCues returns the words of lists/age_cues.txt tagged turn.
func AgeTurnCues() Set { return ageTurnCues }

// AgeVerbs returns lists/age_verbs.txt.
func AgeVerbs() Set { return ageVerbs }

// AgoKeptUnits returns the units of lists/ago_units.txt tagged kept.
func AgoKeptUnits() Set { return agoKeptUnits }

// AgoMonthUnits returns the units of lists/ago_units.txt tagged month.
func AgoMonthUnits() Set { return agoMonthUnits }

// AgoWeekUnits returns the units of lists/ago_units.txt tagged week.
func AgoWeekUnits() Set { return agoWeekUnits }

// AloneNotStreet returns lists/alone_not_street.txt.
func AloneNotStreet() Set { return aloneNotStreet }

// AmbiguousMonth returns lists/ambiguous_month.txt.
func AmbiguousMonth() Set { return ambiguousMonth }

// AmbiguousSuffix returns lists/ambiguous_suffix.txt.
func AmbiguousSuffix() Set { return ambiguousSuffix }

// ApproxWords returns lists/approx_words.txt.
func ApproxWords() Set { return approxWords }

// Articles returns the words of lists/determiners.txt tagged role.
func Articles() Set { return articles }

// BeForms returns lists/be_forms.txt.
func BeForms() Set { return beForms }

// BibleBooks returns lists/bible_books.txt.
func BibleBooks() Set { return bibleBooks }

// BirthdayOwners returns the words of lists/possessive.txt tagged birthday.
func BirthdayOwners() Set { return birthdayOwners }

// BlogSoftwareWords returns lists/blog_software_words.txt.
func BlogSoftwareWords() Set { return blogSoftwareWords }

// BodyNouns returns lists/body_nouns.txt.
func BodyNouns() Set { return bodyNouns }

// BookPhrases returns lists/book_phrases.txt.
func BookPhrases() Set { return bookPhrases }

// CapitalFunctionWords returns lists/capital_function_words.txt.
func CapitalFunctionWords() Set { return capitalFunctionWords }

// CareCues returns lists/care_cues.txt.
func CareCues() Set { return careCues }

// CareSiteWords returns lists/care_site_words.txt.
func CareSiteWords() Set { return careSiteWords }

// CelebrationNext returns lists/celebration_next.txt.
func CelebrationNext() Set { return celebrationNext }

// ChangeVerbs returns lists/change_verbs.txt.
func ChangeVerbs() Set { return changeVerbs }

// ChatSpellings returns the words of lists/chat_words.txt tagged opener.
func ChatSpellings() Set { return chatSpellings }

// ChatWords returns the words of lists/chat_words.txt tagged comment.
func ChatWords() Set { return chatWords }

// CiteVerbs returns lists/cite_verbs.txt.
func CiteVerbs() Set { return citeVerbs }

// CityAbbrevs returns lists/city_abbrevs.txt.
func CityAbbrevs() Set { return cityAbbrevs }

// ClauseEnders returns lists/clause_enders.txt.
func ClauseEnders() Set { return clauseEnders }

// ClauseJoiners returns lists/clause_joiners.txt.
func ClauseJoiners() Set { return clauseJoiners }

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

// CombiningForms returns lists/combining_forms.txt.
func CombiningForms() Set { return combiningForms }

// CompanySuffix returns lists/company_suffix.txt.
func CompanySuffix() Set { return companySuffix }

// Compass returns lists/compass.txt.
func Compass() Set { return compass }

// CompassRegions returns lists/compass_regions.txt.
func CompassRegions() Set { return compassRegions }

// ConsonantSoundPrefixes returns lists/consonant_sound_prefixes.txt.
func ConsonantSoundPrefixes() Set { return consonantSoundPrefixes }

// ContactVerbs returns lists/contact_verbs.txt.
func ContactVerbs() Set { return contactVerbs }

// Credentials returns the words of lists/credentials.txt tagged after.
func Credentials() Set { return credentials }

// DashFunctionWords returns lists/dash_function_words.txt.
func DashFunctionWords() Set { return dashFunctionWords }

// DatePrep returns the words of lists/date_preps.txt tagged any.
func DatePrep() Set { return datePrep }

// DatePreps returns the words of lists/date_preps.txt tagged strong.
func DatePreps() Set { return datePreps }

// DerivedEndings returns lists/derived_endings.txt.
func DerivedEndings() Set { return derivedEndings }

// Determiners returns the words of lists/determiners.txt tagged common.
func Determiners() Set { return determiners }

// DeterminersBefore returns the words of lists/determiners.txt tagged thing.
func DeterminersBefore() Set { return determinersBefore }

// DeviceNouns returns lists/device_nouns.txt.
func DeviceNouns() Set { return deviceNouns }

// DischargeVerbs returns lists/discharge_verbs.txt.
func DischargeVerbs() Set { return dischargeVerbs }

// DistancePrev returns lists/distance_prev.txt.
func DistancePrev() Set { return distancePrev }

// DoseNouns returns lists/dose_nouns.txt.
func DoseNouns() Set { return doseNouns }

// DrugNames returns lists/drug_names.txt.
func DrugNames() Set { return drugNames }

// DrugStems returns lists/drug_stems.txt.
func DrugStems() Set { return drugStems }

// DrugSuffixes returns lists/drug_suffixes.txt.
func DrugSuffixes() Set { return drugSuffixes }

// Emoticons returns lists/emoticons.txt.
func Emoticons() Set { return emoticons }

// EmployerCues returns lists/employer_cues.txt.
func EmployerCues() Set { return employerCues }

// EmployerMoves returns lists/employer_moves.txt.
func EmployerMoves() Set { return employerMoves }

// EnglishPrefix returns lists/english_prefix.txt.
func EnglishPrefix() Set { return englishPrefix }

// Epithets returns lists/epithets.txt.
func Epithets() Set { return epithets }

// EponymHeads returns the nouns of lists/eponym_heads.txt that make any name
// before them part of a medical term ("Down syndrome").
func EponymHeads() Set { return eponymHeads }

// EponymNouns returns lists/eponym_nouns.txt.
func EponymNouns() Set { return eponymNouns }

// EventSuffixes returns lists/event_suffixes.txt.
func EventSuffixes() Set { return eventSuffixes }

// EventWords returns lists/event_words.txt.
func EventWords() Set { return eventWords }

// FacilityNouns returns lists/facility_nouns.txt.
func FacilityNouns() Set { return facilityNouns }

// FamiliarTitles returns the words of lists/kinship.txt tagged address: forms
// of address that open a name and stay with it ("Uncle Dev").
func FamiliarTitles() Set { return familiarTitles }

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

// GluedStreetSuffixes returns lists/glued_street_suffixes.txt.
func GluedStreetSuffixes() Set { return gluedStreetSuffixes }

// Greetings returns lists/greetings.txt.
func Greetings() Set { return greetings }

// HerCues returns the words of lists/pronoun_cues.txt tagged her.
func HerCues() Set { return herCues }

// HisCues returns the words of lists/pronoun_cues.txt tagged his.
func HisCues() Set { return hisCues }

// HistoryEvents returns lists/history_events.txt.
func HistoryEvents() Set { return historyEvents }

// Honorifics returns the titles of lists/titles.txt tagged honorific, which
// open a name finding but are no part of the name looked for elsewhere.
func Honorifics() Set { return honorifics }

// HospitalCues returns lists/hospital_cues.txt.
func HospitalCues() Set { return hospitalCues }

// HospitalWords returns lists/hospital_words.txt.
func HospitalWords() Set { return hospitalWords }

// IDCueWords returns lists/id_cue_words.txt.
func IDCueWords() Set { return idCueWords }

// IdCueWords returns lists/id_cue_words.txt.
func IdCueWords() Set { return idCueWords }

// InstitutionWords returns lists/institution_words.txt.
func InstitutionWords() Set { return institutionWords }

// Interjections returns lists/interjections.txt.
func Interjections() Set { return interjections }

// IntervalWords returns the words of lists/relative_time_words.txt tagged
// interval.
func IntervalWords() Set { return intervalWords }

// KinAbbrev returns lists/kin_abbrev.txt.
func KinAbbrev() Set { return kinAbbrev }

// KinRelations returns the words of lists/kinship.txt tagged relation: family
// words before a relative's name and no part of it ("son Gavin").
func KinRelations() Set { return kinRelations }

// KnownEponyms returns lists/known_eponyms.txt.
func KnownEponyms() Set { return knownEponyms }

// LifeEventWords returns lists/life_event_words.txt.
func LifeEventWords() Set { return lifeEventWords }

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

// MedicalSuffixes returns lists/medical_suffixes.txt.
func MedicalSuffixes() Set { return medicalSuffixes }

// MediumActs returns lists/medium_acts.txt.
func MediumActs() Set { return mediumActs }

// MediumNouns returns lists/medium_nouns.txt.
func MediumNouns() Set { return mediumNouns }

// MediumPreps returns the words of lists/medium_preps.txt tagged act.
func MediumPreps() Set { return mediumPreps }

// MediumWords returns the words of lists/medium_preps.txt tagged alone.
func MediumWords() Set { return mediumWords }

// MilPrev returns lists/mil_prev.txt.
func MilPrev() Set { return milPrev }

// Modals returns lists/modals.txt.
func Modals() Set { return modals }

// MonthWords returns lists/month_words.txt.
func MonthWords() Set { return monthWords }

// Motion returns lists/motion.txt.
func Motion() Set { return motion }

// MyCues returns the words of lists/pronoun_cues.txt tagged my.
func MyCues() Set { return myCues }

// NameHonorifics returns lists/name_honorifics.txt.
func NameHonorifics() Set { return nameHonorifics }

// NameIntro returns lists/name_intro.txt.
func NameIntro() Set { return nameIntro }

// NameParticles returns lists/name_particles.txt.
func NameParticles() Set { return nameParticles }

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

// OrgDescriptors returns lists/org_descriptors.txt.
func OrgDescriptors() Set { return orgDescriptors }

// OrgJoin returns lists/org_join.txt.
func OrgJoin() Set { return orgJoin }

// OrgKindNouns returns lists/org_kind_nouns.txt.
func OrgKindNouns() Set { return orgKindNouns }

// PersonEponymHeads returns the nouns of lists/eponym_heads.txt that make an
// eponym only of a person's name or with a capitalised word between
// ("Apgar score", "Glasgow Coma Scale").
func PersonEponymHeads() Set { return personEponymHeads }

// PhoneCues returns lists/phone_cues.txt.
func PhoneCues() Set { return phoneCues }

// PlaceJoin returns lists/place_join.txt.
func PlaceJoin() Set { return placeJoin }

// PlaceLocators returns lists/place_locators.txt.
func PlaceLocators() Set { return placeLocators }

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

// Possessive returns the words of lists/possessive.txt tagged owned.
func Possessive() Set { return possessive }

// PossessiveEponymNouns returns lists/possessive_eponym_nouns.txt.
func PossessiveEponymNouns() Set { return possessiveEponymNouns }

// PostTypes returns lists/post_types.txt.
func PostTypes() Set { return postTypes }

// PrefixTypes returns lists/prefix_types.txt.
func PrefixTypes() Set { return prefixTypes }

// ProseTitles returns the titles of lists/titles.txt tagged prose, which mark
// the entity prose finds after them as a person.
func ProseTitles() Set { return proseTitles }

// PublicBodyHeads returns lists/public_body_heads.txt.
func PublicBodyHeads() Set { return publicBodyHeads }

// PublicBodyJoiners returns lists/public_body_joiners.txt.
func PublicBodyJoiners() Set { return publicBodyJoiners }

// PublicBodyWords returns lists/public_body_words.txt.
func PublicBodyWords() Set { return publicBodyWords }

// PublicTerms returns lists/public_terms.txt.
func PublicTerms() Set { return publicTerms }

// RatioNext returns lists/ratio_next.txt.
func RatioNext() Set { return ratioNext }

// RecentWords returns the words of lists/relative_time_words.txt tagged
// recent.
func RecentWords() Set { return recentWords }

// ReportCues returns lists/report_cues.txt.
func ReportCues() Set { return reportCues }

// Residence returns lists/residence.txt.
func Residence() Set { return residence }

// RoleAbbrev returns the words of lists/credentials.txt tagged role.
func RoleAbbrev() Set { return roleAbbrev }

// RoleHeads returns lists/role_heads.txt.
func RoleHeads() Set { return roleHeads }

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

// SocialTitles returns the titles of lists/titles.txt tagged social, the
// honorifics of ordinary address.
func SocialTitles() Set { return socialTitles }

// SoonWords returns the words of lists/relative_time_words.txt tagged soon.
func SoonWords() Set { return soonWords }

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

// StrongStreetTypes returns the street types of lists/street_types.txt that
// name a street after any capitalised word ("Elm Street").
func StrongStreetTypes() Set { return strongStreetTypes }

// StrongTitles returns the titles of lists/titles.txt tagged strong: after
// them any capitalised word is a name.
func StrongTitles() Set { return strongTitles }

// SubjectPronouns returns lists/subject_pronouns.txt.
func SubjectPronouns() Set { return subjectPronouns }

// SubjectVerbs returns lists/subject_verbs.txt.
func SubjectVerbs() Set { return subjectVerbs }

// SurnameLike returns lists/surname_like.txt.
func SurnameLike() Set { return surnameLike }

// TimePrepositions returns lists/time_prepositions.txt.
func TimePrepositions() Set { return timePrepositions }

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

// WeakStreetTypes returns the street types of lists/street_types.txt that
// name a street only after a street preposition ("on Mill Close").
func WeakStreetTypes() Set { return weakStreetTypes }

// Weekdays returns lists/weekdays.txt.
func Weekdays() Set { return weekdays }

// WordTLD returns lists/word_tld.txt.
func WordTLD() Set { return wordTLD }

// YearNextDeny returns lists/year_next_deny.txt.
func YearNextDeny() Set { return yearNextDeny }

// YearPrevDeny returns lists/year_prev_deny.txt.
func YearPrevDeny() Set { return yearPrevDeny }

// YearPrevGood returns lists/year_prev_good.txt.
func YearPrevGood() Set { return yearPrevGood }
