// Command generic passes a sync.Map to a type parameter.
package main

import (
	"fmt"
	"sync"
)

// dup returns t and a zero T.
func dup[T any](t T) (T, T) {
	var z T
	return t, z
}

func main() {
	var m sync.Map
	m.Store(1, 1)
	a, b := dup(m) // T would become *sync.Map
	fmt.Println(&a, &b)
}
