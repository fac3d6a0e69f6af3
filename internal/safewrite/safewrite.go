// Package safewrite reads source files and writes them back in place
// without ever leaving a file half written, and without overwriting a
// change that someone else made on disk after syncfix read the file.
//
// # Snapshots
//
// ReadSnapshot reads a file and remembers what it read: the content, its
// SHA-256 hash, the size, the mode, and the real path with every symlink
// resolved. The planner parses the snapshot's Data, so the bytes that are
// checked before writing are the bytes that were edited. Absent records
// instead that a file to be created does not exist yet.
//
// # Writing
//
// WriteAtomic and WriteAll write in three phases, in the manner of
// gofmt -w (x/tools driverutil ApplyFixes, gofumpt):
//
//  1. Prepare: the new content goes to a temporary file in the directory
//     of the resolved path (named "."+base+".syncfix-*", so that it is
//     hidden and recognisable), which is fsynced, given the original
//     file's permission bits and closed, every error checked. Creating
//     these files is also the test that each directory is writable.
//  2. Verify: each file is read again and must still have its snapshot's
//     hash (an absent file must still be absent); if not, the error wraps
//     ErrChanged and names the file.
//  3. Commit: each temporary file is renamed over its resolved path, so
//     that a symlink stays a symlink and its target gets the new content.
//
// If phase 1 or 2 fails for any file, every temporary file is removed and
// no file is written: the error lists every problem, one per line.
//
// Each rename is atomic: a reader sees the old file or the new one, never
// a mix, and a crash leaves one or the other. The set of renames is not
// transactional. If a rename fails (which phases 1 and 2 make unlikely:
// the disk space is already taken and the directories were writable),
// WriteAll stops, removes the remaining temporary files and returns a
// *PartialError that lists which files were written and which were not.
// It does not try to undo the renames done: restoring the old contents
// could fail the same way. Running syncfix again replans from what is on
// disk and completes the change.
//
// # Limits
//
// Verification cannot exclude an edit that lands between the last check
// and the rename (there is no portable file lock that editors respect);
// it makes the window short, like gofmt's size check does.
//
// Replacing a file by rename keeps its permission bits but not what
// belongs to the old inode: the owner and group become the writer's,
// extended attributes and ACLs are dropped, and a hard link to the old
// file keeps the old content. The directory is not fsynced after the
// rename: after a crash the rename may be lost, leaving the complete old
// file, which is a state syncfix can be run on again.
package safewrite

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrChanged is wrapped by the errors that report a file changed on disk
// (or created, or removed) since its snapshot was taken.
var ErrChanged = errors.New("file changed on disk since it was read")

// A Snapshot records a file as read by ReadSnapshot, or the absence of a
// file to be created as recorded by Absent. Only those two functions make
// usable snapshots: writing a zero Snapshot fails.
type Snapshot struct {
	Path string            // the path as given, for messages
	Real string            // absolute, with symlinks resolved: the file written
	Data []byte            // the content read; nil for an absent file
	Size int64             // len(Data)
	Mode fs.FileMode       // the file's mode; for an absent file, the mode to create it with
	Hash [sha256.Size]byte // SHA-256 of Data

	absent bool // the file did not exist: writing creates it
}

// A Write is one file of a write plan: Data replaces the file of Snap, or
// creates it if Snap was made by Absent.
type Write struct {
	Snap Snapshot
	Data []byte
}

// A PartialError reports a WriteAll that failed after it had started to
// rename files into place. Paths are as given to ReadSnapshot or Absent.
type PartialError struct {
	Written    []string // files replaced or created
	NotWritten []string // the failed file and the ones after it
	Err        error    // why the first of NotWritten was not written, and any cleanup failures
}

func (e *PartialError) Error() string {
	return fmt.Sprintf("wrote %d of %d files (%s); not written: %s: %v",
		len(e.Written), len(e.Written)+len(e.NotWritten),
		strings.Join(e.Written, ", "), strings.Join(e.NotWritten, ", "), e.Err)
}

func (e *PartialError) Unwrap() error { return e.Err }

// Indirections for tests that simulate failures root cannot be denied.
var (
	rename = os.Rename
	link   = os.Link
)

// ReadSnapshot reads the regular file at path, following symlinks.
func ReadSnapshot(path string) (Snapshot, error) {
	real, err := resolve(path)
	if err != nil {
		return Snapshot{}, fmt.Errorf("%s: %w", path, err)
	}
	data, info, err := readRegular(real)
	if err != nil {
		return Snapshot{}, fmt.Errorf("%s: %w", path, err)
	}
	return Snapshot{
		Path: path,
		Real: real,
		Data: data,
		Size: int64(len(data)),
		Mode: info.Mode(),
		Hash: sha256.Sum256(data),
	}, nil
}

