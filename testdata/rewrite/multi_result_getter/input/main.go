// Command tables keeps named tables, each a sync.Map stored by value in
// another sync.Map, behind a getter with two results.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type store struct {
	tables sync.Map // name -> sync.Map
}

// table returns the table of name, and whether it exists.
func (s *store) table(name string) (sync.Map, bool) {
	v, ok := s.tables.Load(name)
	if !ok {
		return sync.Map{}, false
	}
	return v.(sync.Map), true
}

// lookup passes table's results on.
func (s *store) lookup(name string) (sync.Map, bool) {
	return s.table(name)
}

// put changes a copy of the table and stores it back.
func (s *store) put(name, k string, v int) {
	t, _ := s.table(name)
	t.Store(k, v)
	s.tables.Store(name, t)
}

// size counts the entries of t, or -1 if it was not found.
func size(t sync.Map, found bool) int {
	if !found {
		return -1
	}
	n := 0
	t.Range(func(_, _ any) bool {
		n++
		return true
	})
	return n
}

// cache holds a sync.Map by value; load returns one with an error.
type cache struct {
	entries sync.Map
}

var errEmpty = errors.New("empty")

func load(k string) (cache, error) {
	var c cache
	if k == "" {
		return c, errEmpty
	}
	c.entries.Store(k, len(k))
	return c, nil
}

func main() {
	var s store
	s.put("a", "x", 1)
	s.put("a", "y", 2)
	fmt.Println(size(s.lookup("a")), size(s.lookup("b")))
	if _, ok := s.table("b"); !ok {
		fmt.Println("no table b")
	}
	t, ok := s.lookup("a")
	v, _ := t.Load("x")
	fmt.Println(v, ok)
	var u sync.Map
	u, ok = s.table("a")
	fmt.Println(size(u, ok))
	c, err := load("key")
	n, _ := c.entries.Load("key")
	_, err2 := load("")
	fmt.Println(n, err, err2)
}
