// Command moves copies sync.Maps whose source is not used again: those
// copies are moves, shared rather than cloned, and only one end of a
// call clones. The copies whose source is used again, or may be, stay
// clones. Under --copies clone newB gets a private copy of global, and
// n a snapshot, where on Go 1.24 both copies aliased their source
// (run.golden).
package main

import (
	"fmt"
	"sort"
	"sync"
)

// build returns a local by value: a move, return &t.
func build() sync.Map {
	var t sync.Map
	for _, k := range []string{"a", "b"} {
		t.Store(k, len(k))
	}
	return t
}

// B keeps a map.
type B struct{ m sync.Map }

// newB stores its parameter, not used again: a move in the callee, so
// only the caller clones under --copies clone.
func newB(m sync.Map) *B {
	return &B{m: m}
}

// fill writes to its copy.
func fill(m sync.Map) {
	m.Store("filled", 1)
}

var global sync.Map

// keys returns the sorted keys of m.
func keys(m *sync.Map) []string {
	var ks []string
	m.Range(func(k, _ any) bool {
		ks = append(ks, k.(string))
		return true
	})
	sort.Strings(ks)
	return ks
}

// usedAfter copies m and then writes to m: a clone; n is then returned
// as its last use: a move.
func usedAfter() sync.Map {
	var m sync.Map
	m.Store("x", 1)
	n := m
	m.Store("y", 2)
	fmt.Println(keys(&m))
	return n
}

// inLoop copies a map declared outside the loop: a clone each time.
func inLoop() []string {
	var m sync.Map
	var out []string
	for i := range 2 {
		m.Store(fmt.Sprint(i), i)
		n := m
		out = append(out, keys(&n)...)
	}
	return out
}

// captured copies a map that a goroutine reads: a clone.
func captured() sync.Map {
	var m sync.Map
	m.Store("c", 1)
	done := make(chan bool)
	go func() {
		m.Range(func(_, _ any) bool { return true })
		done <- true
	}()
	<-done
	return m
}

// deferred copies a map that a deferred call reads: a clone.
func deferred() sync.Map {
	var m sync.Map
	m.Store("d", 1)
	defer m.Range(func(_, _ any) bool { return true })
	return m
}

// lastArg passes a local to a writing callee as its last use: a move.
func lastArg() {
	var m sync.Map
	m.Store("l", 1)
	fill(m)
}

func main() {
	t := build()
	fmt.Println(keys(&t))
	global.Store("g", 1)
	b := newB(global)
	b.m.Store("only-b", 1)
	fmt.Println(keys(&b.m), keys(&global))
	n := usedAfter()
	fmt.Println(keys(&n))
	fmt.Println(inLoop())
	c := captured()
	d := deferred()
	fmt.Println(keys(&c), keys(&d))
	lastArg()
}
