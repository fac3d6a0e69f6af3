// Command reslice exposes spare capacity by reslicing past the length.
package main

import (
	"fmt"
	"sync"
)

type byCap struct{ m sync.Map }

type byMax struct{ m sync.Map }

type byVar struct{ m sync.Map }

func main() {
	a := byCap{}
	b := byMax{}
	c := byVar{}
	ca, cb, cc := a, b, c // the copies
	s := append([]byCap(nil), ca)
	s = s[:cap(s)] // exposes zero values when cap > len
	t := append([]byMax(nil), cb)
	t = t[0:1:cap(t)] // a 3-index slice
	n := cap(t)
	u := append([]byVar(nil), cc)
	u = u[:n] // a bound that may exceed the length
	fmt.Println(len(s) > 0, len(t), len(u) > 0)
}
