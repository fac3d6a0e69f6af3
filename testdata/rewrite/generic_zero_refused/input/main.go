// Command generic instantiates generic code that makes zero values.
package main

import "sync"

type cache struct {
	name string
	m    sync.Map // entries
}

// zero returns the zero value of T, whose map would be nil.
func zero[T any]() T {
	var z T
	return z
}

func main() {
	c := cache{name: "c"}
	d := c // the copy
	e := zero[cache]()
	_, _ = d, e
}
