// Package perfile declares sync at package scope, so a file that must
// import package sync imports it under another name, once.
package perfile

import gosync "sync"

// cache holds the map.
type cache struct {
	m *gosync.Map
}

// sync takes the name at package scope.
func sync() int { return 0 }

func dup(c *cache) cache {
	return *c
}
