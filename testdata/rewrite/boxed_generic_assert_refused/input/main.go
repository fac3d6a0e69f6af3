// Command box stores a sync.Map in a sync.Map and asserts it back, while
// generic code asserts to a type parameter that the program binds to an
// interface *sync.Map satisfies: once the stored value is a pointer, that
// assertion would start to succeed, so nothing changes.
package main

import (
	"fmt"
	"sync"
)

type loader interface{ Load(any) (any, bool) }

func as[T any](v any) bool {
	_, ok := v.(T)
	return ok
}

func main() {
	var outer, inner sync.Map
	inner.Store("a", 1)
	outer.Store("k", inner)
	v, _ := outer.Load("k")
	fmt.Println(as[loader](v))
	m := v.(sync.Map)
	_, ok := m.Load("a")
	fmt.Println(ok)
}
