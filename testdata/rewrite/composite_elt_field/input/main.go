// Command holder puts a sync.Map into a struct literal.
package main

import "sync"

// Holder holds a map.
type Holder struct {
	name string
	m    sync.Map // the held map
}

func main() {
	var other sync.Map
	other.Store("a", 1)
	h := Holder{name: "h", m: other} // the copy
	g := Holder{name: "g"}           // no map given
	p := &Holder{}
	h.m.Load("a")
	g.m.Store("b", 2)
	p.m.Store("c", 3)
}
