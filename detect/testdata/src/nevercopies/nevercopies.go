// Package nevercopies lists what must never be reported: addresses,
// pointers, len and cap, unsafe.Sizeof and its kin, fresh values made by
// composite literals, new and calls, and references to values.
package nevercopies

import (
	"fmt"
	"sync"
	"unsafe"
)

type Cache struct {
	m  sync.Map
	mu sync.Mutex
}

func newCache() Cache   { return Cache{} }
func newMap() *sync.Map { return new(sync.Map) }

type Arr [4]sync.Map

func never(c *Cache, a *Arr, s []Cache) {
	var m sync.Map                                 // ok: declaration without a value
	p := &m                                        // ok: address
	q := p                                         // ok: pointer
	r := &c.m                                      // ok: address of a field
	_ = len(a)                                     // ok: len of an array uses only its type
	_ = cap(a)                                     // ok: cap
	_ = len(*a)                                    // ok: len of an array value reads no element
	_ = unsafe.Sizeof(m)                           // ok: unsafe.Sizeof
	_ = unsafe.Alignof(m)                          // ok: unsafe.Alignof
	_ = unsafe.Offsetof(c.m)                       // ok: unsafe.Offsetof
	_ = sync.Map{}                                 // ok: fresh zero value
	_ = Cache{}                                    // ok: fresh zero value
	x := new(Cache)                                // ok: new
	y := *new(Cache)                               // ok: *new(T) is a fresh zero value
	z := newCache()                                // ok: call returning a fresh value
	w := newMap()                                  // ok: a call returning a pointer
	v := s[0:1]                                    // ok: a slice shares its elements
	var i any = &m                                 // ok: interface holding a pointer
	fmt.Println(&m, p, c)                          // ok: pointers
	m.Store(1, 2)                                  // ok: pointer receiver, taken implicitly
	c.m.Range(func(k, v any) bool { return true }) // ok: pointer receiver
	clear(s)                                       // ok: clear
	_ = make([]Cache, 2)                           // ok: make
	_ = [2]sync.Map{}                              // ok: fresh zero value
	go func() { m.Clear() }()                      // ok: a closure captures by reference
	_, _, _, _, _, _, _, _, _ = q, r, x, &y, &z, w, v, i, a
}

type Locked struct {
	mu sync.Mutex
}

func mutexes(l *Locked) {
	_ = *l // ok: a mutex copy is go vet's finding, not syncfix's
}
