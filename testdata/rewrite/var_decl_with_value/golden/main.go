// Command vardecl declares variables with a sync.Map value.
package main

import "sync"

func main() {
	var m sync.Map
	m.Store("a", 1)
	var n = cloneSyncMap(&m) // inferred type
	var k *sync.Map = &m     // explicit type
	n.Load("a")
	k.Load("a")
}
