// Package cache copies a struct that holds a sync.Map.
package cache

import "sync"

// Cache is an option-style value.
type Cache struct {
	name string
	// entries holds the cached values.
	entries sync.Map // keyed by string
}

// WithName returns a copy of c with another name.
func (c Cache) withName(name string) Cache {
	c.name = name
	return c
}

func newCache() *Cache {
	return new(Cache)
}

func use() {
	var c Cache
	c.entries.Store("a", 1)
	d := c.withName("d")
	e := Cache{name: "e"}
	f := &Cache{}
	_, _, _ = d, e, f
	p := &c.entries /* the address */
	p.Load("a")
}
