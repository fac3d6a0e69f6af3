package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/syncfix/syncfix/rewrite"
)

// This file refuses, before anything is written, the files syncfix must
// not or cannot write.

// checkWritable returns an error, one *rewrite.FileError per file, for
// the files of changes that syncfix must not or cannot write: diff
// refuses them too, since its output is meant to be applied.
func checkWritable(changes []rewrite.FileChange) error {
	var errs []error
	for _, ch := range changes {
		if err := writable(ch.Name, ch.Old == nil); err != nil {
			errs = append(errs, &rewrite.FileError{Name: ch.Name, Err: err})
		}
	}
	return errors.Join(errs...)
}

// writable returns why the file name cannot be replaced (or created).
func writable(name string, create bool) error {
	if !create {
		real, err := filepath.EvalSymlinks(name)
		if err != nil {
			return unwrapPathError(err)
		}
		info, err := os.Stat(real)
		if err != nil {
			return unwrapPathError(err)
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("not a regular file (%s)", info.Mode().Type())
		}
		if info.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("the file is read-only (mode %04o)", info.Mode().Perm())
		}
		f, err := os.Open(real)
		if err != nil {
			return fmt.Errorf("the file cannot be read: %v", unwrapPathError(err))
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
		return unwrapPathError(err)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("its directory is read-only (mode %04o)", info.Mode().Perm())
	}
	return nil
}
