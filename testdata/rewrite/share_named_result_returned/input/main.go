// Command namedret copies a named result, or a map inside one, and then
// returns another value, which assigns the result before the deferred
// call reads the copy: the copy must keep the old entries, so under
// --copies share it is cloned. A bare return assigns nothing, and that
// copy is shared.
package main

import (
	"fmt"
	"sync"
)

// Stats holds a map.
type Stats struct {
	seen sync.Map
	hits int
}

// reset returns fresh stats after reporting the old ones.
func reset() (s Stats) {
	s.seen.Store("a", 1)
	old := s.seen
	defer func() {
		_, ok := old.Load("a")
		fmt.Println("old stats kept:", ok)
	}()
	return Stats{hits: 1}
}

// swap returns a new map after reporting the old one.
func swap() (m sync.Map) {
	m.Store("b", 2)
	old := m
	defer func() {
		_, ok := old.Load("b")
		fmt.Println("old map kept:", ok)
	}()
	return sync.Map{}
}

// keep returns its result as it is: the copy may share it.
func keep() (m sync.Map) {
	m.Store("c", 3)
	view := m
	defer func() {
		_, ok := view.Load("c")
		fmt.Println("view sees:", ok)
	}()
	return
}

func main() {
	s := reset()
	fmt.Println("hits:", s.hits)
	m := swap()
	_, ok := m.Load("b")
	fmt.Println("new map has b:", ok)
	k := keep()
	_, ok = k.Load("c")
	fmt.Println("kept has c:", ok)
}
