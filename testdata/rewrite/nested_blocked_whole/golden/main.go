// Command nested copies a struct whose embedded struct's map cannot be
// retyped: nothing of either changes.
package main

import (
	"fmt"
	"sync"
)

// Inner is made by make, which blocks its field.
type Inner struct{ a sync.Map }

// Outer holds Inner and a map of its own.
type Outer struct {
	Inner
	b sync.Map
}

func main() {
	xs := make([]Inner, 2)
	var o Outer
	o.b.Store(1, 1)
	p := o // the copy
	fmt.Println(len(xs), &p)
}
