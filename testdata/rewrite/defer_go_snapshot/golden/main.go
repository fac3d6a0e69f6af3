// Command snapshot passes a sync.Map to a read-only function in go and
// defer statements, which evaluate their arguments at once: the fix
// clones (a snapshot) rather than sharing.
package main

import (
	"fmt"
	"sync"
)

// report only reads m.
func report(label string, m *sync.Map, done chan<- bool) {
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return true
	})
	fmt.Println(label, n)
	if done != nil {
		done <- true
	}
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	defer report("deferred:", cloneSyncMap(&m), nil) // a snapshot of one entry
	done := make(chan bool)
	go report("go:", cloneSyncMap(&m), done)
	<-done
	m.Store("b", 2)
	report("now:", &m, nil) // read-only: shared by address
}
