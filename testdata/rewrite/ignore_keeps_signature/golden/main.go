// Command ignore keeps a signature that a directive silences.
package main

import (
	"fmt"
	"sync"
)

func read(m sync.Map) int { //syncfix:ignore legacy signature kept on purpose
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	return n
}

func main() {
	var m sync.Map
	fmt.Println(read(m)) // not silenced, but its fix needs the signature
	n := &m              // fixed
	n.Store(1, 1)
}
