// Package lib has a struct with an unexported map and a constructor
// that does more than make a zero value.
package lib

import (
	"fmt"
	"sync"
)

// Set holds names.
type Set struct {
	names sync.Map
}

// NewSet returns a new Set, and says so.
func NewSet() Set {
	fmt.Println("new set")
	return Set{}
}

// Add adds name.
func (s *Set) Add(name string) { s.names.Store(name, true) }

// Len counts the names.
func (s Set) Len() int {
	n := 0
	s.names.Range(func(_, _ any) bool { n++; return true })
	return n
}
