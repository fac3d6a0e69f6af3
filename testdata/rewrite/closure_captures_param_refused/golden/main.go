// Command capture returns a closure that captures a sync.Map parameter:
// the parameter escapes, so it is not read-only.
package main

import (
	"fmt"
	"sync"
)

// counter reads m later, when the closure runs.
func counter(m sync.Map) func() int {
	return func() int {
		n := 0
		m.Range(func(k, v any) bool {
			n++
			return true
		})
		return n
	}
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	count := counter(m) // the copy
	m.Store("b", 2)
	fmt.Println(count())
}
