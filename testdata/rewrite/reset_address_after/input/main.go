// Command reset resets a field that R1 retypes, and takes the field's
// address only after the reset: the reset stores a new map, so the copy
// made before it keeps its entries, as it did.
package main

import (
	"fmt"
	"sync"
)

// Cache is copied below: its map field becomes a pointer.
type Cache struct {
	name string
	m    sync.Map
}

func count(r *sync.Map) int {
	n := 0
	r.Range(func(k, v any) bool { n++; return true })
	return n
}

func main() {
	c := &Cache{name: "a"}
	c.m.Store(1, 1)
	c2 := *c
	c.m = sync.Map{}
	_, ok := c2.m.Load(1)
	fmt.Println(count(&c.m), ok)
}
