package detect

// SetParallelBytes sets the size from which Find walks a package in
// parallel, and returns a function that restores it.
func SetParallelBytes(n int) (restore func()) {
	old := parallelBytes
	parallelBytes = n
	return func() { parallelBytes = old }
}
