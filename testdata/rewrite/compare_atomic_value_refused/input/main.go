// Command tickets keeps the current ticket, which holds a sync.Map, in an
// atomic.Value and replaces it only if it is unchanged. CompareAndSwap
// compares the old value with the stored one as interfaces: that panics
// today, because a ticket is uncomparable, and would succeed once attrs
// is a *sync.Map, so ticket keeps its type.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// ticket is stored by value in an atomic.Value.
type ticket struct {
	id    int
	attrs sync.Map
}

func main() {
	var current atomic.Value
	t := ticket{id: 1}
	t.attrs.Store("seat", "12A")
	current.Store(t) // a copy in an interface
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println("swapped:", current.CompareAndSwap(current.Load(), ticket{id: 2}))
	}()
	fmt.Println("id:", current.Load().(ticket).id)
}
