package risk

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/veil-blog/veil/internal/risk/phrase"
)

// DefaultMinCrowd is the smallest crowd a published post may leave: a crowd of 20 is a 0.05
// chance that a match is the person, El Emam's maximum risk for public data releases.
const DefaultMinCrowd = 20

// Policy is the risk configuration.
type Policy struct {
	// MinCrowd: a post whose crowd is smaller is held back.
	MinCrowd float64
	// HomeArea is the area a post's people live in when the post states none: an ISO 3166
	// country code ("US") or a US Census region ("west"). Empty means the US.
	HomeArea string
	// Accept lists the details the author decided to publish (front matter veil.accept).
	Accept []Accept
	// Flag lists the kinds of direct identifier (deid kinds: "contact", "id", ...) whose
	// presence in a post holds it back for the author's review, even though the
	// de-identifier replaced them (risk.flag).
	Flag []string
	// People are the published offsets where the de-identifier put a person's
	// pseudonym (PersonStarts): the sentences holding them describe a person.
	People []int
}

// Flags reports whether the policy holds back posts in which an identifier of kind was
// found.
func (p Policy) Flags(kind string) bool {
	for _, k := range p.Flag {
		if k == kind {
			return true
		}
	}
	return false
}

// FlagIdentifier holds the post back for a direct identifier of a kind the configuration
// flags, found at line:col (0: unknown) of the source: its reason comes first.
func (v *Verdict) FlagIdentifier(kind string, line, col int) {
	pos := ""
	if line > 0 {
		pos = fmt.Sprintf(" at %d:%d", line, col)
	}
	r := fmt.Sprintf("%s%s: a direct identifier of a kind risk.flag holds back; it is replaced in the text, but review the post (take it out, or remove %q from risk.flag)", kind, pos, kind)
	if !v.Blocked {
		v.Reasons = nil
	}
	v.Blocked = true
	v.Reasons = append([]string{r}, v.Reasons...)
}

// Accept is one author decision: the detail whose published text contains Text is
// published, for Reason.
type Accept struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Kind of a rare detail.
const (
	KindCondition   = "condition"
	KindOccupation  = "occupation"
	KindRole        = "role"
	KindLanguage    = "language"
	KindNationality = "nationality"
	KindReligion    = "religion"
	KindAge         = "age"
	KindSex         = "sex"
	KindChildren    = "children"
	KindUnique      = "uniqueness"
	KindDistinction = "distinction"
	KindEvent       = "event"
	KindMedia       = "media"
	KindRareWord    = "rare-word"
	KindArea        = "area"
)

// Detail is one rare detail found in the published text.
type Detail struct {
	Kind string `json:"kind"`
	// Text is the detail as it will be published (after replacement). Reports print it
	// only when asked to show originals.
	Text string `json:"text,omitempty"`
	// Start and End are byte offsets in the published text.
	Start int `json:"-"`
	End   int `json:"-"`
	// Line and Col place the detail in the source file (1-based); set by the caller
	// that knows the file (site), 0 otherwise.
	Line int `json:"line,omitempty"`
	Col  int `json:"col,omitempty"`
	// Factor is the detail's selectivity: the share of people it fits (1 for a cap).
	Factor float64 `json:"factor"`
	// Cap, when positive, is the most people the detail can fit ("the only ...": 1).
	Cap float64 `json:"cap,omitempty"`
	// Why says where the factor comes from.
	Why string `json:"why"`
	// Counted is false when another detail implies this one or is a stronger one of the
	// same kind (two ages may be two people's), or the author accepted it.
	Counted   bool   `json:"counted"`
	ImpliedBy string `json:"impliedBy,omitempty"`
	// Accepted is set when a front-matter accept entry matched; the reason is the author's.
	Accepted     bool   `json:"accepted,omitempty"`
	AcceptReason string `json:"acceptReason,omitempty"`
	// Say is a concrete, less specific wording; EditFactor its selectivity (1: leave the
	// detail out).
	Say        string  `json:"say,omitempty"`
	EditFactor float64 `json:"-"`
}

