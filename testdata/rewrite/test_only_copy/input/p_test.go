package p

import (
	"sync"
	"testing"
)

func TestLen(t *testing.T) {
	var m sync.Map
	m.Store("a", 1)
	n := m    // the copy in the package's own test
	m.Load(0) // m is used again: the copy stays a clone
	if Len(&n) != 1 {
		t.Fatal("want 1")
	}
}
