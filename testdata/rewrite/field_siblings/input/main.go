// Command hub stores a map it is given in one of two sync.Map fields:
// the struct's sync.Map fields change together, and the fix says so.
package main

import (
	"fmt"
	"sync"
)

// Hub holds its clients and the run list it was given.
type Hub struct {
	clients sync.Map
	runs    sync.Map
}

func newHub(runs sync.Map) *Hub {
	return &Hub{runs: runs}
}

var runList sync.Map

func main() {
	runList.Store(1, "job")
	h := newHub(runList)
	h.clients.Store("c", 1)
	_, ok := h.runs.Load(1)
	var idle Hub
	idle.clients.Store(2, 2)
	fmt.Println(ok)
}