// Edit is a suggested change and the crowd it leaves.
type Edit struct {
	Detail int    `json:"detail"` // index into Verdict.Details
	Say    string `json:"say"`
	// Crowd after this edit alone, and after it and every edit listed before it.
	CrowdAfter      float64 `json:"crowdAfter"`
	CrowdAfterAbove float64 `json:"crowdAfterWithAbove"`
}

// Verdict is the outcome of scoring one post.
type Verdict struct {
	// Score is the chance that a reader who finds someone matching every detail has found
	// the right person: (1 - e^-λ)/λ for a crowd λ (Rocher et al. 2019).
	Score    float64 `json:"score"`
	Crowd    float64 `json:"crowd"`
	MinCrowd float64 `json:"minCrowd"`
	Blocked  bool    `json:"blocked"`
	// Area is the smallest area the post states or implies, and its population N.
	Area           string   `json:"area"`
	AreaPopulation float64  `json:"areaPopulation"`
	Details        []Detail `json:"details"`
	// Smallest lists (indices into Details) the fewest details that already bring the
	// crowd under MinCrowd.
	Smallest []int  `json:"smallest,omitempty"`
	Edits    []Edit `json:"edits,omitempty"`
	// Reasons say why, most important first; the first is the top reason.
	Reasons []string `json:"reasons"`
	// Unmatched lists accept entries that matched no detail.
	Unmatched []string `json:"unmatched,omitempty"`

	areaWider float64 // the area's population without a stated number
}

// Score is (1 - e^-λ)/λ, the expected chance a match is right when λ people are expected
// to match; 1 for λ at or below 0.
func Score(lambda float64) float64 {
	if lambda <= 1e-9 {
		return 1
	}
	return -math.Expm1(-lambda) / lambda
}

// Assess finds the rare details of text (the post as it will be published, after
// replacement), estimates the crowd and decides.
func Assess(text string, p Policy) Verdict {
	return NewModel(DefaultTables()).Assess(text, p)
}

// Model scores texts with a set of tables.
type Model struct {
	t *Tables
}

// NewModel returns a model over t.
func NewModel(t *Tables) *Model { return &Model{t: t} }

// Assess: see the package function.
func (m *Model) Assess(text string, p Policy) Verdict {
	if p.MinCrowd <= 0 {
		p.MinCrowd = DefaultMinCrowd
	}
	f := newFinder(m.t, text)
	f.markPeople(p.People)
	area := f.area(p.HomeArea)
	details := f.details()
	f.release()
	v := Verdict{MinCrowd: p.MinCrowd, Area: area.name, AreaPopulation: area.pop, areaWider: area.wider}
	if area.detail != nil {
		details = append(details, *area.detail)
	}
	sort.SliceStable(details, func(i, j int) bool { return details[i].Start < details[j].Start })
	v.Unmatched = accept(details, p.Accept)
	markCounted(details)
	v.Details = details
	v.Crowd = crowd(area.pop, details, nil)
	v.Score = Score(v.Crowd)
	v.Blocked = v.Crowd < p.MinCrowd
	explain(&v)
	return v
}

// Explained rewrites a verdict's reasons and edits, for a caller that has since set the
// details' positions.
func Explained(v Verdict) Verdict {
	v.Reasons, v.Edits, v.Smallest = nil, nil, nil
	explain(&v)
	return v
}

// accept marks the details that an author decision covers and returns the entries that
// matched none.
func accept(details []Detail, acc []Accept) []string {
	var unmatched []string
	for _, a := range acc {
		k := phrase.Key(a.Text)
		hit := false
		for i := range details {
			d := &details[i]
			dk := phrase.Key(d.Text)
			// Whole words only: accepting "the only ferryman" covers "ferryman", not "he".
			if k != "" && dk != "" && (strings.Contains(" "+dk+" ", " "+k+" ") || strings.Contains(" "+k+" ", " "+dk+" ")) {
				d.Accepted, d.AcceptReason, hit = true, a.Reason, true
			}
		}
		if !hit {
			unmatched = append(unmatched, a.Text)
		}
	}
	return unmatched
}

