// Command helper copies a map; a file for another GOOS declares
// cloneSyncMap, so the helper takes the next free name.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	snap := m // a snapshot of the empty map
	m.Store("b", 2)
	n := 0
	snap.Range(func(k, v any) bool { n++; return true })
	fmt.Println(n, other())
}
