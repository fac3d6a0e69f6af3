package safewrite

import (
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestReadSnapshot(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.go")
	mustWrite(t, path, "package a\n", 0o640)
	snap, err := ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Path != path || snap.Real != filepath.Join(realDir, "a.go") ||
		string(snap.Data) != "package a\n" || snap.Size != 10 ||
		snap.Mode.Perm() != 0o640 || !snap.Mode.IsRegular() ||
		snap.Hash != sha256.Sum256([]byte("package a\n")) {
		t.Errorf("ReadSnapshot = %+v", snap)
	}

	if _, err := ReadSnapshot(filepath.Join(dir, "missing.go")); !errors.Is(err, fs.ErrNotExist) ||
		!strings.Contains(err.Error(), "missing.go") {
		t.Errorf("ReadSnapshot of a missing file: %v", err)
	}
	if _, err := ReadSnapshot(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("ReadSnapshot of a directory: %v", err)
	}
}

func TestWriteKeepsMode(t *testing.T) {
	for _, perm := range []fs.FileMode{0o600, 0o644, 0o755, 0o640} {
		dir := t.TempDir()
		path := filepath.Join(dir, "f.go")
		mustWrite(t, path, "old\n", perm)
		snap := mustSnapshot(t, path)
		if err := WriteAtomic(snap, []byte("new\n")); err != nil {
			t.Fatal(err)
		}
		checkFile(t, path, "new\n")
		if got := mode(t, path); got != perm {
			t.Errorf("mode after write = %v, want %v", got, perm)
		}
		checkNoTemps(t, dir)
	}
}

// TestWriteThroughSymlink writes a file through a relative symlink into
// another directory: the link must stay a link, the target gets the new
// content, and the temporary file is made next to the target.
func TestWriteThroughSymlink(t *testing.T) {
	root := t.TempDir()
	targetDir := filepath.Join(root, "target")
	linkDir := filepath.Join(root, "links")
	mustMkdir(t, targetDir)
	mustMkdir(t, linkDir)
	target := filepath.Join(targetDir, "real.go")
	mustWrite(t, target, "old\n", 0o644)
	link := filepath.Join(linkDir, "link.go")
	if err := os.Symlink(filepath.Join("..", "target", "real.go"), link); err != nil {
		t.Skipf("no symlinks: %v", err)
	}

	snap := mustSnapshot(t, link)
	if filepath.Base(snap.Real) != "real.go" {
		t.Fatalf("Real = %s, want the link's target", snap.Real)
	}
	if err := WriteAtomic(snap, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("link after write: %v, %v; want a symlink", fi, err)
	}
	checkFile(t, target, "new\n")
	checkFile(t, link, "new\n")
	checkNoTemps(t, targetDir)
	checkNoTemps(t, linkDir)
}

func TestChangedOnDisk(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(path string) error
		detail string
	}{
		{"same size", func(p string) error { return os.WriteFile(p, []byte("OLD\n"), 0o644) }, ""},
		{"longer", func(p string) error { return os.WriteFile(p, []byte("older\n"), 0o644) }, ""},
		{"removed", os.Remove, "(it was removed)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "f.go")
			mustWrite(t, path, "old\n", 0o644)
			snap := mustSnapshot(t, path)
			if err := tc.change(path); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(path)
			err := WriteAtomic(snap, []byte("new\n"))
			if !errors.Is(err, ErrChanged) {
				t.Fatalf("WriteAtomic after a change: %v, want ErrChanged", err)
			}
			want := path + ": file changed on disk since it was read"
			if tc.detail != "" {
				want += " " + tc.detail
			}
			if err.Error() != want {
				t.Errorf("error = %q, want %q", err, want)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Errorf("file written despite the change: %q", after)
			}
			checkNoTemps(t, dir)
		})
	}
}

