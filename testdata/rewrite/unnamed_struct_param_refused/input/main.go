// Command unnamed passes a struct to a parameter of an identical unnamed
// struct type, which the fix cannot retype; the rest of the program is
// still fixed.
package main

import (
	"fmt"
	"sync"
)

type holder struct{ m sync.Map }

func use(a struct{ m sync.Map }) int {
	n := 0
	a.m.Range(func(k, v any) bool {
		n++
		return true
	})
	return n
}

type other struct {
	name string
	m    sync.Map
}

func main() {
	var t holder
	t.m.Store("k", 1)
	fmt.Println(use(t))
	o := other{name: "o"}
	p := o // fixed on its own
	fmt.Println(p.name)
}
