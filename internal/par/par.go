// Package par runs independent calls on every CPU.
package par

import (
	"runtime"
	"sync"
)

// Do calls f(0), ..., f(n-1), at most GOMAXPROCS at a time, and waits
// for them all. Each call must write only its own results.
func Do(n int, f func(i int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(i)
		}()
	}
	wg.Wait()
}
