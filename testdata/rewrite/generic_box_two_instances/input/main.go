// Command boxes holds sync.Map values in a generic box twice: box[sync.Map]
// keeps its field (a type parameter's field is never retyped), and
// box[Stats] holds Stats by value, so var s box[Stats] is initialised
// when Stats's field becomes *sync.Map.
package main

import (
	"fmt"
	"sync"
)

type box[T any] struct{ v T }

// Stats counts what was seen.
type Stats struct {
	seen sync.Map
	name string
}

func size(m *sync.Map) int {
	n := 0
	m.Range(func(_, _ any) bool { n++; return true })
	return n
}

func main() {
	var plain box[sync.Map]
	plain.v.Store("a", 1)
	again := plain // not fixed: box's field is a type parameter
	fmt.Println("plain:", size(&again.v))

	var stats box[Stats]
	stats.v.seen.Store("b", 2)
	copied := stats.v
	copied.seen.Store("c", 3)
	fmt.Println("stats:", size(&stats.v.seen), size(&copied.seen))
}
