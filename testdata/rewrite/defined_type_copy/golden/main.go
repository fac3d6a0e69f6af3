// Command reg copies a defined type over sync.Map.
package main

import "sync"

// Registry is a sync.Map under another name.
type Registry sync.Map

func (r *Registry) Add(k string) { (*sync.Map)(r).Store(k, true) }

func count(r *Registry) int { return 0 }

type holder struct{ r *Registry }

func main() {
	var r Registry
	r.Add("a")
	n := (*Registry)(cloneSyncMap((*sync.Map)(&r))) // copy of a defined type
	n.Add("b")
	_ = count(&r)
	h := holder{r: new(Registry)}
	h2 := h
	_ = h2
}
