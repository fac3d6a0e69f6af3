// Command kept keeps the address of a sync.Map that is assigned again.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var src sync.Map
	src.Store("a", 1)
	var dst sync.Map
	p := &dst // the address is kept
	dst = src // and dst is assigned again
	_, ok := p.Load("a")
	fmt.Println(ok)
}
