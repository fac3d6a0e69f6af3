// Package rangevars covers range key and value variables that receive
// copies, declared (:=) or assigned (=).
package rangevars

import (
	"iter"
	"sync"
)

type Cache struct {
	m sync.Map
}

func values(ms []sync.Map, arr [2]Cache, mm map[string]Cache, ch chan sync.Map, p *[3]sync.Map) { // want `^parameter arr of values passes \[2\]Cache by value: \[2\]Cache contains Cache contains sync\.Map$`
	for _, m := range ms { // want `^range copies sync\.Map elements of ms to m$`
		_ = &m
	}
	for i, c := range arr { // want `^range copies Cache elements of arr to c: Cache contains sync\.Map$`
		_, _ = i, &c
	}
	for k, c := range mm { // want `^range copies Cache elements of mm to c: Cache contains sync\.Map$`
		_, _ = k, &c
	}
	for m := range ch { // want `^range copies sync\.Map elements of ch to m$`
		_ = &m
	}
	for _, m := range p { // want `^range copies sync\.Map elements of p to m$`
		_ = &m
	}
	var m sync.Map
	for _, m = range ms { // want `^range copies sync\.Map elements of ms to m$`
	}
	var c Cache
	for _, c = range mm { // want `^range copies Cache elements of mm to c: Cache contains sync\.Map$`
	}
	_, _ = &m, &c
}

func keys(seq iter.Seq[Cache], seq2 iter.Seq2[sync.Map, int]) {
	for c := range seq { // want `^range copies Cache elements of seq to c: Cache contains sync\.Map$`
		_ = &c
	}
	for k, v := range seq2 { // want `^range copies sync\.Map elements of seq2 to k$`
		_, _ = &k, v
	}
}

func intoInterfaces(ms []sync.Map, mm map[string]Cache) {
	var x any
	for _, x = range ms { // want `^range copies sync\.Map elements of ms to interface x$`
	}
	var k, v any
	for k, v = range mm { // want `^range copies Cache elements of mm to interface v: Cache contains sync\.Map$`
	}
	_, _, _ = x, k, v
}

func notCopies(ms []sync.Map, ps []*sync.Map, mm map[string]*Cache) {
	for i := range ms { // ok: index only
		_ = &ms[i]
	}
	for i, _ := range ms { // ok: blank value
		_ = i
	}
	for _, p := range ps { // ok: pointers
		_ = p
	}
	for _, c := range mm { // ok: pointers
		_ = c
	}
	for range ms { // ok: no variables
	}
}
