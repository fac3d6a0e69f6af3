package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/rewrite"
)

const writeGoMod = "module example.com/x\n\ngo 1.22\n"

// copySrc is a file with one copy, which the fix clones.
const copySrc = `package a

import "sync"

func snapshot(m *sync.Map) int {
	n := *m
	count := 0
	n.Range(func(k, v any) bool { count++; return true })
	return count
}
`

// writeModule writes files (by slash-separated name) to a new directory.
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

// planned loads dir, plans, applies and verifies, as fix does.
func planned(t *testing.T, dir string) (*rewrite.Program, []rewrite.FileChange) {
	t.Helper()
	opts := &options{Dir: dir, Tests: true, Patterns: []string{"./..."}}
	prog, err := loadProgram(context.Background(), opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	plan := rewrite.Make(prog, rewrite.Options{})
	changes, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Verify(changes); err != nil {
		t.Fatal(err)
	}
	if len(changes) == 0 {
		t.Fatal("nothing to write")
	}
	return prog, changes
}

// TestWriteChangedOnDisk: a file that changes between loading and
// writing stops the write, whether it is one of the files written or
// only one that was read, whatever its size; nothing is written.
func TestWriteChangedOnDisk(t *testing.T) {
	// z.go is read, never written: a zero-value maker added there
	// after planning would make the plan unsafe.
	const other = "package a\n\ntype T struct{ n int }\n\nvar ts = make([]T, 1)\n"
	for _, tc := range []struct{ name, file, from, to string }{
		{"written, same size", "a/a.go", "count := 0", "count := 1"},
		{"written, lines moved", "a/a.go", "count := 0\n\tn.Range", "count := 0; n.Range"},
		{"written, other size", "a/a.go", "count := 0", "count := 10"},
		{"read only, same size", "a/z.go", "1)", "2)"},
		{"read only, other size", "a/z.go", "1)", "10)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeModule(t, map[string]string{"go.mod": writeGoMod, "a/a.go": copySrc, "a/z.go": other})
			prog, changes := planned(t, dir)
			name := filepath.Join(dir, filepath.FromSlash(tc.file))
			old, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			now := strings.Replace(string(old), tc.from, tc.to, 1)
			if err := os.WriteFile(name, []byte(now), 0o644); err != nil {
				t.Fatal(err)
			}
			err = write(context.Background(), prog, changes)
			if err == nil {
				t.Fatal("write succeeded, want an error")
			}
			if want := name + ": file changed on disk since it was read"; err.Error() != want {
				t.Errorf("write error = %q, want %q", err, want)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "a", "a.go")); tc.file != "a/a.go" && string(got) != copySrc {
				t.Errorf("a/a.go was written:\n%s", got)
			}
			if _, err := os.Stat(filepath.Join(dir, "a", "syncfix_clone.go")); err == nil {
				t.Error("the helper was written")
			}
		})
	}
}

// TestCheckWritable: a read-only file or directory is an error before
// anything is printed or written, for root too, one line per file.
func TestCheckWritable(t *testing.T) {
	dir := writeModule(t, map[string]string{"go.mod": writeGoMod, "a/a.go": copySrc, "b/b.go": strings.Replace(copySrc, "package a", "package b", 1)})
	_, changes := planned(t, dir)
	a, b := filepath.Join(dir, "a", "a.go"), filepath.Join(dir, "b")
	if err := os.Chmod(a, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(b, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(b, 0o755) })
	err := checkWritable(changes)
	if err == nil {
		t.Fatal("checkWritable succeeded, want an error")
	}
	want := a + ": the file is read-only (mode 0444)\n" +
		filepath.Join(b, "b.go") + ": its directory is read-only (mode 0555)\n" +
		filepath.Join(b, "syncfix_clone.go") + ": its directory is read-only (mode 0555)"
	if err.Error() != want {
		t.Errorf("checkWritable error:\n%s\nwant:\n%s", err, want)
	}
}
