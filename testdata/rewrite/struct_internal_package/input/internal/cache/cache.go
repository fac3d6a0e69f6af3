// Package cache is internal to the module, so every importer is loaded.
package cache

import "sync"

// Cache is an option-style value.
type Cache struct {
	Name string
	// Entries holds the cached values.
	Entries sync.Map // keyed by string
}

// New returns an empty cache.
func New(name string) *Cache {
	return &Cache{Name: name} // fresh
}

// WithName returns a copy of c with another name.
func (c Cache) WithName(name string) Cache {
	c.Name = name
	return c // a copy
}
