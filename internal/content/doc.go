// Package content loads a site's posts: it walks the content directory,
// rejects files that cannot be read safely (invalid UTF-8, binary, huge,
// symlinks leaving the site), splits front matter (YAML, or TOML and JSON
// as Hugo writes them) from the Markdown body and keeps byte positions so
// that every later message can say path:line. It reads sites made for Hugo
// (sections, _index.md, leaf bundles, shortcodes) and Jekyll (_posts,
// Liquid tags) as they are, turning what they mean into Markdown.
package content
