package p_test

import (
	"sync"
	"testing"
)

func TestExternal(t *testing.T) {
	var m sync.Map
	n := cloneSyncMap(&m) // fixed by an earlier run
	n.Store(1, 1)
}
