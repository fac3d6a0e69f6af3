// Command embed copies a struct that embeds a sync.Map.
package main

import "sync"

// C embeds the map.
type C struct {
	*sync.Map // embedded
	name      string
}

func main() {
	c := C{name: "c", Map: new(sync.Map)}
	c.Store("a", 1) // promoted method
	var z = C{Map: new(sync.Map)}
	d := c // the copy
	d.Load("a")
	z.Load("a")
}
