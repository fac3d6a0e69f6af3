// Command renamed imports sync once, and a parameter shadows it where
// the fix must write sync.Map: the one import is renamed, with every use
// of it, rather than a second import added.
package main

import (
	"fmt"
	"sync" // the only import of sync
)

// cache holds the map.
type cache struct {
	name string
	m    sync.Map
}

var once sync.Once

// fill has a parameter that shadows the sync package.
func fill(sync string) cache {
	var c cache // needs new(sync.Map) here
	c.m.Store(sync, 1)
	return c
}

func main() {
	once.Do(func() {})
	c := fill("a")
	d := c
	fmt.Println(d.m.Load("a"))
}
