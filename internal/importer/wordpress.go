package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html/charset"
	"gopkg.in/yaml.v3"
)

// Cleaner de-identifies texts that belong together (one post's comments):
// each text comes back with its details replaced, the same person keeping
// one pseudonym across all of them. people are names that must be caught
// wherever they occur, bare or not.
type Cleaner func(ctx context.Context, texts []string, people []string) ([]string, error)

// Options configure a WordPress import.
type Options struct {
	// Root is the site directory; ContentDir is its content directory
	// (absolute or relative to Root).
	Root, ContentDir string
	// Comments imports approved comments into each post's front matter,
	// de-identified by Clean. Without it comments are left out.
	Comments bool
	Clean    Cleaner
	// Now dates posts that have no date in the export; time.Now when zero.
	Now time.Time
}

// Mapping files, under the site's private .veil directory.
const (
	MapFile         = "wordpress-import.yaml"
	AttachmentsFile = "wordpress-attachments.tsv"
	privateDir      = ".veil"
)

// Result says what an import wrote.
type Result struct {
	Posts, Pages, Drafts, Comments int
	// Files are the written Markdown files, relative to Root.
	Files []string
	// Attachments are the site's uploads the posts refer to, or that the
	// export lists, each with where to copy it.
	Attachments []Attachment
	// Skipped counts items of other types (menus, revisions, blocks...)
	// and of trashed or auto-draft status, by type or status.
	Skipped map[string]int
	// Notes are remarks with the export's path and line, e.g. a gallery
	// that could not be converted.
	Notes []string
	// MapPath and AttachmentsPath are the private files written.
	MapPath, AttachmentsPath string
}

// Attachment is an uploaded file: its URL on the old site and the neutral
// path under static/ that imported posts now refer to.
type Attachment struct {
	URL    string `yaml:"url"`
	CopyTo string `yaml:"copy_to"`
	// Referenced is false for an attachment no imported post shows.
	Referenced bool `yaml:"referenced"`
}

// mapEntry is one line of the private mapping: what an imported file was.
type mapEntry struct {
	File    string `yaml:"file"`
	ID      string `yaml:"id"`
	Type    string `yaml:"type"`
	Status  string `yaml:"status"`
	Slug    string `yaml:"slug,omitempty"`
	Address string `yaml:"link,omitempty"`
	Date    string `yaml:"date,omitempty"`
	Author  string `yaml:"author,omitempty"`
}

