// Package watch reports changes to a site's files in batches. It is the
// only importer of fsnotify: it watches directories recursively (folders
// created later are watched too), ignores the temporary and swap files that
// editors write while saving, and debounces a burst of events into one
// batch: a quiet period restarted by each event, capped by a maximum wait
// so that a steady stream of writes still flushes.
//
// It imports no other package of veil; callers get plain paths.
package watch
