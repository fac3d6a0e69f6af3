package perfile

// newCache needs new(sync.Map), and this file does not import sync.
func newCache() *cache {
	return new(cache)
}
