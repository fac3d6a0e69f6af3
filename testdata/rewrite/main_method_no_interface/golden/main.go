// Command mainmethod has a method with a sync.Map parameter in package
// main whose type no interface needs: R3 retypes it. (Len is a method
// name that interfaces elsewhere have.)
package main

import (
	"fmt"
	"sync"
)

type counter struct{ base int }

// Len only reads m.
func (c *counter) Len(m *sync.Map) int {
	n := c.base
	m.Range(func(_, _ any) bool {
		n++
		return true
	})
	return n
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	c := &counter{}
	fmt.Println(c.Len(&m))
}
