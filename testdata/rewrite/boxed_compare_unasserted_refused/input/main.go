// Command snapshots passes sync.Map values as interfaces and compares
// them, without asserting them back. Comparing two interfaces that hold
// a sync.Map panics today; once the copies hold *sync.Map they compare
// pointers, so each store is refused although nothing asserts sync.Map.
package main

import (
	"fmt"
	"sync"
)

// same reports whether a and b are equal, or the panic.
func same(a, b any) string {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	switch a {
	case b:
		return "same"
	}
	return "different"
}

func main() {
	var m sync.Map
	m.Store("k", 1)
	fmt.Println(same(m, m)) // copies
	fmt.Println(same(m, "m"))
}
