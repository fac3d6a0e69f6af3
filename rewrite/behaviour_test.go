package rewrite_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"go/parser"
	"go/printer"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// FuzzBehaviour runs the programs it fixes: each input is composed into
// a program as for FuzzCompose, but one made to run (composeRun says
// what it avoids so that no change the design allows shows in its
// output), and the fix must pass checkRewrite. Then the program before
// the fix and the program after it are compiled by the Go toolchain into
// one binary and run, and the fixed one must print what the input
// printed: the same entries in the same maps, and no panic the input did
// not have (a nil *sync.Map dereferenced, above all).
//
// The cost of an input is the toolchain's. go run costs a go command, a
// compile and a link per program, two programs an input: over half a
// second of CPU. Here an input whose code ran already costs the fix in
// process (about 0.02 s), and another one compile and one link of both
// programs and one process run, under a fifth of a second:
//   - The two programs become one package (merge_test.go): each
//     package-level name gets a suffix, _v1 in the input and _v2 in the
//     fixed program (by type, so only package-level objects and the
//     embedded fields named after them), and a driver main calls main_v1
//     then main_v2, each under a recover that prints the panic, between
//     markers. The declarations the fix left as they were, with all
//     they use, are compiled once; variables never are.
//   - An input whose code (without comments, in one layout) and fix ran
//     already is not run again (behaviourKey).
//   - The compiler and the linker are called directly (go tool compile,
//     go tool link -s -w), with an importcfg that go list -export made
//     once per process: no go command per input, no build cache lookup,
//     and no garbage collector (GOGC=off) in programs this small.
//   - The programs import sync only (composeRun prints with println), so
//     the link takes the runtime and sync, not fmt and reflect.
//
// The programs do not run under the race detector: it would need the
// race runtime and instrumented packages (several times the cost), and
// it has nothing to find, since a composed program runs one goroutine at
// a time (a go statement is waited for, for the output's order). The
// golden cases run under -race.
//
//	go test ./rewrite -run '^$' -fuzz '^FuzzBehaviour$' -fuzztime 10m
func FuzzBehaviour(f *testing.F) {
	if testing.Short() {
		f.Skip("runs the toolchain")
	}
	for _, seed := range composeSeeds() {
		f.Add(seed)
	}
	tc := newToolchain(f)
	f.Fuzz(func(t *testing.T, choices []byte) {
		src, opts, err := composeRun(choices)
		if err != nil {
			t.Fatalf("the composer made a program that does not parse: %v\n%s", err, src)
		}
		dir := t.TempDir()
		if err := checkRewrite(t, dir, src, opts); err != nil {
			t.Fatalf("the composer made a program that does not type-check: %v\n%s", err, src)
		}
		fixed := make(map[string][]byte)
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			fixed[filepath.Base(name)] = data
		}
		if len(fixed) == 1 && bytes.Equal(fixed["main.go"], src) {
			return // nothing changed: nothing to compare
		}
		input := map[string][]byte{"main.go": src}
		key, err := behaviourKey(input, fixed)
		if err != nil {
			t.Fatal(err)
		}
		if tc.ran(key) {
			return // the same code, in other comments or layout, ran already
		}
		before, after, err := tc.runBoth(t, input, fixed)
		if err != nil || before != after {
			var b strings.Builder
			fmt.Fprintf(&b, "input (--copies=%s):\n%s\n", opts.Copies, src)
			for _, name := range slices.Sorted(maps.Keys(fixed)) {
				fmt.Fprintf(&b, "fixed %s:\n%s\n", name, fixed[name])
			}
			if err != nil {
				t.Fatalf("%s%v", b.String(), err)
			}
			t.Fatalf("%sthe fix changed the output:\n--- input\n%s--- fixed\n%s", b.String(), before, after)
		}
		tc.passed(key)
	})
}

// behaviourKey returns a hash of the code of an input program and its
// fixed version without comments, in one layout: two inputs with the
// same key compile to the same binary and behave alike. The composer
// varies comments and layout independently of the code (and the fix
// keeps them), so many inputs share their key with others; FuzzBehaviour
// runs each key once, and goes on checking every input's rewrite.
func behaviourKey(programs ...map[string][]byte) ([sha256.Size]byte, error) {
	h := sha256.New()
	for _, files := range programs {
		for _, name := range slices.Sorted(maps.Keys(files)) {
			f, err := parser.ParseFile(token.NewFileSet(), name, files[name], parser.SkipObjectResolution)
			if err != nil {
				return [sha256.Size]byte{}, err
			}
			fmt.Fprintf(h, "== %s\n", name)
			if err := printer.Fprint(h, token.NewFileSet(), f); err != nil {
				return [sha256.Size]byte{}, err
			}
		}
		h.Write([]byte{0})
	}
	return [sha256.Size]byte(h.Sum(nil)), nil
}

