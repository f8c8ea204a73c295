package preview

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
)

// decorate adds the preview's script and style to an HTML page (before
// </head>; a page without a head gets neither, as it could not be told
// apart from a fragment), its highlights, and its banner, toolbar, risk
// panel and error overlay (after <body>).
func decorate(page []byte, info *Info, snap Snapshot, version uint64) []byte {
	var marks []Highlight
	if info != nil {
		marks = info.Marks
	}
	page = decodeMarks(page, marks)
	i := headEnd(page)
	if i < 0 {
		return page
	}
	var out bytes.Buffer
	out.Grow(len(page) + 8<<10)
	out.Write(page[:i])
	out.WriteString(strings.Replace(headSnippet, "VERSION", strconv.FormatUint(version, 10), 1))
	rest := page[i:]
	if loc := bodyOpenRE.FindIndex(rest); loc != nil {
		out.Write(rest[:loc[1]])
		writeChrome(&out, info, snap)
		rest = rest[loc[1]:]
	}
	out.Write(rest)
	return out.Bytes()
}

var bodyOpenRE = regexp.MustCompile(`(?i)<body(?:\s[^>]*)?>`)

// writeChrome writes the banner, the error overlay, the toolbar and the
// risk panel.
func writeChrome(b *bytes.Buffer, info *Info, snap Snapshot) {
	esc := html.EscapeString
	if len(snap.Errors) > 0 {
		b.WriteString(`<div id="veil-errors" class="veil-ui" role="alert"><button type="button" class="veil-close" onclick="this.parentNode.remove()" aria-label="close">×</button><strong>The last save did not build; this is the last good version.</strong><pre>`)
		for _, e := range snap.Errors {
			b.WriteString(esc(e))
			b.WriteByte('\n')
		}
		b.WriteString(`</pre></div>`)
	}
	if info != nil && info.Banner != "" {
		b.WriteString(`<div id="veil-banner" class="veil-ui" role="status"><strong>` + esc(info.Banner) + `</strong>`)
		if len(info.Reasons) > 0 {
			b.WriteString(`<ul>`)
			for _, r := range info.Reasons {
				b.WriteString(`<li>` + esc(r) + `</li>`)
			}
			b.WriteString(`</ul>`)
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`<div id="veil-toolbar" class="veil-ui"><strong>veil preview</strong>`)
	if info != nil {
		if info.Source != "" {
			b.WriteString(` · <code>` + esc(info.Source) + `</code>`)
		}
		counts := map[string]int{}
		var kinds []string
		for _, m := range info.Marks {
			if counts[m.Kind] == 0 {
				kinds = append(kinds, m.Kind)
			}
			counts[m.Kind]++
		}
		fmt.Fprintf(b, ` · %d replaced`, len(info.Marks))
		for _, k := range kinds {
			fmt.Fprintf(b, ` <span class="veil-chip veil-k-%s">%s %d</span>`, esc(cssName(k)), esc(k), counts[k])
		}
		if len(info.Marks) > 0 {
			b.WriteString(` · <label><input type="checkbox" id="veil-show-originals"> show originals</label>`)
		}
	}
	for _, n := range snap.Notes {
		b.WriteString(` · ` + esc(n))
	}
	if len(snap.Links) > 0 {
		fmt.Fprintf(b, ` · <details id="veil-unlisted"><summary>not published (%d)</summary><ul>`, len(snap.Links))
		for _, l := range snap.Links {
			b.WriteString(`<li><a href="` + esc(l.Href) + `">` + esc(l.Label) + `</a></li>`)
		}
		b.WriteString(`</ul></details>`)
	}
	b.WriteString(`</div>`)
	if info != nil && info.Risk != nil {
		r := info.Risk
		state := "would be published"
		if r.Blocked {
			state = "held back"
		}
		fmt.Fprintf(b, `<details id="veil-risk" class="veil-ui" open><summary>risk %.2f · %s</summary><table>`, r.Score, esc(state))
		for _, row := range r.Rows {
			b.WriteString(`<tr><th>` + esc(row[0]) + `</th><td>` + esc(row[1]) + `</td></tr>`)
		}
		b.WriteString(`</table>`)
		if len(r.Reasons) > 0 {
			b.WriteString(`<ul>`)
			for _, x := range r.Reasons {
				b.WriteString(`<li>` + esc(x) + `</li>`)
			}
			b.WriteString(`</ul>`)
		}
		b.WriteString(`</details>`)
	}
}

// headSnippet is added before </head>: the highlight styles and the
// script that reloads the page when a newer build is published (keeping
// the scroll position) and remembers the originals toggle.
const headSnippet = `<style id="veil-preview-style">
mark.veil-r{background:#fff3b0;color:inherit;border-bottom:2px solid #d4a017;padding:0 .1em;border-radius:2px}
mark.veil-k-person{background:#ffe0e0;border-color:#d9534f}
mark.veil-k-place{background:#e0f0ff;border-color:#3a7bd5}
mark.veil-k-date{background:#e6f7e6;border-color:#3c9a3c}
mark.veil-k-age{background:#f3e6ff;border-color:#8e44ad}
mark.veil-k-organization{background:#fff0dd;border-color:#e67e22}
mark.veil-k-contact,mark.veil-k-id{background:#eeeeee;border-color:#666}
html.veil-originals mark.veil-r::after{content:" \2190 " attr(data-original);font-size:.8em;color:#a00;background:#fff;border:1px dashed #a00;margin-left:.2em;padding:0 .2em}
.veil-ui{font:13px/1.4 system-ui,sans-serif;z-index:2147483000;box-sizing:border-box}
#veil-toolbar{position:fixed;left:0;bottom:0;right:0;background:#222;color:#eee;padding:4px 10px}
#veil-toolbar code{color:#fff}
#veil-unlisted{display:inline-block}#veil-unlisted ul{position:absolute;bottom:26px;background:#222;margin:0;padding:6px 18px;max-height:60vh;overflow:auto}#veil-unlisted a{color:#9cf}
.veil-chip{display:inline-block;border-radius:3px;padding:0 4px;color:#222;background:#fff3b0}
.veil-chip.veil-k-person{background:#ffe0e0}.veil-chip.veil-k-place{background:#e0f0ff}.veil-chip.veil-k-date{background:#e6f7e6}.veil-chip.veil-k-age{background:#f3e6ff}.veil-chip.veil-k-organization{background:#fff0dd}
#veil-banner{background:#fff4e5;border:2px solid #e67e22;color:#5a3200;padding:8px 12px;margin:0}
#veil-errors{position:fixed;top:0;left:0;right:0;max-height:50vh;overflow:auto;background:#3b0000;color:#fff;padding:10px 14px}
#veil-errors pre{white-space:pre-wrap;margin:6px 0 0}
.veil-close{float:right;background:none;border:0;color:inherit;font-size:18px;cursor:pointer}
#veil-risk{position:fixed;right:10px;bottom:34px;max-width:340px;background:#fff;color:#222;border:1px solid #999;border-radius:4px;padding:6px 10px;box-shadow:0 2px 8px rgba(0,0,0,.2)}
#veil-risk th{text-align:left;padding-right:8px;font-weight:normal;color:#555}
body{padding-bottom:32px}
</style>
<script id="veil-preview-script">
(function () {
  var version = VERSION;
  var key = "veil-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var xy = saved.split(",");
    var restore = function () { window.scrollTo(+xy[0], +xy[1]); };
    document.addEventListener("DOMContentLoaded", restore);
    window.addEventListener("load", restore);
  }
  if (localStorage.getItem("veil-originals") === "1") document.documentElement.classList.add("veil-originals");
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("veil-show-originals");
    if (!box) return;
    box.checked = document.documentElement.classList.contains("veil-originals");
    box.addEventListener("change", function () {
      document.documentElement.classList.toggle("veil-originals", box.checked);
      localStorage.setItem("veil-originals", box.checked ? "1" : "0");
    });
  });
  var es = new EventSource("/_veil/events");
  es.addEventListener("version", function (e) {
    if (+e.data !== version) {
      sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
      es.close();
      location.reload();
    }
  });
})();
</script>
`
