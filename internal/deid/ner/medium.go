package ner

import "strings"

// Apps, sites and platforms. What a post says one posts on, saves to,
// keeps notes in or downloads is a medium: a single word that no list knows
// as a place, read in such a context, is a site or an app ("notes in
// Scrivly", "saved it to Pocketly", "the Calmora app", "a clip on
// Flickbox"), and the planner writes "an app" for it, never "a small town"
// or "an organisation". A place a list knows stays a place ("posted it
// from Tulsa").

// appNameBefore reports whether "app" or "apps" follows the name ending
// at end: "the Calmora app" names an app, which identifies no one, and
// stays as written ("the an app app" would be nonsense). A name before
// "page", "site" or "account" may be an employer's, and is replaced.
func appNameBefore(text string, end int) bool {
	w := strings.ToLower(nextWordAfter(text, end))
	return w == "app" || w == "apps"
}

// mediumNouns follow a site's or an app's name: "the Calmora app", "my
// Flickbox account", "her Pinpost page".
var mediumNouns = map[string]bool{
	"account": true, "accounts": true, "page": true, "pages": true, "profile": true,
	"feed": true, "feeds": true, "post": true, "posts": true, "story": true, "stories": true, "channel": true,
	"reel": true, "reels": true, "thread": true, "threads": true, "notebook": true, "notifications": true,
	"subscription": true, "livestream": true, "handle": true, "username": true, "login": true, "algorithm": true,
	"timeline": true, "dms": true, "inbox": true, "download": true, "website": true, "plugin": true,
	"extension": true, "premium": true,
}

// mediumActs are what one does on or with a site or an app: posting,
// sharing, saving, keeping notes and files, downloading, streaming. One of
// them a few words before "in", "to", "on", "into", "onto", "via" or
// "through" makes the name after it a medium ("I keep my notes in ...",
// "saved the article to ...").
var mediumActs = map[string]bool{
	"post": true, "posted": true, "posting": true, "posts": true, "share": true, "shared": true, "sharing": true,
	"upload": true, "uploaded": true, "uploading": true, "save": true, "saved": true, "saving": true,
	"store": true, "stored": true, "sync": true, "synced": true, "syncing": true, "download": true,
	"downloaded": true, "install": true, "installed": true, "tweeted": true, "stream": true, "streamed": true,
	"streaming": true, "subscribe": true, "subscribed": true, "bookmark": true, "bookmarked": true, "pinned": true,
	"blogged": true, "scroll": true, "scrolled": true, "scrolling": true, "log": true, "logged": true,
	"track": true, "tracked": true, "tracking": true, "tagged": true, "liked": true, "messaged": true,
	"notes": true, "journal": true, "journaling": true, "journalling": true, "files": true, "documents": true,
	"docs": true, "photos": true, "pics": true, "clip": true, "clips": true, "videos": true, "playlist": true,
	"reminders": true, "reminder": true, "calendar": true, "spreadsheet": true, "screenshots": true,
	"backed": true, "backup": true, "filed": true, "recorded": true, "typed": true, "jotted": true,
}

// mediumPreps introduce the medium after an act.
var mediumPreps = map[string]bool{"in": true, "to": true, "on": true, "into": true, "onto": true, "via": true, "through": true}

// inMediumContext reports whether the single word at text[start:end] is
// named as a site or an app: a medium noun follows it, or a medium
// preposition precedes it with a medium act among the four words before
// that, within the clause.
func inMediumContext(text string, start, end int) bool {
	if mediumNouns[strings.ToLower(nextWordAfter(text, end))] {
		return true
	}
	j, i := wordBefore(text, start)
	if !mediumPreps[strings.ToLower(text[j:i])] {
		return false
	}
	off := j
	for n := 0; n < 5; n++ {
		k := off
		for k > 0 && text[k-1] == ' ' {
			k--
		}
		if k == 0 || strings.IndexByte(".,;:!?\n()", text[k-1]) >= 0 {
			return false // the clause ends
		}
		a, b := wordBefore(text, off)
		if a == b {
			return false
		}
		if mediumActs[strings.ToLower(text[a:b])] {
			return true
		}
		off = a
	}
	return false
}

// nextWordAfter returns the run of ASCII letters after the spaces at i.
func nextWordAfter(text string, i int) string {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	j := i
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	return text[i:j]
}