// markCounted decides which details multiply: accepted details do not; of each kind only
// the most selective counts (two ages in a post may be two people's), and a cap makes the
// details it implies (the role of "the only ...", the occupation of a medallist) redundant
// only in the sense that the cap already bounds them, so they still count.
func markCounted(details []Detail) {
	best := map[string]int{}
	for i := range details {
		d := &details[i]
		d.Counted = !d.Accepted
		if !d.Counted || d.Kind == KindArea || d.Cap > 0 {
			// Caps do not multiply: the smallest one bounds the crowd, and each stays
			// counted so that an edit of one leaves the others in force.
			continue
		}
		if j, ok := best[d.Kind]; ok {
			o := &details[j]
			if strength(*d) > strength(*o) {
				o.Counted, o.ImpliedBy = false, fmt.Sprintf("a stronger %s detail", d.Kind)
				best[d.Kind] = i
			} else {
				d.Counted, d.ImpliedBy = false, fmt.Sprintf("a stronger %s detail", d.Kind)
			}
			continue
		}
		best[d.Kind] = i
	}
	// A parent of n children is a woman or a man by the word used; the sex detail is the
	// same fact.
	for i := range details {
		if details[i].Kind == KindDistinction && details[i].Counted {
			for j := range details {
				if details[j].Kind == KindOccupation && details[j].Counted && strings.HasPrefix(details[j].Why, "BLS 27") {
					details[j].Counted, details[j].ImpliedBy = false, "the distinction (an athlete)"
				}
			}
		}
	}
}

// strength orders details of one kind: a cap beats any factor, then the smaller factor.
func strength(d Detail) float64 {
	if d.Cap > 0 {
		return 1e12 / d.Cap
	}
	return 1 / d.Factor
}

// crowd is λ = N × Π s_i over counted details, capped by the smallest cap; edits replaces
// the factor of some details (index -> factor; a factor of 1 and cap 0 drops the detail).
func crowd(n float64, details []Detail, edits map[int]float64) float64 {
	l := n
	capv := math.Inf(1)
	for i, d := range details {
		if !d.Counted || d.Kind == KindArea {
			continue
		}
		f, c := d.Factor, d.Cap
		if e, ok := edits[i]; ok {
			f, c = e, 0
		}
		l *= f
		if c > 0 {
			capv = min(capv, c)
		}
	}
	return min(l, capv)
}

