package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A Program is a loaded program together with everything the loader read
// to load it: all that Make, Apply and Verify look at. Package rewrite
// reads no file and runs no go command; the loader (internal/load in this
// module) fills a Program, and so can a test or another driver.
type Program struct {
	// Packages are the loaded packages, with syntax, types and their
	// test variants, as go/packages returns them.
	Packages []*packages.Package
	// Source holds the bytes of every file the loader read, by absolute
	// name: each loaded Go file as it was parsed, the file a cgo output
	// was made from, the excluded files and the go.mod files. Apply edits
	// these bytes; a writer compares them with the disk before it writes.
	Source map[string][]byte
	// RealNames maps the name of each loaded file and module directory
	// to its name with every symlink resolved; a name that could not be
	// resolved maps to an error in RealNameErrs.
	RealNames    map[string]string
	RealNameErrs map[string]error
	// Excluded are the .go files of the loaded packages' directories that
	// no loaded package holds: files excluded by build constraints, and
	// test files when tests are not loaded.
	Excluded []*ExcludedFile
	// GOROOT is the root of the standard library the packages were
	// loaded from: its files are never edited.
	GOROOT string
	// TestsLoaded reports that the load included test files.
	TestsLoaded bool
	// DirNames holds the names of the entries of each loaded package's
	// directory, so that new files get names that are free.
	DirNames map[string]map[string]bool
	// TreeLoaded reports whether every package under root (root/...) is
	// loaded, root being the tree that may import an internal package
	// (the parent of its last internal element): then every importer the
	// go command allows is seen. The loader answers it, running the go
	// command on first use of a root; nil means no tree is known whole.
	TreeLoaded func(root string) bool
	// Reload, if set, loads and type-checks the program again through the
	// go command with overlay as the new content of the files it names.
	// Verify uses it only where it cannot type-check in process (see
	// Verify).
	Reload func(overlay map[string][]byte) error
}

// An ExcludedFile is a file of a loaded package's directory that the build
// configuration leaves out.
type ExcludedFile struct {
	Name string // absolute
	Text []byte
	Fset *token.FileSet
	// File is the parsed file, with comments; if it has syntax errors,
	// Complete is false and File is what the parser recovered.
	File     *ast.File
	Complete bool
	PkgName  string
	Imports  map[string]bool
}

// ParseExcluded parses a file the build leaves out, as the planner reads
// it; nil if it has no package clause.
func ParseExcluded(name string, text []byte) *ExcludedFile {
	ef := &ExcludedFile{Name: name, Text: text, Fset: token.NewFileSet(), Imports: make(map[string]bool)}
	f, err := parser.ParseFile(ef.Fset, name, text, parser.ParseComments|parser.SkipObjectResolution)
	if f == nil {
		return nil
	}
	ef.File, ef.Complete, ef.PkgName = f, err == nil, f.Name.Name
	for _, spec := range f.Imports {
		ef.Imports[strings.Trim(spec.Path.Value, "`\"")] = true
	}
	return ef
}

// taken reports whether a file name exists in its directory, as the
// loader saw it.
func (prog *Program) taken(name string) bool {
	return prog.DirNames[filepath.Dir(name)][filepath.Base(name)]
}
