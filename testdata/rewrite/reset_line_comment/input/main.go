// Command comments resets maps on lines that hold comments: every
// comment stays on the line of the Clear call.
package main

import (
	"fmt"
	"sync"
)

type holder struct {
	m sync.Map
}

func main() {
	var h holder
	h.m.Store("a", 1)
	h.m = /* start over */ sync.Map{ /* empty */ } // reset the map
	// before the reset
	h.m = // a line comment inside
		sync.Map{}
	h.m.Store("b", 2)
	_, a := h.m.Load("a")
	_, b := h.m.Load("b")
	fmt.Println(a, b)
}