// explain fills the smallest set, the edits and the reasons.
func explain(v *Verdict) {
	var idx []int
	if len(v.Details) > 0 {
		idx = make([]int, 0, len(v.Details))
	}
	for i, d := range v.Details {
		if d.Counted && d.Kind != KindArea {
			idx = append(idx, i)
		}
	}
	// Impact: how much the crowd grows without the detail.
	impact := func(i int) float64 {
		return crowd(v.AreaPopulation, v.Details, map[int]float64{i: 1}) / math.Max(v.Crowd, 1e-12)
	}
	imp := make(map[int]float64, len(idx))
	for _, i := range idx {
		imp[i] = impact(i)
	}
	if len(idx) > 1 { // (sort.SliceStable allocates even for one element)
		sort.SliceStable(idx, func(a, b int) bool { return imp[idx[a]] > imp[idx[b]] })
	}
	if v.Blocked {
		v.Smallest = smallest(v.AreaPopulation, v.Details, idx, v.MinCrowd)
		// Greedy: at each step the edit that raises the crowd most, until the crowd is
		// large enough or no edit helps.
		edits := map[int]float64{}
		cur := v.Crowd
		for len(v.Edits) < 8 && cur < v.MinCrowd {
			bestI, bestC := -1, cur
			for _, i := range idx {
				d := v.Details[i]
				if _, done := edits[i]; done || d.Say == "" {
					continue
				}
				edits[i] = d.EditFactor
				if c := crowd(v.AreaPopulation, v.Details, edits); c > bestC*1.0001 {
					bestI, bestC = i, c
				}
				delete(edits, i)
			}
			if bestI < 0 {
				break
			}
			d := v.Details[bestI]
			alone := crowd(v.AreaPopulation, v.Details, map[int]float64{bestI: d.EditFactor})
			edits[bestI] = d.EditFactor
			cur = bestC
			v.Edits = append(v.Edits, Edit{Detail: bestI, Say: d.Say, CrowdAfter: alone, CrowdAfterAbove: cur})
		}
		if v.areaWider > 0 {
			// An area edit changes N, not a factor.
			for i, d := range v.Details {
				if d.Kind == KindArea && d.Counted {
					// Alone, and together with the edits above it, as for the others.
					after := crowd(v.areaWider, v.Details, nil)
					v.Edits = append(v.Edits, Edit{Detail: i, Say: d.Say, CrowdAfter: after, CrowdAfterAbove: crowd(v.areaWider, v.Details, edits)})
				}
			}
		}
		top := "the details together"
		if len(idx) > 0 {
			top = describe(v.Details[idx[0]])
		}
		v.Reasons = make([]string, 0, min(4, 1+len(idx)))
		v.Reasons = append(v.Reasons, "crowd "+Num(v.Crowd)+" is under the minimum of "+Num(v.MinCrowd)+"; top reason: "+top)
	} else {
		v.Reasons = make([]string, 0, min(4, 1+len(idx)))
		v.Reasons = append(v.Reasons, "crowd "+Num(v.Crowd)+" is at least the minimum of "+Num(v.MinCrowd))
	}
	for _, i := range idx {
		if len(v.Reasons) >= 4 {
			break
		}
		v.Reasons = append(v.Reasons, describe(v.Details[i]))
	}
}

// smallest returns the fewest of the counted details (idx) whose crowd alone is under min;
// exhaustive for up to 14 details, greedy by impact beyond.
func smallest(n float64, details []Detail, idx []int, minCrowd float64) []int {
	only := func(set []int) float64 {
		sub := make([]Detail, len(details))
		copy(sub, details)
		in := map[int]bool{}
		for _, i := range set {
			in[i] = true
		}
		for i := range sub {
			if !in[i] {
				sub[i].Counted = false
			}
		}
		return crowd(n, sub, nil)
	}
	if len(idx) <= 14 {
		for size := 1; size <= len(idx); size++ {
			var found []int
			var rec func(start int, cur []int) bool
			rec = func(start int, cur []int) bool {
				if len(cur) == size {
					if only(cur) < minCrowd {
						found = append([]int(nil), cur...)
						return true
					}
					return false
				}
				for k := start; k < len(idx); k++ {
					if rec(k+1, append(cur, idx[k])) {
						return true
					}
				}
				return false
			}
			if rec(0, nil) {
				sort.Ints(found)
				return found
			}
		}
		return nil
	}
	var cur []int
	for _, i := range idx {
		cur = append(cur, i)
		if only(cur) < minCrowd {
			sort.Ints(cur)
			return cur
		}
	}
	return nil
}

// describe says what a detail contributes, without its text. The strings are joined, not
// formatted by fmt (reasons are written twice for every post of a build: by Assess and,
// once the positions are known, by Explained); TestDescribeIsFmt compares them with fmt's.
func describe(d Detail) string {
	pos := ""
	if d.Line > 0 {
		pos = " at " + strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Col)
	}
	if d.Cap > 0 {
		return d.Kind + pos + " caps the crowd at " + Num(d.Cap) + " (" + d.Why + ")"
	}
	return d.Kind + pos + ": factor " + Num(d.Factor) + " (" + d.Why + ")"
}

// Num formats a crowd or factor for people: 3 significant digits, no exponent above 1e-4.
// strconv writes what fmt's %.0f, %.3g and %.2g do (TestNumIsFmt).
func Num(x float64) string {
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x):
		return fmt.Sprint(x)
	case x >= 1000:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case x >= 1e-4 || x == 0:
		return strconv.FormatFloat(x, 'g', 3, 64)
	}
	return strconv.FormatFloat(x, 'g', 2, 64)
}
