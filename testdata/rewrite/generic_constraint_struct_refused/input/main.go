// Command constraint instantiates generic code whose constraint names
// the struct shape of Cache: after a retyped field, Cache would no
// longer satisfy it.
package main

import (
	"fmt"
	"sync"
)

// Cache holds a map.
type Cache struct {
	m sync.Map
}

// name accepts any struct shaped like Cache.
func name[T ~struct{ m sync.Map }](t *T) string {
	return fmt.Sprintf("%T", t)
}

// Box holds one value of a Cache-shaped type.
type Box[T interface{ ~int | Cache }] struct {
	v *T
}

func main() {
	var c Cache
	c.m.Store(1, 1)
	d := c // the copy
	b := Box[Cache]{v: &d}
	fmt.Println(name(&c), name(b.v))
}
