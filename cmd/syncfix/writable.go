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
// refuses them too, since its output is meant to be applied. Each
// directory is checked once: a fix changes most files of the packages
// it touches.
func checkWritable(changes []rewrite.FileChange) error {
	var errs []error
	dirs := make(map[string]error)
	for _, ch := range changes {
		if err := writable(ch.Name, ch.Old == nil, dirs); err != nil {
			errs = append(errs, &rewrite.FileError{Name: ch.Name, Err: err})
		}
	}
	return errors.Join(errs...)
}

// writable returns why the file name cannot be replaced (or created).
// dirs holds what is known of directories, by name as given.
func writable(name string, create bool, dirs map[string]error) error {
	if !create {
		info, err := os.Lstat(name)
		if err != nil {
			return unwrapPathError(err)
		}
		if info.Mode()&os.ModeSymlink != 0 {
			// A symlink stays a symlink, and its target gets the
			// new content (safewrite): the target must be writable.
			real, err := filepath.EvalSymlinks(name)
			if err != nil {
				return unwrapPathError(err)
			}
			if info, err = os.Stat(real); err != nil {
				return unwrapPathError(err)
			}
			name = real
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("not a regular file (%s)", info.Mode().Type())
		}
		if info.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("the file is read-only (mode %04o)", info.Mode().Perm())
		}
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("the file cannot be read: %v", unwrapPathError(err))
		}
		f.Close()
	}
	dir := filepath.Dir(name)
	err, ok := dirs[dir]
	if !ok {
		err = writableDir(dir)
		dirs[dir] = err
	}
	return err
}

// writableDir returns why no file can be written in dir.
func writableDir(dir string) error {
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