// Loaded returns the snapshot of the file at path as it was read before,
// data being what was read then (by a loader that keeps the bytes it
// parsed). If the file no longer holds data, the error wraps ErrChanged.
// A Write of Loaded's snapshot with its own Data writes nothing but is
// verified with the rest: that is how a file that was read and not
// edited still stops a plan that was made from it.
func Loaded(path string, data []byte) (Snapshot, error) {
	snap, err := ReadSnapshot(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Snapshot{}, fmt.Errorf("%s: %w (it was removed)", path, ErrChanged)
		}
		return Snapshot{}, err
	}
	if snap.Hash != sha256.Sum256(data) {
		return Snapshot{}, fmt.Errorf("%s: %w", path, ErrChanged)
	}
	return snap, nil
}

// Absent returns the snapshot of a file to be created at path with the
// permission bits perm, after checking that nothing, not even a dangling
// symlink, exists there now. Its directory must exist. perm is applied
// exactly, as chmod does, not filtered by the umask: pass the mode the
// file should have, for example that of a sibling source file.
func Absent(path string, perm fs.FileMode) (Snapshot, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Snapshot{}, fmt.Errorf("%s: %w", path, err)
	}
	// The file does not exist, so only its directory can be resolved.
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return Snapshot{}, fmt.Errorf("%s: %w", path, err)
	}
	snap := Snapshot{
		Path:   path,
		Real:   filepath.Join(dir, filepath.Base(abs)),
		Mode:   perm.Perm(),
		Hash:   sha256.Sum256(nil),
		absent: true,
	}
	if _, err := os.Lstat(snap.Real); err == nil {
		return Snapshot{}, fmt.Errorf("%s: %w", path, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return Snapshot{}, fmt.Errorf("%s: %w", path, err)
	}
	return snap, nil
}

// WriteAtomic replaces the file of snap by data (or creates it, for a
// snapshot made by Absent), unless it changed on disk since the snapshot.
// See WriteAll.
func WriteAtomic(snap Snapshot, data []byte) error {
	return WriteAll([]Write{{Snap: snap, Data: data}})
}

// CreateNew creates the file path holding data, with the permission bits
// perm applied exactly. It fails if path exists, even as a dangling
// symlink. The file appears complete or not at all: it is written to a
// temporary file and hard-linked into place, which fails if path exists
// by then. On a file system without hard links it falls back to checking
// that path is still absent and renaming, so a file created by someone
// else between that check and the rename is overwritten.
func CreateNew(path string, data []byte, perm fs.FileMode) error {
	snap, err := Absent(path, perm)
	if err != nil {
		return err
	}
	return WriteAtomic(snap, data)
}

// WriteAll writes every file of plan, in the order given, or none of them
// if any file changed on disk since its snapshot, any temporary file
// cannot be written, or two writes resolve to one file. A write whose data
// has the snapshot's hash is skipped, so an unchanged file is not touched
// (its inode and modification time stay), but it is still verified. See
// the package documentation for the phases, and for what a failure
// during the renames leaves behind (a *PartialError).
func WriteAll(plan []Write) error { return WriteAllContext(context.Background(), plan) }

// WriteAllContext is WriteAll, stopping when ctx is done (an interrupt):
// before the renames, it removes every temporary file and writes
// nothing; during them, it stops at a file boundary, removes the
// temporary files left and returns a *PartialError that wraps ctx's
// error and names the files already replaced.
func WriteAllContext(ctx context.Context, plan []Write) error {
	var errs []error
	seen := make(map[string]string) // resolved path -> path given
	for _, w := range plan {
		s := w.Snap
		if s.Real == "" {
			// Someone built a Snapshot by hand: a bug of the caller.
			errs = append(errs, fmt.Errorf("internal error: snapshot of %q not made by ReadSnapshot or Absent", s.Path))
			continue
		}
		if first, ok := seen[s.Real]; ok {
			errs = append(errs, fmt.Errorf("%s: internal error: written twice in one plan (also as %s)", s.Path, first))
		}
		seen[s.Real] = s.Path
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}

	// Phase 1: prepare.
	tmps := make([]string, len(plan)) // "" where there is nothing to write
	for i, w := range plan {
		if !w.Snap.absent && sha256.Sum256(w.Data) == w.Snap.Hash {
			continue
		}
		tmp, err := prepare(w.Snap, w.Data)
		if err != nil {
			errs = append(errs, err)
		}
		tmps[i] = tmp
	}
	// Phase 2: verify, after preparing, so that as little time as
	// possible passes between the check and the renames.
	for _, w := range plan {
		if err := verify(w.Snap); err != nil {
			errs = append(errs, err)
		}
	}
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return errors.Join(append(errs, removeAll(tmps))...)
	}

	// Phase 3: commit.
	var written []string
	var leftovers []error // temporary files that outlived a successful write
	for i, w := range plan {
		if tmps[i] == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			var notWritten []string
			for j := i; j < len(plan); j++ {
				if tmps[j] != "" {
					notWritten = append(notWritten, plan[j].Snap.Path)
				}
			}
			return &PartialError{Written: written, NotWritten: notWritten, Err: errors.Join(append([]error{err, removeAll(tmps[i:])}, leftovers...)...)}
		}
		done, err := commit(w.Snap, tmps[i])
		tmps[i] = "" // renamed, linked or removed by commit
		if done {
			written = append(written, w.Snap.Path)
			leftovers = append(leftovers, err)
			continue
		}
		notWritten := []string{w.Snap.Path}
		for j := i + 1; j < len(plan); j++ {
			if tmps[j] != "" {
				notWritten = append(notWritten, plan[j].Snap.Path)
			}
		}
		return &PartialError{
			Written:    written,
			NotWritten: notWritten,
			Err:        errors.Join(append([]error{err, removeAll(tmps[i+1:])}, leftovers...)...),
		}
	}
	return errors.Join(leftovers...)
}

