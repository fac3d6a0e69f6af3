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

// TestDoOn checks that every call runs once, with no more than the
// workers asked for at a time, also for a count of none or too many.
func TestDoOn(t *testing.T) {
	for _, workers := range []int{-1, 0, 1, 3, 1000} {
		const n = 50
		var calls [n]atomic.Int32
		var running, most atomic.Int32
		DoOn(workers, n, func(i int) {
			r := running.Add(1)
			for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
			}
			calls[i].Add(1)
			runtime.Gosched()
			running.Add(-1)
		})
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("workers=%d: f(%d) ran %d times, want 1", workers, i, got)
			}
		}
		if m, want := most.Load(), int32(max(1, min(workers, n))); m > want {
			t.Errorf("workers=%d: %d calls ran at once, want at most %d", workers, m, want)
		}
	}
	DoOn(4, 0, func(int) { t.Error("f called for n=0") })
}
