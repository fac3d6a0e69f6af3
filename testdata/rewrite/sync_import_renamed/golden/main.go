// Command renamed imports sync once, and a parameter shadows it where
// the fix must write sync.Map: the one import is renamed, with every use
// of it, rather than a second import added.
package main

import (
	"fmt"
	syncpkg "sync" // the only import of sync
)

// cache holds the map.
type cache struct {
	name string
	m    *syncpkg.Map
}

var once syncpkg.Once

// fill has a parameter that shadows the sync package.
func fill(sync string) cache {
	var c = cache{m: new(syncpkg.Map)} // needs new(sync.Map) here
	c.m.Store(sync, 1)
	return c
}

func main() {
	once.Do(func() {})
	c := fill("a")
	d := c
	fmt.Println(d.m.Load("a"))
}
