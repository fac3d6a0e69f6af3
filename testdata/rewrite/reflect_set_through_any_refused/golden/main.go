// Command reflectany zeroes a struct through an interface by reflection.
package main

import (
	"fmt"
	"reflect"
	"sync"
)

type state struct {
	n int
	m sync.Map
}

func reset(x any) {
	v := reflect.ValueOf(x).Elem()
	v.Set(reflect.Zero(v.Type()))
}

func main() {
	s := state{n: 1}
	c := s // the copy
	var x any = &s
	reset(x)
	s.m.Store("k", 1)
	fmt.Println(c.n, s.n)
}
