// Package main: every use is in the package, so every copy is fixed.
package main

import (
	"fmt"
	"sync"
)

// cache holds entries; its copies share one map after the fix.
type cache struct {
	name    string
	entries sync.Map
}

// count only reads its map.
func count(m sync.Map) int { // want `parameter m of count passes sync.Map by value`
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	return n
}

func main() {
	c := cache{name: "c"}
	c.entries.Store("k", 1)
	d := c // want `assignment copies cache value c to d: cache contains sync.Map`
	var m sync.Map
	m.Store("a", 1)
	snap := m // want `assignment copies sync.Map value m to snap`
	fmt.Println(count(snap), d.name) // want `call of count copies sync.Map value snap`
	m.Store("b", 2)                  // m is used again: snap is a clone
}
