// Command unimp declares a zero b.Outer in a file that does not import
// package a, so the fix cannot write a.T{...} there; another type is
// still fixed.
package main

import (
	"fmt"
	"sync"

	"example.com/unimp/b"
)

type local struct {
	name string
	m    *sync.Map
}

func main() {
	var o b.Outer
	o.Store("k", 1)
	c := o // a copy
	l := local{name: "l", m: new(sync.Map)}
	k := l // a copy
	fmt.Println(c.N, k.name)
}
