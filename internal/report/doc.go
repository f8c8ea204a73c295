// Package report renders what a check found, per post, as text for people (one line per
// item, `path:line:col: kind: message`, as linters print), as JSON for programs, and as
// SARIF 2.1.0 for code-scanning tools. It prints kinds, positions and factors; the text of
// a finding or a detail only when asked (ShowOriginal): logs are outputs too.
package report
