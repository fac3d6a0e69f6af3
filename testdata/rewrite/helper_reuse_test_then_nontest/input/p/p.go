// Package p gained a copy in non-test code after an earlier run fixed
// its tests, whose helper non-test code cannot see.
package p

import "sync"

// Snapshot copies a map.
func Snapshot() int {
	var a sync.Map
	b := a    // the new copy
	a.Load(0) // a is used again: the copy stays a clone
	n := 0
	b.Range(func(k, v any) bool { n++; return true })
	return n
}
