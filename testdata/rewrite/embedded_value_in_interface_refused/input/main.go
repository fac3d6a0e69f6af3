// Command embed embeds a sync.Map in a struct whose values reach an
// interface: a *sync.Map field would give the value type Load and Store,
// and the dynamic check below would change its answer, so the field
// keeps its type.
package main

import (
	"fmt"
	"sync"
)

// C embeds the map.
type C struct {
	name string
	sync.Map
}

type loader interface{ Load(key any) (any, bool) }

func snap(c C) string { return c.name }

func describe(v any) string {
	if _, ok := v.(loader); ok {
		return "loader"
	}
	return "plain"
}

func main() {
	c := &C{name: "x"}
	fmt.Println(snap(*c))
	fmt.Println(describe(C{name: "lit"}))
}
