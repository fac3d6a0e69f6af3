// Command iassert stores a sync.Map in an interface and asserts it back.
package main

import "sync"

func store(m *sync.Map) any {
	return *m // stored in an interface
}

func load(x any) {
	n := x.(sync.Map) // the assertion
	n.Load("a")
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	load(store(&m))
}
