// Package load loads the packages syncfix plans for, and owns everything
// syncfix reads to do so: the go command's view of the packages (load
// mode, build tags, tests, build flags, overlay), the bytes of every file
// as it was parsed, the files the build configuration leaves out, the
// directories' names, resolved symlinks, and whether an internal package's
// whole tree is loaded. It returns a rewrite.Program, so that package
// rewrite plans, applies and verifies without doing any I/O.
//
// Every file is read once: go/packages hands each file's bytes to
// ParseFile, which keeps them. A writer compares those bytes with the disk
// before the first rename (Program.Source), so a file that changed after
// it was read, written or not, stops the write.
package load

import (
	"context"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/syncfix/syncfix/rewrite"
	"golang.org/x/tools/go/packages"
)

// Mode asks for the syntax and types of the matched packages only.
// Without NeedDeps, dependencies are type-checked from the go command's
// export data instead of from source, which is much faster; their syntax
// is never needed, since syncfix reports and edits only matched packages.
const Mode = packages.NeedName |
	packages.NeedFiles |
	packages.NeedCompiledGoFiles |
	packages.NeedImports |
	packages.NeedTypes |
	packages.NeedTypesSizes |
	packages.NeedSyntax |
	packages.NeedTypesInfo |
	packages.NeedForTest | // to tell p from p [p.test]
	packages.NeedModule // for the go version of the clone helper

// A Config says what to load and how.
type Config struct {
	Context context.Context
	// Dir is the directory the patterns are resolved in.
	Dir      string
	Patterns []string
	// Tests loads the packages' test files and external test packages.
	Tests bool
	// BuildFlags are passed to the go command (-tags, -mod, ...).
	BuildFlags []string
	// Overlay replaces (or adds) the content of the files it names.
	Overlay map[string][]byte
}

// Load loads the packages of cfg and what the plan needs besides them.
// The packages may carry errors (Package.Errors): the caller decides what
// to make of them; then the extras are not read. Err is the go command's
// failure, if it could not list the packages at all.
func Load(cfg Config) (*rewrite.Program, error) {
	prog := &rewrite.Program{Source: make(map[string][]byte), TestsLoaded: cfg.Tests, GOROOT: build.Default.GOROOT}
	var mu sync.Mutex
	pcfg := &packages.Config{
		Context:    cfg.Context,
		Mode:       Mode,
		Dir:        cfg.Dir,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
		Overlay:    cfg.Overlay,
		// The default ParseFile of go/packages, keeping the bytes, and
		// without the object resolution that nothing of syncfix reads
		// (it asks go/types).
		ParseFile: func(fset *token.FileSet, name string, src []byte) (*ast.File, error) {
			mu.Lock()
			prog.Source[name] = src
			mu.Unlock()
			return parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		},
	}
	pkgs, err := packages.Load(pcfg, cfg.Patterns...)
	if err != nil {
		return nil, err
	}
	prog.Packages = pkgs
	if hasErrors(pkgs) {
		return prog, nil
	}
	r := &reader{prog: prog, overlay: cfg.Overlay}
	r.readExtras()
	prog.TreeLoaded = treeOracle(cfg, pkgs)
	return prog, nil
}

// hasErrors reports whether a loaded package has errors.
func hasErrors(pkgs []*packages.Package) bool {
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return true
		}
	}
	return false
}

// A reader reads the files the plan needs besides the parsed ones.
type reader struct {
	prog    *rewrite.Program
	overlay map[string][]byte
}

// read returns a file's content: the overlay's, or the disk's.
func (r *reader) read(name string) ([]byte, error) {
	if b, ok := r.overlay[name]; ok {
		return b, nil
	}
	return os.ReadFile(name)
}

