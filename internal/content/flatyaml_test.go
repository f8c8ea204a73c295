package content

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sameFields compares fields but for their nodes (flatYAML keeps none:
// only the veil key's is read, and flatYAML leaves that key to the
// parser).
func sameFields(a, b []field) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.key != y.key || x.line != y.line || x.offset != y.offset || !reflect.DeepEqual(x.val, y.val) {
			return false
		}
	}
	return true
}

// randomFrontMatter makes front matter of lines that are mostly flat
// "key: value" lines, with values and lines of every kind flatYAML must
// refuse or read exactly as the parser does.
func randomFrontMatter(rng *rand.Rand) []byte {
	keys := []string{"title", "tags", "categories", "draft", "date", "Title", "veil", "Veil", "a-b", "x_1", "null", "true", "y", "k", "-x", "1a", "k k", "é", strings.Repeat("k", 70), "description"}
	seps := []string{": ", ": ", ": ", ":", ":  ", ":\t", " : ", ":x"}
	chars := "abcXYZ019 .-_+/()?!',:;#&*%@`|>=<[]{}\"\\~\t\u00e9"
	word := func() string {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			if rng.IntN(3) == 0 {
				c := []rune(chars)
				b.WriteRune(c[rng.IntN(len(c))])
			} else {
				b.WriteByte("abcdefghijklmnopqrstuvwxyz0123456789"[rng.IntN(36)])
			}
		}
		return b.String()
	}
	specials := []string{"", " ", "~", "null", "Null", "NULL", "nuLL", "yes", "no", "on", "2003-08-05T00:49:00+00:00", "2024-01-02", "12:30", "12: 30", "a: b", "a:", "0x1F", "1e3", ".5", "-1", "- a", "!!str x", "&a x", "*a", "|", ">", "'", "\"", "it's", "don't stop", "a #b", "a# b", "a  b", "a , b", "x'y'"}
	value := func() string {
		switch rng.IntN(9) {
		case 0:
			return specials[rng.IntN(len(specials))]
		case 1:
			return "\"" + word() + "\"" + []string{"", "", " ", " # c", "x"}[rng.IntN(5)]
		case 2:
			return "'" + word() + "'" + []string{"", "", " ", " # c"}[rng.IntN(4)]
		case 3, 4:
			var items []string
			for n := rng.IntN(4); n > 0; n-- {
				switch rng.IntN(4) {
				case 0:
					items = append(items, specials[rng.IntN(len(specials))])
				case 1:
					items = append(items, "\""+word()+"\"")
				default:
					items = append(items, word())
				}
			}
			sep := []string{", ", ",", " , ", ",  "}[rng.IntN(4)]
			v := "[" + strings.Join(items, sep) + "]"
			switch rng.IntN(8) {
			case 0:
				v = "[" + strings.Join(items, sep) + ",]"
			case 1:
				v = "[ " + strings.Join(items, sep) + " ]"
			case 2:
				v = v[:len(v)-1]
			}
			return v
		default:
			return word()
		}
	}
	extras := []string{"", "# comment", "  - a", "- a", "  more", "---", "...", "  ", "\t", "key: [a,\n  b]", "nested:\n  a: b", "list:\n- a\n- b", "x: |\n  text"}
	// Most lines are plain "key: value" lines, so that much of what is
	// made is flat and compared; the rest tries every way out.
	cleanChars := "abcdefghijklmnopqrstuvwxyzABC0123456789 .-_+/()?!',:"
	clean := func(inList bool) string {
		var b strings.Builder
		b.WriteByte("abcXYZ019"[rng.IntN(9)])
		for n := rng.IntN(10); n > 0; n-- {
			c := cleanChars[rng.IntN(len(cleanChars))]
			if inList && strings.IndexByte("()?!',:", c) >= 0 {
				c = ' '
			}
			b.WriteByte(c)
		}
		return b.String()
	}
	cleanValue := func() string {
		switch rng.IntN(6) {
		case 0:
			return "\"" + clean(false) + "\""
		case 1:
			return "'" + clean(false) + "'"
		case 2:
			var items []string
			for n := rng.IntN(4); n > 0; n-- {
				if rng.IntN(3) == 0 {
					items = append(items, "\""+clean(false)+"\"")
				} else {
					items = append(items, clean(true))
				}
			}
			return "[" + strings.Join(items, []string{", ", ",", " , "}[rng.IntN(3)]) + "]"
		case 3:
			return specials[rng.IntN(len(specials))]
		default:
			return clean(false)
		}
	}
	var b strings.Builder
	for n := 1 + rng.IntN(7); n > 0; n-- {
		switch rng.IntN(40) {
		case 0:
			b.WriteString(extras[rng.IntN(len(extras))])
		case 1, 2, 3:
			b.WriteString(keys[rng.IntN(len(keys))] + seps[rng.IntN(len(seps))] + value() + []string{"", "", "", " ", "  "}[rng.IntN(5)])
		default:
			b.WriteString(keys[rng.IntN(len(keys))] + ": " + cleanValue() + []string{"", "", "", " "}[rng.IntN(4)])
		}
		b.WriteString([]string{"\n", "\n", "\n", "\n", "\n", "\n", "\r\n"}[rng.IntN(7)])
	}
	s := b.String()
	if rng.IntN(4) == 0 {
		s = strings.TrimSuffix(s, "\n")
	}
	return []byte(s)
}

