// Command ifmt converts a sync.Map to interfaces.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("a", 1)
	fmt.Printf("%T\n" /* the map */, cloneSyncMap(&m)) // printed
	var x any = &m                                     // stored in an interface
	_ = x
}
