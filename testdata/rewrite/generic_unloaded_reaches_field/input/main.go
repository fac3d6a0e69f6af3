// Command reaches hands types that lead to a struct with a map to
// generic code that is not loaded: reflect.TypeFor of a slice or a
// pointer gives reflect what it needs to make zero values, so the field
// must stay a sync.Map. A pointer handed to other generic code makes no
// zero value, and Box is fixed.
package main

import (
	"fmt"
	"reflect"
	"slices"
	"sync"
)

// Cache is made by reflection from its slice type.
type Cache struct{ m sync.Map }

// Entry is made by reflection from its pointer type.
type Entry struct{ m sync.Map }

// Box only goes to generic code through pointers.
type Box struct{ m sync.Map }

func main() {
	var a Cache
	a.m.Store(1, 1)
	b := a
	_ = b
	s := reflect.MakeSlice(reflect.TypeFor[[]Cache](), 2, 2).Interface().([]Cache)
	_, ok := s[0].m.Load(1)

	var e Entry
	f := e
	_ = f
	p := reflect.New(reflect.TypeFor[*Entry]().Elem()).Interface().(*Entry)
	_, ok2 := p.m.Load(1)

	var x Box
	x.m.Store(1, 1)
	y := x
	boxes := []*Box{&x, &y}
	fmt.Println(ok, ok2, slices.Contains(boxes, &y), len(boxes))
}
