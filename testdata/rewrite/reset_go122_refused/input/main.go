// Command old resets a sync.Map in a go 1.22 module: (*sync.Map).Clear
// came in Go 1.23, so the reset is reported and left as it is.
package main

import (
	"fmt"
	"sync"
)

var cache sync.Map

func main() {
	cache.Store("a", 1)
	cache = sync.Map{}
	_, ok := cache.Load("a")
	fmt.Println(ok)
}