// TestFlatYAMLAsParser compares flatYAML, wherever it takes front
// matter, with the YAML parser's reading of it, on random front matter
// and on the generated site's posts (which it should all take).
func TestFlatYAMLAsParser(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 7))
	taken := 0
	const n = 100000
	for i := range n {
		fm := randomFrontMatter(rng)
		first := 2 + rng.IntN(3)
		got, ok := flatYAML(fm, first)
		if !ok {
			continue
		}
		taken++
		want, _, err := parseYAML(fm, first)
		if err != nil || !sameFields(got, want) {
			t.Fatalf("case %d %q:\nflat   %#v\nparser %#v, %v", i, fm, got, want, err)
		}
	}
	t.Logf("flatYAML took %d of %d random front matters", taken, n)
	if taken < n/10 {
		t.Errorf("flatYAML took only %d of %d: the comparison tests little", taken, n)
	}
	// Posts as gen_corpus writes them, and some as people write them.
	posts := []string{
		"title: \"Anxious agenda and what I learned\"\ndate: 2003-08-05T00:49:00+00:00\ndraft: false\ntags: [families, escalation]\ncategories: [practice]\n",
		"title: A week on the ward\ndate: 2024-03-05\ntags: [\"self care\", shifts]\nsummary: What I'd do again (and what not)\n",
		"title: 'Quoted: with a colon'\ndraft: true\ntags: []\nweight: 10\n",
	}
	if files, _ := filepath.Glob("/tmp/veil-compare/site1000/content/posts/*.md"); len(files) > 0 {
		for _, f := range files[:min(len(files), 300)] {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			_, fm, _, _, _, err := split(b)
			if err == nil {
				posts = append(posts, string(fm))
			}
		}
	}
	for _, p := range posts {
		got, ok := flatYAML([]byte(p), 2)
		if !ok {
			t.Errorf("flatYAML refused %q", p)
			continue
		}
		want, _, err := parseYAML([]byte(p), 2)
		if err != nil || !sameFields(got, want) {
			t.Errorf("%q:\nflat   %#v\nparser %#v, %v", p, got, want, err)
		}
	}
}

// BenchmarkParsePost parses the posts of VEIL_BENCH_SITE (or of
// /tmp/veil-compare/site1000) as loading does, front matter and all: one
// op is one post.
func BenchmarkParsePost(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		root = "/tmp/veil-compare/site1000"
	}
	files, _ := filepath.Glob(filepath.Join(root, "content", "posts", "*.md"))
	if len(files) == 0 {
		b.Skip("no site: set VEIL_BENCH_SITE")
	}
	var srcs [][]byte
	for _, f := range files[:min(len(files), 500)] {
		if s, err := os.ReadFile(f); err == nil {
			srcs = append(srcs, s)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		src := srcs[i%len(srcs)]
		if _, err := Parse("content/posts/a.md", "posts/a.md", src); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRewriteBodyAsScan parses random posts whose bodies hold braces,
// percent signs and angle brackets, with Hugo shortcodes and Liquid tags
// or without, native and Jekyll, and checks that wherever rewriteBody
// left the body as it was (as it does without "{{", and for Jekyll
// without "{%"), running the scan changes nothing.
func TestRewriteBodyAsScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	pieces := []string{"text ", "{", "}", "%", "<", ">", "{ {", "{<", "}}", "%}", "{ %", "\n", "{{< ref \"a.md\" >}}", "{{% note %}}x{{% /note %}}", "{% post_url 2024-01-01-a %}", "{{ page.title }}", "{{< highlight go >}}\nx\n{{< /highlight >}}", "`{{`", "{{/* c */}}"}
	skipped, scanned := 0, 0
	for i := range 20000 {
		var b strings.Builder
		b.WriteString("---\ntitle: A\ndate: 2024-01-02\n---\n")
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := []byte(b.String())
		liquid := rng.IntN(2) == 0
		kind := Native
		if liquid {
			kind = JekyllPost
		}
		got, err := ParseKind("content/posts/2024-01-02-a.md", "posts/2024-01-02-a.md", src, kind)
		if err != nil {
			continue
		}
		if !bytes.HasSuffix(src, got.Body) || !bytes.Contains(src, []byte("{")) {
			scanned++ // rewritten, or nothing to compare
			continue
		}
		// Left as it was: skipped, or scanned without a change; the
		// scan must change nothing.
		skipped++
		w := *got
		w.Source = bytes.Clone(got.Source)
		w.Body = w.Source[w.BodyOffset:]
		w.rewriteBodyScan(liquid)
		if !reflect.DeepEqual(&w, got) {
			t.Fatalf("case %d (liquid %v) %q: the scan changes the post:\n got %#v\nwant %#v", i, liquid, src, got, &w)
		}
	}
	if skipped < 1000 || scanned < 1000 {
		t.Errorf("%d bodies skipped, %d scanned: the comparison tests little", skipped, scanned)
	}
}
