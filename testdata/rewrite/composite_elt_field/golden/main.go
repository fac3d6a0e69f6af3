// Command holder puts a sync.Map into a struct literal.
package main

import "sync"

// Holder holds a map.
type Holder struct {
	name string
	m    *sync.Map // the held map
}

func main() {
	var other sync.Map
	other.Store("a", 1)
	h := Holder{name: "h", m: &other}        // the copy
	g := Holder{name: "g", m: new(sync.Map)} // no map given
	p := &Holder{m: new(sync.Map)}
	h.m.Load("a")
	g.m.Store("b", 2)
	p.m.Store("c", 3)
}
