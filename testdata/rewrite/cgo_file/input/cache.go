package main

import "sync"

// Cache holds a map and a count.
type Cache struct {
	m sync.Map
	n int
}