// A toolchain compiles and links the programs of FuzzBehaviour, and
// remembers the behaviourKey of each pair that behaved alike.
type toolchain struct {
	compile, link, importcfg string

	mu   sync.Mutex
	same map[[sha256.Size]byte]bool
}

func (tc *toolchain) ran(key [sha256.Size]byte) bool {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return tc.same[key]
}

func (tc *toolchain) passed(key [sha256.Size]byte) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	if tc.same == nil {
		tc.same = make(map[[sha256.Size]byte]bool)
	}
	tc.same[key] = true
}

// newToolchain finds the compiler and the linker, and writes an
// importcfg for package sync and its dependencies, built by go list.
func newToolchain(f testing.TB) *toolchain {
	out, err := exec.Command("go", "env", "GOTOOLDIR").Output()
	if err != nil {
		f.Fatalf("go env GOTOOLDIR: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	list := exec.Command("go", "list", "-export", "-deps", "-f", "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}", "sync")
	list.Dir = f.TempDir() // outside this module: the standard library only
	cfg, err := list.Output()
	if err != nil {
		f.Fatalf("go list -export sync: %v", err)
	}
	tc := &toolchain{
		compile:   filepath.Join(dir, "compile"),
		link:      filepath.Join(dir, "link"),
		importcfg: filepath.Join(f.TempDir(), "importcfg"),
	}
	if err := os.WriteFile(tc.importcfg, cfg, 0o644); err != nil {
		f.Fatal(err)
	}
	return tc
}

// The markers the driver prints before each program's output.
const (
	markBefore = "== input\n"
	markAfter  = "== fixed\n"
)

const driver = `package main

func main() {
	print("` + "== input" + `\n")
	try(main_v1)
	print("` + "== fixed" + `\n")
	try(main_v2)
}

func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			if err, ok := r.(error); ok {
				println("panic:", err.Error())
			} else {
				println("panic")
			}
		}
	}()
	f()
}
`

// runBoth builds the input program and the fixed one (each a package
// main, as file names and contents) into one binary, runs it, and
// returns what each printed; err says why there is nothing to compare.
func (tc *toolchain) runBoth(t *testing.T, input, fixed map[string][]byte) (before, after string, err error) {
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "driver.go")}
	if err := os.WriteFile(files[0], []byte(driver), 0o644); err != nil {
		t.Fatal(err)
	}
	merged, err := mergePrograms(input, fixed)
	if err != nil {
		return "", "", err
	}
	for name, data := range merged {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	slices.Sort(files)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	obj, bin := filepath.Join(dir, "main.a"), filepath.Join(dir, "main")
	for _, args := range [][]string{
		// No optimization, no inlining and no DWARF: a third less time.
		append([]string{tc.compile, "-p", "main", "-lang=go1.22", "-c=1", "-N", "-l", "-dwarf=false", "-importcfg", tc.importcfg, "-pack", "-o", obj}, files...),
		{tc.link, "-s", "-w", "-importcfg", tc.importcfg, "-o", bin, obj},
	} {
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		// Both use little memory on programs this small; without a
		// collector they take an eighth less time.
		cmd.Env = append(os.Environ(), "GOGC=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", "", fmt.Errorf("%s: %v\n%s", filepath.Base(args[0]), err, out)
		}
	}
	run, cancelRun := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancelRun()
	out, err := exec.CommandContext(run, bin).CombinedOutput()
	s := string(out)
	i, j := strings.Index(s, markBefore), strings.Index(s, markAfter)
	if err != nil || i != 0 || j < 0 {
		return "", "", fmt.Errorf("the programs did not both run to the end (%v); output:\n%s", err, out)
	}
	return s[len(markBefore):j], s[j+len(markAfter):], nil
}

// TestRunBoth shows that FuzzBehaviour's check sees what it is for: a
// fixed program that dereferences a nil *sync.Map.
func TestRunBoth(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the toolchain")
	}
	const input = `package main

import "sync"

type T struct{ m sync.Map }

func main() {
	var t T
	t.m.Store("a", 1)
	u := t
	v, _ := u.m.Load("a")
	println(v.(int))
}
`
	// The fix as it would be if var t T were not initialized.
	const fixed = `package main

import "sync"

type T struct{ m *sync.Map }

func main() {
	var t T
	t.m.Store("a", 1)
	u := t
	v, _ := u.m.Load("a")
	println(v.(int))
}
`
	before, after, err := newToolchain(t).runBoth(t, map[string][]byte{"main.go": []byte(input)}, map[string][]byte{"main.go": []byte(fixed)})
	if err != nil {
		t.Fatal(err)
	}
	if want := "1\n"; before != want {
		t.Errorf("input printed %q, want %q", before, want)
	}
	if want := "panic: runtime error: invalid memory address or nil pointer dereference\n"; after != want {
		t.Errorf("fixed program printed %q, want %q", after, want)
	}
}
