// Command rangestore is the blog author's first attempt to reproduce the
// crash of the seed story, the blog post "记录踩的 Go sync map 的一个坑"
// ("A Go sync.Map pitfall I stepped into", after golang/go#24112): one
// goroutine stores into a package-level sync.Map while 20000 goroutines
// range over it. It never crashed, because the sync.Map is never copied:
// every goroutine uses the same value, and a sync.Map that is not copied
// is safe for concurrent use.
//
// The original stores 100000000 times; count is lowered here so that the
// program ends in a fraction of a second. Otherwise the code is the blog's.
package main

import (
	"fmt"
	"sync"
)

var m sync.Map

func main() {

	count := 100000 // 100000000 in the blog

	keys := []string{"foo0", "foo1", "foo2"}

	var wg sync.WaitGroup
	wg.Add(20001)

	// Writer routine
	go func() {
		defer func() {
			fmt.Println("store finish")
			wg.Done()
		}()
		i := 0
		for {
			m.Store(keys[i%3], i)
			i += 1
			if i > count {
				return
			}
		}
	}()

	// Range routine
	for i := 0; i < 20000; i++ {
		go func() {
			defer func() {
				wg.Done()
			}()
			m.Range(func(key, value interface{}) bool {
				return true
			})
		}()
	}
	wg.Wait()
}