// Error is a problem with the export as a whole, with the line it is on.
type Error struct {
	Path string
	Line int
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s; nothing was written", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s; nothing was written", e.Path, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// importer holds one import's state.
type importer struct {
	opts       Options
	src        string // the export's path, for messages
	tmp        string // staging directory under .veil
	contentDir string
	conv       *htmltomarkdown.Converter
	res        *Result
	entries    []mapEntry
	uploads    map[string]*Attachment // by URL
	uploadList []*Attachment
	taken      map[string]bool // file names staged
	typed      int             // items with a wp:post_type
	staged     []string        // content-relative names, in entries' order
	siteURL    string
}

// WordPress imports the export at srcPath into the site. The export is
// read as a stream, so its size is bounded only by the disk; every file is
// first written into a staging directory under .veil and moved into
// content/ only when the whole export has been read: a truncated or
// malformed export leaves the site as it was.
func WordPress(ctx context.Context, srcPath string, opts Options) (*Result, error) {
	if opts.Comments && opts.Clean == nil {
		return nil, errors.New("import wordpress: comments need a cleaner")
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	private := filepath.Join(opts.Root, privateDir)
	mapPath := filepath.Join(private, MapFile)
	if _, err := os.Stat(mapPath); err == nil {
		return nil, fmt.Errorf("import wordpress: %s exists: this site has had an import already; remove that file to import again (posts would be doubled)", mapPath)
	}
	f, err := os.Open(srcPath)
	if err != nil {
		return nil, fmt.Errorf("import wordpress: %w", err)
	}
	defer f.Close()
	if err := os.MkdirAll(private, 0o700); err != nil {
		return nil, fmt.Errorf("import wordpress: %w", err)
	}
	tmp, err := os.MkdirTemp(private, "import-")
	if err != nil {
		return nil, fmt.Errorf("import wordpress: %w", err)
	}
	defer os.RemoveAll(tmp)
	contentDir := opts.ContentDir
	if !filepath.IsAbs(contentDir) {
		contentDir = filepath.Join(opts.Root, contentDir)
	}
	im := &importer{
		opts: opts, src: srcPath, tmp: tmp, contentDir: contentDir,
		res:     &Result{Skipped: map[string]int{}},
		uploads: map[string]*Attachment{}, taken: map[string]bool{},
		conv: htmltomarkdown.NewConverter(htmltomarkdown.WithPlugins(
			base.NewBasePlugin(), commonmark.NewCommonmarkPlugin(),
			table.NewTablePlugin(), strikethrough.NewStrikethroughPlugin(),
		)),
	}
	if err := im.read(ctx, f); err != nil {
		return nil, err
	}
	if err := im.linkPosts(); err != nil {
		return nil, err
	}
	if err := im.writePrivate(mapPath); err != nil {
		return nil, err
	}
	if err := im.moveIntoPlace(); err != nil {
		os.Remove(mapPath)
		os.Remove(im.res.AttachmentsPath)
		return nil, err
	}
	im.res.MapPath = mapPath
	return im.res, nil
}

// read streams the export, item by item.
func (im *importer) read(ctx context.Context, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return &Error{Path: im.src, Line: 1, Msg: "the export is in UTF-16; WordPress writes UTF-8: export again, or convert it (iconv -f utf-16 -t utf-8)"}
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3) // a UTF-8 byte-order mark, added by some editors
	}
	dec := xml.NewDecoder(br)
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = true
	// HTML entities (&nbsp;) in an element that is not CDATA.
	dec.Entity = xml.HTMLEntity
	sawRSS, sawItem := false, false
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return im.xmlError(dec, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "rss":
			sawRSS = true
		case "base_site_url", "base_blog_url":
			var s string
			if err := dec.DecodeElement(&s, &se); err != nil {
				return im.xmlError(dec, err)
			}
			if im.siteURL == "" || se.Name.Local == "base_blog_url" {
				im.siteURL = strings.TrimSpace(s)
			}
		case "item":
			if !sawRSS {
				return &Error{Path: im.src, Line: line(dec), Msg: "not a WordPress export (no <rss> element before the first item)"}
			}
			sawItem = true
			at := line(dec)
			var it wxrItem
			if err := dec.DecodeElement(&it, &se); err != nil {
				return im.xmlError(dec, err)
			}
			if err := im.item(ctx, &it, at); err != nil {
				return err
			}
		}
	}
	if !sawRSS {
		return &Error{Path: im.src, Msg: "not a WordPress export (no <rss> element)"}
	}
	if !sawItem {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("%s: the export holds no posts or pages", im.src))
	}
	if sawItem && im.typed == 0 {
		return &Error{Path: im.src, Msg: "not a WordPress export: its items have no wp:post_type (an RSS feed? export from WordPress with Tools > Export)"}
	}
	return nil
}

func line(dec *xml.Decoder) int {
	l, _ := dec.InputPos()
	return l
}

