// Package render turns cleared posts and a theme into the bytes of a
// static site: HTML pages from html/template layouts, RSS feeds, a sitemap,
// robots.txt and the theme's static assets.
//
// render is handed data that has already been de-identified and cleared
// for publication; it must not import the deid or risk packages, and it
// never decides what may be published. Render is a pure function of its
// input: equal input gives byte-identical output.
package render
