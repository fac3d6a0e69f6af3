// Command conv converts and asserts sync.Map values.
package main

import "sync"

// Registry is a defined type over sync.Map.
type Registry sync.Map

func get(x any) {
	n := x.(sync.Map) // an assertion
	n.Load("a")
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	r := Registry(m) // a conversion
	_ = &r
	var boxed any = sync.Map{} // a fresh map in an interface
	get(boxed)
}
