// Command evalorder copies maps in statements whose later calls may
// write them. The compiler runs the calls first and reads the map after
// them, so the copy holds their entries; a clone, a call itself, would
// run first and miss them, so those copies are refused. Where no later
// call can reach the map, the copy is cloned.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

// fill stores into the map it is given.
func fill(m *sync.Map) int {
	m.Store("filled", true)
	return 1
}

// has reports whether m holds key.
func has(m *sync.Map, key string) bool {
	_, ok := m.Load(key)
	return ok
}

func main() {
	// A closure that writes m runs before the copy reads it.
	var a sync.Map
	store := func() int { a.Store("late", 1); return 1 }
	b, k := a, store()
	fmt.Println("closure:", has(&b, "late"), k)

	// fill(&c) runs before c is read.
	var c sync.Map
	d, n := c, fill(&c)
	fmt.Println("address:", has(&d, "filled"), n)

	// A write method on the map itself, later in the statement.
	var e sync.Map
	f, swapped := e, e.CompareAndSwap("own", nil, 1)
	fmt.Println("method:", has(&f, "own"), swapped)

	// Nothing later can reach g: the copy is cloned.
	var g sync.Map
	g.Store("kept", 1)
	h, s := g, strconv.Itoa(len("xy"))
	_, still := g.Load("kept")
	fmt.Println("private:", has(&h, "kept"), still, s)
}
