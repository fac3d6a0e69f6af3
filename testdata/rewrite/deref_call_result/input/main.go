// Command deref dereferences calls that return a *sync.Map: *f() copies
// the map the pointer points at (vet does not say so). The fix clones
// the pointer f() returns, as for *p: a snapshot, where on Go 1.24 the
// copy aliased the map (run.golden). A function whose sync.Map result
// becomes a pointer is called where an interface takes the result: the
// interface gets the pointer, never *f().
package main

import (
	"fmt"
	"sort"
	"sync"
)

// Cache hands out its own map.
type Cache struct{ m sync.Map }

// Map returns the cache's map.
func (c *Cache) Map() *sync.Map { return &c.m }

// copyM returns a map with the entries of vm.
func copyM(vm sync.Map) sync.Map {
	var n sync.Map
	vm.Range(func(k, v any) bool {
		n.Store(k, v)
		return true
	})
	return n
}

// keys returns the sorted keys of m.
func keys(m *sync.Map) []string {
	var ks []string
	m.Range(func(k, _ any) bool {
		ks = append(ks, k.(string))
		return true
	})
	sort.Strings(ks)
	return ks
}

// fresh returns a new map with one entry.
func fresh() sync.Map {
	var m sync.Map
	m.Store("f", 1)
	return m
}

// Holder keeps one snapshot.
type Holder struct {
	snap sync.Map
}

func main() {
	c := new(Cache)
	c.Map().Store("a", 1)
	snap := *c.Map() // a copy of the cache's map
	c.Map().Store("b", 2)
	fmt.Println(keys(&snap), keys(c.Map()))

	var vm sync.Map
	vm.Store("x", 1)
	var outer sync.Map
	outer.Store("k", copyM(vm))
	n := 0
	outer.Range(func(_, _ any) bool {
		n++
		return true
	})
	fmt.Println(n)

	h := Holder{snap: *c.Map()} // a copy into a field
	fmt.Println(keys(&h.snap))

	// An array element keeps its sync.Map type: *fresh() would copy,
	// so fresh keeps its signature.
	var arr [1]sync.Map
	arr[0] = fresh()
	fmt.Println(keys(&arr[0]))
}
