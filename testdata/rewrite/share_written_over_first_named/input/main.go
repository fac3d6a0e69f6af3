// Command firstwrite copies a map out of a struct that is written twice
// after the copy. Under --copies share the copy is cloned, and its fix
// names the first of the writes, whatever order the planner met them in.
package main

import (
	"fmt"
	"sync"
)

// Counter holds a map and a count.
type Counter struct {
	seen sync.Map
	n    int
}

func main() {
	var c Counter
	c.seen.Store("k", 1)
	view := c.seen
	c.n = 2
	c.n = 3
	c.n++
	c = Counter{n: c.n}
	_, ok := view.Load("k")
	fmt.Println(ok, c.n)
}
