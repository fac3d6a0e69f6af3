// Package a keeps a cache.
package a

import "sync"

// cache holds entries.
type cache struct {
	name string
	m    sync.Map // the entries
}

const banner = `line one
line two`

// use copies a cache.
func use() cache {
	c := cache{name: "c"}
	d := c // a copy
	return d
}

// count reads the map.
func count(m *sync.Map) int {
	n := *m
	total := 0
	n.Range(func(k, v any) bool { total++; return true })
	return total
}
