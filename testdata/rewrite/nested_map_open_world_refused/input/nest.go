// Package nest keeps maps of maps for its importers.
package nest

import "sync"

var groups sync.Map // id -> sync.Map

// Put stores v under id: importers outside the load may pass a sync.Map.
func Put(id string, v any) {
	groups.Store(id, v)
}

// Add stores an empty group map under id.
func Add(id string) {
	var m sync.Map
	groups.Store(id, m)
}

// Len counts the entries of the group map of id.
func Len(id string) int {
	v, _ := groups.Load(id)
	m := v.(sync.Map)
	n := 0
	m.Range(func(_, _ any) bool {
		n++
		return true
	})
	return n
}
