// Package typeassert covers type assertions x.(T) and type switch cases
// that copy a value holding a sync.Map out of an interface.
package typeassert

import "sync"

type Cache struct {
	m sync.Map
}

type Registry sync.Map

func assertions(x any) {
	_ = x.(sync.Map)       // want `^type assertion copies sync\.Map value out of x$`
	c := x.(Cache)         // want `^type assertion copies Cache value out of x: Cache contains sync\.Map$`
	r, ok := x.(Registry)  // want `^type assertion copies Registry value out of x$`
	_ = x.(*sync.Map)      // ok: pointer
	_, ok = x.(*Cache)     // ok: pointer
	_, ok = x.([]sync.Map) // ok: slice
	_ = x.(Cache).m        // want `^type assertion copies Cache value out of x: Cache contains sync\.Map$` `^assignment copies sync\.Map value x\.\(Cache\)\.m$`
	_, _, _ = &c, &r, ok
}

func switches(x any) {
	switch v := x.(type) {
	case sync.Map: // want `^type assertion copies sync\.Map value out of x to v$`
		_ = &v
	case Cache: // want `^type assertion copies Cache value out of x to v: Cache contains sync\.Map$`
		_ = &v
	case *Registry: // ok: pointer
		_ = v
	case Registry, int: // ok: v keeps the interface type
		_ = v
	}
	switch x.(type) {
	case sync.Map: // ok: no variable is bound, nothing is copied
	}
}
