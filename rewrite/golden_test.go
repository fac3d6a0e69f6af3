package rewrite_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	loader "github.com/syncfix/syncfix/internal/load"
	"github.com/syncfix/syncfix/internal/textdiff"
	"github.com/syncfix/syncfix/rewrite"
	"golang.org/x/tools/go/packages"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/rewrite")

// caseDir is where the golden cases live: each is a directory with an
// input module (input/), the change the fix makes to it as a unified
// diff (want.diff; none if the fix changes nothing), and the expected
// findings with their decisions (check.golden). A case may hold an
// options file with flags: -copies=X, -closed-world, and -pattern=P
// (repeatable; ./... if none) for the packages to load.
//
// A case whose input is runnable is also run, to show that the fix keeps
// what the program does: the input module's root package is a main
// package (run with go run -race .), or the module has _test.go files
// (run with go test -race ./...), or both. It runs on the input before
// the fix and on the rewritten tree after it, and the two outputs
// (stdout and stderr, with the exit status) must be equal; a case whose
// behaviour deliberately changes holds the output after the fix in
// run.golden instead (refreshed by -update), and may hold the output
// before it in run.before.golden, to show what the fix cures. A case
// whose tree the fix leaves as it was is not run again. Programs must
// print the same on every run: no addresses, times or map order.
const caseDir = "../testdata/rewrite"

// TestGolden runs every case through plan and apply, compares with the
// goldens, and checks what every rewrite must satisfy (DESIGN.md R5): the
// result type-checks and passes go vet, has no fixable copy left, keeps
// every comment, and a second run changes nothing.
func TestGolden(t *testing.T) {
	entries, err := os.ReadDir(caseDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		t.Run(e.Name(), func(t *testing.T) {
			t.Parallel()
			runCase(t, filepath.Join(caseDir, e.Name()))
		})
	}
	if n == 0 {
		t.Fatal("found no golden cases")
	}
}

func runCase(t *testing.T, dir string) {
	opts, patterns := readOptions(t, dir)
	work := t.TempDir()
	copyTree(t, filepath.Join(dir, "input"), work)

	plan := load(t, work, opts, patterns...)
	changes, err := plan.Apply()
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if err := plan.Verify(changes); err != nil {
		t.Fatalf("verify: %v", err)
	}
	var before string
	runnable := isRunnable(t, work)
	if runnable && len(changes) > 0 {
		before = runProgram(t, work)
	}
	writeChanges(t, changes)
	compareText(t, filepath.Join(dir, "check.golden"), outcomesText(plan, work))
	checkKinds(t, plan)
	compareDiff(t, dir, work)
	if runnable && len(changes) > 0 {
		compareRun(t, dir, before, runProgram(t, work))
	}

	checkComments(t, filepath.Join(dir, "input"), work)
	vet(t, work)
	again := load(t, work, opts, patterns...)
	for _, o := range again.Outcomes {
		if o.Fixed {
			t.Errorf("second run: fixable finding left: %s: %s", o.Posn, o.Text())
		}
	}
	changes, err = again.Apply()
	if err != nil {
		t.Fatalf("second apply: %v", err)
	}
	for _, c := range changes {
		t.Errorf("second run changed %s:\n%s", rel(work, c.Name), c.New)
	}
}

