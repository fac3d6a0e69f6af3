// Command snapshot resets two variables that R2 makes *sync.Map, since
// they hold copies. The reset of other stores new(sync.Map); snap's
// address is passed on, and a kept pointer must keep following it, so
// its reset stays snap.Clear() on the pointer.
package main

import (
	"fmt"
	"sync"
)

func size(m *sync.Map) int {
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return true
	})
	return n
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	snap := m
	p := &snap
	snap = sync.Map{}
	other := m
	other = sync.Map{}
	other.Store("c", 3)
	_, a := other.Load("a")
	_, c := other.Load("c")
	fmt.Println(size(p), size(&m), a, c)
}
