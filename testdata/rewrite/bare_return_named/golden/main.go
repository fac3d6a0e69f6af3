// Command bare returns a named sync.Map result with a bare return.
package main

import "sync"

var src sync.Map

// snap copies src into its named result.
func snap(ok bool) (r *sync.Map) {
	r = new(sync.Map)
	if !ok {
		return // the zero map
	}
	// take the source
	r = cloneSyncMap(&src)
	return // returns r
}

func main() {
	src.Store("a", 1)
	s := snap(true)
	s.Load("a")
}
