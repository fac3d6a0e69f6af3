// Command reset resets a field in a method while a pointer to the field,
// taken in another function, is kept: the reset stays Clear(), so the
// pointer follows the map as it did.
package main

import (
	"fmt"
	"sync"
)

// T is copied below: its map field becomes a pointer.
type T struct {
	f sync.Map
	n int
}

func has(m *sync.Map, k any) bool {
	_, ok := m.Load(k)
	return ok
}

func (t *T) reset() { t.f = sync.Map{} }

func main() {
	a := &T{}
	a.f.Store(1, 1)
	b := *a
	_ = b
	p := &a.f
	load := a.f.Load // a method value keeps the address too
	a.reset()
	_, ok := load(1)
	fmt.Println(has(p, 1), ok)
}
