package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"sync"
)

// This file indexes the loaded syntax and types once, so that the
// planner's questions (the parents of a node, the identifier at a
// position, the uses of a name, the types that hold a field) cost a map
// lookup, not a walk of a file or a scope: planning stays linear in the
// size of the program. Each index is built on first use, for the files
// and units that have targets, so that a program without copies pays
// nothing.

// A fileIndex holds the parent of every node of one file and its
// identifiers by position.
type fileIndex struct {
	parent map[ast.Node]ast.Node
	idents map[token.Pos]*ast.Ident
}

// A unitIndex holds the identifiers of one unit by name: the uses and the
// local declarations.
type unitIndex struct {
	uses map[string][]*ast.Ident
	// of holds the uses of each object, in no order.
	of   map[types.Object][]*ast.Ident
	defs map[string]bool
	// held maps a field to the package-level types of the unit that hold
	// it by value (through struct fields and arrays), in name order;
	// reached to those whose values can lead to one (also through
	// slices, maps, channels and pointers: make(S, n) of a type S []T
	// makes zero values of T).
	held, reached map[types.Object][]*types.TypeName
}

// An index is the planner's set of indexes.
type index struct {
	mu    sync.Mutex
	files map[*ast.File]*fileIndex
	units map[*unit]*unitIndex
}

func newIndex() *index {
	return &index{files: make(map[*ast.File]*fileIndex), units: make(map[*unit]*unitIndex)}
}

// file returns the index of f.
func (x *index) file(f *ast.File) *fileIndex {
	x.mu.Lock()
	defer x.mu.Unlock()
	if fi := x.files[f]; fi != nil {
		return fi
	}
	fi := &fileIndex{parent: make(map[ast.Node]ast.Node), idents: make(map[token.Pos]*ast.Ident)}
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if len(stack) > 0 {
			fi.parent[n] = stack[len(stack)-1]
		}
		if id, ok := n.(*ast.Ident); ok {
			fi.idents[id.Pos()] = id
		}
		stack = append(stack, n)
		return true
	})
	x.files[f] = fi
	return fi
}

// path returns n and its ancestors in f, innermost first, up to f: what
// astutil.PathEnclosingInterval gives for n's extent.
func (x *index) path(f *ast.File, n ast.Node) []ast.Node {
	fi := x.file(f)
	var path []ast.Node
	for ; n != nil; n = fi.parent[n] {
		path = append(path, n)
	}
	return path
}

// identAt returns the identifier of f that starts at pos, or nil.
func (x *index) identAt(f *ast.File, pos token.Pos) *ast.Ident {
	return x.file(f).idents[pos]
}

// unit returns the index of u.
func (x *index) unit(u *unit) *unitIndex {
	x.mu.Lock()
	defer x.mu.Unlock()
	if ui := x.units[u]; ui != nil {
		return ui
	}
	ui := &unitIndex{uses: make(map[string][]*ast.Ident), of: make(map[types.Object][]*ast.Ident), defs: make(map[string]bool)}
	for id, obj := range u.pkg.TypesInfo.Uses {
		ui.uses[id.Name] = append(ui.uses[id.Name], id)
		ui.of[obj] = append(ui.of[obj], id)
	}
	for id := range u.pkg.TypesInfo.Defs {
		ui.defs[id.Name] = true
	}
	ui.held = make(map[types.Object][]*types.TypeName)
	ui.reached = make(map[types.Object][]*types.TypeName)
	scope := u.pkg.Types.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		for _, f := range fieldsHeld(tn.Type(), false) {
			ui.held[f] = append(ui.held[f], tn)
		}
		for _, f := range fieldsHeld(tn.Type(), true) {
			ui.reached[f] = append(ui.reached[f], tn)
		}
	}
	x.units[u] = ui
	return ui
}

// fieldsHeld returns the fields a value of type typ holds by value,
// through struct fields and array elements, both the field and its
// origin; with reach, also the fields its values lead to through
// slices, maps, channels and pointers.
func fieldsHeld(typ types.Type, reach bool) []types.Object {
	var fields []types.Object
	seen := make(map[types.Type]bool)
	var walk func(types.Type)
	walk = func(t types.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		switch u := t.Underlying().(type) {
		case *types.Array:
			walk(u.Elem())
		case *types.Slice:
			if reach {
				walk(u.Elem())
			}
		case *types.Pointer:
			if reach {
				walk(u.Elem())
			}
		case *types.Chan:
			if reach {
				walk(u.Elem())
			}
		case *types.Map:
			if reach {
				walk(u.Key())
				walk(u.Elem())
			}
		case *types.Struct:
			for i := range u.NumFields() {
				f := u.Field(i)
				fields = append(fields, f)
				if f.Origin() != f {
					fields = append(fields, f.Origin())
				}
				walk(f.Type())
			}
		}
	}
	walk(typ)
	return fields
}

// fileOf returns the file of u that holds pos.
func (u *unit) fileOf(pos token.Pos) *ast.File {
	files := u.sortedFiles()
	i := sort.Search(len(files), func(i int) bool { return files[i].FileEnd >= pos })
	if i < len(files) && files[i].FileStart <= pos {
		return files[i]
	}
	return nil
}

// sortedFiles returns u's files in position order, sorted once.
func (u *unit) sortedFiles() []*ast.File {
	u.sortOnce.Do(func() {
		u.byPos = append([]*ast.File(nil), u.pkg.Syntax...)
		sort.Slice(u.byPos, func(i, j int) bool { return u.byPos[i].FileStart < u.byPos[j].FileStart })
	})
	return u.byPos
}
