// Command embed passes a value of a struct that embeds a sync.Map to
// generic code that stores it in an interface: a *sync.Map field would
// give the value Load and Store, and the check below would change.
package main

import (
	"fmt"
	"sync"
)

// S embeds the map.
type S struct {
	sync.Map
	name string
}

func toAny[T any](t T) any { return t }

func isLoader(v any) bool {
	_, ok := v.(interface{ Load(any) (any, bool) })
	return ok
}

func main() {
	s := &S{name: "s"}
	c := *s
	fmt.Println(c.name, isLoader(toAny(*s)))
}
