package p

import "sync"

// cloneSyncMap2 returns a new sync.Map holding the entries of src.
func cloneSyncMap2(src *sync.Map) *sync.Map {
	dst := new(sync.Map)
	src.Range(func(k, v any) bool {
		dst.Store(k, v)
		return true
	})
	return dst
}
