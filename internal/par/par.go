// Package par runs independent calls on every CPU.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f(0), ..., f(n-1), at most GOMAXPROCS at a time, and waits
// for them all. Each call must write only its own results.
func Do(n int, f func(i int)) { DoOn(runtime.GOMAXPROCS(0), n, f) }

// DoOn is Do with at most workers calls at a time (at least one). The
// calls start in the order of their indices, so a call may wait for an
// earlier one to get somewhere without the workers all waiting.
//
// The calls run on that many goroutines, the caller's one of them, each
// taking the next index in turn, not on a goroutine each: a goroutine starts with a small stack
// and copies it each time it grows, and parsing, printing and
// type-checking grow it deep, so a goroutine per call paid that growth
// for every file (a tenth of diff's work beyond check on many small
// packages).
func DoOn(workers, n int, f func(i int)) {
	workers = max(1, min(workers, n))
	var next atomic.Int64
	work := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= n {
				return
			}
			f(i)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	work() // the caller is a worker too
	wg.Wait()
}
