// Command mkslice makes a slice of zero Cache values.
package main

import "sync"

// Cache holds the map.
type Cache struct {
	entries sync.Map
}

func main() {
	var c Cache
	c.entries.Store("a", 1)
	d := c                 // the copy
	cs := make([]Cache, 3) // zero values syncfix cannot initialize
	cs[0].entries.Load("a")
	d.entries.Load("a")
}
