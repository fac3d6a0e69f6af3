// Command multi declares several sync.Maps in one field and one var.
package main

import "sync"

// pair holds two maps in one field declaration.
type pair struct {
	x, y *sync.Map // both maps
}

// reads only reads its struct.
func reads(p pair) bool { _, ok := p.x.Load(1); return ok }

func main() {
	var b = pair{x: new(sync.Map), y: new(sync.Map)}
	c := b // a struct copy
	c.x.Store(1, 1)
	_ = reads(c)

	var m sync.Map
	var a, d = new(sync.Map), new(sync.Map) // declared together
	a = &m
	_, _ = a, d
}
