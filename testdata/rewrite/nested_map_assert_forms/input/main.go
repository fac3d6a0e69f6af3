// Command forms asserts sync.Map values out of interfaces in every form:
// a type switch that binds the value, comma-ok with and without guards,
// an assignment to a declared variable, an argument.
package main

import (
	"fmt"
	"sync"
)

// fresh makes a map with one entry.
func fresh(k string) sync.Map {
	var m sync.Map
	m.Store(k, 1)
	return m
}

// count counts the entries of m, which it only reads.
func count(m sync.Map) int {
	n := 0
	m.Range(func(_, _ any) bool {
		n++
		return true
	})
	return n
}

// describe switches on the dynamic type and binds it.
func describe(x any) string {
	switch v := x.(type) {
	case sync.Map:
		return fmt.Sprint("map of ", count(v))
	case int:
		return fmt.Sprint("int ", v+1)
	}
	return "other"
}

// guarded uses the map only where the assertion held.
func guarded(x any) int {
	if m, ok := x.(sync.Map); ok {
		return count(m)
	}
	return -1
}

// unguarded uses the map whether or not the assertion held.
func unguarded(x any) (int, bool) {
	m, ok := x.(sync.Map) // a failure gives an empty map
	return count(m), ok
}

// reassigned assigns an assertion to a declared variable.
func reassigned(x any) int {
	var m sync.Map
	var ok bool
	m, ok = x.(sync.Map)
	if !ok {
		m.Store("default", 0)
	}
	return count(m)
}

// direct passes an assertion on.
func direct(x any) int {
	return count(x.(sync.Map))
}

func main() {
	var outer sync.Map
	outer.Store("a", fresh("x"))
	v, _ := outer.Load("a")
	fmt.Println(describe(v), describe(41), describe("s"))
	fmt.Println(guarded(v), guarded(nil))
	fmt.Println(unguarded(v))
	fmt.Println(unguarded(nil))
	fmt.Println(reassigned(v), reassigned(nil), direct(v))
}
