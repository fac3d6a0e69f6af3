package par

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
)

// TestDo checks that every call runs once and that no more than
// GOMAXPROCS run at a time.
func TestDo(t *testing.T) {
	checkCalls(t, "Do", 100, runtime.GOMAXPROCS(0), Do)
}

// TestDoOn checks the same with the workers asked for, also for a count
// of none or of more than there are calls.
func TestDoOn(t *testing.T) {
	for _, workers := range []int{-1, 0, 1, 3, 1000} {
		const n = 50
		do := func(n int, f func(int)) { DoOn(workers, n, f) }
		checkCalls(t, fmt.Sprintf("DoOn(%d)", workers), n, max(1, min(workers, n)), do)
	}
	DoOn(4, 0, func(int) { t.Error("f called for n=0") })
}

// checkCalls runs do over n calls and checks that each ran once, with at
// most most of them at a time.
func checkCalls(t *testing.T, name string, n, most int, do func(n int, f func(int))) {
	t.Helper()
	calls := make([]atomic.Int32, n)
	var running, peak atomic.Int32
	do(n, func(i int) {
		r := running.Add(1)
		for m := peak.Load(); r > m && !peak.CompareAndSwap(m, r); m = peak.Load() {
		}
		calls[i].Add(1)
		runtime.Gosched()
		running.Add(-1)
	})
	for i := range calls {
		if got := calls[i].Load(); got != 1 {
			t.Errorf("%s: f(%d) ran %d times, want 1", name, i, got)
		}
	}
	if p := peak.Load(); p > int32(most) {
		t.Errorf("%s: %d calls ran at once, want at most %d", name, p, most)
	}
}