func readOptions(t *testing.T, dir string) (rewrite.Options, []string) {
	var opts rewrite.Options
	var patterns []string
	data, err := os.ReadFile(filepath.Join(dir, "options"))
	if os.IsNotExist(err) {
		return opts, patterns
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range strings.Fields(string(data)) {
		switch {
		case f == "-closed-world":
			opts.ClosedWorld = true
		case strings.HasPrefix(f, "-pattern="):
			patterns = append(patterns, strings.TrimPrefix(f, "-pattern="))
		case strings.HasPrefix(f, "-copies="):
			opts.Copies, err = rewrite.ParsePolicy(strings.TrimPrefix(f, "-copies="))
			if err != nil {
				t.Fatal(err)
			}
		default:
			t.Fatalf("unknown option %q", f)
		}
	}
	return opts, patterns
}

// load loads the packages of the module in dir that patterns match
// (every package if none), with tests, and plans.
func load(t *testing.T, dir string, opts rewrite.Options, patterns ...string) *rewrite.Plan {
	t.Helper()
	prog, errs, err := loadPackages(dir, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) > 0 {
		t.Fatalf("packages have errors:\n%s", strings.Join(errs, "\n"))
	}
	plan := rewrite.Make(prog, opts)
	if err := plan.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// loadPackages loads the module in dir as the command does, and returns
// the packages' errors.
func loadPackages(dir string, patterns ...string) (*rewrite.Program, []string, error) {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	prog, err := loader.Load(loader.Config{Dir: dir, Patterns: patterns, Tests: true})
	if err != nil {
		return nil, nil, err
	}
	var errs []string
	packages.Visit(prog.Packages, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	return prog, errs, nil
}

func outcomesText(plan *rewrite.Plan, dir string) string {
	var b strings.Builder
	for _, o := range plan.Outcomes {
		text := o.Text()
		text = strings.ReplaceAll(text, dir+string(filepath.Separator), "")
		fmt.Fprintf(&b, "%s:%d:%d: %s\n", rel(dir, o.Posn.Filename), o.Posn.Line, o.Posn.Column, text)
	}
	return b.String()
}

// checkKinds checks that every outcome that is not fixed says what kind
// of obstacle blocks it, with a kind that has a name: a blocker made
// without one would be BlockNone, and a value past the last kind would
// print as BlockKind(N).
func checkKinds(t *testing.T, plan *rewrite.Plan) {
	t.Helper()
	for _, list := range [][]*rewrite.Outcome{plan.Outcomes, plan.Silenced} {
		for _, o := range list {
			switch name := o.Kind.String(); {
			case o.Fixed && o.Kind != rewrite.BlockNone:
				t.Errorf("%s: fixed, but has blocker kind %s", o.Posn, name)
			case o.Fixed:
			case o.Kind == rewrite.BlockNone:
				t.Errorf("%s: not fixed, and no blocker kind: %s", o.Posn, o.Text())
			case strings.HasPrefix(name, "BlockKind("):
				t.Errorf("%s: blocker kind %s has no name: %s", o.Posn, name, o.Text())
			}
		}
	}
}

func rel(dir, name string) string {
	r, err := filepath.Rel(dir, name)
	if err != nil {
		return name
	}
	return filepath.ToSlash(r)
}

func writeChanges(t *testing.T, changes []rewrite.FileChange) {
	for _, c := range changes {
		if err := os.WriteFile(c.Name, c.New, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func copyTree(t *testing.T, from, to string) {
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(to, strings.TrimPrefix(path, from))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// readTree returns the files under dir by slash-separated relative name.
func readTree(t *testing.T, dir string) map[string][]byte {
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[rel(dir, path)] = data
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

func compareText(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run go test -update):\n--- want\n%s\n--- got\n%s", golden, want, got)
	}
}

// compareDiff compares the change the fix made to a case's input, as
// the unified diff syncfix diff prints, with the case's want.diff; a case
// without one expects no change. A case may still hold the whole
// expected tree instead (golden/); -update writes want.diff in its place.
func compareDiff(t *testing.T, dir, work string) {
	t.Helper()
	input := readTree(t, filepath.Join(dir, "input"))
	got := readTree(t, work)
	var names []string
	for name := range got {
		names = append(names, name)
	}
	sort.Strings(names)
	var diff bytes.Buffer
	for _, name := range names {
		old, ok := input[name]
		switch {
		case !ok:
			diff.Write(textdiff.NewFile("b/"+name, got[name]))
		case !bytes.Equal(old, got[name]):
			diff.Write(textdiff.Unified("a/"+name, "b/"+name, old, got[name]))
		}
	}
	wantFile := filepath.Join(dir, "want.diff")
	if *update {
		os.RemoveAll(filepath.Join(dir, "golden"))
		if diff.Len() == 0 {
			os.Remove(wantFile)
			return
		}
		if err := os.WriteFile(wantFile, diff.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if _, err := os.Stat(filepath.Join(dir, "golden")); err == nil {
		compareTree(t, filepath.Join(dir, "golden"), got)
		return
	}
	want, err := os.ReadFile(wantFile)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if !bytes.Equal(diff.Bytes(), want) {
		t.Errorf("the fix differs from want.diff (run go test -update):\n--- want\n%s\n--- got\n%s", want, diff.Bytes())
	}
}

// compareTree compares the tree after the fix with a whole golden tree.
func compareTree(t *testing.T, golden string, got map[string][]byte) {
	t.Helper()
	want := readTree(t, golden)
	var names []string
	for name := range got {
		names = append(names, name)
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s differs from golden (run go test -update):\n--- want\n%s\n--- got\n%s", name, want[name], got[name])
		}
	}
}

// checkComments fails if a comment of an input file is missing from the
// same file after the rewrite.
func checkComments(t *testing.T, input, work string) {
	for name, data := range readTree(t, input) {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		after, err := os.ReadFile(filepath.Join(work, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		lostComments(t, name, data, after)
	}
}

// lostComments fails for each comment of the file name before that the
// file after holds fewer times. Comments are compared as the parser reads
// them (without carriage returns), because gofmt may drop a \r that an
// untouched line keeps. A comment that gofmt itself rewrites or drops
// (an empty doc comment, a doc comment's code block indentation) is not
// expected to survive formatting: only as often as gofmt keeps it.
func lostComments(t *testing.T, name string, before, after []byte) {
	t.Helper()
	kept := make(map[string]int)
	for _, c := range comments(t, name, after) {
		kept[c]++
	}
	want := make(map[string]int)
	for _, c := range comments(t, name, before) {
		if isEmptyComment(c) {
			continue // gofmt drops some: an empty doc comment, unless its line ends in \r\n
		}
		want[c]++
	}
	// syncfix formats with LF line endings (and puts CRLF back), and
	// gofmt treats a doc comment that holds a \r as it is, where it
	// reformats the same comment without (//d becomes // d): either form
	// counts as gofmt's.
	for _, src := range [][]byte{before, bytes.ReplaceAll(before, []byte("\r\n"), []byte("\n")), bytes.ReplaceAll(before, []byte("\r"), nil)} {
		formatted, err := format.Source(src)
		if err != nil {
			continue
		}
		byGofmt := make(map[string]int)
		for _, c := range comments(t, name, formatted) {
			byGofmt[c]++
		}
		for c, n := range want {
			want[c] = min(n, byGofmt[c])
		}
	}
	for c, n := range want {
		if kept[c] < n {
			t.Errorf("%s: comment lost: %s (%d in the input, %d in the output)", name, c, n, kept[c])
		}
	}
}

func comments(t *testing.T, name string, src []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range f.Comments {
		for _, c := range g.List {
			out = append(out, c.Text)
		}
	}
	return out
}

// isEmptyComment reports whether a comment says nothing: // or /**/
// with only spaces.
func isEmptyComment(c string) bool {
	c = strings.TrimPrefix(c, "//")
	if body, ok := strings.CutPrefix(c, "/*"); ok {
		c = strings.TrimSuffix(body, "*/")
	}
	return strings.TrimSpace(c) == ""
}

// isRunnable reports whether the module in dir has a main package at
// its root or any test file (see caseDir).
func isRunnable(t *testing.T, dir string) bool {
	main, tests := runnableParts(t, dir)
	return main || tests
}

// runnableParts reports whether the module in dir has a main package at
// its root, and whether it has test files.
func runnableParts(t *testing.T, dir string) (main, tests bool) {
	for name, data := range readTree(t, dir) {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		if strings.HasSuffix(name, "_test.go") {
			tests = true
			continue
		}
		if !strings.Contains(name, "/") {
			f, err := parser.ParseFile(token.NewFileSet(), name, data, parser.PackageClauseOnly)
			if err == nil && f.Name.Name == "main" {
				main = true
			}
		}
	}
	return main, tests
}

// runProgram runs the module in dir under the race detector (see
// caseDir) and returns what it printed, with the exit status and without
// what changes from run to run (test durations).
func runProgram(t *testing.T, dir string) string {
	t.Helper()
	main, tests := runnableParts(t, dir)
	var b strings.Builder
	run := func(args ...string) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = dir
		// The race detector waits a second at exit by default.
		cmd.Env = append(os.Environ(), "GORACE=atexit_sleep_ms=0")
		out, err := cmd.CombinedOutput()
		fmt.Fprintf(&b, "$ go %s\n%s", strings.Join(args, " "), testTimes.ReplaceAllString(string(out), ""))
		if err != nil {
			fmt.Fprintf(&b, "[%v]\n", err)
		}
	}
	if main {
		// -trimpath keeps the temporary directory out of panics, and
		// lets the build cache serve the input's binary again.
		run("run", "-race", "-trimpath", ".")
	}
	if tests {
		run("test", "-race", "-trimpath", "-count=1", "./...")
	}
	return b.String()
}

// testTimes matches the durations go test prints.
var testTimes = regexp.MustCompile(`(?m)\t[0-9.]+s$|\t\(cached\)| \([0-9.]+s\)`)

// compareRun checks that the program behaves after the fix as before
// it, or as run.golden says where the case changes its behaviour on
// purpose; then run.before.golden, if the case has one, holds what the
// input did (a test that fails before the fix, say).
func compareRun(t *testing.T, dir, before, after string) {
	t.Helper()
	if golden := filepath.Join(dir, "run.before.golden"); fileExists(golden) {
		compareText(t, golden, before)
	}
	golden := filepath.Join(dir, "run.golden")
	if _, err := os.Stat(golden); err == nil {
		compareText(t, golden, after)
		return
	}
	if before != after {
		t.Errorf("the program behaves differently after the fix:\n--- before\n%s\n--- after\n%s", before, after)
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// vet builds the result and runs go vet on it: copylocks must be quiet.
func vet(t *testing.T, dir string) {
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		// Unfixed findings may remain in cases that test refusals; vet
		// must not report anything that the plan claims to have fixed,
		// so only a build failure is fatal here.
		if bytes.Contains(out, []byte("copies lock")) || bytes.Contains(out, []byte("passes lock")) {
			t.Logf("go vet reports remaining copies (expected only for refused findings):\n%s", out)
			return
		}
		t.Errorf("go vet ./... failed:\n%s", out)
	}
}
