// Package resets covers resets: a zero sync.Map written over an existing
// one, which go vet does not report.
package resets

import "sync"

type Registry sync.Map

type Alias = sync.Map

type Cache struct {
	name string
	m    sync.Map
}

type Server struct {
	caches []Cache
	arr    [2]sync.Map
	c      Cache
}

var RunList sync.Map

var reg Registry

func (c *Cache) reset() {
	c.m = sync.Map{} // want `^reset writes sync\.Map\{\} over sync\.Map c\.m in place: a data race with any goroutine using the map, which go vet does not report$`
}

func (c Cache) resetCopy() { // want `receiver c`
	c.m = sync.Map{} // want `^reset writes sync\.Map\{\} over sync\.Map c\.m in place`
}

func forms(p *sync.Map, s *Server, i int, x Cache, rp *Registry) { // want `parameter x`
	RunList = sync.Map{}       // want `^reset writes sync\.Map\{\} over sync\.Map RunList in place`
	RunList = *new(sync.Map)   // want `^reset writes \*new\(sync\.Map\) over sync\.Map RunList in place`
	(RunList) = (sync.Map{})   // want `^reset writes \(sync\.Map\{\}\) over sync\.Map RunList in place`
	*p = sync.Map{}            // want `^reset writes sync\.Map\{\} over sync\.Map \*p in place`
	s.caches[i].m = sync.Map{} // want `^reset writes sync\.Map\{\} over sync\.Map s\.caches\[i\]\.m in place`
	s.arr[i] = sync.Map{}      // want `^reset writes sync\.Map\{\} over sync\.Map s\.arr\[i\] in place`
	s.c.m = Alias{}            // want `^reset writes Alias\{\} over sync\.Map s\.c\.m in place`
	x.m = sync.Map{}           // want `^reset writes sync\.Map\{\} over sync\.Map x\.m in place`
	reg = Registry{}           // want `^reset writes Registry\{\} over Registry reg in place`
	*rp = Registry(sync.Map{}) // want `^reset writes Registry\(sync\.Map\{\}\) over Registry \*rp in place`
	var local sync.Map
	local = sync.Map{}            // want `^reset writes sync\.Map\{\} over sync\.Map local in place`
	n, local := 1, sync.Map{}     // want `^reset writes sync\.Map\{\} over sync\.Map local in place`
	for local = (sync.Map{}); ; { // want `^reset writes \(sync\.Map\{\}\) over sync\.Map local in place`
		break
	}
	_, _ = &local, n
}

// Declarations initialise a new variable, and nothing else overwrites a
// map in place.
func notResets(mm map[string]sync.Map, pp **sync.Map, c *Cache, any1 any) {
	var a = sync.Map{}          // ok: a declaration initialises
	b := sync.Map{}             // ok: a declaration initialises
	d := *new(sync.Map)         // ok: a declaration initialises
	var e sync.Map = sync.Map{} // ok: a declaration initialises
	_ = sync.Map{}              // ok: the blank identifier holds nothing
	mm["k"] = sync.Map{}        // ok: a map element is stored, not overwritten in place
	*pp = new(sync.Map)         // ok: a pointer is replaced, the old map is untouched
	c.m.Clear()                 // ok: Clear is safe for concurrent use
	any1 = sync.Map{}           // ok: an interface is replaced
	f := Cache{name: "f"}       // ok: composite literal
	f.name = "g"                // ok: no sync.Map written
	_, _, _, _, _, _ = &a, &b, &d, &e, &f, any1
}
