package rewrite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// This file refuses, before anything is written, the files syncfix must
// not or cannot write.

// A FileError is a file that Apply will not edit or create, and why.
// Apply joins them, one per file (errors.Join), so that a caller can show
// each name as it likes, relative to the working directory say.
type FileError struct {
	Name string // absolute
	Err  error
}

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

// checkWritable returns an error, one *FileError per file, for the files
// of changes that syncfix must not or cannot write.
func checkWritable(changes []FileChange) error {
	var errs []error
	for _, ch := range changes {
		if err := writable(ch.Name, ch.Old == nil); err != nil {
			errs = append(errs, &FileError{Name: ch.Name, Err: err})
		}
	}
	return errors.Join(errs...)
}

// writable returns why the file name cannot be replaced (or created).
func writable(name string, create bool) error {
	if !create {
		real, err := filepath.EvalSymlinks(name)
		if err != nil {
			return unwrapPath(err)
		}
		info, err := os.Stat(real)
		if err != nil {
			return unwrapPath(err)
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("not a regular file (%s)", info.Mode().Type())
		}
		if info.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("the file is read-only (mode %04o)", info.Mode().Perm())
		}
		f, err := os.Open(real)
		if err != nil {
			return fmt.Errorf("the file cannot be read: %v", unwrapPath(err))
		}
		f.Close()
		name = real
	}
	dir := filepath.Dir(name)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	info, err := os.Stat(dir)
	if err != nil {
		return unwrapPath(err)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("its directory is read-only (mode %04o)", info.Mode().Perm())
	}
	return nil
}

// unwrapPath drops the path from an *fs.PathError, which the caller
// names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
