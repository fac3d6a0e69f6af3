// Command elided makes pointers to structs with elided & in literals.
package main

import (
	"fmt"
	"sync"
)

type node struct {
	name string
	m    *sync.Map // children
}

func main() {
	cs := []*node{{name: "a", m: new(sync.Map)}, {name: "b", m: new(sync.Map)}} // table of pointers
	byName := map[string]*node{"c": {m: new(sync.Map)}}
	d := *cs[0] // the copy
	d.m.Store(1, 1)
	cs[1].m.Store(1, 1)
	byName["c"].m.Store(1, 1)
	fmt.Println("ok")
}
