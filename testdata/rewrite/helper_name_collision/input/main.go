// Command collide already declares cloneSyncMap.
package main

import "sync"

// cloneSyncMap is not the helper.
func cloneSyncMap(n int) int { return n }

func main() {
	var m sync.Map
	m.Store("a", cloneSyncMap(1))
	n := m    // the copy
	m.Load(0) // m is used again: the copy stays a clone
	n.Load("a")
}
