package rewrite_test

import (
	"flag"
	"os"
	"regexp"
	"testing"
)

// TestMain bounds the minimization of the fuzz targets by count where
// the command line does not bound it. Every input that widens coverage
// is minimized, and the default bound, 60s, is one that the composed
// inputs always reach (minimizeBytes tries O(n²) candidates, at
// milliseconds each). A minimization that runs out of time is cancelled
// from the coordinator's side, which kills the worker: its executions
// are lost from the count, and the new worker type-checks the standard
// library again (seconds). A bound by count ends in the worker, and
// keeps both. FuzzBehaviour compiles and runs a program per input (a
// fraction of a second each), so its bound is lower. Give
// -fuzzminimizetime to choose another bound.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set {
		bound := "200x"
		if target, err := regexp.Compile(flag.Lookup("test.fuzz").Value.String()); err == nil && target.MatchString("FuzzBehaviour") {
			bound = "20x"
		}
		if err := flag.Set("test.fuzzminimizetime", bound); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
