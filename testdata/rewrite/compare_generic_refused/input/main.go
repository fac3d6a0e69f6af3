// Command seen keeps values in generic containers whose type parameters
// are comparable, bound to interface types: a set of fmt.Stringer and
// slices.Contains on []any. The generic code compares the interfaces (or
// hashes them as map keys), which panics today on a value holding a
// sync.Map and would succeed once the field is a pointer, so neither
// struct is retyped.
package main

import (
	"fmt"
	"slices"
	"sync"
)

// set is a set of comparable values.
type set[T comparable] map[T]bool

// newSet returns an empty set.
func newSet[T comparable]() set[T] { return set[T]{} }

func (s set[T]) add(v T) { s[v] = true }

// peer is a fmt.Stringer that holds a map.
type peer struct {
	addr  string
	state sync.Map
}

func (p peer) String() string { return p.addr }

// visit holds a map and is kept in a []any.
type visit struct {
	page string
	hits sync.Map
}

// try prints f's panic, if any.
func try(what string, f func()) {
	defer func() { fmt.Println(what, "recovered:", recover()) }()
	f()
}

func main() {
	peers := newSet[fmt.Stringer]()
	p := peer{addr: "10.0.0.1"}
	try("add", func() { peers.add(p) })

	v := visit{page: "/"}
	v.hits.Store("ann", 1)
	log := []any{"start", v}
	try("contains", func() { fmt.Println(slices.Contains(log, log[1])) })
}
