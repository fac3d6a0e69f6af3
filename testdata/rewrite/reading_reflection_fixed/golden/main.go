// Command readrefl hands values holding a sync.Map to code that only
// reads them by reflection (json.Marshal, fmt) and a constructor result
// to an interface parameter: none of it makes zero values.
package main

import (
	"encoding/json"
	"fmt"
	"sync"
)

type entry struct {
	Name string
	m    *sync.Map
}

// bridge keeps a private copy of the run list.
type bridge struct {
	runs entry
}

func newBridge(runs *entry) *bridge {
	return &bridge{runs: *runs} // the copy
}

type server interface{ name() string }

func (b *bridge) name() string { return b.runs.Name }

func serve(s server) { fmt.Println("serving", s.name()) }

func main() {
	list := []*entry{{Name: "a", m: new(sync.Map)}, {Name: "b", m: new(sync.Map)}}
	out, err := json.Marshal(list)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	e := entry{Name: "e", m: new(sync.Map)}
	e.m.Store("k", 1)
	serve(newBridge(&e))
	fmt.Printf("%d entries\n", len(list))
}
