// Command local assigns a sync.Map to a declared variable.
package main

import "sync"

func main() {
	var m sync.Map
	m.Store("a", 1)
	// n is meant to be a second map.
	var n = new(sync.Map) /* declared zero */
	n = &m                // the copy
	n.Range(func(k, v any) bool {
		return true
	})
	p := n // n's address
	p.Load("a")
}
