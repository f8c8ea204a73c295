package ner

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAnchor(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		tokens []string
		want   []string // the text each token is anchored to; "" if skipped
	}{
		{"plain", "I met Jon Dawes.", []string{"I", "met", "Jon", "Dawes", "."},
			[]string{"I", "met", "Jon", "Dawes", "."}},
		{"curly quotes", "\u201cHello,\u201d said \u2018Ann\u2019.", []string{`"`, "Hello", ",", `"`, "said", "'Ann", "'", "."},
			[]string{"\u201c", "Hello", ",", "\u201d", "said", "\u2018Ann", "\u2019", "."}},
		{"curly apostrophe in a contraction", "She didn\u2019t go.", []string{"She", "did", "n't", "go", "."},
			[]string{"She", "did", "n\u2019t", "go", "."}},
		{"html rsquo", "Bob&rsquo;s car", []string{"Bob", "'s", "car"},
			[]string{"Bob", "&rsquo;s", "car"}},
		{"contractions", "don't they'll I'm", []string{"do", "n't", "they", "'ll", "I", "'m"},
			[]string{"do", "n't", "they", "'ll", "I", "'m"}},
		{"currency", "It cost $100 (or so).", []string{"It", "cost", "$", "100", "(", "or", "so", ")", "."},
			[]string{"It", "cost", "$", "100", "(", "or", "so", ")", "."}},
		{"emoji and emoticons", "great 😀 :-) ok", []string{"great", "😀", ":-)", "ok"},
			[]string{"great", "😀", ":-)", "ok"}},
		{"tabs and other white space", "a\tb\u00a0c\u3000d\r\ne", []string{"a", "b", "c", "d", "e"},
			[]string{"a", "b", "c", "d", "e"}},
		{"invalid UTF-8", "Ann \xff\xfe went", []string{"Ann", "\xff\xfe", "went"},
			[]string{"Ann", "\xff\xfe", "went"}},
		{"dropped piece resynchronises", "\u201cDon\u2019t,\u201d said Ann", []string{`"`, "Do", "said", "Ann"},
			[]string{"\u201c", "Do", "said", "Ann"}},
		{"unknown token is skipped", "Ann met Bob", []string{"Ann", "zzz", "met", "Bob"},
			[]string{"Ann", "", "met", "Bob"}},
		{"repeated tokens keep order", "la la la", []string{"la", "la", "la"},
			[]string{"la", "la", "la"}},
		{"empty token", "a b", []string{"a", "", "b"}, []string{"a", "", "b"}},
		{"no tokens", "abc", nil, nil},
		{"empty text", "", []string{"a"}, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := anchor(tt.text, tt.tokens)
			if len(spans) != len(tt.tokens) {
				t.Fatalf("got %d spans for %d tokens", len(spans), len(tt.tokens))
			}
			prev := 0
			for i, sp := range spans {
				got := ""
				if sp.Found() {
					if sp.Start < prev || sp.End > len(tt.text) || sp.Start >= sp.End {
						t.Fatalf("token %d: span %v out of order or range (prev end %d)", i, sp, prev)
					}
					got = tt.text[sp.Start:sp.End]
					prev = sp.End
				}
				if got != tt.want[i] {
					t.Errorf("token %d %q: anchored to %q, want %q", i, tt.tokens[i], got, tt.want[i])
				}
			}
		})
	}
}

// TestAnchorProseTokens anchors the tokens prose itself produces, so that a
// change in prose's tokenizer shows up here.
func TestAnchorProseTokens(t *testing.T) {
	d := New()
	for _, text := range []string{
		"\u201cDon\u2019t,\u201d said Dr. Jane Doe of Microsoft in New York City. It's $100 :-) \U0001F600 ok\tdone",
		"Bob&rsquo;s (very) \u2018odd\u2019 friend [Ann] paid $5.50; they'll see!",
		"Ann \xff went to \xc3 Vienna\x80 with \xe2\x80 Bob.",
		"\u023a\u023a\u023a's \xff\xff's \u0130stanbul \u212aelvin",
	} {
		toks, seen, ok := d.tag(text, nil)
		if !ok {
			t.Fatalf("prose failed on %q", text)
		}
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = tk.Text
		}
		for i, sp := range anchor(seen, words) {
			if !sp.Found() {
				t.Errorf("%q: token %d %q not anchored", text, i, words[i])
				continue
			}
			safe := seen
			if !utf8.RuneStart(safe[sp.Start]) || sp.End < len(safe) && !utf8.RuneStart(safe[sp.End]) {
				t.Errorf("%q: token %q at %v not on rune boundaries", text, words[i], sp)
			}
		}
	}
}

func TestAnchorLinear(t *testing.T) {
	// Many tokens that cannot be found must not make anchor quadratic.
	text := strings.Repeat("a ", 500_000)
	tokens := make([]string, 100_000)
	for i := range tokens {
		tokens[i] = "b"
	}
	for _, sp := range anchor(text, tokens) {
		if sp.Found() {
			t.Fatal("found a token that is not there")
		}
	}
}

func TestSafeText(t *testing.T) {
	for _, s := range []string{"plain", "\xff\xfe's", "\u023a\u023a\u023a's", "K\u212a", "\u0130i", "ẞ", "a\xc3"} {
		got := safeText(s)
		if len(got) != len(s) {
			t.Errorf("safeText(%q) = %q changes the length", s, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("safeText(%q) = %q is not valid UTF-8", s, got)
		}
		for _, r := range got {
			if len(strings.ToLower(string(r))) != utf8.RuneLen(r) {
				t.Errorf("safeText(%q) = %q keeps %q", s, got, r)
			}
		}
	}
}
