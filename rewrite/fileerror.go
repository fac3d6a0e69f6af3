package rewrite

import (
	"errors"
	"io/fs"
)

// A FileError is a file that Apply will not edit or create, and why.
// Apply joins them, one per file (errors.Join), so that a caller can show
// each name as it likes, relative to the working directory say.
type FileError struct {
	Name string // absolute
	Err  error
}

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

// errNotRead is the error of a file to edit whose bytes the Program does
// not hold: the loader did not read it.
var errNotRead = errors.New("internal error: the file's content as parsed was not loaded")

// unwrapPath drops the path from an *fs.PathError, which the caller
// names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// errNotLoaded is the error of an import that the load does not hold.
var errNotLoaded = errors.New("not loaded")
