package store

import "sync"

// Cache holds entries.
type Cache struct {
	Name string
	M    *sync.Map
}
