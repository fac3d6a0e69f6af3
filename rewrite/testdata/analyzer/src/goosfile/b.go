package goosfile

import "sync"

func everywhere() int {
	var m sync.Map
	m.Store(1, 1)
	c := m // want `assignment copies sync.Map value m to c`
	m.Store(2, 2)
	n := 0
	c.Range(func(k, v any) bool { n++; return true })
	return n
}
