// Command newmulti makes Cache values with new and multi-name var.
package main

import "sync"

// Cache holds the map.
type Cache struct {
	entries sync.Map
}

func main() {
	p := new(Cache) // allocated
	var a, b Cache  // two zero values
	a.entries.Store("a", 1)
	b = a // the copy
	p.entries.Store("p", 2)
	b.entries.Load("a")
}
