// Command reset resets a map from a file whose only use of package sync
// is the reset: once it is Clear(), the import goes.
package main

import (
	"fmt"
	"sync"
)

// T holds a map.
type T struct{ m sync.Map }

func main() {
	t := &T{}
	t.m.Store(1, 1)
	reset(t)
	_, ok := t.m.Load(1)
	fmt.Println(ok)
}
