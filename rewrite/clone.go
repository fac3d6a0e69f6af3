package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/types"
	"go/version"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/syncfix/syncfix/detect"
)

// A helperSet chooses, per unit, the name and file of the clone helper
// (R4) and remembers which units need a new one.
//
// Non-test files can only call a helper declared in a non-test file; the
// package's own test files can call either. So each unit has up to two
// names: the non-test name is the first of cloneSyncMap, cloneSyncMap2,
// ... that is free in the package or names a non-test helper an earlier
// run wrote; the test name is the first that is free or names any
// earlier helper. Where both are free they are the same name, and one
// new helper serves both.
type helperSet struct {
	p     *Plan
	mu    sync.Mutex // files are edited in parallel
	units map[*unit]*unitHelpers
}

// unitHelpers are the helper names of one unit and which are new.
type unitHelpers struct {
	nonTest, test string
	// newNonTest and newTest report that the name is not declared yet
	// and that some file of that kind calls it.
	newNonTest, newTest bool
}

func (p *Plan) helpers() *helperSet {
	return &helperSet{p: p, units: make(map[*unit]*unitHelpers)}
}

// nameFor returns the helper's name for a call in file of u.
func (hs *helperSet) nameFor(u *unit, file *ast.File) string {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	h := hs.units[u]
	if h == nil {
		h = &unitHelpers{}
		all := func(string) bool { return true }
		h.nonTest = hs.p.helperName(u, func(f string) bool { return !isTestFile(f) })
		if strings.HasSuffix(u.pkg.Name, "_test") {
			h.nonTest = hs.p.helperName(u, all) // its own files are all tests
		}
		h.test = hs.p.helperName(u, all)
		hs.units[u] = h
	}
	// An external test package has only test files, but they are all
	// its own: its helper is like a non-test one.
	if isTestFile(u.fileNames[file]) && !strings.HasSuffix(u.pkg.Name, "_test") {
		h.newTest = h.newTest || u.pkg.Types.Scope().Lookup(h.test) == nil
		return h.test
	}
	h.newNonTest = h.newNonTest || u.pkg.Types.Scope().Lookup(h.nonTest) == nil
	return h.nonTest
}

func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// helperName returns the first of cloneSyncMap, cloneSyncMap2, ... that
// no declaration in u uses (at any level, so that no local shadows it),
// or that is a helper an earlier run wrote in a file that usable accepts.
func (p *Plan) helperName(u *unit, usable func(file string) bool) string {
	scope := u.pkg.Types.Scope()
	return freshName("cloneSyncMap", func(name string) bool {
		if obj := scope.Lookup(name); obj != nil {
			return isHelper(u, obj) && usable(u.pkg.Fset.PositionFor(obj.Pos(), false).Filename) // reused
		}
		return !p.declaresLocally(u, name) && !p.excludedDeclares(u, name)
	})
}

