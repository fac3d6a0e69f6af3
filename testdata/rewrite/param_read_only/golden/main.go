// Command readonly passes a sync.Map to functions that only read it.
package main

import (
	"fmt"
	"sync"
)

// count ranges over m.
func count(m *sync.Map) int {
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return true
	})
	return n
}

// lookup loads k.
func lookup(m *sync.Map, k string) (any, bool) {
	return m.Load(k) // read only
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	fmt.Println(count(&m))       // first call
	fmt.Println(lookup(&m, "a")) // second call
}
