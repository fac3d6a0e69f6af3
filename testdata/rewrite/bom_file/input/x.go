//go:build !nosync

// Package x uses a store.
package x

import "example.com/x/internal/store"

// Copy copies a cache.
func Copy() store.Cache {
	c := store.Cache{Name: "x"}
	d := c // a copy
	return d
}
