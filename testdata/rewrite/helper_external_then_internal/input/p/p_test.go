package p

import (
	"sync"
	"testing"
)

func TestInternal(t *testing.T) {
	var m sync.Map
	o := m // a new copy in an in-package test
	o.Store(2, 2)
}
