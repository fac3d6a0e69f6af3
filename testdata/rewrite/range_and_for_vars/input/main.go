// Command loops copies Cache values into loop variables.
package main

import "sync"

// Cache holds the map.
type Cache struct {
	name    string
	entries sync.Map
}

func main() {
	for _, c := range []Cache{{name: "a"}, {name: "b"}} { // range value copies
		c.entries.Store("k", c.name)
	}
	base := Cache{name: "base"}
	for c := base; c.name != ""; c.name = "" { // per-iteration copies
		c.entries.Load("k")
	}
}
