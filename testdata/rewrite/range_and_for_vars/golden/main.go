// Command loops copies Cache values into loop variables.
package main

import "sync"

// Cache holds the map.
type Cache struct {
	name    string
	entries *sync.Map
}

func main() {
	for _, c := range []Cache{{name: "a", entries: new(sync.Map)}, {name: "b", entries: new(sync.Map)}} { // range value copies
		c.entries.Store("k", c.name)
	}
	base := Cache{name: "base", entries: new(sync.Map)}
	for c := base; c.name != ""; c.name = "" { // per-iteration copies
		c.entries.Load("k")
	}
}
