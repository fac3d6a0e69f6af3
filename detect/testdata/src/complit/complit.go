// Package complit covers composite literal elements: struct fields,
// keyed and unkeyed, slice, array and map elements, and map keys.
package complit

import "sync"

type Cache struct {
	name string
	m    sync.Map
}

type Pair struct {
	a, b sync.Map
}

type Outer struct {
	c Cache
	x any
}

func literals(m sync.Map, c Cache) { // want `parameter m` `parameter c`
	_ = Cache{name: "x", m: m}        // want `^composite literal element copies sync\.Map value m to field m$`
	_ = Cache{"x", m}                 // want `^composite literal element copies sync\.Map value m to field m$`
	_ = Pair{m, m}                    // want `^composite literal element copies sync\.Map value m to field a$` `^composite literal element copies sync\.Map value m to field b$`
	_ = Outer{c: c}                   // want `^composite literal element copies Cache value c to field c: Cache contains sync\.Map$`
	_ = Outer{x: m}                   // want `^composite literal element copies sync\.Map value m to interface x$`
	_ = &Outer{c: c}                  // want `^composite literal element copies Cache value c to field c: Cache contains sync\.Map$`
	_ = []sync.Map{m, m}              // want `^composite literal element copies sync\.Map value m$` `^composite literal element copies sync\.Map value m$`
	_ = [2]Cache{c}                   // want `^composite literal element copies Cache value c: Cache contains sync\.Map$`
	_ = [...]sync.Map{1: m}           // want `^composite literal element copies sync\.Map value m$`
	_ = map[string]sync.Map{"k": m}   // want `^composite literal element copies sync\.Map value m$`
	_ = map[any]int{m: 1}             // want `^composite literal element copies sync\.Map value m$`
	_ = []any{1, m}                   // want `^composite literal element copies sync\.Map value m to an interface$`
	_ = []Outer{{c: c}}               // want `^composite literal element copies Cache value c to field c: Cache contains sync\.Map$`
	_ = map[string]Cache{"k": {m: m}} // want `^composite literal element copies sync\.Map value m to field m$`
}

func fresh() {
	_ = Cache{name: "x"}               // ok: zero value for m
	_ = Cache{m: sync.Map{}}           // ok: fresh zero value
	_ = Pair{sync.Map{}, sync.Map{}}   // ok: fresh zero values
	_ = Outer{c: Cache{}}              // ok: fresh zero value
	_ = []sync.Map{{}, {}}             // ok: fresh zero values
	_ = map[string]*sync.Map{"k": nil} // ok: pointers
	_ = []*Cache{new(Cache), &Cache{}} // ok: pointers
	_ = map[string]sync.Map{"k": {}}   // ok: fresh zero value
}
