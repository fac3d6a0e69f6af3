// Package signatures covers receivers and parameters that hold a
// sync.Map, in declarations and function literals. Results alone are not
// findings, and calls of a value-receiver method are covered by the
// receiver's finding.
package signatures

import "sync"

type Cache struct {
	m sync.Map
}

type Registry sync.Map

func (c Cache) Len() int { // want `^receiver c of Len passes Cache by value: Cache contains sync\.Map$`
	n := 0
	c.m.Range(func(k, v any) bool { n++; return true })
	return n
}

func (Cache) Name() string { return "cache" } // want `^receiver _ of Name passes Cache by value: Cache contains sync\.Map$`

func (r Registry) Size() int { return 0 } // want `^receiver r of Size passes Registry by value$`

func (c *Cache) Ptr() int { return 0 } // ok: pointer receiver

func param(m sync.Map) {} // want `^parameter m of param passes sync\.Map by value$`

func params(a, b sync.Map, c Cache) {} // want `^parameter a of params passes sync\.Map by value$` `^parameter b of params passes sync\.Map by value$` `^parameter c of params passes Cache by value: Cache contains sync\.Map$`

func unnamed(sync.Map, int) {} // want `^parameter _ of unnamed passes sync\.Map by value$`

func blank(_ Cache) {} // want `^parameter _ of blank passes Cache by value: Cache contains sync\.Map$`

func pointers(m *sync.Map, c *Cache, r *Registry) {} // ok: pointers

func slices(ms []sync.Map, cs map[string]Cache, ch chan Cache) {} // ok: references

func results() (sync.Map, Cache) { // ok: results alone are not findings
	return sync.Map{}, Cache{}
}

type Fn func(m sync.Map) // ok: a function type declares no parameter variables

var literal = func(c Cache) {} // want `^parameter c of func literal passes Cache by value: Cache contains sync\.Map$`

func calls(c *Cache, d Cache) { // want `parameter d`
	_ = c.Len()                     // ok: covered by the receiver finding of Len
	_ = d.Name()                    // ok: covered by the receiver finding of Name
	_ = (*c).Len()                  // ok: covered by the receiver finding of Len
	_ = c.Ptr()                     // ok: pointer receiver
	_ = Cache{}.Len()               // ok: fresh receiver
	func(r Registry) {}(Registry{}) // want `^parameter r of func literal passes Registry by value$`
}

type Iface interface {
	M(sync.Map) // ok: an interface method has no body to copy into
}
