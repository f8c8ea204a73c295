// Package config loads a site's configuration: config.yaml at the site root
// (optional), VEIL_* environment variables and command-line flags, in rising
// precedence. It is a leaf package: it imports no other package of veil.
package config
