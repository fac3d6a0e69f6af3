package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The collector's pace. syncfix is a short-lived batch program that
// builds its whole input in memory (syntax, types, indexes) and drops
// little of it until it exits: at the default GOGC=100 it collects every
// time the heap doubles, which on a small heap means often, for next to
// nothing freed, and costs a fifth of check's time after the load on a
// 50,000-line file. As cmd/compile does for its starting heap, syncfix
// lets the heap grow by at least heapSlack between collections: the
// percentage is set after each collection from the live heap, between
// 100 (the default, once the live heap is heapSlack or more) and 400.
// Peak memory grows by at most heapSlack over the default pace. Apply
// and Verify, which hold a second copy of the changed files' syntax and
// types, run at the same pace: GOGC=75 for them, tried, kept diff's peak
// near check's but cost a tenth of diff's time. A GOGC set by the user
// is left alone.

// heapSlack is the least growth of the heap between two collections.
const heapSlack = 256 << 20

// startPacing sets the collector's pace now and after every collection.
func startPacing() {
	if os.Getenv("GOGC") != "" {
		return
	}
	pace()
}

func pace() {
	percent := 400
	if live := liveHeap(); live > 0 {
		percent = min(400, max(100, int(heapSlack*100/live)))
	}
	debug.SetGCPercent(percent)
	// The finalizer runs after the collection that finds the sentinel
	// unreachable: the next one.
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) { pace() })
}

// A gcSentinel is garbage from the start; its finalizer marks the end of
// a collection. (It is not zero-sized: the runtime may not run
// finalizers of zero-sized objects.)
type gcSentinel struct{ _ int64 }

// liveHeap returns the heap that the last collection found live, or 0
// before the first.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}
