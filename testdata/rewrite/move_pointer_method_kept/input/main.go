// Command move calls a pointer method that keeps the address of r before
// r is copied: the copy is no move, since r is used again through the
// kept pointer, so it is cloned.
package main

import (
	"fmt"
	"sync"
)

// Reg is a registry over sync.Map.
type Reg sync.Map

var global *Reg

// Remember keeps r.
func (r *Reg) Remember() { global = r }

// Put stores a key.
func (r *Reg) Put(k, v any) { (*sync.Map)(r).Store(k, v) }

func count(r *Reg) int {
	c := 0
	(*sync.Map)(r).Range(func(k, v any) bool { c++; return true })
	return c
}

var keep []*Reg

func main() {
	var r Reg
	r.Remember() // keeps &r
	n := r
	n.Put("a", 1)
	keep = append(keep, &n)
	global.Put("b", 2)
	fmt.Println(count(keep[0]), count(global))
}
