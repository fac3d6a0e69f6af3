// Command deref resets the map a pointer points to: *p = sync.Map{}
// becomes p.Clear(), which empties the same map rather than writing a
// new one over it.
package main

import (
	"fmt"
	"sync"
)

func reset(p *sync.Map) {
	*p = sync.Map{}
}

func main() {
	m := new(sync.Map)
	m.Store("a", 1)
	reset(m)
	m.Store("b", 2)
	_, a := m.Load("a")
	_, b := m.Load("b")
	fmt.Println(a, b)
}
