// Command buildtag resets a sync.Map in two files of a go 1.26 module:
// this one is fixed, while legacy.go says //go:build go1.21, which makes
// it a go1.21 file that cannot call Clear.
package main

import (
	"fmt"
	"sync"
)

var cache sync.Map

func clearNew() {
	cache = sync.Map{}
}

func main() {
	cache.Store("a", 1)
	clearNew()
	cache.Store("b", 2)
	clearLegacy()
	_, a := cache.Load("a")
	_, b := cache.Load("b")
	fmt.Println(a, b)
}
