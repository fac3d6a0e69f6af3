// Command rounds keeps the results of the last round while it starts a
// new one: under --copies share, a copy whose source is reset later is
// still cloned, or the reset would empty the map it shares.
package main

import (
	"fmt"
	"sync"
)

func size(m *sync.Map) int {
	n := 0
	m.Range(func(_, _ any) bool { n++; return true })
	return n
}

var history []any

// Job holds a map and a name.
type Job struct {
	state sync.Map
	name  string
}

// restart keeps the state of a job while its variable is written over.
func restart() {
	var j Job
	j.state.Store("step", 1)
	kept := j.state // a copy: j is written over below
	j = Job{name: "next"}
	v, _ := kept.Load("step")
	fmt.Println("kept step:", v, j.name)
}

func main() {
	var current sync.Map
	current.Store("job1", "done")
	current.Store("job2", "done")
	previous := current  // last round's results
	history = append(history, current)
	current = sync.Map{} // a new round
	current.Store("job3", "running")

	var other sync.Map
	other.Store("x", 1)
	alias := other // never reset: shared
	alias.Store("y", 2)

	restart()
	fmt.Println("previous:", size(&previous), "current:", size(&current), "other:", size(&other))
	for _, h := range history {
		m := h.(sync.Map)
		fmt.Println("history:", size(&m))
	}
}
