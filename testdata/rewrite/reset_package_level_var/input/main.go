// Command runlist resets a package-level sync.Map, as a proxy server
// resets its run list when it reloads: the reset becomes RunList.Clear().
package main

import (
	"fmt"
	"sync"
)

// RunList holds the tasks that run.
var RunList sync.Map

func reload(names ...string) {
	RunList = sync.Map{}
	for _, n := range names {
		RunList.Store(n, true)
	}
}

func main() {
	reload("a", "b")
	reload("c")
	n := 0
	RunList.Range(func(k, v any) bool {
		n++
		return true
	})
	_, ok := RunList.Load("a")
	fmt.Println(n, ok)
}
