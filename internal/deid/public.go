package deid

import "sync"

// publicTerms name public programmes, laws, agencies, classifications and
// large charities that case writing mentions all the time and that identify
// no one: a client "on Medicaid" or helped by "the Red Cross" is one of
// millions. They are allowed by default, like the author's allow list;
// the author's known list still wins over them. Matching ignores case, so
// nothing here may also be a name ("Ada", "Chip") or a common word.
var publicTerms = []string{
	// US programmes, laws and agencies
	"Medicaid", "Medicare", "Social Security", "SSI", "SSDI", "SNAP", "WIC", "TANF",
	"Section 8", "Head Start", "Early Head Start", "HIPAA", "FERPA", "IDEA", "Affordable Care Act",
	"Obamacare", "FEMA", "CDC", "FDA", "NIH", "SAMHSA", "HUD", "Veterans Affairs", "CPS",
	"Child Protective Services", "Adult Protective Services", "APS", "Department of Veterans Affairs",
	// Elsewhere
	"NHS", "CQC", "Ofsted", "Medicare Australia", "Centrelink", "World Health Organization",
	"UNICEF", "United Nations", "European Union",
	// Charities and mutual-aid fellowships
	"Red Cross", "Red Crescent", "Salvation Army", "United Way", "YMCA", "YWCA", "Planned Parenthood",
	"Alcoholics Anonymous", "Narcotics Anonymous", "Al-Anon", "Alateen", "AmeriCorps", "Peace Corps",
	"Meals on Wheels", "Habitat for Humanity", "Samaritans", "Age UK", "Big Brothers Big Sisters",
	// Professional bodies, codes and classifications
	"NASW", "ACA", "APA", "BASW", "NMC", "HCPC", "DSM", "DSM-5", "DSM-5-TR", "ICD-10", "ICD-11",
}

var (
	publicOnce sync.Once
	publicSet  *termSet
)

// publicTermSet is the matcher for publicTerms, built once per process.
func publicTermSet() *termSet {
	publicOnce.Do(func() { publicSet = newTermSet(publicTerms) })
	return publicSet
}
