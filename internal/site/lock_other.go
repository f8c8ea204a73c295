//go:build !unix

package site

import "os"

// tryLock is a no-op where flock does not exist: builds are not serialised.
func tryLock(*os.File) (bool, error) { return true, nil }
