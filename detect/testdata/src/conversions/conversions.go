// Package conversions covers conversions T(v) of values holding a
// sync.Map, also through a defined type over sync.Map and to interfaces.
package conversions

import "sync"

type Registry sync.Map

type Cache struct {
	m sync.Map
}

type Cache2 Cache

func convert(m *sync.Map, r *Registry, c *Cache) {
	_ = Registry(*m)      // want `^conversion to Registry copies sync\.Map value \*m$`
	_ = sync.Map(*r)      // want `^conversion to sync\.Map copies Registry value \*r$`
	_ = any(*m)           // want `^conversion to any copies sync\.Map value \*m$`
	_ = interface{}(*c)   // want `^conversion to interface\{\} copies Cache value \*c: Cache contains sync\.Map$`
	_ = Cache2(*c)        // want `^conversion to Cache2 copies Cache value \*c: Cache contains sync\.Map$`
	_ = (Registry)(*m)    // want `^conversion to Registry copies sync\.Map value \*m$`
	x := Registry(*m)     // want `^conversion to Registry copies sync\.Map value \*m$`
	_ = any(Registry(*m)) // want `^conversion to Registry copies sync\.Map value \*m$`
	_ = &x
}

func fresh(m *sync.Map) {
	_ = Registry(sync.Map{})     // ok: fresh zero value
	_ = any(sync.Map{})          // ok: fresh zero value
	_ = (*Registry)(m)           // ok: pointer conversion
	_ = any(m)                   // ok: interface holding a pointer
	_ = Cache2(Cache{})          // ok: fresh zero value
	_ = Registry(*new(sync.Map)) // ok: fresh zero value
}
