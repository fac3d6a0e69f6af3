// Command byvalue passes a struct holding a sync.Map by value.
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	m *sync.Map
}

func (c *cache) put(k, v any) { c.m.Store(k, v) }

// get takes its cache by value.
func get(c cache, k any) bool {
	_, ok := c.m.Load(k)
	return ok
}

func (c cache) has(k any) bool { return get(c, k) }

func main() {
	var c = cache{m: new(sync.Map)}
	c.put(1, 1)
	fmt.Println(get(c, 1), cache.has(c, 1)) // by value, and a method expression
}
