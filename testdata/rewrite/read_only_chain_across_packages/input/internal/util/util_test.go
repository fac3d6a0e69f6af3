package util

import (
	"sync"
	"testing"
)

func TestLen(t *testing.T) {
	var m sync.Map
	m.Store(1, 1)
	if n := Len(m); n != 1 {
		t.Fatalf("Len = %d", n)
	}
}
