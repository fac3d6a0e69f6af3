package rewrite_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/rewrite"
)

// writeModule writes files (by slash-separated name) to a new directory
// and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goMod = "module example.com/x\n\ngo 1.22\n"

const copySrc = `package a

import "sync"

func snapshot(m *sync.Map) int {
	n := *m
	count := 0
	n.Range(func(k, v any) bool { count++; return true })
	return count
}
`

// outcome returns the single outcome of plan, failing otherwise.
func outcome(t *testing.T, plan *rewrite.Plan) *rewrite.Outcome {
	t.Helper()
	if len(plan.Outcomes) != 1 {
		var texts []string
		for _, o := range plan.Outcomes {
			texts = append(texts, o.Text())
		}
		t.Fatalf("got %d outcomes, want 1:\n%s", len(plan.Outcomes), strings.Join(texts, "\n"))
	}
	return plan.Outcomes[0]
}

// TestApplyReadsNoDisk: Apply edits the bytes the loader read, whatever
// the disk holds now; the writer compares them with the disk
// (cmd/syncfix write_test.go).
func TestApplyReadsNoDisk(t *testing.T) {
	dir := writeModule(t, map[string]string{"go.mod": goMod, "a/a.go": copySrc})
	plan := load(t, dir, rewrite.Options{})
	if err := os.WriteFile(filepath.Join(dir, "a", "a.go"), []byte("package a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changes, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	if string(changes[0].Old) != copySrc {
		t.Errorf("Old is not the file as it was loaded:\n%s", changes[0].Old)
	}
	if want := strings.Replace(copySrc, "n := *m", "n := cloneSyncMap(m)", 1); string(changes[0].New) != want {
		t.Errorf("got:\n%s\nwant:\n%s", changes[0].New, want)
	}
}

// TestLineDirective: a file with //line directives is edited in place,
// and the directive stays at the start of its line.
func TestLineDirective(t *testing.T) {
	src := strings.Replace(copySrc, "\tcount := 0\n", "//line other.y:10\n\tcount := 0\n", 1)
	dir := writeModule(t, map[string]string{"go.mod": goMod, "a/a.go": src})
	plan := load(t, dir, rewrite.Options{})
	if o := outcome(t, plan); !o.Fixed {
		t.Fatalf("not fixed: %s", o.Text())
	}
	changes, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Verify(changes); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "n := *m", "n := cloneSyncMap(m)", 1)
	if len(changes) != 2 || changes[0].Name != filepath.Join(dir, "a", "a.go") || string(changes[0].New) != want {
		t.Errorf("changes: %v\nwant a/a.go:\n%s", changes, want)
	}
}

