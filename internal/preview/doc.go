// Package preview is veil serve's HTTP side: it serves a build held in
// memory, reloads the browser when a new build is published (Server-Sent
// Events; the script is added to HTML responses here, never to the built
// files), and shows the de-identification on top of each page: replaced
// spans highlighted with their kind and rule, a toggle that shows the
// originals beside them, a risk panel, a banner on drafts and held-back
// posts, and an overlay with build errors while the last good pages stay
// served.
//
// The preview shows unredacted text, so it answers only requests whose Host
// is a loopback name or address (a web page elsewhere cannot read it by
// rebinding its DNS name to 127.0.0.1), lists no directories, and serves
// only the paths of the build.
//
// It imports no other package of veil: the caller hands it snapshots.
package preview
