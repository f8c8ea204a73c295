package rules

import (
	"math/rand"
	"reflect"
	"slices"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// TestTokensFromWordsIsTokenize compares the tokens made from the words of
// a document's analysis with tokenizeAll's (tokens, next digits and
// inner) on random texts that mix words with what deid.Tokenize joins or
// splits otherwise than tokenizeAll: inner apostrophes and hyphens,
// possessives, '_', letters and digits beyond ASCII, combining marks,
// invalid bytes, capitals, words of more than 24 letters.
func TestTokensFromWordsIsTokenize(t *testing.T) {
	r := rand.New(rand.NewSource(12))
	pieces := append(slices.Clone(rulePieces), "abcdefghijklmnopqrstuvwxyzabcdefgh", "x1_y", "_", "__", "_a", "a_",
		"\xff", "\xe2\x80", "ü", "٣", "Ⅻ", "a\u0301", "\u0301", "O'Neill", "Lou-Bette", "Rob-who", "CARAFATE-W. CASTELLI",
		"son-in-law", "Jo's", "Jo’s", "Idris's", "s", "'s", "’", "‐", "‑", "—", "KELVIN", "\u212a", "İ", "x2", "2x", "e-mail",
		"blog", "newsletter", "Newsletter", "podcast", "A", "I", "é1", "1é", "ab12cd", "Dr.", "R.", "\"", "?", "!")
	made := 0
	check := func(text string) {
		t.Helper()
		doc := &deid.Doc{Text: text}
		gotTs, gotInner := tokensFromWords(text, doc.Analysis().Words())
		wantTs, wantInner := tokenizeAll(text)
		if !slices.Equal(gotTs, wantTs) || gotInner != wantInner {
			t.Fatalf("tokensFromWords(%q)\n got %v %v\nwant %v %v", text, gotTs, gotInner, wantTs, wantInner)
		}
		made += len(gotTs)
	}
	for i := 0; i < 30000; i++ {
		check(randomText(r, pieces, r.Intn(60)))
	}
	for _, text := range benchtext.Texts(32) {
		check(text)
	}
	if made < 300000 {
		t.Errorf("only %d tokens compared", made)
	}
	// And the shared tokens are these.
	text := "Seen by Dr. O'Neill at 14 Elm St, file ab12cd_x on 3/4/21."
	doc := &deid.Doc{Text: text}
	if got, _ := tokenizeAll(text); !reflect.DeepEqual(docTokens(doc), got) {
		t.Fatalf("docTokens(%q) = %v, want %v", text, docTokens(doc), got)
	}
}
