// Command ret returns a sync.Map by value.
package main

import (
	"fmt"
	"sync"
)

var m sync.Map

// snapshot returns the map.
func snapshot() *sync.Map {
	return cloneSyncMap(&m) // the copy
}

func size(p *sync.Map) int {
	n := 0
	p.Range(func(k, v any) bool {
		n++
		return true
	})
	return n
}

func main() {
	m.Store("a", 1)
	s := snapshot() // a fresh value
	fmt.Println(size(s))
	t := snapshot()
	t.Store("b", 2)
}
