// The reproduction from the seed: a sync.Map copied by value.
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
	n := m // the copy shares the internal map
	done := make(chan bool)
	go func() {
		for i := 0; i < 1000; i++ {
			key := rand.Intn(128)
			m.Store(key, key)
		}
		close(done)
	}()
	for i := 0; i < 10; i++ {
		n.Range(func(key, value any) bool {
			return key == value
		})
	}
	<-done
}
