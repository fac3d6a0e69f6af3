package p_test

import (
	"sync"
	"testing"
)

func TestAnother(t *testing.T) {
	var m sync.Map
	o := m    // a new copy in the external test package
	m.Load(0) // m is used again: the copy stays a clone
	o.Store(2, 2)
}
