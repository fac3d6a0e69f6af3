// Command groups keeps settings by id and group: a sync.Map of ids whose
// values are sync.Maps of groups, stored by value.
package main

import (
	"fmt"
	"sync"
)

// registry maps an id to a sync.Map of its groups.
type registry struct {
	ids sync.Map
}

// add sets group of id to v. The inner map is stored while still empty
// and asserted back as a copy, so the Store below goes to the copy.
func (r *registry) add(id, group string, v int) {
	val, _ := r.ids.LoadOrStore(id, sync.Map{})
	groups := val.(sync.Map)
	groups.Store(group, v)
}

// get returns group of id.
func (r *registry) get(id, group string) (int, bool) {
	val, ok := r.ids.Load(id)
	if !ok {
		return 0, false
	}
	groups, ok := val.(sync.Map)
	if !ok {
		return 0, false // not a map of groups
	}
	v, ok := groups.Load(group)
	if !ok {
		return 0, false
	}
	return v.(int), true
}

// setAll reads the groups of id, changes them and stores them back.
func (r *registry) setAll(id string, kv map[string]int) {
	var groups sync.Map
	if val, ok := r.ids.Load(id); ok {
		groups = val.(sync.Map)
	}
	for k, v := range kv {
		groups.Store(k, v)
	}
	r.ids.Store(id, groups) // stored back
}

// count returns how many groups id has; a missing id has none.
func (r *registry) count(id string) int {
	val, _ := r.ids.Load(id)
	groups, _ := val.(sync.Map)
	n := 0
	groups.Range(func(_, _ any) bool {
		n++
		return true
	})
	return n
}

func main() {
	var r registry
	r.setAll("a", map[string]int{"x": 1, "y": 2})
	v, ok := r.get("a", "x")
	fmt.Println(v, ok, r.count("a"), r.count("missing"))
}
