package p

import (
	"sync"
	"testing"
)

func TestInternal(t *testing.T) {
	var m sync.Map
	o := m    // a new copy in an in-package test
	m.Load(0) // m is used again: the copy stays a clone
	o.Store(2, 2)
}