// TestWriteAllNothingIfOneChanged checks that a plan with one changed file
// writes none, and reports the changed one.
func TestWriteAllNothingIfOneChanged(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go"), filepath.Join(dir, "c.go")
	for _, p := range []string{a, b} {
		mustWrite(t, p, "old\n", 0o644)
	}
	plan := []Write{
		{Snap: mustSnapshot(t, a), Data: []byte("new a\n")},
		{Snap: mustSnapshot(t, b), Data: []byte("new b\n")},
		{Snap: mustAbsent(t, c), Data: []byte("new c\n")},
	}
	mustWrite(t, b, "edited by someone\n", 0o644)

	err := WriteAll(plan)
	if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), b) || strings.Contains(err.Error(), a) {
		t.Fatalf("WriteAll = %v, want ErrChanged naming only %s", err, b)
	}
	checkFile(t, a, "old\n")
	checkFile(t, b, "edited by someone\n")
	if _, err := os.Lstat(c); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s created despite the failed plan: %v", c, err)
	}
	checkNoTemps(t, dir)

	// The same plan once nothing changed behind it writes all three.
	plan[1].Snap = mustSnapshot(t, b)
	if err := WriteAll(plan); err != nil {
		t.Fatal(err)
	}
	checkFile(t, a, "new a\n")
	checkFile(t, b, "new b\n")
	checkFile(t, c, "new c\n")
	checkNoTemps(t, dir)
}

// TestReadOnlyDir checks that a plan with a file in a directory that
// cannot be written writes nothing, not even the files it could write.
func TestReadOnlyDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("directory permission bits do not stop writes on windows")
	}
	if os.Geteuid() == 0 {
		t.Skip("root ignores permission bits; TestTempFileFails covers the same path")
	}
	root := t.TempDir()
	okDir, roDir := filepath.Join(root, "ok"), filepath.Join(root, "ro")
	mustMkdir(t, okDir)
	mustMkdir(t, roDir)
	a, b := filepath.Join(okDir, "a.go"), filepath.Join(roDir, "b.go")
	mustWrite(t, a, "old\n", 0o644)
	mustWrite(t, b, "old\n", 0o644)
	plan := []Write{
		{Snap: mustSnapshot(t, a), Data: []byte("new\n")},
		{Snap: mustSnapshot(t, b), Data: []byte("new\n")},
	}
	if err := os.Chmod(roDir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(roDir, 0o755) })

	err := WriteAll(plan)
	if !errors.Is(err, fs.ErrPermission) || !strings.HasPrefix(err.Error(), b+": ") {
		t.Fatalf("WriteAll = %v, want a permission error naming %s", err, b)
	}
	checkFile(t, a, "old\n")
	checkFile(t, b, "old\n")
	checkNoTemps(t, okDir)
	checkNoTemps(t, roDir)
}

// TestTempFileFails makes the creation of one temporary file fail in a way
// that even root cannot override: the file's name is so long that the
// temporary name exceeds the file system's limit. Nothing may be written.
func TestTempFileFails(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.go")
	long := filepath.Join(dir, strings.Repeat("l", 240)+".go")
	mustWrite(t, a, "old\n", 0o644)
	if err := os.WriteFile(long, []byte("old\n"), 0o644); err != nil {
		t.Skipf("file system refuses a 243-byte name: %v", err)
	}
	plan := []Write{
		{Snap: mustSnapshot(t, a), Data: []byte("new\n")},
		{Snap: mustSnapshot(t, long), Data: []byte("new\n")},
	}
	err := WriteAll(plan)
	if err == nil || !strings.HasPrefix(err.Error(), long+": ") {
		t.Fatalf("WriteAll = %v, want an error naming the long file", err)
	}
	checkFile(t, a, "old\n")
	checkFile(t, long, "old\n")
	checkNoTemps(t, dir)
}

