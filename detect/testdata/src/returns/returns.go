// Package returns covers return statements: returned values, bare
// returns of named results, and the fresh values that are not copies.
package returns

import "sync"

type Cache struct {
	m sync.Map
}

var global sync.Map

var cache Cache

func value() sync.Map {
	return global // want `^return copies sync\.Map value global$`
}

func field(c *Cache) sync.Map {
	return c.m // want `^return copies sync\.Map value c\.m$`
}

func deref(p *Cache) Cache {
	return *p // want `^return copies Cache value \*p: Cache contains sync\.Map$`
}

func multi() (int, Cache, error) {
	return 1, cache, nil // want `^return copies Cache value cache: Cache contains sync\.Map$`
}

func toInterface() any {
	return global // want `^return copies sync\.Map value global to an interface$`
}

func named() (m sync.Map) {
	m.Store(1, 2)
	return // want `^bare return copies sync\.Map value of named result m$`
}

func namedCache() (n int, c Cache) {
	n = 1
	return // want `^bare return copies Cache value of named result c: Cache contains sync\.Map$`
}

func namedExplicit() (m sync.Map) {
	return m // want `^return copies sync\.Map value m to m$`
}

func literal() {
	_ = func() sync.Map {
		return global // want `^return copies sync\.Map value global$`
	}
	_ = func() (c Cache) {
		return // want `^bare return copies Cache value of named result c`
	}
}

// Result types alone are not findings: returning a fresh value is fine.

func zero() sync.Map { // ok: a result type alone
	return sync.Map{} // ok: fresh zero value
}

func zeroCache() Cache {
	return Cache{} // ok: fresh zero value
}

func fresh() sync.Map {
	return zero() // ok: a call returns a fresh value
}

func freshMulti() (int, Cache, error) {
	return multi() // ok: a call returns fresh values
}

func freshDeref() Cache {
	return *new(Cache) // ok: fresh zero value
}

func pointer() *sync.Map {
	return &global // ok: pointer
}

func pointerAny() any {
	return &global // ok: interface holding a pointer
}

func namedPointer() (p *sync.Map) {
	p = &global
	return // ok: pointer result
}

func namedUnexpected() (sync.Map, error) {
	return sync.Map{}, nil // ok: fresh
}
