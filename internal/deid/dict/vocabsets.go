package dict

import (
	"sync"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// vocabSet names a word list the rules ask about the words of a text
// (their Lower): which lists a word is in is looked up once per distinct
// word of a text (analysis.lists), in one index of all of them, instead of
// in each list at each use.
type vocabSet uint8

// The word lists of vocabSet, in the order of vocabSets.
const (
	vAbbrevDot             vocabSet = iota // vocab.AbbrevDot
	vAdminUnits                            // vocab.AdminUnits
	vAtPlaceVerbs                          // vocab.AtPlaceVerbs
	vBodyNouns                             // vocab.BodyNouns
	vCareCues                              // vocab.CareCues
	vCareSiteWords                         // vocab.CareSiteWords
	vChatWords                             // vocab.ChatWords
	vClauseOpeners                         // vocab.ClauseOpeners
	vClinicalMarkers                       // vocab.ClinicalMarkers
	vClinicalTerms                         // vocab.ClinicalTerms
	vCompass                               // vocab.Compass
	vCompassRegions                        // vocab.CompassRegions
	vContactVerbs                          // vocab.ContactVerbs
	vCredentials                           // vocab.Credentials
	vDeterminersBefore                     // vocab.DeterminersBefore
	vDischargeVerbs                        // vocab.DischargeVerbs
	vDrugNames                             // vocab.DrugNames
	vEponymNouns                           // vocab.EponymNouns
	vFacilityNouns                         // vocab.FacilityNouns
	vFanWords                              // vocab.FanWords
	vFollowerWords                         // vocab.FollowerWords
	vGenericVenue                          // vocab.GenericVenue
	vGreetings                             // vocab.Greetings
	vHospitalCues                          // vocab.HospitalCues
	vHospitalWords                         // vocab.HospitalWords
	vInterjections                         // vocab.Interjections
	vKinAbbrev                             // vocab.KinAbbrev
	vLineColours                           // vocab.LineColours
	vLookWords                             // vocab.LookWords
	vModals                                // vocab.Modals
	vMotion                                // vocab.Motion
	vNameHonorifics                        // vocab.NameHonorifics
	vNameIntro                             // vocab.NameIntro
	vNameParticles                         // vocab.NameParticles
	vOpeningVerbs                          // vocab.OpeningVerbs
	vOrgJoin                               // vocab.OrgJoin
	vPlaceJoin                             // vocab.PlaceJoin
	vPlacePrefix                           // vocab.PlacePrefix
	vPlacePreps                            // vocab.PlacePreps
	vPlaceSuffix                           // vocab.PlaceSuffix
	vPossPlaceWords                        // vocab.PossPlaceWords
	vPossessiveEponymNouns                 // vocab.PossessiveEponymNouns
	vReportCues                            // vocab.ReportCues
	vResidence                             // vocab.Residence
	vRoleAbbrev                            // vocab.RoleAbbrev
	vRunTogether                           // vocab.RunTogether
	vSignOffs                              // vocab.SignOffs
	vSiteWords                             // vocab.SiteWords
	vSocialTitles                          // vocab.SocialTitles
	vStateForms                            // vocab.StateForms
	vStopWords                             // vocab.StopWords
	vStreetPreps                           // vocab.StreetPreps
	vStrongStreetTypes                     // vocab.StrongStreetTypes
	vStrongTitles                          // vocab.StrongTitles
	vSubjectPronouns                       // vocab.SubjectPronouns
	vSubjectVerbs                          // vocab.SubjectVerbs
	vUnitWords                             // vocab.UnitWords
	vVenueCues                             // vocab.VenueCues
	vVenueNouns                            // vocab.VenueNouns
	vWardPrev                              // vocab.WardPrev
	vWeakCues                              // vocab.WeakCues
	vWeakStreetTypes                       // vocab.WeakStreetTypes
	vWeekdays                              // vocab.Weekdays
	numVocabSets
)

// wordLists is a set of vocabSets, one bit each.
type wordLists [(numVocabSets + 63) / 64]uint64

func (l *wordLists) has(s vocabSet) bool { return l[s>>6]>>(s&63)&1 != 0 }

func (l *wordLists) add(s vocabSet) { l[s>>6] |= 1 << (s & 63) }

// vocabSets are the lists, by vocabSet.
var vocabSets = [numVocabSets]func() vocab.Set{
	vAbbrevDot:             vocab.AbbrevDot,
	vAdminUnits:            vocab.AdminUnits,
	vAtPlaceVerbs:          vocab.AtPlaceVerbs,
	vBodyNouns:             vocab.BodyNouns,
	vCareCues:              vocab.CareCues,
	vCareSiteWords:         vocab.CareSiteWords,
	vChatWords:             vocab.ChatWords,
	vClauseOpeners:         vocab.ClauseOpeners,
	vClinicalMarkers:       vocab.ClinicalMarkers,
	vClinicalTerms:         vocab.ClinicalTerms,
	vCompass:               vocab.Compass,
	vCompassRegions:        vocab.CompassRegions,
	vContactVerbs:          vocab.ContactVerbs,
	vCredentials:           vocab.Credentials,
	vDeterminersBefore:     vocab.DeterminersBefore,
	vDischargeVerbs:        vocab.DischargeVerbs,
	vDrugNames:             vocab.DrugNames,
	vEponymNouns:           vocab.EponymNouns,
	vFacilityNouns:         vocab.FacilityNouns,
	vFanWords:              vocab.FanWords,
	vFollowerWords:         vocab.FollowerWords,
	vGenericVenue:          vocab.GenericVenue,
	vGreetings:             vocab.Greetings,
	vHospitalCues:          vocab.HospitalCues,
	vHospitalWords:         vocab.HospitalWords,
	vInterjections:         vocab.Interjections,
	vKinAbbrev:             vocab.KinAbbrev,
	vLineColours:           vocab.LineColours,
	vLookWords:             vocab.LookWords,
	vModals:                vocab.Modals,
	vMotion:                vocab.Motion,
	vNameHonorifics:        vocab.NameHonorifics,
	vNameIntro:             vocab.NameIntro,
	vNameParticles:         vocab.NameParticles,
	vOpeningVerbs:          vocab.OpeningVerbs,
	vOrgJoin:               vocab.OrgJoin,
	vPlaceJoin:             vocab.PlaceJoin,
	vPlacePrefix:           vocab.PlacePrefix,
	vPlacePreps:            vocab.PlacePreps,
	vPlaceSuffix:           vocab.PlaceSuffix,
	vPossPlaceWords:        vocab.PossPlaceWords,
	vPossessiveEponymNouns: vocab.PossessiveEponymNouns,
	vReportCues:            vocab.ReportCues,
	vResidence:             vocab.Residence,
	vRoleAbbrev:            vocab.RoleAbbrev,
	vRunTogether:           vocab.RunTogether,
	vSignOffs:              vocab.SignOffs,
	vSiteWords:             vocab.SiteWords,
	vSocialTitles:          vocab.SocialTitles,
	vStateForms:            vocab.StateForms,
	vStopWords:             vocab.StopWords,
	vStreetPreps:           vocab.StreetPreps,
	vStrongStreetTypes:     vocab.StrongStreetTypes,
	vStrongTitles:          vocab.StrongTitles,
	vSubjectPronouns:       vocab.SubjectPronouns,
	vSubjectVerbs:          vocab.SubjectVerbs,
	vUnitWords:             vocab.UnitWords,
	vVenueCues:             vocab.VenueCues,
	vVenueNouns:            vocab.VenueNouns,
	vWardPrev:              vocab.WardPrev,
	vWeakCues:              vocab.WeakCues,
	vWeakStreetTypes:       vocab.WeakStreetTypes,
	vWeekdays:              vocab.Weekdays,
}

// vocabIndex returns the lists each word of any of vocabSets is in.
var vocabIndex = sync.OnceValue(func() *listIndex {
	idx := map[string]wordLists{}
	for s, set := range vocabSets {
		for w := range set().All() {
			l := idx[w]
			l.add(vocabSet(s))
			idx[w] = l
		}
	}
	x := &listIndex{m: idx}
	bits := 64
	for bits < 16*len(idx) {
		bits *= 2
	}
	x.gate, x.mask = make([]uint64, bits/64), uint32(bits-1)
	for w := range idx {
		h := gateHash(w) & x.mask
		x.gate[h>>6] |= 1 << (h & 63)
	}
	return x
})

// listIndex is the index of vocabSets by word, with a gate in front of
// the map: one bit per word of a hash of its length and three of its
// bytes, set for every word of the index. Five in six of a text's distinct
// words are in no list; the gate turns nineteen in twenty of those away
// without hashing the whole word and probing the map.
type listIndex struct {
	m    map[string]wordLists
	gate []uint64
	mask uint32
}

// lists returns the lists w is in, as m[w] does.
func (x *listIndex) lists(w string) wordLists {
	if h := gateHash(w) & x.mask; x.gate[h>>6]&(1<<(h&63)) == 0 {
		return wordLists{}
	}
	return x.m[w]
}

// gateHash mixes the length of w with its first, middle and last bytes.
func gateHash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9e3779b1 ^ uint32(w[0]) ^ uint32(w[n/2])<<8 ^ uint32(w[n-1])<<16
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	return h
}

// in reports whether word t of the text is in list s, as
// vocabSets[s]().Has(t.Lower) does.
func (a *analysis) in(t *token, s vocabSet) bool { return a.lists[t.ID].has(s) }
