// Package p counts entries.
package p

import "sync"

// Len returns the number of entries of m.
func Len(m *sync.Map) int {
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return true
	})
	return n
}
