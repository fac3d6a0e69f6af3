//go:build go1.21

package main

import "sync"

// clearLegacy is kept buildable with Go 1.21.
func clearLegacy() {
	cache = sync.Map{}
}
