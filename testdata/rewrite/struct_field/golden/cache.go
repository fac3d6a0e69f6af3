// Package cache copies a struct that holds a sync.Map.
package cache

import "sync"

// Cache is an option-style value.
type Cache struct {
	name string
	// entries holds the cached values.
	entries *sync.Map // keyed by string
}

// WithName returns a copy of c with another name.
func (c Cache) withName(name string) Cache {
	c.name = name
	return c
}

func newCache() *Cache {
	return &Cache{entries: new(sync.Map)}
}

func use() {
	var c = Cache{entries: new(sync.Map)}
	c.entries.Store("a", 1)
	d := c.withName("d")
	e := Cache{name: "e", entries: new(sync.Map)}
	f := &Cache{entries: new(sync.Map)}
	_, _, _ = d, e, f
	p := c.entries /* the address */
	p.Load("a")
}
