// Command mvalue binds a value-receiver method.
package main

import (
	"fmt"
	"sync"
)

// Cache holds the map.
type Cache struct {
	name    string
	entries *sync.Map
}

// Describe has a value receiver.
func (c Cache) Describe() string {
	return c.name
}

func main() {
	c := Cache{name: "c", entries: new(sync.Map)}
	c.entries.Store("a", 1)
	f := c.Describe // binds a copy of c
	fmt.Println(f())
}
