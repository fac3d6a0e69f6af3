// Command commaok asserts interfaces back to a struct that holds a
// sync.Map, with comma-ok forms whose failure yields a zero value.
package main

import (
	"fmt"
	"sync"
)

// Cache holds a map and a name.
type Cache struct {
	entries sync.Map
	name    string
}

// Outer holds a Cache by value.
type Outer struct {
	c Cache
}

// size counts the entries of c.
func size(c *Cache) int {
	n := 0
	c.entries.Range(func(_, _ any) bool { n++; return true })
	return n
}

func fill(v any) {
	c, ok := v.(Cache) // a failure gives a zero Cache, used below
	c.entries.Store("k", 1)
	fmt.Println("ok:", ok, "size:", size(&c))
}

func blank(v any) {
	c, _ := v.(Cache) // blank ok
	c.entries.Store("k", 2)
	fmt.Println("blank size:", size(&c))
}

func declared(v any) {
	var c, found = v.(Cache)
	c.entries.Store("k", 3)
	fmt.Println("declared:", found, size(&c))
}

func guarded(v any) {
	if c, ok := v.(Cache); ok { // only used where ok
		fmt.Println("guarded:", c.name)
	}
	_, ok := v.(Cache) // the value is not kept
	fmt.Println("is cache:", ok)
}

func nested(v any) {
	o, ok := v.(Outer)
	o.c.entries.Store("k", 4)
	fmt.Println("nested:", ok, size(&o.c))
}

func main() {
	c := Cache{name: "a"}
	d := c // the copy: c and d share the map after the fix
	fmt.Println(d.name)
	fill(1)
	fill(Cache{name: "b"})
	blank("x")
	declared(nil)
	guarded(Cache{name: "g"})
	guarded(2)
	nested(3)
	nested(Outer{})
}
