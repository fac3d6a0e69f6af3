// Package derefcall has *f(), a dereference of a call's pointer result,
// in every copy form. vet counts the pointee as fresh; it is not: the
// pointer may point at a map in use, such as a getter's &c.m.
package derefcall

import (
	"fmt"
	"sync"
)

type Cache struct{ m sync.Map }

// Map returns the cache's own map.
func (c *Cache) Map() *sync.Map { return &c.m }

func get() *sync.Map { return new(sync.Map) }

func getCache() *Cache { return new(Cache) }

func take(m sync.Map) {} // want `^parameter m of take passes sync\.Map by value$`

func takeAny(v any) {}

type Holder struct{ m sync.Map }

func forms(c *Cache, ch chan sync.Map) sync.Map {
	a := *c.Map()  // want `^assignment copies sync\.Map value \*c\.Map\(\) to a$`
	var b = *get() // want `^variable declaration copies sync\.Map value \*get\(\) to b$`
	var d sync.Map
	d = *(get())          // want `^assignment copies sync\.Map value \*\(get\(\)\) to d$`
	take(*get())          // want `^call of take copies sync\.Map value \*get\(\)$`
	takeAny(*get())       // want `^call of takeAny copies sync\.Map value \*get\(\)$`
	fmt.Println(*c.Map()) // want `^call of fmt\.Println copies sync\.Map value \*c\.Map\(\)$`
	_ = Holder{m: *get()} // want `^composite literal element copies sync\.Map value \*get\(\) to field m$`
	ch <- *get()          // want `^channel send copies sync\.Map value \*get\(\) to ch$`
	e := *getCache()      // want `^assignment copies Cache value \*getCache\(\) to e: Cache contains sync\.Map$`
	f := *new(sync.Map)   // ok: *new(T) is a fresh zero value
	g := get()            // ok: a pointer
	_, _, _, _, _ = &a, &b, &d, &e, &f
	_ = g
	return *c.Map() // want `^return copies sync\.Map value \*c\.Map\(\)$`
}
