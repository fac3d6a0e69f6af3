package rewrite_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/syncfix/syncfix/rewrite"
)

// loadCases loads the input module of every golden case, once: the
// benchmarks measure planning and applying, not the go command.
func loadCases(b *testing.B) []*rewrite.Program {
	entries, err := os.ReadDir(caseDir)
	if err != nil {
		b.Fatal(err)
	}
	var all []*rewrite.Program
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		prog, errs, err := loadPackages(filepath.Join(caseDir, e.Name(), "input"))
		if err != nil || len(errs) > 0 {
			b.Fatalf("%s: %v %v", e.Name(), err, errs)
		}
		all = append(all, prog)
	}
	return all
}

// BenchmarkPlan plans every golden case.
func BenchmarkPlan(b *testing.B) {
	cases := loadCases(b)
	for b.Loop() {
		for _, prog := range cases {
			rewrite.Make(prog, rewrite.Options{})
		}
	}
}

// BenchmarkPlanApply plans every golden case and applies the plan with
// dst (in memory: Apply writes nothing).
func BenchmarkPlanApply(b *testing.B) {
	cases := loadCases(b)
	for b.Loop() {
		for _, prog := range cases {
			if _, err := rewrite.Make(prog, rewrite.Options{}).Apply(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTree plans (and with SYNCFIX_BENCH_APPLY=1 applies and
// verifies) a module
// named by SYNCFIX_BENCH_TREE, such as one written by internal/gentree:
//
//	dir=$(mktemp -d)/tree
//	go run ./internal/gentree -n 200 -o $dir
//	SYNCFIX_BENCH_TREE=$dir go test ./rewrite -run '^$' -bench Tree
func BenchmarkTree(b *testing.B) {
	dir := os.Getenv("SYNCFIX_BENCH_TREE")
	if dir == "" {
		b.Skip("SYNCFIX_BENCH_TREE is not set")
	}
	prog, errs, err := loadPackages(dir)
	if err != nil || len(errs) > 0 {
		b.Fatalf("%v %v", err, errs)
	}
	apply := os.Getenv("SYNCFIX_BENCH_APPLY") != ""
	for b.Loop() {
		p := rewrite.Make(prog, rewrite.Options{})
		if apply {
			changes, err := p.Apply()
			if err != nil {
				b.Fatal(err)
			}
			if err := p.Verify(changes); err != nil {
				b.Fatal(err)
			}
		}
	}
}