// TestPartialFailure makes the second of three renames fail and checks the
// report of what was written.
func TestPartialFailure(t *testing.T) {
	dir := t.TempDir()
	var plan []Write
	var paths []string
	for _, name := range []string{"a.go", "b.go", "c.go"} {
		p := filepath.Join(dir, name)
		mustWrite(t, p, "old\n", 0o644)
		paths = append(paths, p)
		plan = append(plan, Write{Snap: mustSnapshot(t, p), Data: []byte("new\n")})
	}
	failOn := plan[1].Snap.Real
	rename = func(from, to string) error {
		if to == failOn {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EBUSY}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { rename = os.Rename })

	err := WriteAll(plan)
	var pe *PartialError
	if !errors.As(err, &pe) {
		t.Fatalf("WriteAll = %v, want a *PartialError", err)
	}
	if !slices.Equal(pe.Written, paths[:1]) || !slices.Equal(pe.NotWritten, paths[1:]) {
		t.Errorf("Written %v, NotWritten %v; want %v, %v", pe.Written, pe.NotWritten, paths[:1], paths[1:])
	}
	if !errors.Is(err, syscall.EBUSY) {
		t.Errorf("error does not wrap the rename's: %v", err)
	}
	if want := "wrote 1 of 3 files (" + paths[0] + "); not written: " + paths[1] + ", " + paths[2] + ": " + paths[1] + ": rename "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %q, want prefix %q", err, want)
	}
	checkFile(t, paths[0], "new\n")
	checkFile(t, paths[1], "old\n")
	checkFile(t, paths[2], "old\n")
	checkNoTemps(t, dir)
}

// TestInterrupted cancels the write, as SIGINT does, after the first of
// three renames: the write stops at that file boundary, says which file
// was replaced, and leaves no temporary file; every file is old or new.
// Cancelled before the renames, it writes nothing.
func TestInterrupted(t *testing.T) {
	for _, after := range []int{0, 1} {
		dir := t.TempDir()
		var plan []Write
		var paths []string
		for _, name := range []string{"a.go", "b.go", "c.go"} {
			p := filepath.Join(dir, name)
			mustWrite(t, p, "old\n", 0o644)
			paths = append(paths, p)
			plan = append(plan, Write{Snap: mustSnapshot(t, p), Data: []byte("new\n")})
		}
		ctx, cancel := context.WithCancel(context.Background())
		renames := 0
		rename = func(from, to string) error {
			err := os.Rename(from, to)
			if renames++; renames == after {
				cancel()
			}
			return err
		}
		if after == 0 {
			cancel()
		}
		err := WriteAllContext(ctx, plan)
		rename = os.Rename
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("after %d renames: WriteAllContext = %v, want context.Canceled", after, err)
		}
		var pe *PartialError
		if after == 0 {
			if errors.As(err, &pe) {
				t.Errorf("cancelled before the renames: %v, want nothing written", err)
			}
			for _, p := range paths {
				checkFile(t, p, "old\n")
			}
		} else {
			if !errors.As(err, &pe) || !slices.Equal(pe.Written, paths[:1]) || !slices.Equal(pe.NotWritten, paths[1:]) {
				t.Fatalf("after 1 rename: %v, want a *PartialError naming %s as written", err, paths[0])
			}
			checkFile(t, paths[0], "new\n")
			checkFile(t, paths[1], "old\n")
			checkFile(t, paths[2], "old\n")
		}
		checkNoTemps(t, dir)
	}
}

func TestCreateNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "syncfix_clone.go")
	if err := CreateNew(path, []byte("package p\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	checkFile(t, path, "package p\n")
	if got := mode(t, path); got != 0o640 {
		t.Errorf("mode = %v, want 0640", got)
	}

	// It refuses an existing file and leaves it alone.
	err := CreateNew(path, []byte("other\n"), 0o644)
	if !errors.Is(err, fs.ErrExist) || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("CreateNew over an existing file: %v", err)
	}
	checkFile(t, path, "package p\n")

	// A dangling symlink is in the way too.
	dangling := filepath.Join(dir, "dangling.go")
	if err := os.Symlink("nowhere.go", dangling); err == nil {
		if err := CreateNew(dangling, []byte("x\n"), 0o644); !errors.Is(err, fs.ErrExist) {
			t.Errorf("CreateNew over a dangling symlink: %v", err)
		}
		if _, err := os.Lstat(filepath.Join(dir, "nowhere.go")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("CreateNew wrote through a dangling symlink")
		}
	}
	checkNoTemps(t, dir)
}

