package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// This file resolves the names of a file the build configuration excludes
// by type, so that a name matches a target only where it denotes it: the
// file is type-checked together with the loaded files of its package (an
// in-package file) or against the loaded package (an external test
// file). Errors are expected and ignored: the file may redeclare what a
// file of another GOOS declares, or import what is not loaded. An
// identifier the check leaves unresolved is not known, and counts.

// excludedInstance returns where ef instantiates generic code with a type
// argument that leads to a field among names (Reset(&t) with func
// Reset[E any](p *E) { var z E; *p = z }): the generic body may make
// zero values of it, which no edit can initialize. NoPos if none, or if
// the file could not be checked.
func (p *Plan) excludedInstance(ef *excludedFile, names []name) token.Pos {
	if !ef.checked {
		ef.checked = true
		ef.objAt, ef.typed = p.checkExcluded(ef)
	}
	// By key: the check made objects of its own for the package.
	fields := make(map[string]bool)
	for _, n := range names {
		if n.selector {
			fields[p.key(n.obj)] = true
		}
	}
	if len(fields) == 0 || !ef.typed {
		return token.NoPos
	}
	var found token.Pos
	for _, at := range ef.instances {
		for _, arg := range at.args {
			for _, f := range fieldsHeld(arg, true) {
				if fields[p.key(f)] && (!found.IsValid() || at.pos < found) {
					found = at.pos
				}
			}
		}
	}
	return found
}

// An instanceAt is a generic instantiation in an excluded file: its
// position in the file's own parse (ExcludedFile.Fset) and its type
// arguments.
type instanceAt struct {
	pos  token.Pos
	args []types.Type
}

// excludedObject returns the object that id, an identifier of ef.File,
// denotes, and whether the check could tell.
func (p *Plan) excludedObject(ef *excludedFile, id *ast.Ident) (types.Object, bool) {
	if !ef.checked {
		ef.checked = true
		ef.objAt, ef.typed = p.checkExcluded(ef)
	}
	if !ef.typed {
		return nil, false
	}
	obj, ok := ef.objAt[ef.Fset.Position(id.Pos()).Offset]
	return obj, ok && obj != nil
}

// checkExcluded type-checks ef with its package and maps the offset of
// each identifier it uses to the object it denotes.
func (p *Plan) checkExcluded(ef *excludedFile) (map[int]types.Object, bool) {
	dir := filepath.Dir(ef.Name)
	var own, tested *unit // the unit ef belongs to; the one an external test imports
	for _, u := range p.units {
		if u.dir() != dir {
			continue
		}
		switch u.pkg.Name {
		case ef.PkgName:
			own = u
		case strings.TrimSuffix(ef.PkgName, "_test"):
			tested = u
		}
	}
	host := own
	if host == nil {
		host = tested
	}
	if host == nil || !ef.Complete {
		return nil, false
	}
	f, err := parser.ParseFile(p.Fset, ef.Name, ef.Text, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	files := []*ast.File{f}
	if own != nil {
		files = append(append([]*ast.File(nil), own.pkg.Syntax...), f)
	}
	info := &types.Info{
		Uses:       make(map[*ast.Ident]types.Object),
		Defs:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			return p.loadedPackage(host, path)
		}),
		Sizes:       host.pkg.TypesSizes,
		FakeImportC: true,
		Error:       func(error) {},
	}
	if m := host.pkg.Module; m != nil && m.GoVersion != "" {
		conf.GoVersion = "go" + m.GoVersion
	}
	path := host.pkg.PkgPath
	if own == nil {
		path += "_test"
	}
	_, _ = conf.Check(path, p.Fset, files, info)
	objAt := make(map[int]types.Object)
	tf := p.Fset.File(f.FileStart)
	in := func(id *ast.Ident) bool { return id.Pos() >= f.FileStart && id.Pos() <= f.FileEnd }
	for id, obj := range info.Uses {
		if in(id) {
			objAt[tf.Offset(id.Pos())] = obj
		}
	}
	parsed := ef.Fset.File(ef.File.FileStart)
	for id, inst := range info.Instances {
		if !in(id) {
			continue
		}
		at := instanceAt{pos: parsed.Pos(tf.Offset(id.Pos()))}
		for i := range inst.TypeArgs.Len() {
			at.args = append(at.args, inst.TypeArgs.At(i))
		}
		ef.instances = append(ef.instances, at)
	}
	return objAt, true
}

// loadedPackage returns the types of the package that u's files import
// as path, or of u itself, from the load.
func (p *Plan) loadedPackage(u *unit, path string) (*types.Package, error) {
	switch {
	case path == "unsafe":
		return types.Unsafe, nil
	case path == u.pkg.PkgPath:
		return u.pkg.Types, nil
	}
	if imp := u.pkg.Imports[path]; imp != nil && imp.Types != nil {
		return imp.Types, nil
	}
	if t := p.typesByPath(path); t != nil {
		return t, nil
	}
	return nil, errNotLoaded
}

// typesByPath returns the loaded types of the package with the import
// path: a loaded package, or one that a loaded package imports.
func (p *Plan) typesByPath(path string) *types.Package {
	for _, u := range p.units {
		if u.pkg.PkgPath == path && !strings.HasSuffix(u.pkg.Name, "_test") {
			return u.pkg.Types
		}
		for _, imp := range u.pkg.Types.Imports() {
			if imp.Path() == path {
				return imp
			}
		}
	}
	return nil
}