// excludedDeclares reports whether a file of u's package that the build
// leaves out (another GOOS, tests not loaded) declares name at package
// level: a helper of that name would not build there.
func (p *Plan) excludedDeclares(u *unit, name string) bool {
	dir := u.dir()
	for _, ef := range p.prog.Excluded {
		if filepath.Dir(ef.Name) != dir || ef.File == nil {
			continue
		}
		if ef.PkgName != u.pkg.Name && ef.PkgName != u.pkg.Name+"_test" && u.pkg.Name != ef.PkgName+"_test" {
			continue
		}
		for _, d := range ef.File.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == name {
					return true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						for _, id := range spec.Names {
							if id.Name == name {
								return true
							}
						}
					case *ast.TypeSpec:
						if spec.Name.Name == name {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// declaresLocally reports whether some function of u declares name.
func (p *Plan) declaresLocally(u *unit, name string) bool {
	return p.idx.definesName(u, name)
}

// isHelper reports whether obj is a clone helper written by syncfix:
// func(*sync.Map) *sync.Map in a syncfix_clone file.
func isHelper(u *unit, obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || !strings.HasPrefix(filepath.Base(u.pkg.Fset.Position(fn.Pos()).Filename), "syncfix_clone") {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		isSyncMapPointer(sig.Params().At(0).Type()) && isSyncMapPointer(sig.Results().At(0).Type())
}

func isSyncMapPointer(t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	return ok && detect.IsPlainSyncMap(ptr.Elem())
}

// files returns the new helper files: syncfix_clone.go for the non-test
// name, syncfix_clone_test.go for a test name of its own; an external
// test package gets syncfix_clone_test.go if that name is free, else
// syncfix_clone_external_test.go. A name that is taken, on disk or by
// another new file, gets a number: syncfix_clone2.go.
func (hs *helperSet) files() []FileChange {
	var units []*unit
	for u := range hs.units {
		units = append(units, u)
	}
	sort.Slice(units, func(i, j int) bool { return units[i].pkg.ID < units[j].pkg.ID })
	taken := make(map[string]bool)
	free := func(dir string, bases ...string) string {
		for i := 1; ; i++ {
			for _, base := range bases {
				if i > 1 {
					stem, test := strings.TrimSuffix(base, ".go"), ""
					if strings.HasSuffix(stem, "_test") {
						stem, test = strings.TrimSuffix(stem, "_test"), "_test"
					}
					base = fmt.Sprintf("%s%d%s.go", stem, i, test)
				}
				name := filepath.Join(dir, base)
				if !taken[name] && !hs.p.prog.taken(name) {
					taken[name] = true
					return name
				}
			}
		}
	}
	var out []FileChange
	for _, u := range units {
		h := hs.units[u]
		dir := u.dir()
		switch {
		case strings.HasSuffix(u.pkg.Name, "_test"):
			if h.newNonTest {
				name := free(dir, "syncfix_clone_test.go", "syncfix_clone_external_test.go")
				out = append(out, FileChange{Name: name, New: helperSource(u, h.nonTest)})
			}
			continue
		case h.newNonTest:
			out = append(out, FileChange{Name: free(dir, "syncfix_clone.go"), New: helperSource(u, h.nonTest)})
		}
		if h.newTest && !(h.newNonTest && h.test == h.nonTest) {
			name := free(dir, "syncfix_clone_test.go", "syncfix_clone_internal_test.go")
			out = append(out, FileChange{Name: name, New: helperSource(u, h.test)})
		}
	}
	return out
}

// helperSource returns the helper file for u.
func helperSource(u *unit, name string) []byte {
	anyType := "any"
	goVersion := u.pkg.Types.GoVersion()
	if u.pkg.Module != nil && u.pkg.Module.GoVersion != "" {
		goVersion = "go" + u.pkg.Module.GoVersion
	}
	if goVersion != "" && version.Compare(goVersion, "go1.18") < 0 {
		anyType = "interface{}"
	}
	syncName := "sync"
	importLine := `import "sync"`
	if u.pkg.Types.Scope().Lookup("sync") != nil {
		syncName = "syncpkg"
		importLine = `import syncpkg "sync"`
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\n%s\n\n", u.pkg.Name, importLine)
	fmt.Fprintf(&b, "// %s returns a new sync.Map holding the entries of src.\n", name)
	fmt.Fprintf(&b, "func %s(src *%s.Map) *%s.Map {\n", name, syncName, syncName)
	fmt.Fprintf(&b, "\tdst := new(%s.Map)\n", syncName)
	fmt.Fprintf(&b, "\tsrc.Range(func(k, v %s) bool {\n\t\tdst.Store(k, v)\n\t\treturn true\n\t})\n\treturn dst\n}\n", anyType)
	// Written as gofmt prints it (the goldens hold every variant), so
	// that it need not be formatted for each package; Verify parses it.
	return b.Bytes()
}
