// Package plan chooses the replacement of each finding: veil's
// deid.Planner. It holds one operator per kind, as Presidio's anonymizer
// operators do: person (keyed pseudonyms that keep the sex and the title),
// place (a size and region, "a small town in the Midwest"), date (shifted by
// the site's keyed offset in its written form, or generalised), age (a band,
// "in her mid-40s", and "over 89" as Safe Harbor asks), organisation (its
// type, "a community health center"), and labels for contacts, IDs and rare
// details. Each operator gets the finding, the action the site set for its
// kind and the document's analysis, which is made once per document.
package plan
