// Package dep is vendored: syncfix reports its copies but never edits it.
package dep

import "sync"

// Snapshot copies m.
func Snapshot(m *sync.Map) int {
	c := *m // a copy in a dependency
	n := 0
	c.Range(func(_, _ any) bool {
		n++
		return true
	})
	return n
}
