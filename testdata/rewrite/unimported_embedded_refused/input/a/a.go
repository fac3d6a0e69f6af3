// Package a declares a struct with a sync.Map.
package a

import "sync"

// T holds a map.
type T struct {
	N int
	m sync.Map
}

// Store stores into t's map.
func (t *T) Store(k, v any) { t.m.Store(k, v) }
