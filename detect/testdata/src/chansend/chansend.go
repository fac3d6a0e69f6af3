// Package chansend covers channel sends, also as select cases: go vet
// does not report them.
package chansend

import "sync"

type Cache struct {
	m sync.Map
}

func sends(m *sync.Map, c *Cache, ch chan sync.Map, cc chan<- Cache, ca chan any, done chan struct{}) {
	ch <- *m  // want `^channel send copies sync\.Map value \*m to ch$`
	cc <- *c  // want `^channel send copies Cache value \*c to cc: Cache contains sync\.Map$`
	ca <- c.m // want `^channel send copies sync\.Map value c\.m to an interface$`
	select {
	case ch <- c.m: // want `^channel send copies sync\.Map value c\.m to ch$`
	case cc <- *c: // want `^channel send copies Cache value \*c to cc: Cache contains sync\.Map$`
	case <-done:
	}
	ch <- sync.Map{} // ok: fresh zero value
	cc <- Cache{}    // ok: fresh zero value
	ca <- m          // ok: interface holding a pointer
}

func receives(ch chan sync.Map, cc chan Cache, done chan struct{}) {
	var x any
	select {
	case v := <-ch: // want `^assignment copies sync\.Map value <-ch to v$`
		_ = &v
	case c, ok := <-cc: // want `^assignment copies Cache value <-cc to c: Cache contains sync\.Map$`
		_, _ = &c, ok
	case x = <-ch: // want `^assignment copies sync\.Map value <-ch to interface x$`
	case <-ch: // ok: the value is dropped
	case <-done:
	}
	_ = x
}

func pointers(ch chan *sync.Map, m *sync.Map) {
	ch <- m // ok: pointer
}
