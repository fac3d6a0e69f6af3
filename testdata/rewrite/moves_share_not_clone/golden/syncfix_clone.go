package main

import "sync"

// cloneSyncMap returns a new sync.Map holding the entries of src.
func cloneSyncMap(src *sync.Map) *sync.Map {
	dst := new(sync.Map)
	src.Range(func(k, v any) bool {
		dst.Store(k, v)
		return true
	})
	return dst
}
