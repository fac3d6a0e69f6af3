// Command embed copies a struct that embeds a sync.Map.
package main

import "sync"

// C embeds the map.
type C struct {
	sync.Map // embedded
	name     string
}

func main() {
	c := C{name: "c"}
	c.Store("a", 1) // promoted method
	var z C
	d := c // the copy
	d.Load("a")
	z.Load("a")
}
