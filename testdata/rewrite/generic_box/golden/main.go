// Command box wraps a struct with a sync.Map in a generic box that never
// makes zero values of its element.
package main

import "sync"

type cache struct {
	m *sync.Map
}

// box holds one value.
type box[T any] struct{ v T }

// get returns the boxed value.
func (b *box[T]) get() *T { return &b.v }

func main() {
	var b = box[cache]{v: cache{m: new(sync.Map)}} // a zero box
	c := b.v                                       // the copy
	_ = b.get()
	c.m.Load("k")
}
