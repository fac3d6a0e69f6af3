// Command snapshots copies maps that other names write over later: under
// --copies share, a copy whose source may be written over through a
// pointer or a slice is still cloned, or the write would change the map
// it shares.
package main

import (
	"fmt"
	"slices"
	"sync"
)

func size(m *sync.Map) int {
	n := 0
	m.Range(func(_, _ any) bool { n++; return true })
	return n
}

// Stats holds a map and a name.
type Stats struct {
	seen sync.Map
	name string
}

// throughPointer copies a map that a pointer to it resets.
func throughPointer() {
	var s Stats
	s.seen.Store("a", 1)
	p := &s.seen
	kept := s.seen // a copy: *p is written over below
	*p = sync.Map{}
	p.Store("b", 2)
	p.Store("c", 3)
	fmt.Println("through pointer:", size(&kept))
}

// byName copies a map through a pointer, and writes the variable the
// pointer points to by name.
func byName() {
	var s Stats
	s.seen.Store("a", 1)
	q := &s
	kept := q.seen
	s = Stats{name: "next"}
	fmt.Println("by name:", size(&kept), s.name)
}

// sharedSlice copies a map out of a slice and writes the element through
// another slice of the same array.
func sharedSlice() {
	all := make([]Stats, 2)
	all[0].seen.Store("a", 1)
	kept := all[0].seen
	view := all[:1]
	view[0] = Stats{name: "reset"}
	fmt.Println("shared slice:", size(&kept), all[0].name)
}

// untouched copies a map that no pointer reaches: shared, although
// other maps are written over through pointers. (A sync.Map's own
// methods keep no pointer to it.)
func untouched() {
	var m sync.Map
	m.Store("a", 1)
	alias := m
	alias.Store("b", 2)
	n := 0
	m.Range(func(_, _ any) bool { n++; return true })
	fmt.Println("untouched:", n, size(&alias))
}

// zero writes a zero value through p, whatever its type.
func zero[E any](p *E) {
	var z E
	*p = z
}

// generic copies a map whose holder generic code writes over.
func generic() {
	var s Stats
	s.seen.Store("a", 1)
	q := &s
	kept := q.seen
	zero(q)
	fmt.Println("generic:", size(&kept))
}

// cleared copies a map out of a slice that clear zeroes.
func cleared() {
	all := make([]Stats, 1)
	all[0].seen.Store("a", 1)
	kept := all[0].seen
	clear(all)
	fmt.Println("cleared:", size(&kept))
}

// library copies a map out of a slice that a library function, whose
// body is not loaded, reorders.
func library() {
	all := make([]Stats, 2)
	all[0].seen.Store("a", 1)
	kept := all[0].seen
	slices.Reverse(all)
	fmt.Println("library:", size(&kept))
}

func main() {
	generic()
	cleared()
	library()
	throughPointer()
	byName()
	sharedSlice()
	untouched()
}
