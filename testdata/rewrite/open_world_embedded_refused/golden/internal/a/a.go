// Package a holds types that importers outside the module cannot name.
package a

import "sync"

// T is embedded in b.Outer.
type T struct {
	N int
	m sync.Map
}

// U is a field of b.Holder.
type U struct {
	N int
	m sync.Map
}

// Twice copies its arguments.
func Twice(t T, u U) (T, U) {
	t2, u2 := t, u // the copies
	return t2, u2
}
