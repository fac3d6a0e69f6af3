// Package store holds data.
package store

import "sync"

// Store holds a map.
type Store struct {
	Name string
	Data sync.Map // the data
}

// New returns a store.
func New(name string) *Store {
	return &Store{Name: name}
}
