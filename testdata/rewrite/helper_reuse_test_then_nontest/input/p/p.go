// Package p gained a copy in non-test code after an earlier run fixed
// its tests, whose helper non-test code cannot see.
package p

import "sync"

// Snapshot copies a map.
func Snapshot() int {
	var a sync.Map
	b := a // the new copy
	n := 0
	b.Range(func(k, v any) bool { n++; return true })
	return n
}
