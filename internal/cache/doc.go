// Package cache keeps the per-post results of a build (de-identification
// and the risk verdict) in memory and in the site's private .veil/cache, so
// that veil serve re-analyses only the posts that changed and a later
// veil build, or a restart, is warm.
//
// An entry is keyed by a hash of the post's file (its path relative to the
// site root, however the site was named, and its bytes) and of a salt the
// caller derives from everything else the result depends on: the
// program's identity (which covers the recognizers, lexicons and models),
// the engine's fingerprint (its site key, hashed, and actions), the
// author's known and allow lists and the configuration. Pseudonyms are
// keyed hashes of each name, computed per post with no state shared between
// posts, so per-post entries keep the same person's pseudonym the same
// across posts. An entry that is truncated, corrupt or written by another
// format is ignored and rewritten, never trusted; one that cannot be
// decoded into today's types is a miss.
//
// On disk, the entries a run saves go into one pack file (see pack.go),
// put in place whole by Flush or Prune: a cold build creates one file, not
// one per entry. A damaged pack is a miss for all its entries, rebuilt
// into a new pack; Prune copies what is still used out of packs that hold
// stale entries.
package cache
