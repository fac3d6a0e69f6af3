// Command old is a go 1.17 module.
package main

import "sync"

func main() {
	var m sync.Map
	m.Store("a", 1)
	n := m    // the copy
	m.Load(0) // m is used again: the copy stays a clone
	n.Range(func(k, v interface{}) bool {
		return true
	})
}
