// Command reset resets a map from a file whose only use of sync is the
// reset, and whose import of sync carries comments: the import goes, the
// comments stay.
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
