package importer

import (
	"fmt"
	"regexp"
	"strings"
)

// markdown turns a post's WordPress HTML into Markdown: paragraphs made
// from blank lines as WordPress does on display (wpautop), core shortcodes
// handled, images and links to the site's uploads pointed at neutral
// paths under static/, then converted with html-to-markdown. The notes say
// what could not be carried over.
func (im *importer) markdown(src string) (string, []string, error) {
	var notes []string
	src = strings.ReplaceAll(src, "\r\n", "\n")
	classic := !hasBlock.MatchString(src)
	src, notes = im.shortcodes(src, notes)
	src = im.rewriteUploads(src)
	if classic {
		src = autop(src)
	}
	// WordPress's <!--more--> ends the excerpt, as veil's does; comments
	// do not survive the conversion, so it is carried through as a word.
	src = moreTag.ReplaceAllString(src, "<p>"+moreWord+"</p>")
	md, err := im.conv.ConvertString(src)
	if err != nil {
		return "", notes, err
	}
	md = strings.ReplaceAll(md, moreWord, "<!--more-->")
	return strings.TrimSpace(md) + "\n", notes, nil
}

var moreTag = regexp.MustCompile(`<!--more(?:\s[^>]*)?-->`)

// moreWord stands for <!--more--> during conversion: one word that no
// post has and Markdown leaves alone.
const moreWord = "VEILMOREb7e2c9"

// hasBlock finds block-level markup: content written in the block editor
// or as HTML needs no paragraphs made for it.
var hasBlock = regexp.MustCompile(`(?i)<(p|div|h[1-6]|ul|ol|table|blockquote|pre|figure)[\s>]`)

// autop wraps text separated by blank lines in paragraphs and turns the
// single line breaks inside them into <br>, as WordPress's wpautop does
// when it shows a post written in the classic editor.
func autop(s string) string {
	var b strings.Builder
	for _, para := range regexp.MustCompile(`\n\s*\n`).Split(strings.TrimSpace(s), -1) {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(para, "\n", "<br>\n"))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// wpShortcode finds WordPress core shortcodes; other bracketed text is
// left as written, as WordPress itself prints an unknown shortcode.
var wpShortcode = regexp.MustCompile(`\[(/?)(caption|wp_caption|gallery|embed|audio|video|playlist)\b([^\]]*)\]`)

var attrSrc = regexp.MustCompile(`\b(?:src|mp3|m4a|ogg|wav|mp4|webm)\s*=\s*["']([^"']+)["']`)

func (im *importer) shortcodes(src string, notes []string) (string, []string) {
	if !strings.Contains(src, "[") {
		return src, notes
	}
	noted := map[string]bool{}
	out := wpShortcode.ReplaceAllStringFunc(src, func(m string) string {
		sub := wpShortcode.FindStringSubmatch(m)
		closing, name, attrs := sub[1] == "/", sub[2], sub[3]
		switch name {
		case "caption", "wp_caption", "embed":
			// The tags go; the image and caption text (or the embedded
			// URL, which becomes a link) between them stay.
			return ""
		case "audio", "video":
			if closing {
				return ""
			}
			if u := attrSrc.FindStringSubmatch(attrs); u != nil {
				return fmt.Sprintf(`<a href="%s">%s file</a>`, u[1], name)
			}
			return ""
		default:
			if !closing && !noted[name] {
				noted[name] = true
				notes = append(notes, fmt.Sprintf("[%s] shortcode removed: add its images to the post by hand", name))
			}
			return ""
		}
	})
	return out, notes
}

// uploadURL finds URLs of files in WordPress's uploads directory in
// src and href attributes.
var uploadURL = regexp.MustCompile(`((?:src|href)\s*=\s*["'])((?:https?:)?//[^"'\s]+/wp-content/uploads/[^"'\s]+|/wp-content/uploads/[^"'\s]+)(["'])`)

// srcset lists resized copies; one image is enough.
var srcset = regexp.MustCompile(`\s(?:srcset|sizes)\s*=\s*("[^"]*"|'[^']*')`)

func (im *importer) rewriteUploads(src string) string {
	// The regular expressions are slow on long posts; most have neither.
	if strings.Contains(src, "srcset") || strings.Contains(src, "sizes") {
		src = srcset.ReplaceAllString(src, "")
	}
	if !strings.Contains(src, "/wp-content/uploads/") {
		return src
	}
	return uploadURL.ReplaceAllStringFunc(src, func(m string) string {
		sub := uploadURL.FindStringSubmatch(m)
		u := sub[2]
		if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && im.siteURL != "" {
			u = strings.TrimSuffix(im.siteURL, "/") + u
		}
		return sub[1] + im.upload(u, true) + sub[3]
	})
}
