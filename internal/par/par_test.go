package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestDo checks that every call runs once and that no more than
// GOMAXPROCS run at a time.
func TestDo(t *testing.T) {
	const n = 100
	var calls [n]atomic.Int32
	var running, most atomic.Int32
	Do(n, func(i int) {
		r := running.Add(1)
		for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
		}
		calls[i].Add(1)
		runtime.Gosched()
		running.Add(-1)
	})
	for i := range calls {
		if got := calls[i].Load(); got != 1 {
			t.Errorf("f(%d) ran %d times, want 1", i, got)
		}
	}
	if m := most.Load(); m > int32(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d calls ran at once, want at most GOMAXPROCS=%d", m, runtime.GOMAXPROCS(0))
	}
}
