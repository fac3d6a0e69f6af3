package p_test

import (
	"sync"
	"testing"

	"example.com/p"
)

func TestLen(t *testing.T) {
	var m sync.Map
	m.Store("a", 1)
	n := m    // the copy in the external test package
	m.Load(0) // m is used again: the copy stays a clone
	if p.Len(&n) != 1 {
		t.Fatal("want 1")
	}
}
