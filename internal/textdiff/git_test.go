package textdiff

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGitApply checks that git apply accepts what syncfix diff prints:
// several files' diffs concatenated, with modifications, CRLF content,
// final newlines added and removed, a file created from /dev/null in a
// directory that does not exist yet, and a file deleted to /dev/null.
func TestGitApply(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	files := []struct {
		name     string
		old, new string
		// absent marks a side on which the file does not exist.
		oldAbsent, newAbsent bool
	}{
		{name: "mod.go", old: "package p\n\nimport \"sync\"\n\nvar m sync.Map\n\nfunc f() {\n\tn := m\n\t_ = n\n}\n",
			new: "package p\n\nimport \"sync\"\n\nvar m sync.Map\n\nfunc f() {\n\tn := cloneSyncMap(&m)\n\t_ = n\n}\n"},
		{name: "crlf.go", old: "package p\r\n\r\nvar a = 1\r\nvar b = 2\r\n", new: "package p\r\n\r\nvar a = 1\r\nvar b = 3\r\n"},
		{name: "addnl.go", old: "package p\n\nvar a = 1", new: "package p\n\nvar a = 1\nvar b = 2\n"},
		{name: "rmnl.go", old: "package p\n\nvar a = 1\n", new: "package p\n\nvar a = 2"},
		{name: "was empty.go", old: "", new: "package p\n"},
		{name: "sub/dir/syncfix_clone.go", oldAbsent: true,
			new: "package dir\n\nimport \"sync\"\n\n// cloneSyncMap returns a new sync.Map holding the entries of src.\nfunc cloneSyncMap(src *sync.Map) *sync.Map {\n\tdst := new(sync.Map)\n\tsrc.Range(func(k, v any) bool {\n\t\tdst.Store(k, v)\n\t\treturn true\n\t})\n\treturn dst\n}\n"},
		{name: "gone.go", old: "package p\n\nvar gone = 1\n", newAbsent: true},
	}

	dir := t.TempDir()
	git := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		// Keep the user's and the system's configuration (autocrlf,
		// whitespace rules) out of the test.
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "HOME="+dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return out
	}
	git("init", "-q", ".")

	var patch []byte
	for _, f := range files {
		if !f.oldAbsent {
			write(t, filepath.Join(dir, f.name), f.old)
		}
		switch {
		case f.oldAbsent:
			patch = append(patch, NewFile("b/"+f.name, []byte(f.new))...)
		case f.newAbsent:
			patch = append(patch, Unified("a/"+f.name, "/dev/null", []byte(f.old), nil)...)
		default:
			patch = append(patch, Unified("a/"+f.name, "b/"+f.name, []byte(f.old), []byte(f.new))...)
		}
	}
	patchFile := filepath.Join(t.TempDir(), "fix.diff")
	write(t, patchFile, string(patch))

	git("apply", "--check", patchFile)
	git("apply", patchFile)

	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.name))
		if f.newAbsent {
			if !os.IsNotExist(err) {
				t.Errorf("%s: still there after git apply (err %v)", f.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, []byte(f.new)) {
			t.Errorf("%s after git apply = %q, want %q", f.name, got, f.new)
		}
	}

	// Applying a creation again must fail: the file exists now.
	again := filepath.Join(t.TempDir(), "again.diff")
	write(t, again, string(NewFile("b/sub/dir/syncfix_clone.go", []byte("package dir\n"))))
	cmd := exec.Command("git", "apply", "--check", again)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Errorf("git apply --check of a creation over an existing file succeeded:\n%s", out)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