// readExtras reads the go files behind cgo output, the go.mod files, the
// names in each package directory, the files the build leaves out, and
// resolves the symlinks of loaded files and module directories.
func (r *reader) readExtras() {
	prog := r.prog
	prog.DirNames = make(map[string]map[string]bool)
	prog.RealNames = make(map[string]string)
	prog.RealNameErrs = make(map[string]error)
	loaded := make(map[string]bool)
	var dirs []string
	resolve := func(name string) {
		if _, ok := prog.RealNames[name]; ok {
			return
		}
		if _, ok := prog.RealNameErrs[name]; ok {
			return
		}
		if real, err := filepath.EvalSymlinks(name); err != nil {
			prog.RealNameErrs[name] = err
		} else {
			prog.RealNames[name] = real
		}
	}
	for _, p := range prog.Packages {
		for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles} {
			for _, name := range list {
				loaded[name] = true
			}
		}
		for _, name := range p.GoFiles {
			resolve(name)
			if _, ok := prog.Source[name]; !ok && strings.HasSuffix(name, ".go") {
				// The user's file behind cgo output: never parsed.
				if b, err := r.read(name); err == nil {
					prog.Source[name] = b
				}
			}
		}
		if m := p.Module; m != nil {
			if m.Dir != "" {
				resolve(m.Dir)
			}
			if m.GoMod != "" {
				if _, ok := prog.Source[m.GoMod]; !ok {
					if b, err := r.read(m.GoMod); err == nil {
						prog.Source[m.GoMod] = b
					}
				}
			}
		}
		if d := pkgDir(p); d != "" && prog.DirNames[d] == nil {
			prog.DirNames[d] = make(map[string]bool)
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		entries, _ := os.ReadDir(dir)
		names := prog.DirNames[dir]
		for _, e := range entries {
			names[e.Name()] = true
		}
		for name := range r.overlay {
			if filepath.Dir(name) == dir {
				names[filepath.Base(name)] = true
			}
		}
		for _, e := range entries {
			base := e.Name()
			name := filepath.Join(dir, base)
			if e.IsDir() || !strings.HasSuffix(base, ".go") || loaded[name] || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") {
				continue
			}
			if ef := r.parseExcluded(name); ef != nil {
				prog.Excluded = append(prog.Excluded, ef)
			}
		}
	}
}

// parseExcluded reads and parses a file the build leaves out; nil if it
// cannot be read or has no package clause.
func (r *reader) parseExcluded(name string) *rewrite.ExcludedFile {
	text, err := r.read(name)
	if err != nil {
		return nil
	}
	r.prog.Source[name] = text
	return rewrite.ParseExcluded(name, text)
}

// pkgDir returns the directory of a package.
func pkgDir(p *packages.Package) string {
	if strings.HasSuffix(p.ID, ".test") {
		return "" // a test binary's generated main, in the build cache
	}
	for _, name := range p.GoFiles {
		return filepath.Dir(name)
	}
	return p.Dir
}

// treeOracle returns Program.TreeLoaded for the load: it asks the go
// command once per root which packages are under it.
func treeOracle(cfg Config, pkgs []*packages.Package) func(root string) bool {
	loadedPaths := make(map[string]bool)
	for _, p := range pkgs {
		loadedPaths[p.PkgPath] = true
	}
	var mu sync.Mutex
	trees := make(map[string]bool)
	return func(root string) bool {
		if root == "" {
			return true // the standard library's own internal packages
		}
		mu.Lock()
		defer mu.Unlock()
		if loaded, ok := trees[root]; ok {
			return loaded
		}
		if coveredByPattern(cfg, pkgs, root) {
			trees[root] = true // every package under root was matched
			return true
		}
		lcfg := &packages.Config{Context: cfg.Context, Mode: packages.NeedName, Dir: cfg.Dir, BuildFlags: cfg.BuildFlags}
		under, err := packages.Load(lcfg, root+"/...")
		loaded := err == nil && len(under) > 0
		for _, p := range under {
			if !loadedPaths[p.PkgPath] {
				loaded = false
			}
		}
		trees[root] = loaded
		return loaded
	}
}

// coveredByPattern reports whether a pattern of the load matches every
// package under root, as "./..." at or above root's directory does: then
// the tree is loaded, and the go command need not be asked. A pattern is
// read this way only when it ends in /... and names a directory of a
// main module (or a path of one), so the answer is the go command's.
func coveredByPattern(cfg Config, pkgs []*packages.Package, root string) bool {
	for _, pattern := range cfg.Patterns {
		prefix, ok := strings.CutSuffix(pattern, "...")
		if !ok || (prefix != "" && !strings.HasSuffix(prefix, "/")) {
			continue
		}
		prefix = strings.TrimSuffix(prefix, "/")
		local := prefix == "." || prefix == ".." || strings.HasPrefix(prefix, "./") || strings.HasPrefix(prefix, "../") || filepath.IsAbs(prefix)
		if local {
			dir := prefix
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(cfg.Dir, dir)
			}
			path, ok := importPathOf(pkgs, dir)
			if !ok {
				continue
			}
			prefix = path
		}
		if root == prefix || strings.HasPrefix(root, prefix+"/") {
			return true
		}
	}
	return false
}

// importPathOf returns the import path of directory dir in the main
// module that holds it.
func importPathOf(pkgs []*packages.Package, dir string) (string, bool) {
	for _, p := range pkgs {
		m := p.Module
		if m == nil || !m.Main || m.Dir == "" {
			continue
		}
		rel, err := filepath.Rel(m.Dir, dir)
		if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			continue
		}
		if rel == "." {
			return m.Path, true
		}
		return m.Path + "/" + filepath.ToSlash(rel), true
	}
	return "", false
}
