package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptedFix sends SIGINT to syncfix fix at times spread over
// the end of its run (where it writes) on a tree of 60 packages. Whenever the signal lands, no
// temporary file is left, and every file is the old one or the new one,
// never a mix; a fix interrupted while writing says what it wrote and
// exits 2, and one interrupted before it dies of the signal with nothing
// written.
func TestInterruptedFix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and fixes a tree of 60 packages many times")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "syncfix") // testscript.Main runs main under this name
	if err := os.Symlink(exe, bin); err != nil {
		t.Skip("needs symlinks:", err)
	}
	tree := filepath.Join(t.TempDir(), "tree")
	if out, err := exec.Command("go", "run", "../../internal/gentree", "-n", "60", "-o", tree).CombinedOutput(); err != nil {
		t.Fatalf("gentree: %v\n%s", err, out)
	}
	old := readGoFiles(t, tree)
	// Every run fixes a copy at one path, so that the go command's build
	// cache, which keys export data by directory, serves all but the
	// first. That first run gives the fixed tree and how long a fix
	// takes.
	dir := filepath.Join(t.TempDir(), "work")
	fresh := func() {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		copyDir(t, tree, dir)
	}
	fresh()
	if out, err := exec.Command(bin, "fix", "-C", dir, "./...").CombinedOutput(); err != nil && exitCode(err) != 1 {
		t.Fatalf("fix: %v\n%s", err, out)
	}
	fixed := readGoFiles(t, dir)
	fresh()
	start := time.Now()
	if out, err := exec.Command(bin, "fix", "-C", dir, "./...").CombinedOutput(); err != nil && exitCode(err) != 1 {
		t.Fatalf("fix: %v\n%s", err, out)
	}
	took := time.Since(start)

	const runs = 12
	interrupted := 0
	for i := 1; i <= runs; i++ {
		fresh()
		cmd := exec.Command(bin, "fix", "-C", dir, "./...")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(took/2 + took*time.Duration(i)/(2*runs))
		cmd.Process.Signal(syscall.SIGINT)
		err := cmd.Wait()
		code := exitCode(err)
		msg := stderr.String()
		switch {
		case code == 2 && strings.Contains(msg, "interrupted"):
			interrupted++
		case code == 0 || code == 1 || code == -1: // done, or killed before writing
		default:
			t.Errorf("run %d: exit %d: %s", i, code, msg)
		}
		for name, data := range readAll(t, dir) {
			if strings.Contains(filepath.Base(name), ".syncfix-") {
				t.Errorf("run %d: temporary file left: %s", i, name)
				continue
			}
			if !strings.HasSuffix(name, ".go") {
				continue
			}
			o, f := old[name], fixed[name]
			if !bytes.Equal(data, f) && (o == nil || !bytes.Equal(data, o)) {
				t.Errorf("run %d: %s is neither the old file nor the fixed one", i, name)
			}
		}
	}
	t.Logf("%d of %d runs were interrupted while writing (a fix takes %v)", interrupted, runs, took)
}

// exitCode returns the exit code of a finished command's error: 0 for
// nil, -1 if a signal killed it.
func exitCode(err error) int {
	var exitErr *exec.ExitError
	if err == nil {
		return 0
	}
	if errors.As(err, &exitErr) {
		return exitErr.ExitCode()
	}
	return -2
}

// readGoFiles returns the .go files under dir by relative name.
func readGoFiles(t *testing.T, dir string) map[string][]byte {
	files := make(map[string][]byte)
	for name, data := range readAll(t, dir) {
		if strings.HasSuffix(name, ".go") {
			files[name] = data
		}
	}
	return files
}

// readAll returns every file under dir by relative name.
func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// copyDir copies the tree at from to to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	for name, data := range readAll(t, from) {
		path := filepath.Join(to, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
