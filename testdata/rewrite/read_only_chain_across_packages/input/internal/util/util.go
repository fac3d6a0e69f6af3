// Package util has helpers that take a sync.Map by value: some only
// read it, directly or by forwarding it, and one deletes through its
// copy, which makes every function that forwards to it writing too.
package util

import "sync"

// Len counts the entries of m.
func Len(m sync.Map) int {
	n := 0
	m.Range(func(_, _ any) bool {
		n++
		return true
	})
	return n
}

// Keys only forwards m to Len: read-only as well.
func Keys(m sync.Map) int { return Len(m) }

// Depth forwards m to itself and then to Keys: recursion stays read-only.
func Depth(m sync.Map, n int) int {
	if n == 0 {
		return Keys(m)
	}
	return Depth(m, n-1)
}

// Clear deletes every entry through its copy: at run time the deletes
// reach the caller's map, so under --copies auto it is left alone.
func Clear(m sync.Map) {
	m.Range(func(k, _ any) bool {
		m.Delete(k)
		return true
	})
}

// ClearAll forwards to Clear, which writes: writing too.
func ClearAll(m sync.Map) { Clear(m) }
