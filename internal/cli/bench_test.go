package cli

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/site"
	"github.com/veil-blog/veil/theme"
)

// engineForTest builds the engine veil runs, with a fixed key.
func engineForTest(tb testing.TB) *deid.Engine {
	tb.Helper()
	return deid.New(append([]deid.Option{deid.WithKey([]byte("bench key")), deid.WithDetectors(detectors()...)}, engineOptions()...)...)
}

// BenchmarkPipeline de-identifies one 1,500-word reflection with every
// recognizer. Each run analyses the text afresh: the analysis belongs to
// the run (deid.Analysis), and no recognizer keeps anything of the last
// text (TestAnalysisPerDocument).
func BenchmarkPipeline(b *testing.B) {
	src, err := os.ReadFile("testdata/post1500.md")
	if err != nil {
		b.Fatal(err)
	}
	eng := engineForTest(b)
	doc := &deid.Doc{Text: string(src)}
	if _, err := eng.Deidentify(context.Background(), doc); err != nil { // load models and lexicons
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := eng.Deidentify(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild builds a 1,000-post site into memory with every
// recognizer. Set VEIL_BENCH_SITE to a site made by
// ../shared/bench/gen_corpus.py to time the corpus Hugo is measured on;
// otherwise a similar corpus is generated here. It reports posts/s and the
// peak heap in use.
func BenchmarkBuild(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		root = b.TempDir()
		genSite(b, root, 1000)
	}
	cfg, _, err := config.Load(root, config.Options{})
	if err != nil {
		b.Fatal(err)
	}
	opts := site.Options{Root: root, Config: cfg, Theme: theme.FS(), Engine: engineForTest(b), Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	var peak uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}()
	b.ResetTimer()
	var posts int
	for i := 0; i < b.N; i++ {
		rep, err := site.Render(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		posts = len(rep.Published)
	}
	b.StopTimer()
	close(stop)
	<-done
	b.ReportMetric(float64(posts*b.N)/b.Elapsed().Seconds(), "posts/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// genSite writes n posts of 800-1,500 words of reflective prose, about one
// sentence in twelve carrying an identifier, deterministically.
func genSite(tb testing.TB, root string, n int) {
	tb.Helper()
	r := rand.New(rand.NewSource(1))
	words := strings.Fields(`the session client colleague supervisor team plan review boundary decision
pattern practice conversation referral assessment note goal feedback meeting family carer student
shift reflection lesson routine silence trust rapport consent context careful difficult quiet honest
uncertain thoughtful small familiar awkward useful clear noticed asked waited wrote listened changed
learned because although while after before during with about into through over again slowly`)
	extras := []string{"Odette Marchand came on March 3, 2021.", "We met in Springfield.", "She was a 34-year-old teacher.", "Call 555-0134 for the team.", "Dr. Okafor agreed."}
	dir := filepath.Join(root, "content", "posts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < n; i++ {
		var body strings.Builder
		target := 800 + r.Intn(700)
		for w := 0; w < target; {
			if w%150 == 0 {
				fmt.Fprintf(&body, "\n## Part %d\n\n", w/150+1)
			}
			sentence := 8 + r.Intn(12)
			for j := 0; j < sentence; j++ {
				word := words[r.Intn(len(words))]
				if j == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				}
				body.WriteString(word)
				body.WriteByte(' ')
			}
			body.WriteString(". ")
			if r.Intn(12) == 0 {
				body.WriteString(extras[r.Intn(len(extras))] + " ")
			}
			w += sentence
		}
		post := fmt.Sprintf("---\ntitle: Reflection %d\ndate: 2024-%02d-%02d\ntags: [practice, t%d]\n---\n%s\n", i, 1+i%12, 1+i%28, i%40, body.String())
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%04d.md", i)), []byte(post), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
