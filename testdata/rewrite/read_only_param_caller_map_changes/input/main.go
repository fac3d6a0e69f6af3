// Command rochanges passes maps to functions that only read their copy,
// while something else changes the caller's map during the call: a
// package-level map that the callee clears, a callback that clears the
// caller's local, and a goroutine that reads the copy after the call.
// The copy kept what the map held at the call, so these are cloned (or,
// for the goroutine, left to --copies); a private local whose callee
// calls nothing else is passed by address.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

var global sync.Map

// size clears the package-level map, then counts its copy.
func size(p sync.Map) int {
	global.Clear()
	return count(p)
}

// count only reads its copy and calls nothing else.
func count(p sync.Map) int {
	n := 0
	p.Range(func(_, _ any) bool { n++; return true })
	return n
}

// sizeAfter runs f, then counts its copy.
func sizeAfter(p sync.Map, f func()) int {
	f()
	return count(p)
}

// spawn counts its copy in a goroutine, after it has returned.
func spawn(p sync.Map, done chan int) {
	go p.Range(func(_, _ any) bool { done <- 1; return false })
}

func main() {
	runtime.GOMAXPROCS(1)
	global.Store(1, 1)
	global.Store(2, 2)
	fmt.Println("global:", size(global))

	var x sync.Map
	x.Store(1, 1)
	fmt.Println("callback:", sizeAfter(x, func() { x.Clear() }))

	var y sync.Map
	y.Store(1, 1)
	fmt.Println("private:", count(y))

	var z sync.Map
	z.Store(1, 1)
	done := make(chan int, 1)
	spawn(z, done)
	z.Clear()
	select {
	case n := <-done:
		fmt.Println("goroutine:", n)
	case <-time.After(2 * time.Second):
		fmt.Println("goroutine: none")
	}
}
