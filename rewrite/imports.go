package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/dave/dst"
)

// This file gives the edits of a file their name for package sync, and
// the file its import of sync: at most one, as gofmt'd code and
// staticcheck (ST1019) want it. The edits reuse the file's import of
// sync; a file without one gets one, named sync unless that name is
// taken at file scope. Where a local name (a parameter called sync, say)
// shadows the import at a place the edits write sync.Map, the one import
// is renamed instead of a second one being added: the import and every
// use of it in the file take a name that nothing in the package
// declares.

// chooseSyncName finds the name under which the file refers to package
// sync, or the name under which it will import it.
func (e *fileEditor) chooseSyncName() {
	for _, spec := range e.file.Imports {
		if path, _ := strconv.Unquote(spec.Path.Value); path != "sync" {
			continue
		}
		switch {
		case spec.Name == nil:
			e.syncSpec, e.syncName = spec, "sync"
			return
		case spec.Name.Name == "_":
			e.blankSync = spec
		case spec.Name.Name == ".":
			// Not reused: the edits would have to write Map
			// unqualified. The file gets an import of its own, the
			// one case of two imports of sync.
		default:
			e.syncSpec, e.syncName = spec, spec.Name.Name
			return
		}
	}
	e.addSync = true
	e.syncName = "sync"
	if e.declared("sync") {
		e.syncName = e.freshSyncName()
	}
}

// declared reports whether name is declared in the package or file scope.
func (e *fileEditor) declared(name string) bool {
	if e.unit.pkg.Types.Scope().Lookup(name) != nil {
		return true
	}
	if fs := e.unit.pkg.TypesInfo.Scopes[e.file]; fs != nil && fs.Lookup(name) != nil {
		return true
	}
	return false
}

// freshSyncName returns syncpkg, or syncpkg2, ...: the first that no
// scope of the package declares, so that it is shadowed nowhere.
func (e *fileEditor) freshSyncName() string {
	name := "syncpkg"
	for i := 2; e.declared(name) || declaresLocally(e.unit, name); i++ {
		name = fmt.Sprintf("syncpkg%d", i)
	}
	return name
}

// syncMapType returns a new sync.Map type expression, to be written at
// pos. If the file's name for package sync is shadowed there, every
// sync.Map the editor wrote is renamed at the end (see finishSync).
func (e *fileEditor) syncMapType(pos token.Pos) dst.Expr {
	e.needSync = true
	id := dst.NewIdent(e.syncName)
	e.syncIdents = append(e.syncIdents, id)
	ok := e.resolves(e.syncName, pos, func(obj types.Object) bool {
		if e.addSync {
			return obj == nil
		}
		pn, ok := obj.(*types.PkgName)
		return ok && pn.Imported().Path() == "sync"
	})
	if !ok {
		e.shadowed = true
	}
	return &dst.SelectorExpr{X: id, Sel: dst.NewIdent("Map")}
}

// finishSync gives the file the sync import the edits need: the one it
// has, renamed if a local name shadows it where a sync.Map was written;
// its import _ "sync", named; or a new one.
func (e *fileEditor) finishSync(f *dst.File) error {
	if !e.needSync {
		return nil
	}
	if e.shadowed {
		name := e.freshSyncName()
		for _, id := range e.syncIdents {
			id.Name = name
		}
		if e.syncSpec != nil {
			if err := e.renameImport(e.syncSpec, name); err != nil {
				return err
			}
		}
		e.syncName = name
	}
	switch {
	case e.syncSpec != nil:
	case e.blankSync != nil:
		//	import _ "sync"
		//	       -
		//	import "sync"
		spec, ok := e.dec.Dst.Nodes[e.blankSync].(*dst.ImportSpec)
		if !ok {
			return fmt.Errorf("internal error: no dst node for the import of sync")
		}
		spec.Name = nil
		if e.syncName != "sync" {
			spec.Name = dst.NewIdent(e.syncName)
		}
	default:
		addImport(f, e.syncName)
	}
	return nil
}

// renameImport gives the import spec the name name, and every use of it
// in the file too:
//
//	import "sync"   var mu sync.Mutex
//	------          ----
//	import syncpkg "sync"   var mu syncpkg.Mutex
func (e *fileEditor) renameImport(spec *ast.ImportSpec, name string) error {
	info := e.unit.pkg.TypesInfo
	pkgName := info.Implicits[spec]
	if spec.Name != nil {
		pkgName = info.Defs[spec.Name]
	}
	ds, ok := e.dec.Dst.Nodes[spec].(*dst.ImportSpec)
	if pkgName == nil || !ok {
		return fmt.Errorf("internal error: the import of sync at %v has no object or dst node", e.p.Fset.Position(spec.Pos()))
	}
	ast.Inspect(e.file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == pkgName {
			if d, ok := e.dec.Dst.Nodes[id].(*dst.Ident); ok {
				d.Name = name
			}
		}
		return true
	})
	if ds.Name == nil {
		ds.Name = dst.NewIdent(name)
	} else {
		ds.Name.Name = name
	}
	return nil
}

// addImport adds import "sync" (under name, if not sync) to the file's
// first import declaration, after its last standard library import, or
// in a new declaration.
func addImport(f *dst.File, name string) {
	spec := &dst.ImportSpec{Path: &dst.BasicLit{Kind: token.STRING, Value: strconv.Quote("sync")}}
	if name != "sync" {
		spec.Name = dst.NewIdent(name)
	}
	for _, decl := range f.Decls {
		gd, ok := decl.(*dst.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		at := 0
		for i, s := range gd.Specs {
			path, _ := strconv.Unquote(s.(*dst.ImportSpec).Path.Value)
			if !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
				at = i + 1
			}
		}
		if len(gd.Specs) > 0 {
			gd.Lparen = true
			spec.Decs.Before = dst.NewLine
			spec.Decs.After = dst.NewLine
			if at > 0 {
				// Take the place of the previous spec's spacing, so a
				// blank line before the next group stays after "sync".
				prev := gd.Specs[at-1].(*dst.ImportSpec)
				spec.Decs.After, prev.Decs.After = prev.Decs.After, dst.NewLine
				if at < len(gd.Specs) && gd.Specs[at].(*dst.ImportSpec).Decs.Before == dst.EmptyLine {
					spec.Decs.After = dst.EmptyLine
				}
			}
			if at == 0 {
				first := gd.Specs[0].(*dst.ImportSpec)
				spec.Decs.Start, first.Decs.Start = first.Decs.Start, nil
			}
		}
		gd.Specs = append(gd.Specs[:at], append([]dst.Spec{spec}, gd.Specs[at:]...)...)
		return
	}
	gd := &dst.GenDecl{Tok: token.IMPORT, Specs: []dst.Spec{spec}}
	gd.Decs.Before = dst.EmptyLine
	gd.Decs.After = dst.EmptyLine
	f.Decls = append([]dst.Decl{gd}, f.Decls...)
}
