// Command unkeyed uses unkeyed Cache literals.
package main

import "sync"

// Cache holds the map.
type Cache struct {
	name    string
	entries sync.Map
}

func main() {
	c := Cache{"n", sync.Map{}} // unkeyed
	c.entries.Store("a", 1)
	d := c // the copy
	d.entries.Load("a")
}
