// Package importer brings an existing blog into a veil site: a WordPress
// export (WXR) becomes Markdown posts with YAML front matter under neutral
// file names, drafts and private posts marked draft, and the original
// slugs, links, dates and authors go into a private mapping under .veil.
// Nothing it writes is published without passing de-identification at
// build time; comments, when imported, are de-identified on the way in.
package importer