// resolve returns the absolute form of path with every symlink resolved.
// Absolute, so that a later change of working directory does not
// redirect the write.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// readRegular reads the regular file at path. Like gofmt, it asks for one
// byte more than the size it saw, so that a file that grows or shrinks
// while being read is reported instead of being half read.
func readRegular(path string) ([]byte, fs.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	// A close error on a file opened for reading loses nothing.
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	size := info.Size()
	buf := make([]byte, size+1)
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, nil, err
	}
	if int64(n) != size {
		return nil, nil, fmt.Errorf("file changed size while being read (%d bytes, then %d or more)", size, n)
	}
	return buf[:n], info, nil
}

// prepare writes data to a new temporary file next to snap.Real and
// returns its name. On failure it removes the file and returns "".
func prepare(snap Snapshot, data []byte) (string, error) {
	dir, base := filepath.Split(snap.Real)
	f, err := os.CreateTemp(dir, "."+base+".syncfix-*")
	if err != nil {
		return "", fmt.Errorf("%s: %w", snap.Path, err)
	}
	err = fill(f, data, snap.Mode.Perm())
	// Close always, and keep its error: on some file systems a failed
	// write is only reported by Close.
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", errors.Join(fmt.Errorf("%s: %w", snap.Path, err), os.Remove(f.Name()))
	}
	return f.Name(), nil
}

// fill writes data to f, flushes it to disk so that the rename cannot
// publish a file whose content is not yet stored, and sets perm.
// CreateTemp made f with mode 0600; Chmod is not subject to the umask, so
// the original permissions come back exactly.
func fill(f *os.File, data []byte, perm fs.FileMode) error {
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Chmod(perm)
}

// verify checks that the file of snap is still as the snapshot saw it.
func verify(snap Snapshot) error {
	if snap.absent {
		_, err := os.Lstat(snap.Real)
		switch {
		case err == nil:
			return fmt.Errorf("%s: %w (it was created)", snap.Path, ErrChanged)
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s: %w", snap.Path, err)
		}
		return nil
	}
	data, _, err := readRegular(snap.Real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: %w (it was removed)", snap.Path, ErrChanged)
	case err != nil:
		return fmt.Errorf("%s: %w", snap.Path, err)
	case sha256.Sum256(data) != snap.Hash:
		return fmt.Errorf("%s: %w", snap.Path, ErrChanged)
	}
	return nil
}

// commit puts the temporary file tmp in place of snap's file, or removes
// it. It reports whether the file was written: it can be, with an error
// saying that tmp could not be removed after a hard link.
func commit(snap Snapshot, tmp string) (written bool, err error) {
	if !snap.absent {
		if err := rename(tmp, snap.Real); err != nil {
			return false, errors.Join(fmt.Errorf("%s: %w", snap.Path, err), os.Remove(tmp))
		}
		return true, nil
	}
	// A hard link is created only if the name is free, atomically.
	err = link(tmp, snap.Real)
	switch {
	case err == nil:
		return true, os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return false, errors.Join(fmt.Errorf("%s: %w (it was created)", snap.Path, ErrChanged), os.Remove(tmp))
	}
	// No hard links here (FAT, some network file systems): check and
	// rename, which leaves the race described at CreateNew.
	if _, err := os.Lstat(snap.Real); err == nil {
		return false, errors.Join(fmt.Errorf("%s: %w (it was created)", snap.Path, ErrChanged), os.Remove(tmp))
	}
	if err := rename(tmp, snap.Real); err != nil {
		return false, errors.Join(fmt.Errorf("%s: %w", snap.Path, err), os.Remove(tmp))
	}
	return true, nil
}

// removeAll removes the temporary files named in tmps ("" entries are
// skipped) and returns the errors of those it could not remove.
func removeAll(tmps []string) error {
	var errs []error
	for _, t := range tmps {
		if t != "" {
			errs = append(errs, os.Remove(t))
		}
	}
	return errors.Join(errs...)
}
