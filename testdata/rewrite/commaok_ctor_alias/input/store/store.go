// Package store keeps entries in a map other packages cannot reach.
package store

import "sync"

// Store holds entries.
type Store struct {
	entries sync.Map
	label   string
}

// Empty returns an empty Store.
func Empty() Store { return Store{} }

// Put stores v under k.
func (s *Store) Put(k, v string) { s.entries.Store(k, v) }

// Label returns the store's label.
func (s Store) Label() string { return s.label }
