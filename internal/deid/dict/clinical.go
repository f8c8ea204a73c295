package dict

import (
	"strings"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Clinical notes are written in a register of their own: abbreviations,
// drug and device names, unit names and truncated words ("Vanco", "Levo",
// "Sats"), often in capitals. Many of these are also first names, surnames
// or GeoNames places (Aline, Neo, Foley, Hickman), and the word lists cannot
// tell them apart. So the analysis first decides whether a text reads as a
// clinical note (clinicalMarkers, counted once), and there a word of the
// clinical vocabulary (clinicalTerms, or a drug-like ending) needs context
// (a title, a kinship or role word, a place preposition) to be a name.

// clinicalMarkers are abbreviations that mark a clinical note; they are
// counted in any case. Ordinary English words are left out.
var clinicalMarkers = map[string]bool{
	"pt": true, "pts": true, "hr": true, "bp": true, "sbp": true, "dbp": true,
	"iv": true, "ivf": true, "po": true, "prn": true, "npo": true, "mg": true, "mcg": true,
	"meq": true, "cc": true, "ml": true, "icu": true, "micu": true, "sicu": true, "ccu": true,
	"csru": true, "pacu": true, "nicu": true, "cxr": true, "abg": true, "abgs": true,
	"ekg": true, "ecg": true, "nsr": true, "afib": true, "a-fib": true, "cvp": true,
	"peep": true, "fio2": true, "spo2": true, "sao2": true, "resp": true, "neuro": true,
	"gi": true, "gu": true, "ett": true, "ngt": true, "ogt": true, "picc": true,
	"foley": true, "tf": true, "tfs": true, "uop": true, "hct": true, "wbc": true,
	"inr": true, "ptt": true, "bun": true, "cr": true, "mag": true, "ivp": true,
	"dnr": true, "dni": true, "sob": true, "doe": true, "chf": true, "cad": true, "copd": true,
	"hpi": true, "pmh": true, "pmhx": true, "s/p": true, "w/": true, "r/o": true, "c/o": true,
	"rrt": true, "tele": true, "vss": true, "afeb": true, "lr": true, "ns": true, "d5w": true,
	"q1h": true, "q2h": true, "q4h": true, "q6h": true, "qd": true, "bid": true, "tid": true,
	"qid": true, "qhs": true, "ngtd": true, "cpap": true, "bipap": true, "vent": true,
	"intubated": true, "extubated": true, "sedated": true, "sats": true, "o2": true,
	"lasix": true, "heparin": true, "propofol": true, "fentanyl": true, "morphine": true,
	"tylenol": true, "ativan": true, "insulin": true, "dopamine": true, "levophed": true,
	"rr": true, "oob": true, "mae": true, "cta": true, "cdb": true, "ssi": true, "riss": true,
	"hob": true, "prbc": true, "prbcs": true, "ffp": true, "u/o": true, "i&o": true, "perrla": true,
}

// clinicalTerms are words of the clinical vocabulary that the name and
// place lists also hold, or that look like unknown proper nouns: devices,
// units, truncations and brand names. They are never names in a clinical
// note unless the context says so.
var clinicalTerms = map[string]bool{
	// devices and lines
	"aline": true, "a-line": true, "paline": true, "line": true, "foley": true, "hickman": true,
	"picc": true, "swan": true, "swan-ganz": true, "trach": true, "cpap": true, "bipap": true,
	"peg": true, "ett": true, "ngt": true, "ogt": true, "iabp": true, "jp": true, "pleurevac": true,
	"quinton": true, "groshong": true, "port-a-cath": true, "mediport": true, "ambu": true,
	"venti": true, "yankauer": true, "flexiseal": true, "rotoprone": true, "kinair": true,
	// units and places inside a hospital
	"micu": true, "sicu": true, "ccu": true, "csru": true, "pacu": true, "nicu": true, "picu": true,
	"ctic": true, "cvicu": true, "tsicu": true, "ed": true, "er": true, "ew": true, "osh": true,
	"rehab": true, "tele": true, "cath": true, "ir": true, "ot": true, "pt": true,
	// charting systems and forms
	"carevue": true, "careview": true, "metavision": true, "flowsheet": true,
	// truncations
	"vanco": true, "levo": true, "neo": true, "amio": true, "dobut": true, "dopa": true,
	"epi": true, "norepi": true, "ceftaz": true, "zosyn": true, "flagyl": true, "cipro": true,
	"levoflox": true, "gent": true, "tobra": true, "creat": true, "crit": true, "sats": true,
	"neuro": true, "pulm": true, "endo": true, "cardio": true, "gu": true, "gi": true, "ve": true,
	"abx": true, "afeb": true, "meq": true, "reg": true, "tol": true, "occ": true, "cont": true,
	"con't": true, "abg": true, "abgs": true, "resp": true, "vent": true, "hemody": true,
	"hemodynamics": true, "sternal": true, "apaced": true, "vpaced": true, "av-paced": true,
	"perla": true, "perrla": true, "mae": true, "max": true, "co": true, "ci": true, "fick": true,
	"afib": true, "a-fib": true, "aflutter": true, "nsr": true, "sb": true, "svt": true,
	"ct": true, "ph": true, "usoh": true, "dic": true, "nsicu": true, "pleth": true, "synch": true,
	// laboratory values and their shortenings
	"na": true, "alt": true, "ast": true, "alk": true, "phos": true, "hgb": true, "plt": true,
	"plts": true, "bili": true, "lft": true, "lfts": true, "ckmb": true, "trop": true, "lytes": true,
	"gluc": true, "tsh": true, "bnp": true, "esr": true, "crp": true, "hco3": true, "lac": true,
	"min": true, "fe": true, "vit": true, "ij": true, "tlc": true, "sc": true, "fem": true, "rad": true,
	// brand names and drugs the word lists lack or hold as names
	"colace": true, "senna": true, "flovent": true, "atrovent": true, "combivent": true,
	"percocet": true, "ambien": true, "ativan": true, "haldol": true, "lasix": true,
	"lopressor": true, "coumadin": true, "tylenol": true, "motrin": true, "protonix": true,
	"pepcid": true, "zantac": true, "reglan": true, "zofran": true, "dilaudid": true,
	"versed": true, "diprivan": true, "levophed": true, "neosynephrine": true, "nipride": true,
	"natrecor": true, "primacor": true, "milrinone": true, "integrilin": true, "aggrastat": true,
	"plavix": true, "lovenox": true, "kayexalate": true, "lactulose": true, "narcan": true,
	"respalor": true, "impact": true, "nepro": true, "jevity": true, "promote": true,
	"ensure": true, "glucerna": true, "vasopressin": true, "albuterol": true, "xopenex": true,
}

// drugNames are generic and brand names of drugs, feeds and supplies that
// wards use every day, and the shortenings nurses write for them. Many look
// like surnames no list knows ("Lovenox", "Unasyn"), some are names
// ("Ativan" aside, "Cipro", "Levo").
var drugNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		acetaminophen advil aleve allopurinol alprazolam amiodarone amlodipine amoxicillin
		ampicillin anzemet aprotinin argatroban aricept aspirin atenolol ativan atropine
		augmentin azithromycin bactrim benadryl beconase bicarb bumex buspar calan captopril
		carafate cardizem cefazolin cefepime ceftazidime ceftriaxone cefuroxime celexa
		cellcept chlorhexidine cipro clindamycin clinda clonidine clopidogrel cogentin colchicine
		compazine cordarone coreg cozaar cyclosporine dapsone decadron demerol depakote
		desitin dexamethasone dextrose diamox diazepam digoxin dilantin diltiazem diovan
		diphenhydramine dobutamine dobutrex docusate dopamine dulcolax duragesic effexor
		enalapril epinephrine epogen esmolol famotidine fentanyl flomax fluconazole
		fosphenytoin furosemide gabapentin gentamicin glipizide glyburide guaifenesin
		haloperidol heparin hespan hydralazine hydrocortisone hydromorphone imdur imipenem
		inderal insulin isordil keflex kefzol keppra ketorolac klonopin labetalol lactated
		lamictal lanoxin levaquin levofloxacin levothyroxine levoquin lidocaine linezolid
		lipitor lisinopril lopressor lorazepam lovenox magnesium mannitol maalox meropenem
		metformin methadone methylprednisolone metolazone metoprolol metronidazole micafungin
		midazolam milrinone mirtazapine morphine mucomyst mycostatin naloxone neurontin
		nexium nicardipine nifedipine nitroglycerin nitro norvasc novolog nystatin octreotide
		olanzapine omeprazole ondansetron oxycodone oxycontin pantoprazole paxil pepcid
		peptamen percocet phenergan phenobarb phenobarbital phenylephrine phenytoin pitressin
		plavix potassium pravachol prednisone prevacid procrit propofol protamine protonix
		prozac pulmicort quetiapine ranitidine risperdal risperidone ritalin rocephin
		sandostatin senokot serevent seroquel simvastatin solumedrol spironolactone
		succinylcholine sucralfate synthroid tamiflu tegretol thiamine timoptic tobramycin
		toprol toradol tramadol trazodone tricor tums ultracal ultram unasyn valium vancomycin
		vasotec vecuronium verapamil vicodin vitamin warfarin xanax zithromax zocor zoloft
		zyprexa zyvox afrin ambisome cancidas flolan kcl mso4 ntg prbc prbcs ffp plts
		osmolite pulmocare nutren promod vivonex isosource boost mdi mdis neb nebs
		foley aline picc swan cordis introducer trach shiley portex yankauer yankeur coude
		bair hugger kinair airmattress airmatress pneumoboots venodynes teds steristrips
		tegaderm duoderm mepilex xeroform kerlix ace ekg telemetry riker ramsay glasgow
		brady tachy bradycardic tachycardic tachypneic diuresing diuresis diurese extubation
		intubation reintubated postop preop pre-op post-op medflight`) {
		m[w] = true
	}
	return m
}()

// isClinical reports whether the text reads as a clinical note: at least
// three marker words, making up at least one word in fifty. Computed once.
func (a *analysis) isClinical() bool {
	if a.clinicalDone {
		return a.clinical
	}
	a.clinicalDone = true
	a.clinicalHits = clinicalMarkerCount(a.doc)
	a.clinical = clinicalShare(a.clinicalHits, len(a.toks))
	return a.clinical
}

// markerCount is the number of clinical markers among toks, also as the
// first part of a hyphenated word ("resp-lsc", "neuro-alert").
func markerCount(toks []token) int {
	hits := 0
	for k := range toks {
		w := toks[k].Lower
		if first, _, ok := strings.Cut(w, "-"); ok && first != "" {
			w = first
		}
		if clinicalMarkers[w] {
			hits++
		}
	}
	return hits
}

// clinicalShare reports whether hits markers among n words make a clinical
// note: at least three, and at least one word in fifty; or, in a note of a
// few lines ("Given Combivent and Flovent, SBP stable"), two that make one
// word in fifteen.
func clinicalShare(hits, n int) bool { return hits >= 3 && hits*50 >= n || hits >= 2 && hits*15 >= n }

// ClinicalNote reports whether the text of doc reads as a clinical note,
// as the dictionary recognizers decide it (isClinical), from the words of
// the document's analysis, counted once per document.
func ClinicalNote(doc *deid.Doc) bool {
	an := doc.Analysis()
	return clinicalShare(clinicalMarkerCount(an), len(an.Words()))
}

type markerKey struct{}

// clinicalMarkerCount is markerCount of the document's words, once per
// document.
func clinicalMarkerCount(an *deid.Analysis) int {
	return deid.AnalysisValue(an, markerKey{}, func() int { return markerCount(an.Words()) })
}

// clinicalWord reports whether word k is clinical vocabulary in a clinical
// note: a listed term, an abbreviation in capitals, or a word with a drug or
// procedure ending that no list knows as a word.
func (a *analysis) clinicalWord(k int) bool {
	t := &a.toks[k]
	if !a.isClinical() {
		// A short note in capitals with a clinical marker: its listed
		// devices and terms are still what they are ("PULLED OUT HER
		// OWN ALINE, BP STABLE").
		// A marker in capitals in a text with two of them ("DROP IN SBP").
		return t.Caps && a.clinicalHits > 0 && clinicalTerms[t.Lower] ||
			t.Shape == shapeUpper && a.clinicalHits >= 2 && clinicalMarkers[t.Lower]
	}
	if a.eponym(k) {
		return true
	}
	if ClinicalTerm(t.Lower) {
		return true
	}
	if a.clinicalCompound(t.Lower) || CapsThenLower(t.Text) {
		return true
	}
	if t.Shape != shapeLower && a.lex.InCategory(lexicon.Language, t.Text) {
		return true // "Spanish speaking only": the patient's language
	}
	f := a.f(k)
	if drugTruncations[t.Lower] && (f.wl == 0 || f.wl > typoLevel) && f.births < 1000 && (f.surname == 0 || f.surname > 20000) {
		return true // "Fent", "Vanc": a drug name cut short
	}
	if f.wl != 0 || f.births >= 1000 {
		return false
	}
	if medicalShape(t.Lower) || DrugShaped(t.Lower) {
		return true
	}
	// A misspelt word ("Imtermittant", "Recieved", "Cardic"), unless it is
	// a surname of some frequency.
	if f.surname != 0 && f.surname <= 20000 || t.Letters < 5 {
		return false
	}
	v, ok := a.typos[t.Lower]
	if !ok {
		v = Misspelt(a.lex, t.Lower) || gluedWords(a.lex, t.Lower) ||
			f.births == 0 && f.surname == 0 && nearMisspelt(a.lex, t.Lower)
		if a.typos == nil {
			a.typos = map[string]bool{}
		}
		a.typos[t.Lower] = v
	}
	return v
}

// clinicalCompound reports whether lw is a hyphenated word of a clinical
// note that opens with a heading letter, a clinical term, a common word
// that is no name, or a common word before a clinical term: "a/p-stable",
// "gu-foley", "abgs-see", "post-extubation". A double-barrelled name
// ("Lusk-Carver", "Lou-Bette") opens with a name.
func (a *analysis) clinicalCompound(lw string) bool {
	first, rest, ok := strings.Cut(lw, "-")
	if !ok {
		return false
	}
	if utf8.RuneCountInString(first) == 1 || ClinicalTerm(first) {
		return true
	}
	lv, isWord := a.lex.WordLevel(first)
	if !isWord || lv > 50 {
		return false
	}
	if second, _, _ := strings.Cut(rest, "-"); ClinicalTerm(second) {
		return true // "post-extubation", "post-cath"
	}
	if _, _, isFirst := a.lex.FirstName(first); isFirst {
		return false
	}
	_, isSurname := a.lex.Surname(first)
	return !isSurname
}

// CapsThenLower reports whether w opens with two capitals or more and goes
// on in lower case ("PMed", "DEline", "NSicu", "LLleg"): an abbreviation run
// into a word, or a word typed with the shift key held; names are written
// "Mark", "McKay", "LaToya".
func CapsThenLower(w string) bool {
	n := 0
	for n < len(w) && w[n] >= 'A' && w[n] <= 'Z' {
		n++
	}
	if n < 2 || n == len(w) {
		return false
	}
	for i := n; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// ClinicalTerm reports whether the lower-case word w is clinical vocabulary
// that the name and place lists may also hold ("aline", "neuro", "carevue",
// "tylenol"): in a clinical note such a word is a name only with context.
// The prose recognizer vets its entities with it.
func ClinicalTerm(w string) bool {
	return clinicalTerms[w] || clinicalMarkers[w] || drugNames[w] || clinicalVocab[w]
}

// MedicalShape reports whether w, a lower-case word that no list knows,
// ends like a drug or a clinical term ("milrinone", "mesalamine").
func MedicalShape(w string) bool { return medicalShape(w) }

// drugStems are the endings of international non-proprietary drug names
// (WHO INN stems): no first name or surname ends so.
var drugStems = []string{"mycin", "micin", "pril", "olol", "azole", "statin", "parin",
	"cillin", "floxacin", "oxacin", "prazole", "sartan", "dipine", "clovir", "navir", "mab",
	"tinib", "terol", "azepam", "azolam", "cycline", "profen", "tidine", "setron",
	"triptan", "gliptin", "glitazone", "dronate", "phylline", "semide", "thiazide", "xaban",
	"gatran", "lukast", "coxib", "tiazem", "floxin", "vudine", "conazole", "bactam", "penem",
	"sporin", "oxone", "triaxone", "quinolone", "barbital", "tyline", "oxetine", "apine",
	"peridol", "pramine", "caine", "curium", "uronium", "nitrate", "steroid"}

// DrugShaped reports whether the lower-case word lw ends with a drug stem
// and is long enough to be a drug name rather than a short word that
// happens to end so.
func DrugShaped(lw string) bool {
	if utf8.RuneCountInString(lw) < 7 {
		return false
	}
	for _, s := range drugStems {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

// typoLevel is the highest SCOWL level of a word whose misspellings are
// recognised: common words are the ones notes misspell in passing.
const typoLevel = 50

// Misspelt reports whether lw, a lower-case word of five or more letters
// that no list knows, is one edit (a letter dropped, added, changed or two
// swapped) from a common dictionary word or a clinical term: "ptient",
// "cardic", "recieved", "yankaur". A name no list knows is seldom that close
// to an everyday word.
func Misspelt(lex *lexicon.Lexicon, lw string) bool {
	if len(lw) < 5 || len(lw) > 24 {
		return false
	}
	for _, r := range lw {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return oneEditFromKnown(lex, lw)
}

// oneEditFromKnown is Misspelt without the checks.
func oneEditFromKnown(lex *lexicon.Lexicon, lw string) bool {
	filter := typoFilterFor(lex)
	// The filter is asked of the candidate's bytes: nearly every
	// candidate fails it, and then no string is made of it.
	known := func(b []byte) bool {
		if !filter.mayHoldBytes(b) {
			return false
		}
		c := string(b)
		lv, ok := lex.WordLevel(c)
		return ok && lv <= typoLevel || ClinicalTerm(c)
	}
	b := []byte(lw)
	buf := make([]byte, 0, len(b)+1)
	for i := range b {
		// a letter too many
		buf = append(append(buf[:0], b[:i]...), b[i+1:]...)
		if known(buf) {
			return true
		}
		// two letters swapped
		if i+1 < len(b) && b[i] != b[i+1] {
			buf = append(buf[:0], b...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			if known(buf) {
				return true
			}
		}
	}
	for i := 0; i <= len(b); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			// a letter left out
			buf = append(append(append(buf[:0], b[:i]...), c), b[i:]...)
			if known(buf) {
				return true
			}
			// a letter changed
			if i < len(b) && c != b[i] {
				buf = append(buf[:0], b...)
				buf[i] = c
				if known(buf) {
					return true
				}
			}
		}
	}
	return false
}

// typoSources is a bit set over the hashes of the words a misspelling is
// looked for from (common words and clinical terms): a candidate whose bit
// is clear is neither, which spares the lookups of nearly all the edits
// Misspelt tries.
type typoSources struct {
	bits []uint64
}

const typoBits = 1 << 20 // about 64,000 words set: one candidate in 16 passes

type typoKey struct{}

// typoFilterFor returns the filter of lex's words, made once per lexicon
// and kept with it.
func typoFilterFor(lex *lexicon.Lexicon) *typoSources {
	return lexicon.Derived(lex, typoKey{}, buildTypoFilter)
}

func buildTypoFilter(lex *lexicon.Lexicon) *typoSources {
	f := &typoSources{bits: make([]uint64, typoBits/64)}
	for w, lv := range lex.Words() {
		if lv <= typoLevel {
			f.add(w)
		}
	}
	for _, m := range []map[string]bool{clinicalTerms, clinicalMarkers, drugNames, clinicalVocab} {
		for w := range m {
			f.add(w)
		}
	}
	return f
}

func typoHash(s string) uint32 {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h % typoBits
}

func (f *typoSources) add(w string) {
	h := typoHash(w)
	f.bits[h/64] |= 1 << (h % 64)
}

// mayHold reports whether w may be one of the filter's words; false is
// certain.
func (f *typoSources) mayHold(w string) bool {
	h := typoHash(w)
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// mayHoldBytes is mayHold(string(b)).
func (f *typoSources) mayHoldBytes(b []byte) bool {
	h := uint32(2166136261) // typoHash's FNV-1a
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	h %= typoBits
	return f.bits[h/64]&(1<<(h%64)) != 0
}
