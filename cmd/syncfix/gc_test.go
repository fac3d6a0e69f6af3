package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestPace checks the collector's pace after a collection: a small live
// heap gets the most slack, and the user's GOGC is kept.
func TestPace(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	runtime.GC()
	pace()
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("after a collection with a live heap of %d bytes, GOGC=%d, want 400", liveHeap(), got)
	}
	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	startPacing()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("with GOGC=50 set, GOGC=%d after startPacing, want 50", got)
	}
}
