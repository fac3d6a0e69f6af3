// Command tuplederef receives a map from a function with two results
// and stores it through a pointer: m, r := get() would make r a pointer
// while *p = r needs a value, so get keeps its signature (found by
// FuzzCompose).
package main

import (
	"fmt"
	"sync"
)

// Registry is a defined type over sync.Map.
type Registry sync.Map

var global sync.Map

// get returns copies of global and of a new Registry.
func get() (sync.Map, Registry) {
	return global, Registry{}
}

func main() {
	global.Store("k", 1)
	m, r := get()
	var s Registry
	p := &s
	*p = r // a copy through a pointer
	v, _ := m.Load("k")
	fmt.Println(v)
}
