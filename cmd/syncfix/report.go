package main

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// A diagnostic is one finding as printed: a position and a message.
type diagnostic struct {
	File      string // forward-slash path, relative to the working directory if shorter
	Line, Col int
	Message   string
}

func (d diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Col, d.Message)
}

// newDiagnostic places a message at pos, printed relative to dir.
func newDiagnostic(fset *token.FileSet, dir string, pos token.Pos, msg string) diagnostic {
	p := displayPosition(fset, pos)
	return diagnostic{File: relPath(dir, p.Filename), Line: p.Line, Col: p.Column, Message: msg}
}

// displayPosition returns the //line-adjusted position of pos when it
// names a Go file (as for cgo, whose generated files point back to the
// source the user wrote), and the position in the parsed file otherwise,
// so that a //line directive naming a template cannot hide the Go code.
func displayPosition(fset *token.FileSet, pos token.Pos) token.Position {
	p := fset.PositionFor(pos, true)
	if strings.HasSuffix(p.Filename, ".go") {
		return p
	}
	return fset.PositionFor(pos, false)
}

// relPath returns file relative to dir, with forward slashes, when that
// is shorter than the absolute path, as the go command shortens paths:
// "../b/b.go" stays readable, a chain of "../" into GOROOT does not.
func relPath(dir, file string) string {
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(dir, file); err == nil && len(rel) < len(file) {
			file = rel
		}
	}
	return filepath.ToSlash(file)
}

// sortDiagnostics sorts diags by file, line, column and message, and
// removes duplicates: a package and its test variant (p and p [p.test])
// are type-checked separately and report the same copies in their
// shared files.
func sortDiagnostics(diags []diagnostic) []diagnostic {
	slices.SortFunc(diags, func(a, b diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(diags)
}

// printDiagnostics prints one diagnostic a line, in vet's format.
func printDiagnostics(w io.Writer, diags []diagnostic) error {
	for _, d := range diags {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return err
		}
	}
	return nil
}
