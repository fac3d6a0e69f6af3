// Command refused asserts to lib.Set, which it cannot initialise.
package main

import (
	"fmt"

	"sync"

	"example.com/refused/lib"
)

func main() {
	var v any = 1
	s, _ := v.(lib.Set) // the failure path's zero Set cannot be initialised here
	s.Add("a")
	t := s // a copy
	fmt.Println(s.Len(), t.Len(), assign(Local{}))
}

// Local holds a map; its assertion below assigns with a blank ok.
type Local struct {
	m sync.Map
}

func assign(v any) int {
	var l Local
	l, _ = v.(Local) // no name can be added for ok in an assignment
	l.m.Store("k", 1)
	k := l // a copy
	n := 0
	k.m.Range(func(_, _ any) bool { n++; return true })
	return n
}
