package main

import (
	// sync provides the map type we reset below.
	"sync" // keep: see reset
)

// reset forgets every entry.
func reset(t *T) {
	t.m = sync.Map{}
}
