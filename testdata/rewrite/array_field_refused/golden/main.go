// Command arrfield copies a struct with an array of sync.Map.
package main

import "sync"

// Pair holds two maps.
type Pair struct {
	maps [2]sync.Map // an array field
}

func main() {
	var p Pair
	p.maps[0].Store("a", 1)
	q := p // the copy
	q.maps[1].Load("a")
}
