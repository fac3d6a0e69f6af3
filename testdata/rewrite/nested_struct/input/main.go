// Command nested copies a struct that holds a struct with a sync.Map.
package main

import "sync"

// Cache holds the map.
type Cache struct {
	entries sync.Map
}

// Outer holds a Cache by value.
type Outer struct {
	c  Cache // nested
	id int
}

func main() {
	var o Outer // zero
	o.c.entries.Store("a", 1)
	p := o // the copy
	p.c.entries.Load("a")
}
