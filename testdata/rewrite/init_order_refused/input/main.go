// Command initorder registers names while the package initialises,
// through an interface that the initialisation order does not follow.
package main

import (
	"fmt"
	"sync"
)

// Names holds registered names.
type Names struct {
	set sync.Map
}

// registrar registers a name.
type registrar interface{ register(name string) }

type builtin struct{}

func (builtin) register(name string) { all.set.Store(name, true) }

func preload(r registrar) int {
	r.register("builtin")
	return 1
}

// loaded runs first: it reaches all only through the interface.
var loaded = preload(builtin{})

var all Names

// last holds a copy of the latest run's results.
var last sync.Map

type recorder struct{}

func (recorder) record() { last.Store("boot", true) }

var booted = func(r interface{ record() }) bool { r.record(); return true }(recorder{})

func count(n Names) int { // by value: the copy
	c := 0
	n.set.Range(func(_, _ any) bool { c++; return true })
	return c
}

func keep(m *sync.Map) { last = *m }

func main() {
	all.set.Store("user", true)
	var run sync.Map
	run.Store("job", 1)
	keep(&run)
	fmt.Println(loaded, booted, count(all))
}
