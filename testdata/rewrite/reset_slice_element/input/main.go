// Command shards resets the map of one element of a slice of structs:
// the reset becomes s.shards[i].m.Clear().
package main

import (
	"fmt"
	"sync"
)

type shard struct {
	m sync.Map
}

type store struct {
	shards []shard
}

func (s *store) drop(i int) {
	s.shards[i].m = sync.Map{}
}

func main() {
	s := &store{shards: make([]shard, 2)}
	s.shards[0].m.Store("a", 1)
	s.shards[1].m.Store("b", 2)
	s.drop(0)
	_, a := s.shards[0].m.Load("a")
	_, b := s.shards[1].m.Load("b")
	fmt.Println(a, b)
}