// xmlError explains a decoding error.
func (im *importer) xmlError(dec *xml.Decoder, err error) error {
	l := line(dec)
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		l = se.Line
		if strings.Contains(se.Msg, "unexpected EOF") {
			return &Error{Path: im.src, Line: l, Msg: "the export ends in the middle of an element: it looks truncated (an interrupted download?)", Err: err}
		}
		if strings.Contains(se.Msg, "invalid UTF-8") {
			return &Error{Path: im.src, Line: l, Msg: "not valid UTF-8 (the export may have been saved in another encoding, such as Windows-1252): export again, or convert it to UTF-8", Err: err}
		}
		return &Error{Path: im.src, Line: l, Msg: "malformed XML: " + se.Msg, Err: err}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return &Error{Path: im.src, Line: l, Msg: "the export ends in the middle of an element: it looks truncated (an interrupted download?)", Err: err}
	}
	if strings.Contains(err.Error(), "charset") || strings.Contains(err.Error(), "encoding") {
		return &Error{Path: im.src, Line: l, Msg: "the export declares a character encoding veil does not know; WordPress writes UTF-8: export again", Err: err}
	}
	return &Error{Path: im.src, Line: l, Msg: err.Error(), Err: err}
}

// item imports one <item>.
func (im *importer) item(ctx context.Context, it *wxrItem, at int) error {
	typ := strings.TrimSpace(it.Type)
	status := strings.TrimSpace(it.Status)
	if typ != "" {
		im.typed++
	}
	if typ == "attachment" {
		if u := strings.TrimSpace(it.AttachmentURL); u != "" {
			im.upload(u, false)
		}
		return nil
	}
	if typ != "post" && typ != "page" {
		im.res.Skipped["type "+typ]++
		return nil
	}
	switch status {
	case "trash", "auto-draft", "inherit":
		im.res.Skipped["status "+status]++
		return nil
	}
	draft := status != "publish" || strings.TrimSpace(it.Password) != ""
	id := strings.TrimSpace(it.PostID)
	where := fmt.Sprintf("%s:%d: %s %s", im.src, at, typ, id)

	date := parseWPDate(it.PostDate)
	if date.IsZero() {
		if t, err := time.Parse(time.RFC1123Z, strings.TrimSpace(it.PubDate)); err == nil {
			date = t
		}
	}
	if date.IsZero() {
		date = im.opts.Now
	}
	body, notes, err := im.markdown(it.content())
	if err != nil {
		return &Error{Path: im.src, Line: at, Msg: fmt.Sprintf("%s %s: converting its HTML: %v", typ, id, err), Err: err}
	}
	for _, n := range notes {
		im.res.Notes = append(im.res.Notes, where+": "+n)
	}
	cats, tags := it.terms()
	title := strings.TrimSpace(html.UnescapeString(it.Title))
	if title == "" {
		title = "Untitled"
	}
	fm := frontMatter{
		Title: title, Date: date.Format("2006-01-02T15:04:05"), Draft: draft,
		Tags: tags, Categories: cats,
	}
	if m := parseWPDate(it.Modified); !m.IsZero() && m.After(date) {
		fm.Lastmod = m.Format("2006-01-02T15:04:05")
	}
	if ex := it.excerpt(); ex != "" {
		fm.Summary = ex
	}
	if im.opts.Comments {
		cs, err := im.comments(ctx, it.Comments)
		if err != nil {
			return &Error{Path: im.src, Line: at, Msg: fmt.Sprintf("%s %s: de-identifying its comments: %v", typ, id, err), Err: err}
		}
		fm.Comments = cs
		im.res.Comments += len(cs)
	}

	var rel string
	if typ == "post" {
		rel = im.name(filepath.Join("posts", date.Format("2006-01-02")+"-post-%d.md"))
		im.res.Posts++
	} else {
		rel = im.name("page-%d.md")
		im.res.Pages++
	}
	if draft {
		im.res.Drafts++
	}
	out, err := yaml.Marshal(&fm)
	if err != nil {
		return fmt.Errorf("import wordpress: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(out)
	b.WriteString("---\n\n")
	b.WriteString(body)
	if !strings.HasSuffix(body, "\n") {
		b.WriteByte('\n')
	}
	full := filepath.Join(im.tmp, rel)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return fmt.Errorf("import wordpress: %w", err)
	}
	if err := os.WriteFile(full, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("import wordpress: %w", err)
	}
	siteRel, _ := filepath.Rel(im.opts.Root, filepath.Join(im.contentDir, rel))
	im.staged = append(im.staged, rel)
	im.entries = append(im.entries, mapEntry{
		File: filepath.ToSlash(siteRel), ID: id, Type: typ, Status: status,
		Slug: strings.TrimSpace(it.PostName), Address: strings.TrimSpace(it.Address),
		Date: strings.TrimSpace(it.PostDate), Author: strings.TrimSpace(it.Creator),
	})
	return nil
}

// frontMatter is what an imported post starts with. Its file name and
// slug are left for veil to make from the de-identified title.
type frontMatter struct {
	Title      string    `yaml:"title"`
	Date       string    `yaml:"date"`
	Lastmod    string    `yaml:"lastmod,omitempty"`
	Draft      bool      `yaml:"draft,omitempty"`
	Tags       []string  `yaml:"tags,omitempty,flow"`
	Categories []string  `yaml:"categories,omitempty,flow"`
	Summary    string    `yaml:"summary,omitempty"`
	Comments   []comment `yaml:"comments,omitempty"`
}

// comment is an approved comment, de-identified: no e-mail, address, site
// or exact time of the commenter is kept.
type comment struct {
	Author string `yaml:"author"`
	Text   string `yaml:"text"`
	// ReplyTo is the 1-based number of the comment answered, if any.
	ReplyTo int `yaml:"reply_to,omitempty"`
}

// comments de-identifies the approved comments of one post together.
func (im *importer) comments(ctx context.Context, in []wxrComment) ([]comment, error) {
	var keep []wxrComment
	for _, c := range in {
		if strings.TrimSpace(c.Approved) != "1" {
			continue // pending, spam, trash
		}
		if t := strings.TrimSpace(c.Type); t == "pingback" || t == "trackback" {
			continue
		}
		keep = append(keep, c)
	}
	if len(keep) == 0 {
		return nil, nil
	}
	number := map[string]int{}
	var texts, people []string
	for i, c := range keep {
		number[strings.TrimSpace(c.ID)] = i + 1
		name := strings.TrimSpace(c.Author)
		if name == "" {
			name = "Anonymous"
		} else {
			people = appendNew(people, name)
		}
		text, _, err := im.markdown(c.Content)
		if err != nil {
			return nil, err
		}
		texts = append(texts, name, strings.TrimSpace(text))
	}
	clean, err := im.opts.Clean(ctx, texts, people)
	if err != nil {
		return nil, err
	}
	if len(clean) != len(texts) {
		return nil, errors.New("cleaner returned the wrong number of texts")
	}
	out := make([]comment, len(keep))
	for i, c := range keep {
		out[i] = comment{Author: clean[2*i], Text: clean[2*i+1], ReplyTo: number[strings.TrimSpace(c.Parent)]}
	}
	return out, nil
}

// name picks a neutral file name from pattern (with one %d) that is free
// both in the content directory and among the staged files.
func (im *importer) name(pattern string) string {
	for n := 1; ; n++ {
		rel := fmt.Sprintf(pattern, n)
		if im.taken[rel] {
			continue
		}
		if _, err := os.Lstat(filepath.Join(im.contentDir, rel)); err == nil {
			continue
		}
		im.taken[rel] = true
		return rel
	}
}

func parseWPDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "0000") {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02 15:04:05", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// upload returns the neutral static path for an uploaded file's URL,
// recording it. A file's name may hold a client's name; the path under
// static/ is "uploads/file-N.ext".
func (im *importer) upload(u string, referenced bool) string {
	if a, ok := im.uploads[u]; ok {
		a.Referenced = a.Referenced || referenced
		return "/" + strings.TrimPrefix(a.CopyTo, "static/")
	}
	ext := strings.ToLower(path.Ext(strings.SplitN(strings.SplitN(u, "?", 2)[0], "#", 2)[0]))
	if len(ext) > 6 || strings.ContainsAny(ext, "/%") {
		ext = ""
	}
	a := &Attachment{URL: u, CopyTo: fmt.Sprintf("static/uploads/file-%d%s", len(im.uploadList)+1, ext), Referenced: referenced}
	im.uploads[u] = a
	im.uploadList = append(im.uploadList, a)
	return "/" + strings.TrimPrefix(a.CopyTo, "static/")
}

// writePrivate writes the mapping and the attachment list under .veil.
func (im *importer) writePrivate(mapPath string) error {
	im.res.Attachments = make([]Attachment, len(im.uploadList))
	for i, a := range im.uploadList {
		im.res.Attachments[i] = *a
	}
	doc := struct {
		Note        string       `yaml:"note"`
		Source      string       `yaml:"source"`
		Site        string       `yaml:"site,omitempty"`
		Imported    string       `yaml:"imported"`
		Posts       []mapEntry   `yaml:"posts"`
		Attachments []Attachment `yaml:"attachments,omitempty"`
	}{
		Note:   "written by veil import wordpress: the original slugs, links, dates and authors, for redirects; private, never published",
		Source: filepath.Base(im.src), Site: im.siteURL, Imported: im.opts.Now.UTC().Format(time.RFC3339),
		Posts: im.entries, Attachments: im.res.Attachments,
	}
	b, err := yaml.Marshal(&doc)
	if err != nil {
		return fmt.Errorf("import wordpress: %w", err)
	}
	// Staged first, then renamed, like the posts.
	staged := filepath.Join(im.tmp, ".map.yaml")
	if err := os.WriteFile(staged, b, 0o600); err != nil {
		return fmt.Errorf("import wordpress: %w", err)
	}
	var tsv strings.Builder
	tsv.WriteString("# Files the imported posts show, to copy from the old site into the site's static directory.\n# url\tcopy to\treferenced by a post\n")
	for _, a := range im.res.Attachments {
		fmt.Fprintf(&tsv, "%s\t%s\t%s\n", a.URL, a.CopyTo, strconv.FormatBool(a.Referenced))
	}
	stagedTSV := filepath.Join(im.tmp, ".attachments.tsv")
	if err := os.WriteFile(stagedTSV, []byte(tsv.String()), 0o600); err != nil {
		return fmt.Errorf("import wordpress: %w", err)
	}
	attPath := filepath.Join(filepath.Dir(mapPath), AttachmentsFile)
	if err := os.Rename(stagedTSV, attPath); err != nil {
		return fmt.Errorf("import wordpress: %w", err)
	}
	im.res.AttachmentsPath = attPath
	if err := os.Rename(staged, mapPath); err != nil {
		os.Remove(attPath)
		return fmt.Errorf("import wordpress: %w", err)
	}
	return nil
}

// moveIntoPlace moves the staged posts into the content directory. Names
// were chosen free; a file that appeared since is not replaced, and every
// file moved so far is moved back.
func (im *importer) moveIntoPlace() error {
	rels := make([]string, 0, len(im.taken))
	for rel := range im.taken {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	var moved []string
	undo := func() {
		for _, rel := range moved {
			os.Rename(filepath.Join(im.contentDir, rel), filepath.Join(im.tmp, rel))
		}
	}
	for _, rel := range rels {
		dst := filepath.Join(im.contentDir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			undo()
			return fmt.Errorf("import wordpress: %w", err)
		}
		if _, err := os.Lstat(dst); err == nil {
			undo()
			return fmt.Errorf("import wordpress: %s appeared during the import; nothing was written", dst)
		}
		if err := os.Rename(filepath.Join(im.tmp, rel), dst); err != nil {
			undo()
			return fmt.Errorf("import wordpress: %w", err)
		}
		moved = append(moved, rel)
		siteRel, _ := filepath.Rel(im.opts.Root, dst)
		im.res.Files = append(im.res.Files, filepath.ToSlash(siteRel))
	}
	return nil
}
