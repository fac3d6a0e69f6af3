// Command tight imports sync with no space after the keyword, and a
// parameter named sync hides the package where the fix must write
// sync.Map: the import is renamed, and stays apart from the keyword.
package main

import"sync"

// Cache holds entries.
type Cache struct{ entries sync.Map }

func run(sync int) int {
	var c Cache // gets new(sync.Map), under the import's new name
	c.entries.Store("a", sync)
	d := c // the copy
	_, ok := d.entries.Load("a")
	if ok {
		return 1
	}
	return 0
}

func main() {
	println(run(1))
}
