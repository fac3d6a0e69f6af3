// Command app uses a vendored package and copies a sync.Map itself.
package main

import (
	"fmt"
	"sync"

	"example.com/dep"
)

func main() {
	var m sync.Map
	m.Store("a", 1)
	n := m // fixed: the main module
	fmt.Println(dep.Snapshot(&m), dep.Snapshot(&n))
}
