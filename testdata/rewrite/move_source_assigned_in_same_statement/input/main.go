// Command movesame copies maps whose source the same assignment writes
// again: the copy is made first, so it keeps the old entries, and a
// shared copy would see the new value instead.
package main

import (
	"fmt"
	"sync"
)

func fresh() sync.Map { return sync.Map{} }

type holder struct {
	n sync.Map
}

// tuple writes m after copying it.
func tuple() bool {
	var n sync.Map
	var m sync.Map
	m.Store("k", 1)
	n, m = m, fresh()
	_, ok := n.Load("k")
	return ok
}

// redeclared copies m and declares m again in one :=.
func redeclared() bool {
	var m sync.Map
	m.Store("k", 2)
	n, m := m, fresh()
	_, ok := n.Load("k")
	m.Store("other", 0)
	return ok
}

// field copies into a field of a struct that is itself copied.
func field() bool {
	var s holder
	var m sync.Map
	m.Store("k", 3)
	s.n, m = m, fresh()
	t := s // the struct copy makes n a *sync.Map
	_, ok := t.n.Load("k")
	return ok
}

// moved is a true move: m is not used after the copy.
func moved() bool {
	var m sync.Map
	m.Store("k", 4)
	n := m
	_, ok := n.Load("k")
	return ok
}

func main() {
	fmt.Println(tuple(), redeclared(), field(), moved())
}
