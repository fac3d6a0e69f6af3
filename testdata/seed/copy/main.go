// Command copy is crvv's reproduction of the crash in the seed story, the
// blog post "记录踩的 Go sync map 的一个坑" ("A Go sync.Map pitfall I
// stepped into", after golang/go#24112). n := m copies the sync.Map by
// value: before Go 1.24 the copy shared the original's internal map but
// not its mutex, so ranging over n while m was written crashed with
// "fatal error: concurrent map iteration and map write" in
// sync.(*Map).Range, and the race detector saw nothing. Since Go 1.24
// sync.Map is a hash-trie and a copy of a used map silently aliases it:
// the program no longer crashes, but n is still not the separate map that
// the code seems to make.
//
// Both loops are "for {" in the original; they are bounded here so that
// the program ends. Otherwise the code is crvv's.
package main

import (
	"math/rand"
	"sync"
)

func main() {
	var m sync.Map

	for i := 0; i < 64; i++ {
		key := rand.Intn(128)
		m.Store(key, key)
	}
	n := m
	go func() {
		for i := 0; i < 100000; i++ {
			key := rand.Intn(128)
			m.Store(key, key)
		}
	}()
	for i := 0; i < 1000; i++ {
		n.Range(func(key, value interface{}) bool {
			return key == value
		})
	}
}
