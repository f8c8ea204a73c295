// Package content loads a site's posts: it walks the content directory,
// rejects files that cannot be read safely (invalid UTF-8, binary, huge,
// symlinks leaving the site), splits YAML front matter from the Markdown body
// and keeps byte positions so that every later message can say path:line.
package content
