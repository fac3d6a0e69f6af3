// Command reslicelen reslices only within the length, which exposes no
// zero values: the fix applies.
package main

import (
	"fmt"
	"sync"
)

type entry struct {
	name string
	m    *sync.Map
}

func main() {
	s := []entry{{name: "a", m: new(sync.Map)}, {name: "b", m: new(sync.Map)}, {name: "c", m: new(sync.Map)}}
	s = s[:len(s)-1] // pop
	s = s[1:]
	s[0].m.Store("k", 1)
	first := s[0] // the copy
	v, _ := first.m.Load("k")
	fmt.Println(first.name, len(s), v, len(s[:0]))
}
