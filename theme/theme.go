// Package theme is veil's default theme: html/template layouts under
// layouts/ and static assets under static/, embedded in the binary. A
// site's own theme/ directory overrides any of these files one by one
// (see render.Overlay).
//
// The theme uses no JavaScript, web fonts or third-party requests.
package theme

import (
	"embed"
	"io/fs"
)

//go:embed layouts static
var files embed.FS

// FS returns the theme's files, rooted so that paths read
// "layouts/single.html" and "static/css/style.css".
func FS() fs.FS { return files }
