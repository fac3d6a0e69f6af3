// Command arraybeside copies a struct that holds sync.Map fields and an
// array of sync.Map: retyping the fields alone would leave the array
// copied, so the copy is not fixed (found by FuzzCompose).
package main

import (
	"fmt"
	"sync"
)

// Set holds two maps and an array of two more.
type Set struct {
	a, b sync.Map
	more [2]sync.Map // an array field
}

// Count reads a by value: the receiver copies the whole Set.
func (s Set) Count() int {
	n := 0
	s.a.Range(func(k, v any) bool {
		n++
		return true
	})
	return n
}

// Outer holds a Set: its copies hold the array too.
type Outer struct{ set Set }

func main() {
	var o Outer
	o.set.a.Store("k", 1)
	o.set.more[1].Store("j", 2)
	c := o // the copy
	fmt.Println(o.set.Count(), c.set.Count())
}
