// Command shadow has a parameter named sync.
package main

import syncpkg "sync"

// Cache holds the map.
type Cache struct {
	entries *syncpkg.Map
}

// run has a parameter that shadows the sync package.
func run(sync int) int {
	var c = Cache{entries: new(syncpkg.Map)} // needs new(sync.Map) here
	c.entries.Store("a", sync)
	d := c // the copy
	p := &Cache{entries: new(syncpkg.Map)}
	_ = p
	_, ok := d.entries.Load("a")
	if ok {
		return 1
	}
	return 0
}

func main() {
	run(1)
}
