// Command fixed was already fixed by syncfix.
package main

import "sync"

// Cache holds the map.
type Cache struct {
	entries *sync.Map
}

func main() {
	m := new(sync.Map)
	m.Store("a", 1)
	n := cloneSyncMap(m) // already a clone
	c := Cache{entries: new(sync.Map)}
	d := c
	d.entries.Load("a")
	n.Load("a")
}