// TestCreateRace creates the file between Absent and the write, as another
// process could: the write must fail and keep the other content, with and
// without hard links.
func TestCreateRace(t *testing.T) {
	for _, hardLinks := range []bool{true, false} {
		dir := t.TempDir()
		path := filepath.Join(dir, "new.go")
		snap := mustAbsent(t, path)
		mustWrite(t, path, "theirs\n", 0o644)
		if !hardLinks {
			noHardLinks(t)
		}
		err := WriteAtomic(snap, []byte("ours\n"))
		if !errors.Is(err, ErrChanged) || err.Error() != path+": file changed on disk since it was read (it was created)" {
			t.Errorf("hard links %v: WriteAtomic = %v, want ErrChanged", hardLinks, err)
		}
		checkFile(t, path, "theirs\n")
		checkNoTemps(t, dir)
	}
}

// TestCreateWithoutHardLinks checks the fallback for file systems that
// have no hard links.
func TestCreateWithoutHardLinks(t *testing.T) {
	noHardLinks(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "new.go")
	if err := CreateNew(path, []byte("package p\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	checkFile(t, path, "package p\n")
	checkNoTemps(t, dir)
}

// TestUnchangedNotTouched checks that writing a file's own content leaves
// the file itself (its inode) in place.
func TestUnchangedNotTouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.go")
	mustWrite(t, path, "same\n", 0o644)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(mustSnapshot(t, path), []byte("same\n")); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || !before.ModTime().Equal(after.ModTime()) {
		t.Error("an unchanged file was replaced")
	}

	// It is still verified.
	snap := mustSnapshot(t, path)
	mustWrite(t, path, "edited\n", 0o644)
	if err := WriteAtomic(snap, []byte("same\n")); !errors.Is(err, ErrChanged) {
		t.Errorf("unchanged write over an edited file: %v, want ErrChanged", err)
	}
}

// TestPlanInvariants checks that plans with a hand-made snapshot or two
// writes to one file (here through a symlink) are refused as bugs.
func TestPlanInvariants(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.go")
	mustWrite(t, path, "old\n", 0o644)

	err := WriteAll([]Write{{Snap: Snapshot{Path: path}, Data: []byte("new\n")}})
	if err == nil || !strings.Contains(err.Error(), "internal error: snapshot of ") {
		t.Errorf("hand-made snapshot: %v", err)
	}

	alias := filepath.Join(dir, "alias.go")
	if err := os.Symlink("f.go", alias); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	err = WriteAll([]Write{
		{Snap: mustSnapshot(t, path), Data: []byte("one\n")},
		{Snap: mustSnapshot(t, alias), Data: []byte("two\n")},
	})
	if err == nil || !strings.Contains(err.Error(), "written twice in one plan") {
		t.Errorf("two writes to one file: %v", err)
	}
	checkFile(t, path, "old\n")
	checkNoTemps(t, dir)
}

// noHardLinks makes link fail as on a file system without hard links,
// for the rest of the test.
func noHardLinks(t *testing.T) {
	link = func(from, to string) error {
		return &os.LinkError{Op: "link", Old: from, New: to, Err: syscall.EPERM}
	}
	t.Cleanup(func() { link = os.Link })
}

func mustWrite(t *testing.T, path, content string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	// WriteFile is subject to the umask and keeps an existing file's
	// mode; set the mode exactly.
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustSnapshot(t *testing.T, path string) Snapshot {
	t.Helper()
	snap, err := ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func mustAbsent(t *testing.T, path string) Snapshot {
	t.Helper()
	snap, err := Absent(path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func checkFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s = %q, want %q", path, got, want)
	}
}

// checkNoTemps fails if dir holds a temporary file of this package.
func checkNoTemps(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".syncfix-") {
			t.Errorf("temporary file left behind: %s", filepath.Join(dir, e.Name()))
		}
	}
}
