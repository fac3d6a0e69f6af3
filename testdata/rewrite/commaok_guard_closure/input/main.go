// Command guard uses the value of a comma-ok assertion only under ok,
// but inside closures that run after ok has changed: the guard does not
// hold there, so the failure path is initialised.
package main

import (
	"fmt"
	"sync"
)

// Counter holds a map.
type Counter struct {
	hits sync.Map
}

var boxes sync.Map

func inner(v any) {
	m, ok := v.(sync.Map) // maps inside maps
	report := func() {
		if ok {
			m.Store("seen", true)
			_, found := m.Load("seen")
			fmt.Println("inner found:", found)
			return
		}
		fmt.Println("no inner map")
	}
	report()
	ok = true // a later call of report uses m
	report()
}

func counter(v any) {
	c, ok := v.(Counter)
	show := func() {
		if ok {
			c.hits.Store("k", 1)
			fmt.Println("counter ok")
		} else {
			fmt.Println("no counter")
		}
	}
	defer show()
	if !ok {
		ok = true
	}
}

func main() {
	var m sync.Map
	boxes.Store("a", m) // a sync.Map stored by value
	v, _ := boxes.Load("a")
	inner(v)
	inner("other")
	c := Counter{}
	d := c // the copy
	counter(d)
	counter(3)
}