// TestOutsideModuleRoot: a file that is a symlink to a file outside the
// module is not edited; one inside it is, under the link's name.
func TestOutsideModuleRoot(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "s.go"), []byte(copySrc), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := writeModule(t, map[string]string{"go.mod": goMod, "shared/s.go.txt": strings.Replace(copySrc, "package a", "package b", 1)})
	for _, link := range []struct{ target, name string }{
		{filepath.Join(outside, "s.go"), "a/s.go"},
		{filepath.Join("..", "shared", "s.go.txt"), "b/s.go"},
	} {
		name := filepath.Join(dir, filepath.FromSlash(link.name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(link.target, name); err != nil {
			t.Skipf("no symlinks: %v", err)
		}
	}
	plan := load(t, dir, rewrite.Options{})
	if len(plan.Outcomes) != 2 {
		t.Fatalf("got %d outcomes, want 2", len(plan.Outcomes))
	}
	a, b := plan.Outcomes[0], plan.Outcomes[1]
	if want := "the file is a symlink to a file outside the module root"; a.Fixed || a.Reason != want {
		t.Errorf("a/s.go: %s\nwant reason %q", a.Text(), want)
	}
	if !b.Fixed {
		t.Errorf("b/s.go: %s\nwant it fixed", b.Text())
	}
	changes, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range changes {
		names = append(names, rel(dir, c.Name))
	}
	if got, want := strings.Join(names, " "), "b/s.go b/syncfix_clone.go"; got != want {
		t.Errorf("changed files: %s, want %s", got, want)
	}
}

// TestExcludedFileUses: a file that the build tags exclude and that uses
// a field to retype blocks it, naming the tags; without such a use, the
// fix goes ahead.
func TestExcludedFileUses(t *testing.T) {
	const cache = `package a

import "sync"

type cache struct {
	name string
	m    sync.Map
}

type caches []cache

func use() cache {
	c := cache{name: "c"}
	d := c
	return d
}
`
	for _, tc := range []struct {
		name, file, src, reason string
	}{{
		name:   "field",
		file:   "a/a_foo.go",
		src:    "//go:build foo && !bar\n\npackage a\n\nfunc addr(c *cache) any { return &c.m }\n",
		reason: "field m cannot change: a file excluded by the build tags (a_foo.go: //go:build foo && !bar) uses it; run with --tags foo",
	}, {
		// The name is resolved by type: another struct's field m is no
		// use of cache.m.
		name: "same name, other field",
		file: "a/a_foo.go",
		src:  "//go:build foo && !bar\n\npackage a\n\nfunc reset(p *int) { var c struct{ m int }; c.m = *p }\n",
	}, {
		// make of a slice type declared in a loaded file makes zero
		// values of cache, whose name the file never writes.
		name:   "slice type",
		file:   "a/a_foo.go",
		src:    "//go:build foo\n\npackage a\n\nfunc grow() caches { return make(caches, 2) }\n",
		reason: "field m cannot change: a file excluded by the build tags (a_foo.go: //go:build foo) uses it; run with --tags foo",
	}, {
		// Generic code instantiated with cache may make zero values.
		name:   "generic",
		file:   "a/a_foo.go",
		src:    "//go:build foo\n\npackage a\n\nfunc reset[E any](p *E) { var z E; *p = z }\n\nfunc zap(c *cache) { reset(c) }\n",
		reason: "field m cannot change: a file excluded by the build tags (a_foo.go: //go:build foo) uses it; run with --tags foo",
	}, {
		name:   "type",
		file:   "a/a_windows.go",
		src:    "package a\n\nvar zero cache\n",
		reason: "field m cannot change: a file excluded by the build tags (a_windows.go: its file name) uses it; run with GOOS=windows",
	}, {
		name: "other package",
		file: "a/a_foo.go",
		src:  "//go:build foo\n\npackage main\n\nfunc main() { var c struct{ m int }; _ = c.m }\n",
	}, {
		name: "no use",
		file: "a/a_foo.go",
		src:  "//go:build foo\n\npackage a\n\nfunc other() int { return 1 }\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeModule(t, map[string]string{"go.mod": goMod, "a/a.go": cache, tc.file: tc.src})
			plan := load(t, dir, rewrite.Options{})
			if len(plan.Outcomes) == 0 {
				t.Fatal("no outcomes")
			}
			for _, o := range plan.Outcomes {
				switch {
				case tc.reason == "" && !o.Fixed:
					t.Errorf("not fixed: %s", o.Text())
				case tc.reason != "" && o.Reason != tc.reason:
					t.Errorf("outcome: %s\nwant reason %q", o.Text(), tc.reason)
				}
			}
		})
	}
}

// TestCRLFBlockComment: dst, given the syntax of a CRLF file, adds blank
// lines around multi-line comments; decorating the LF text does not.
func TestCRLFBlockComment(t *testing.T) {
	src := "package a\n\nimport \"sync\"\n\nvar x = 1\n/* a\nblock */\nvar y = `raw\nstring`\nvar z = 2\n\n" + strings.TrimPrefix(copySrc, "package a\n\nimport \"sync\"\n\n")
	src = strings.ReplaceAll(src, "\n", "\r\n")
	dir := writeModule(t, map[string]string{"go.mod": goMod, "a/a.go": src})
	plan := load(t, dir, rewrite.Options{})
	changes, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 2 {
		t.Fatalf("got %d changes, want 2", len(changes))
	}
	want := strings.Replace(src, "n := *m", "n := cloneSyncMap(m)", 1)
	if got := string(changes[0].New); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

// TestLineDirectiveBeyondEnd: a //line directive that names lines past
// the end of the file does not confuse the lines the edits touch with
// the lines it names.
func TestLineDirectiveBeyondEnd(t *testing.T) {
	src := "package a\n\nimport \"sync\"\n\nvar  untouched   =   1\n\n//line gen.go:100\ntype cache struct {\n\tname  string // n\n\tm     sync.Map // m\n\tother int // o\n}\n\nfunc snap(c cache) string { return c.name }\n\nfunc use() string {\n\tc := &cache{name: \"x\"}\n\treturn snap(*c)\n}\n"
	dir := writeModule(t, map[string]string{"go.mod": goMod, "a/a.go": src})
	plan := load(t, dir, rewrite.Options{})
	changes, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Verify(changes); err != nil {
		t.Fatal(err)
	}
	got := string(changes[0].New)
	if !strings.Contains(got, "var  untouched   =   1\n") {
		t.Errorf("an untouched paragraph was reformatted:\n%s", got)
	}
	if !strings.Contains(got, "\tname  string    // n\n\tm     *sync.Map // m\n\tother int       // o\n") {
		t.Errorf("the edited struct is not gofmt-formatted:\n%s", got)
	}
}
