// Command blank assigns a sync.Map to the blank identifier.
package main

import "sync"

func main() {
	var m sync.Map
	m.Store("a", 1)
	_ = m // discarded
}
