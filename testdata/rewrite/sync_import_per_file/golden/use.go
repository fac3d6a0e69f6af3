package perfile

import syncpkg "sync"

// newCache needs new(sync.Map), and this file does not import sync.
func newCache() *cache {
	return &cache{m: new(syncpkg.Map)}
}
