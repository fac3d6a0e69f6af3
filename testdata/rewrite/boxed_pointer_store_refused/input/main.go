// Command box stores a sync.Map and a nil *sync.Map in interfaces: asserting
// *sync.Map instead of sync.Map would take the nil one, so the stores and
// the assertion are left as they are.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var a sync.Map
	a.Store(1, 1)
	var items []any
	items = append(items, a)
	var np *sync.Map
	items = append(items, np)
	for _, it := range items {
		if m, ok := it.(sync.Map); ok {
			n := 0
			m.Range(func(k, v any) bool { n++; return true })
			fmt.Println("map with", n)
		} else {
			fmt.Println("not a map")
		}
	}
}
