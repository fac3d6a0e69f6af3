// Package lib is imported by packages this pass does not see: what
// they can reach keeps its type, and says to run syncfix fix.
package lib

import "sync"

// Registry is exported: importers may copy it or make zero values.
type Registry struct {
	names sync.Map
}

// Snapshot is exported: its callers elsewhere pass maps by value.
func Snapshot(m sync.Map) int { // want `parameter m of Snapshot passes sync.Map by value; not fixed in this package alone: .*; run syncfix fix for the whole-program fix`
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	return n
}

// Copy returns a copy of the registry.
func (r *Registry) Copy() Registry {
	return *r // want `return copies Registry value \*r: Registry contains sync.Map; not fixed in this package alone: .*; run syncfix fix for the whole-program fix`
}

// size is unexported and only reads its map: fixed here.
func size(m sync.Map) int { // want `parameter m of size passes sync.Map by value`
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	return n
}

// local copies a map of its own.
func local() int {
	var m sync.Map
	m.Store("k", 1)
	return size(m) // want `call of size copies sync.Map value m`
}
