// Command recursive has a read-only function that calls itself with its
// sync.Map parameter: still read-only, so callers pass &m.
package main

import (
	"fmt"
	"sync"
)

func depth(m *sync.Map, n int) int {
	if n == 0 {
		c := 0
		m.Range(func(_, _ any) bool {
			c++
			return true
		})
		return c
	}
	return depth(m, n-1)
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	fmt.Println(depth(&m, 3))
}
