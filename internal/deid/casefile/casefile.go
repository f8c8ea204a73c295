// Package casefile reads the case files of the recognizers' tests:
// testdata/*.txtar files, one per recognizer, each holding the invented
// examples that motivate it, positive and negative (as goldmark keeps its
// examples in extension/_test/*.txt).
//
// A case file is a txtar archive. Its comment says what the recognizer finds
// and the pattern of language it reads. Then come cases, each an input
// section and a want section:
//
//	-- in: a heading for this case and the ones after it --
//	She moved to Lisbon in 2019.
//	-- want --
//	year "2019"
//	!place "Lisbon"
//
// The name of an input section is "in", or "in: " and a note that heads a
// group of cases. The input is the section's text without its final newline.
// Each line of want is a label (what the test compares: a finding's type, or
// its kind) and the finding's text, quoted as Go quotes strings; a line
// starting with "!" names a text that no finding with that label may cover,
// or, with an empty text, says there is no finding with that label at all;
// a line starting with "~" names a text that some finding with that label
// covers, whatever its bounds.
// An empty want says the recognizer finds nothing. Lines starting with "#"
// are comments.
package casefile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

// Case is one example of a case file.
type Case struct {
	Note string // the note of its input section, or of the last one before it that had one
	Line int    // the line of its input section in the file
	In   string
	Want []Want // the findings, in the order of the file
	Not  []Want // texts no finding with the label may cover
	Some []Want // texts some finding with the label covers
}

// Want is one expected finding: a label and the finding's text.
type Want struct {
	Label, Text string
}

// File is one case file: the recognizer it is named after, its path and its
// cases.
type File struct {
	Name, Path string
	Cases      []Case
}

// ReadDir reads the case files dir/*.txtar of the recognizers named in names,
// one file each, named after its recognizer, sorted by name. It
// fails on a file that names no recognizer, on a recognizer with no file and
// on a file it cannot parse, naming each.
func ReadDir(dir string, names []string) ([]File, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, err
	}
	var files []File
	var errs []error
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		if !slices.Contains(names, name) {
			errs = append(errs, fmt.Errorf("%s: no recognizer %q", path, name))
			continue
		}
		_, cases, err := Read(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, File{Name: name, Path: path, Cases: cases})
	}
	for _, name := range names {
		if !slices.ContainsFunc(files, func(f File) bool { return f.Name == name }) && !slices.Contains(paths, filepath.Join(dir, name+".txtar")) {
			errs = append(errs, fmt.Errorf("no case file %s", filepath.Join(dir, name+".txtar")))
		}
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return files, errors.Join(errs...)
}

// Read parses the case file at path.
func Read(path string) (comment string, cases []Case, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", nil, err
	}
	return Parse(path, b)
}

// Parse parses data, a case file read from path (for messages).
func Parse(path string, data []byte) (comment string, cases []Case, err error) {
	ar := txtar.Parse(data)
	line := 1 + strings.Count(string(ar.Comment), "\n") // of the section marker
	note := ""
	if len(ar.Files)%2 != 0 {
		return "", nil, fmt.Errorf("%s: %d sections, want pairs of in and want", path, len(ar.Files))
	}
	for i := 0; i < len(ar.Files); i += 2 {
		in, want := ar.Files[i], ar.Files[i+1]
		name, n, _ := strings.Cut(in.Name, ":")
		if name != "in" || want.Name != "want" {
			return "", nil, fmt.Errorf("%s:%d: sections %q and %q, want in and want", path, line, in.Name, want.Name)
		}
		if n = strings.TrimSpace(n); n != "" {
			note = n
		}
		c := Case{Note: note, Line: line, In: strings.TrimSuffix(string(in.Data), "\n")}
		wantLine := line + 1 + strings.Count(string(in.Data), "\n")
		line = wantLine + 1 + strings.Count(string(want.Data), "\n")
		for k, l := range strings.Split(string(want.Data), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			label, quoted, ok := strings.Cut(l, " ")
			text, err := strconv.Unquote(strings.TrimSpace(quoted))
			if !ok || err != nil || strings.Trim(label, "!~") == "" {
				return "", nil, fmt.Errorf("%s:%d: %q: want a label and a quoted text", path, wantLine+1+k, l)
			}
			if l, ok := strings.CutPrefix(label, "!"); ok {
				c.Not = append(c.Not, Want{l, text})
			} else if l, ok := strings.CutPrefix(label, "~"); ok {
				c.Some = append(c.Some, Want{l, text})
			} else {
				c.Want = append(c.Want, Want{label, text})
			}
		}
		cases = append(cases, c)
	}
	return string(ar.Comment), cases, nil
}
