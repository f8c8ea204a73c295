package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/spf13/cobra"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/risk"
)

// jsonFinding is one finding in the `veil deid --json` contract.
type jsonFinding struct {
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Kind        string  `json:"kind"`
	Text        string  `json:"text"`
	Replacement string  `json:"replacement"`
	Recognizer  string  `json:"recognizer"`
	Confidence  float64 `json:"confidence"`
}

// jsonResult is one document in the `veil deid --json/--jsonl` contract.
type jsonResult struct {
	ID       *string       `json:"id,omitempty"`
	Text     string        `json:"text"`
	Findings []jsonFinding `json:"findings"`
	Risk     jsonRisk      `json:"risk"`
}

type jsonRisk struct {
	Score    float64 `json:"score"`
	Crowd    float64 `json:"crowd"`
	MinCrowd float64 `json:"minCrowd"`
	Blocked  bool    `json:"blocked"`
}

type jsonError struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

type deidFlags struct {
	source       string
	json         bool
	jsonl        bool
	explain      bool
	showOriginal bool
}

func newDeid(e *env) *cobra.Command {
	var f deidFlags
	c := &cobra.Command{
		Use:   "deid [FILE|-]",
		Short: "De-identify one text and print the result",
		Long: `deid de-identifies one file (or standard input with -) exactly as a build
would, and prints the de-identified text.

  --json     print {"text", "findings": [{start, end, kind, text, replacement,
             recognizer, confidence}], "risk": {score, crowd, minCrowd, blocked}}; start and end
             are byte offsets into the exact input bytes
  --jsonl    read JSON Lines {"id", "text"} on standard input and write one such
             object per line, with its id, in input order
  --explain  list each finding with line:col, the recognizer that fired and
             its replacement (the original only with --show-original)

The site's key (.veil/key under --source) makes the replacements the same as
in the site's builds; it is created if missing.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			modes := 0
			for _, m := range []bool{f.json, f.jsonl, f.explain} {
				if m {
					modes++
				}
			}
			if modes > 1 {
				return usageErr("deid: --json, --jsonl and --explain exclude each other")
			}
			if f.jsonl != (len(args) == 0) {
				if f.jsonl {
					return usageErr("deid --jsonl reads standard input and takes no file")
				}
				return usageErr("deid needs a FILE, or - for standard input")
			}
			cfg, warns, err := loadConfigQuiet(f.source)
			for _, w := range warns {
				fmt.Fprintln(e.stderr, "warning:", w)
			}
			if err != nil {
				return &exitError{code: ExitUsage, err: err}
			}
			if err := checkRiskConfig(cfg); err != nil {
				return err
			}
			eng, err := newEngine(f.source, cfg)
			if err != nil {
				return inputErr("%w", err)
			}
			know, err := loadKnowledge(f.source, cfg)
			if err != nil {
				return &exitError{code: ExitUsage, err: err}
			}
			policy := risk.Policy{MinCrowd: cfg.Risk.MinCrowd, HomeArea: cfg.Risk.HomeArea, Flag: cfg.Risk.Flag}
			if f.jsonl {
				return deidStream(c.Context(), eng, know, policy, e.stdin, e.stdout, e.stderr)
			}
			name := args[0]
			src, err := readInput(name, e.stdin)
			if err != nil {
				return inputErr("%w", err)
			}
			doc := &deid.Doc{Text: string(src), Known: know.Known, Allow: know.Allow}
			// A post's own front matter may add known and allowed terms.
			if p, err := content.Parse(name, name, src); err == nil {
				k := know.With(p.Meta.Veil.Known, p.Meta.Veil.Allow)
				doc.Known, doc.Allow = k.Known, k.Allow
			}
			res, err := eng.Deidentify(c.Context(), doc)
			if err != nil {
				return inputErr("%s: %w", name, err)
			}
			switch {
			case f.json:
				return writeJSON(e.stdout, toJSON(nil, res, assess(res, policy)))
			case f.explain:
				return explain(e.stdout, name, doc.Text, res, f.showOriginal)
			}
			_, err = io.WriteString(e.stdout, res.Text)
			return err
		},
	}
	c.Flags().StringVarP(&f.source, "source", "s", ".", "site directory (for its key, config and known terms)")
	c.Flags().BoolVar(&f.json, "json", false, "print one JSON object with the text, findings and risk")
	c.Flags().BoolVar(&f.jsonl, "jsonl", false, "read and write JSON Lines (one document per line)")
	c.Flags().BoolVar(&f.explain, "explain", false, "list each finding with line:col, recognizer and replacement")
	c.Flags().BoolVar(&f.showOriginal, "show-original", false, "with --explain, also print the original text of each finding")
	return c
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	var b []byte
	var err error
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	// Read no more than the limit, whatever the file claims to be.
	b, err = io.ReadAll(io.LimitReader(r, content.MaxPostBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > content.MaxPostBytes {
		return nil, fmt.Errorf("%s: input is larger than %d bytes; documents are limited to %d", name, content.MaxPostBytes, content.MaxPostBytes)
	}
	return b, nil
}

// assess scores the published text and holds it back for an identifier of a kind the
// policy flags, as a build does.
func assess(res *deid.Result, policy risk.Policy) risk.Verdict {
	policy.People = risk.PersonStarts(res.Findings)
	v := risk.Assess(res.Text, policy)
	for _, f := range res.Findings {
		if policy.Flags(string(f.Kind)) {
			v.FlagIdentifier(string(f.Kind), 0, 0)
			break
		}
	}
	return v
}

func toJSON(id *string, res *deid.Result, v risk.Verdict) jsonResult {
	out := jsonResult{ID: id, Text: res.Text, Findings: make([]jsonFinding, 0, len(res.Findings)), Risk: jsonRisk{Score: v.Score, Crowd: v.Crowd, MinCrowd: v.MinCrowd, Blocked: v.Blocked}}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			Start: f.Start, End: f.End, Kind: string(f.Kind), Text: f.Text,
			Replacement: f.Replacement, Recognizer: f.Recognizer, Confidence: f.Confidence,
		})
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func explain(w io.Writer, name, text string, res *deid.Result, showOriginal bool) error {
	lines := content.NewLineIndex(text)
	bw := bufio.NewWriter(w)
	for _, f := range res.Findings {
		l, col := lines.Position(f.Start)
		rule := f.Recognizer
		if f.Type != "" {
			rule += ": " + string(f.Type)
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s (%s, confidence %.2f) -> %q", name, l, col, f.Kind, rule, f.Confidence, f.Replacement)
		if showOriginal {
			fmt.Fprintf(bw, " [was %q]", f.Text)
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprintf(bw, "%d findings\n", len(res.Findings))
	return bw.Flush()
}

// deidStream implements --jsonl: documents are de-identified in parallel and
// written in input order, each line flushed as soon as it and every line
// before it are done.
func deidStream(ctx context.Context, eng *deid.Engine, know *deid.Knowledge, policy risk.Policy, in io.Reader, out, stderr io.Writer) error {
	if os.Getenv("GOGC") == "" {
		// The lexicons and the NER model stay live (about 75 MB) while
		// each document makes short-lived garbage: with the default
		// GOGC=100 the collector re-marks them every 75 MB allocated:
		// 12 cycles over the dev sets, 7 at GOGC=200 and 4 at 300.
		// Peak RSS is then about 290 MB; the soft limit keeps it under
		// 400 MB if a larger input grows the heap.
		defer debug.SetGCPercent(debug.SetGCPercent(300))
		if os.Getenv("GOMEMLIMIT") == "" {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(360 << 20))
		}
	}
	type job struct {
		n    int
		line []byte
		done chan []byte
	}
	// More workers than cores: at start-up a worker whose text reaches the
	// NER detector waits for the model to be decoded, and the others keep
	// the cores busy with the earlier detectors of later texts meanwhile.
	workers := 4 * runtime.GOMAXPROCS(0)
	jobs := make(chan *job, workers)
	order := make(chan *job, 4*workers)
	// Lines in flight hold at most this many bytes (one longer line
	// passes alone), so memory does not grow with the length of the input.
	budget := newByteBudget(2 * maxLineBytes)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- deidLine(ctx, eng, know, policy, j.n, j.line)
			}
		}()
	}
	// The writer: in order, flushing each line.
	writeErr := make(chan error, 1)
	go func() {
		bw := bufio.NewWriter(out)
		var err error
		for j := range order {
			b := <-j.done
			budget.release(len(j.line))
			if err == nil {
				if _, err = bw.Write(b); err == nil {
					err = bw.Flush()
				}
			}
		}
		writeErr <- err
	}()
	r := newLineReader(in, maxLineBytes)
	var readErr error
	for n := 1; ; n++ {
		line, tooLong, id, err := r.next()
		switch {
		case tooLong:
			if id == "" {
				id = fmt.Sprintf("line %d", n)
			}
			var buf bytes.Buffer
			writeJSON(&buf, jsonError{ID: id, Error: errLineTooLong.Error()})
			j := &job{n: n, done: make(chan []byte, 1)}
			j.done <- buf.Bytes()
			order <- j
		case len(bytes.TrimSpace(line)) > 0:
			budget.acquire(len(line))
			j := &job{n: n, line: line, done: make(chan []byte, 1)}
			order <- j
			jobs <- j
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				readErr = err
			}
			break
		}
		if ctx.Err() != nil {
			readErr = ctx.Err()
			break
		}
	}
	close(jobs)
	close(order)
	wg.Wait()
	if err := <-writeErr; err != nil {
		return inputErr("deid: write: %w", err)
	}
	if readErr != nil {
		return inputErr("deid: read: %w", readErr)
	}
	return nil
}

func deidLine(ctx context.Context, eng *deid.Engine, know *deid.Knowledge, policy risk.Policy, n int, line []byte) []byte {
	var in struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
	}
	id := fmt.Sprintf("line %d", n)
	var buf bytes.Buffer
	fail := func(msg string) []byte {
		writeJSON(&buf, jsonError{ID: id, Error: msg})
		return buf.Bytes()
	}
	if err := json.Unmarshal(line, &in); err != nil {
		return fail("line is not a JSON object: " + err.Error())
	}
	if len(in.ID) > 0 {
		var s string
		if json.Unmarshal(in.ID, &s) == nil {
			id = s
		} else {
			id = string(in.ID) // a number or other literal, kept as written
		}
	}
	if in.Text == nil {
		return fail(`missing "text"`)
	}
	if len(*in.Text) > content.MaxPostBytes {
		return fail(fmt.Sprintf("text is %d bytes; documents are limited to %d", len(*in.Text), content.MaxPostBytes))
	}
	res, err := eng.Deidentify(ctx, &deid.Doc{Text: *in.Text, Known: know.Known, Allow: know.Allow})
	if err != nil {
		return fail(err.Error())
	}
	writeJSON(&buf, toJSON(&id, res, assess(res, policy)))
	return buf.Bytes()
}
