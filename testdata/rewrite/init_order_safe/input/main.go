// Command initsafe has package-level initializers that call only other
// packages with plain values, or this package's functions directly:
// the initialisation order follows those, so its globals are fixed.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

// Names holds registered names.
type Names struct {
	set sync.Map
}

var errMissing = errors.New("missing")

var prefix = strings.ToUpper("n-")

// seeded refers to all through seed: all is initialised first.
var seeded = seed()

func seed() int {
	all.set.Store(prefix+"builtin", true)
	return 1
}

var all Names

func count(n Names) int { // by value: the copy
	c := 0
	n.set.Range(func(_, _ any) bool { c++; return true })
	return c
}

func main() {
	all.set.Store("user", true)
	fmt.Println(seeded, count(all), errMissing)
}
