package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/types"
	"go/version"
	"path/filepath"
	"sort"
	"strings"
)

// A helperSet chooses, per unit, the name and file of the clone helper
// (R4) and remembers which units need one in which file.
type helperSet struct {
	p     *Plan
	units map[*unit]*helper
}

// A helper is the clone helper of one unit.
type helper struct {
	name string
	// reused reports that the package already declares a helper by
	// that name, written by an earlier run.
	reused bool
	// nonTest and test report which kinds of file call it.
	nonTest, test bool
}

func (p *Plan) helpers() *helperSet {
	return &helperSet{p: p, units: make(map[*unit]*helper)}
}

// nameFor returns the helper's name for a call in file of u.
func (hs *helperSet) nameFor(u *unit, file *ast.File) string {
	h := hs.units[u]
	if h == nil {
		h = &helper{}
		h.name, h.reused = helperName(u)
		hs.units[u] = h
	}
	if strings.HasSuffix(u.fileNames[file], "_test.go") {
		h.test = true
	} else {
		h.nonTest = true
	}
	return h.name
}

// helperName returns cloneSyncMap, or cloneSyncMap2, ..., the first name
// that collides with nothing in the package scope or is a helper an
// earlier run wrote.
func helperName(u *unit) (string, bool) {
	scope := u.pkg.Types.Scope()
	for i := 1; ; i++ {
		name := "cloneSyncMap"
		if i > 1 {
			name = fmt.Sprintf("cloneSyncMap%d", i)
		}
		obj := scope.Lookup(name)
		if obj == nil {
			return name, false
		}
		if isHelper(u, obj) {
			return name, true
		}
	}
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
	if !ok {
		return false
	}
	n, ok := ptr.Elem().(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "Map"
}

// files returns the new helper files: syncfix_clone.go when non-test
// code calls the helper, else syncfix_clone_test.go; an external test
// package gets its own, syncfix_clone_test.go if that name is free, else
// syncfix_clone_external_test.go.
func (hs *helperSet) files() []FileChange {
	var units []*unit
	for u, h := range hs.units {
		if !h.reused {
			units = append(units, u)
		}
	}
	sort.Slice(units, func(i, j int) bool { return units[i].pkg.ID < units[j].pkg.ID })
	taken := make(map[string]bool)
	for _, u := range hs.p.units {
		for _, name := range u.fileNames {
			taken[name] = true
		}
	}
	var out []FileChange
	for _, u := range units {
		h := hs.units[u]
		dir := filepath.Dir(u.pkg.GoFiles[0])
		base := "syncfix_clone.go"
		if strings.HasSuffix(u.pkg.Name, "_test") {
			base = "syncfix_clone_test.go"
			if taken[filepath.Join(dir, base)] {
				base = "syncfix_clone_external_test.go"
			}
		} else if !h.nonTest {
			base = "syncfix_clone_test.go"
		}
		name := filepath.Join(dir, base)
		taken[name] = true
		out = append(out, FileChange{Name: name, New: helperSource(u, h.name)})
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
	out, err := format.Source(b.Bytes())
	if err != nil {
		panic("syncfix: internal error: helper does not format: " + err.Error())
	}
	return out
}
