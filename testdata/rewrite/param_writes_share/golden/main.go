// Command writes passes a sync.Map to a function that writes to it.
package main

import (
	"fmt"
	"sync"
)

// fill stores into its parameter.
func fill(m *sync.Map) {
	m.Store("b", 2) // the write
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	fill(&m) // the copy
	_, ok := m.Load("b")
	fmt.Println(ok)
}
