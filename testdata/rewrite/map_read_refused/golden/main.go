// Command mapread reads Cache values from a map.
package main

import "sync"

// Cache holds the map.
type Cache struct {
	entries sync.Map
}

func main() {
	var c Cache
	c.entries.Store("a", 1)
	d := c // the copy
	byName := map[string]*Cache{"c": &c}
	values := map[string]Cache{}
	if v, ok := values["x"]; ok { // a map read: may be a zero Cache
		v.entries.Load("a")
	}
	d.entries.Load("a")
	_ = byName
}
