// Command carts stores carts, which hold a sync.Map, in interfaces, and
// compares them only in ways that cannot panic on them: with nil (==, a
// switch case, CompareAndDelete of nil), with values of comparable
// concrete types, which are compared by dynamic type first (==, a switch
// case, a string key of a map[any]int, CompareAndSwap of an old string),
// and through comparable type parameters bound to concrete types
// (slices.Contains on strings, a set of ints). None of these can compare
// two carts, so the field is retyped.
package main

import (
	"fmt"
	"slices"
	"sync"
)

// cart is copied into interfaces.
type cart struct {
	owner string
	items sync.Map
}

// set is a set of comparable values.
type set[T comparable] map[T]bool

// first returns the first element of s, of any type.
func first[T any](s []T) T { return s[0] }

var carts sync.Map

func main() {
	c := cart{owner: "ann"}
	c.items.Store("apple", 2)
	carts.Store("ann", c) // a copy in an interface
	v, _ := carts.Load("ann")
	if v == nil {
		fmt.Println("no cart")
	}
	if v == "ann" {
		fmt.Println("a name")
	}
	switch v {
	case nil, "none":
		fmt.Println("no cart")
	}
	fmt.Println("deleted nil:", carts.CompareAndDelete("ann", nil))
	fmt.Println("swapped a string:", carts.CompareAndSwap("ann", "none", "bob"))
	counts := map[any]int{"ann": 1}
	fmt.Println("count:", counts["ann"])
	owners := []string{"ann", "bob"}
	fmt.Println("known:", slices.Contains(owners, "ann"))
	ids := set[int]{1: true}
	fmt.Println("has 1:", ids[1])
	all := []any{v}
	fmt.Println("first is nil:", first(all) == nil)
	n := 0
	got := v.(cart)
	got.items.Range(func(k, v any) bool { n++; return true })
	fmt.Println("items:", n)
}
