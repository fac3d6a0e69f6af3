package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// This file gives the edits of a file their name for package sync, and
// the file its import of sync: at most one, as gofmt'd code and
// staticcheck (ST1019) want it. The edits reuse the file's import of
// sync; a file without one gets one, named sync unless that name is
// taken at file scope, and an import _ "sync" becomes that import. Where
// a local name (a parameter called sync, say) shadows the import at a
// place the edits write sync.Map, the one import is renamed instead of a
// second one being added: the import and every use of it in the file
// take a name that nothing in the package declares. A dot import is not
// reused (the edits would have to write Map unqualified): the file gets
// an import of its own, the one case of two imports of sync.

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
	return freshName("syncpkg", func(name string) bool {
		return !e.declared(name) && !e.p.declaresLocally(e.unit, name)
	})
}

// syncMapType returns a sync.Map type expression, to be written at pos,
// with syncMark for the package's name. If the file's name for package
// sync is shadowed there, the name changes for the whole file (see
// finishSync).
func (e *fileEditor) syncMapType(pos token.Pos) string {
	e.needSync = true
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
	return syncMark + ".Map"
}

// finishSync settles the name of package sync in what the editor wrote
// and gives the file the import the edits need: the one it has, renamed
// if a local name shadows it where a sync.Map was written; its import _
// "sync", named; or a new one.
func (e *fileEditor) finishSync() error {
	if !e.needSync {
		e.dropUnusedSync()
		return nil
	}
	if e.shadowed {
		name := e.freshSyncName()
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
		//	       --
		//	import "sync"
		name := e.blankSync.Name
		if e.syncName == "sync" {
			e.edits.replace(e.off(name.Pos()), e.off(e.blankSync.Path.Pos()), "")
		} else {
			e.edits.replace(e.off(name.Pos()), e.off(name.End()), e.syncName)
		}
	default:
		e.addImport(e.syncName)
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
	if pkgName == nil {
		return fmt.Errorf("internal error: the import of sync at %v has no object", e.p.Fset.Position(spec.Pos()))
	}
	ast.Inspect(e.file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == pkgName {
			e.edits.replace(e.off(id.Pos()), e.off(id.End()), name)
		}
		return true
	})
	if spec.Name == nil {
		at := e.off(spec.Path.Pos())
		if at > 0 && !strings.ContainsRune(" \t\n(", rune(e.src[at-1])) {
			name = " " + name // import"sync"
		}
		e.edits.insert(at, name+" ", 0)
	} else {
		e.edits.replace(e.off(spec.Name.Pos()), e.off(spec.Name.End()), name)
	}
	return nil
}

// addImport adds import "sync" (under name, if not sync) to the file's
// first import declaration, after its last standard library import, or
// in a new declaration after the package clause.
func (e *fileEditor) addImport(name string) {
	spec := strconv.Quote("sync")
	if name != "sync" {
		spec = name + " " + spec
	}
	for _, decl := range e.file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if e.cgo != nil && !e.cgo.lineVerbatim(e.line(gd.Pos())) {
			continue // import "C", as cgo rewrote it
		}
		at := 0
		for i, s := range gd.Specs {
			path, _ := strconv.Unquote(s.(*ast.ImportSpec).Path.Value)
			if !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
				at = i + 1
			}
		}
		switch {
		case !gd.Lparen.IsValid():
			// import "fmt"  =>  import (\n"fmt"\n"sync"\n)
			only := gd.Specs[0]
			if at > 0 {
				e.edits.wrap(e.off(only.Pos()), e.off(only.End()), "(\n", "\n"+spec+"\n)")
			} else {
				e.edits.wrap(e.off(only.Pos()), e.off(only.End()), "(\n"+spec+"\n", "\n)")
			}
		case at > 0:
			e.edits.insert(e.lineEnd(e.off(gd.Specs[at-1].End())), "\n"+spec, 0)
		case len(gd.Specs) > 0:
			first := gd.Specs[0].(*ast.ImportSpec)
			pos := first.Pos()
			if first.Doc != nil {
				pos = first.Doc.Pos()
			}
			e.edits.insert(e.lineStart(e.off(pos)), spec+"\n", 0)
		default:
			e.edits.insert(e.off(gd.Lparen)+1, "\n"+spec+"\n", 0)
		}
		return
	}
	e.edits.insert(e.lineEnd(e.off(e.file.Name.End())), "\n\nimport "+spec, 0)
}

// dropUnusedSync deletes the file's import of sync when the edits removed
// its last use (a reset, sync.Map{}, that became Clear()): an unused
// import would not build.
//
//	import (          import (
//		"fmt"      =>     "fmt"
//		"sync"        )
//	)
func (e *fileEditor) dropUnusedSync() {
	spec := e.syncSpec
	if spec == nil || len(e.removed) == 0 {
		return
	}
	info := e.unit.pkg.TypesInfo
	pkgName := info.Implicits[spec]
	if spec.Name != nil {
		pkgName = info.Defs[spec.Name]
	}
	if pkgName == nil {
		return
	}
	used := false
	ast.Inspect(e.file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !used && info.Uses[id] == pkgName {
			used = !e.inRemoved(e.off(id.Pos()))
		}
		return !used
	})
	if used {
		return
	}
	for _, decl := range e.file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, s := range gd.Specs {
			if s != ast.Spec(spec) {
				continue
			}
			if e.commented(gd) {
				// Keep the comments: only the spec's own text goes,
				// import "sync" // c  =>  import () // c.
				text := ""
				if !gd.Lparen.IsValid() {
					text = "()"
				}
				e.edits.replace(e.off(spec.Pos()), e.off(spec.End()), text)
				return
			}
			// The whole declaration if sync is all it imports, else the
			// spec's line.
			node := ast.Node(spec)
			if len(gd.Specs) == 1 {
				node = gd
			}
			from := e.lineStart(e.off(node.Pos()))
			to := e.lineEnd(e.off(node.End()))
			if !e.blank(from, e.off(node.Pos())) || !e.onlyComments(e.off(node.End()), to) {
				from, to = e.off(node.Pos()), e.off(node.End()) // shares its line
			} else if to < len(e.src) {
				to++ // and its newline
			}
			e.edits.replace(from, to, "")
			return
		}
	}
}

// inRemoved reports whether offset off lies in code the edits delete.
func (e *fileEditor) inRemoved(off int) bool {
	for _, r := range e.removed {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}

// commented reports whether a comment lies in the import declaration gd,
// or ends a line of it, or is its doc.
func (e *fileEditor) commented(gd *ast.GenDecl) bool {
	from, to := e.off(gd.Pos()), e.lineEnd(e.off(gd.End()))
	if gd.Doc != nil {
		return true
	}
	for _, g := range e.file.Comments {
		if s := e.off(g.Pos()); s >= from && s < to {
			return true
		}
	}
	return false
}

// importedAs returns the package name under which file imports path for
// qualified identifiers (p.T): the first import of path that is neither
// a dot nor a blank import; nil if there is none.
func importedAs(info *types.Info, file *ast.File, path string) *types.PkgName {
	for _, spec := range file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p != path || spec.Name != nil && (spec.Name.Name == "." || spec.Name.Name == "_") {
			continue
		}
		obj := info.Implicits[spec]
		if spec.Name != nil {
			obj = info.Defs[spec.Name]
		}
		if pn, ok := obj.(*types.PkgName); ok {
			return pn
		}
	}
	return nil
}
