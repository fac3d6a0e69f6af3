// Command elided makes pointers to structs with elided & in literals.
package main

import (
	"fmt"
	"sync"
)

type node struct {
	name string
	m    sync.Map // children
}

func main() {
	cs := []*node{{name: "a"}, {name: "b"}} // table of pointers
	byName := map[string]*node{"c": {}}
	d := *cs[0] // the copy
	d.m.Store(1, 1)
	cs[1].m.Store(1, 1)
	byName["c"].m.Store(1, 1)
	fmt.Println("ok")
}
