package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// TestReflectiveProse runs the whole pipeline on sentences of the kind the
// product's users write (a nurse's night shift, a home visit, a supervision
// note): each named identifier must be gone from the output, and each
// phrase of ordinary prose must be left as written.
func TestReflectiveProse(t *testing.T) {
	eng := engineForTest(t)
	for _, tt := range []struct {
		text string
		gone []string // identifiers that must not survive
		kept []string // ordinary prose that must survive unchanged
	}{
		{"Over coffee, Mr Kowalczyk's daughter told me Mr Kowalczyk's tumour was back.", []string{"Kowalczyk"}, []string{"tumour was back"}},
		{"BP 90/60, HR 110. Jenny's drain emptied. Mrs Dlamini's ulcer redressed.", []string{"Jenny", "Dlamini"}, []string{"drain emptied", "ulcer redressed"}},
		{"Frank this time refused to let me in.", []string{"Frank"}, []string{"this time refused"}},
		{"Hope you are well. Mark my words: it gets easier.", nil, []string{"Hope you are well", "Mark my words"}},
		{"He has Parkinson's disease and Down syndrome.", nil, []string{"Parkinson's disease", "Down syndrome"}},
		{"Weeks went by. Nothing changed for Odette.", []string{"Odette"}, []string{"Weeks went by. Nothing changed"}},
		{"My patient, who is 45, lives alone.", nil, []string{"My patient, who is in their mid-40s"}},
		{"I met the family at the ICU cafe and again at the NHS library.", nil, []string{"the ICU cafe", "the NHS library"}},
		{"Neurodivergent kids often struggle with noise.", nil, []string{"Neurodivergent kids"}},
		{"The hearing was moved up to 4/11 at short notice.", []string{"4/11"}, []string{"moved up to"}},
		{"Walter was 97 when he came to us.", []string{"Walter", "97"}, []string{"was over 89 when"}},
		{"The Supreme Court ruled on it; the Court of Appeal agreed.", nil, []string{"The Supreme Court", "the Court of Appeal"}},
	} {
		res, err := eng.Deidentify(context.Background(), &deid.Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range tt.gone {
			if strings.Contains(res.Text, g) {
				t.Errorf("%q -> %q: %q survived", tt.text, res.Text, g)
			}
		}
		for _, k := range tt.kept {
			if !strings.Contains(res.Text, k) {
				t.Errorf("%q -> %q: want %q as written", tt.text, res.Text, k)
			}
		}
	}
}
