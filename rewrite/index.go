package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"sync"

	"github.com/syncfix/syncfix/detect"
	"github.com/syncfix/syncfix/internal/par"
)

// This file indexes the loaded syntax and types once, so that the
// planner's questions (the parents of a node, the identifier at a
// position, the uses of a name, the types that hold a field) cost a map
// lookup, not a walk of a file or a scope: planning stays linear in the
// size of the program. Each index is built on first use, for the files,
// top-level declarations and units that have targets, so that a program
// without copies pays nothing. A file is indexed one top-level
// declaration at a time: small maps, built only for the declarations the
// planner asks about, and cheap to look up.
//
// The parents are not inspector cursors (go/ast/inspector), though a
// cursor's parent is free: the planner starts from nodes (findings,
// TypesInfo keys), and finding a node's cursor walks the events of the
// tree (Cursor.FindNode, FindByPos): a walk per question, quadratic in
// a large declaration, as PathEnclosingInterval per use was. A
// declaration's nodes in preorder, found by position in one
// integer-keyed map, give the node's parent chain in a lookup.

// A fileIndex locates the top-level declarations of one file; each has
// its own index, built on first use.
type fileIndex struct {
	file *ast.File
	// starts[i] is where decls[i] begins, its doc comment included;
	// the declarations do not overlap and are in position order.
	starts []token.Pos
	decls  []declIndex
	// top indexes what lies outside every declaration: the file's
	// name and doc comment.
	top declIndex
}

// A declIndex holds the nodes of one top-level declaration (up to the
// declaration, whose parent is the file) with their parents, found by
// position, and the identifiers that use each object. Nodes are found by
// position, not by node, so that one small map keyed by an integer
// serves both the parent and the identifier questions: a map keyed by
// ast.Node hashes and compares interfaces, and a second map per
// declaration doubled the cost of building the index.
type declIndex struct {
	once, usesOnce sync.Once
	root           ast.Node
	// nodes holds the declaration's nodes in preorder.
	nodes []indexedNode
	// first maps a position to the first node of nodes that starts
	// there; the others that start there follow through next.
	first map[token.Pos]int32
	// uses holds, per local variable or parameter named in usesFor (or
	// any, for a nil usesFor), the identifiers of the declaration that
	// use it (TypesInfo.Uses), in source order; built on first use.
	uses    map[types.Object][]*ast.Ident
	usesFor map[string]bool
}

// An indexedNode is a node of a declIndex, with the indexes in nodes of
// its parent (noNode: the file) and of the next node that starts at the
// same position (noNode: none).
type indexedNode struct {
	node         ast.Node
	parent, next int32
}

const noNode = -1

// A unitIndex holds the identifiers of one unit by name: the uses and the
// local declarations. Each part is built on first use.
type unitIndex struct {
	usesOnce, defsOnce, reachedOnce sync.Once
	uses                            map[string][]*ast.Ident
	defs                            map[string]bool
	// reached maps a field to the package-level types of the unit whose
	// values can lead to it, in name order: through struct fields and
	// arrays, and also through slices, maps, channels and pointers
	// (make(S, n) of a type S []T makes zero values of T).
	reached map[types.Object][]*types.TypeName
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
	fi := &fileIndex{file: f, starts: make([]token.Pos, len(f.Decls)), decls: make([]declIndex, len(f.Decls))}
	for i, d := range f.Decls {
		fi.starts[i] = declStart(d)
		fi.decls[i].root = d
	}
	fi.top.root = f
	x.files[f] = fi
	return fi
}

// releaseFiles lets the file indexes go, to keep peak memory low once
// planning is done; a later question builds them again.
func (x *index) releaseFiles() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.files = make(map[*ast.File]*fileIndex)
}

// declStart returns where a top-level declaration begins: at its doc
// comment, if it has one.
func declStart(d ast.Decl) token.Pos {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			return d.Doc.Pos()
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			return d.Doc.Pos()
		}
	}
	return d.Pos()
}

// at returns the index of the top-level declaration that holds pos, or
// the index of what lies outside them.
func (fi *fileIndex) at(pos token.Pos) *declIndex {
	i := sort.Search(len(fi.starts), func(i int) bool { return fi.starts[i] > pos }) - 1
	d := &fi.top
	if i >= 0 && pos < fi.file.Decls[i].End() {
		d = &fi.decls[i]
	}
	d.once.Do(func() { d.build(fi.file) })
	return d
}

// warm builds the indexes of all top-level declarations of the files on
// every CPU: in a file with copies, the planner asks about most of them,
// one at a time. Each also indexes the uses of the local variables named
// in names, the ones localUses will be asked about.
func (x *index) warm(files []*ast.File, infos []*types.Info, names map[string]bool) {
	type job struct {
		d    *declIndex
		f    *ast.File
		info *types.Info
	}
	var jobs []job
	for i, f := range files {
		fi := x.file(f)
		jobs = append(jobs, job{&fi.top, f, nil}) // localUses never asks the top
		for j := range fi.decls {
			jobs = append(jobs, job{&fi.decls[j], f, infos[i]})
		}
	}
	const chunk = 64 // declarations per goroutine: most are small
	par.Do((len(jobs)+chunk-1)/chunk, func(c int) {
		for _, j := range jobs[c*chunk : min(len(jobs), (c+1)*chunk)] {
			j.d.once.Do(func() {
				j.d.build(j.f)
				if j.info != nil {
					j.d.usesOnce.Do(func() { j.d.indexUses(j.info, names) })
				}
			})
		}
	})
}

// build indexes the nodes of d: for the file's own index, those outside
// every declaration.
func (d *declIndex) build(f *ast.File) {
	// The declaration's parent, the file, is not among its nodes: path
	// adds it.
	stack := []int32{noNode}
	ast.Inspect(d.root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if _, ok := n.(ast.Decl); ok && d.root == ast.Node(f) {
			return false // indexed on its own
		}
		d.nodes = append(d.nodes, indexedNode{node: n, parent: stack[len(stack)-1], next: noNode})
		stack = append(stack, int32(len(d.nodes)-1))
		return true
	})
	d.first = make(map[token.Pos]int32, len(d.nodes))
	// Backwards, so that each chain is in preorder: outer nodes first.
	for i := len(d.nodes) - 1; i >= 0; i-- {
		n := &d.nodes[i]
		pos := n.node.Pos()
		if j, ok := d.first[pos]; ok {
			n.next = j
		}
		d.first[pos] = int32(i)
	}
}

// indexUses indexes the uses of the local variables and parameters of
// d: those named in names, or all of them for a nil names. Looking up
// every identifier in TypesInfo.Uses, a map of the whole package, is
// most of an index's cost; the name comes first.
func (d *declIndex) indexUses(info *types.Info, names map[string]bool) {
	d.usesFor = names
	d.uses = make(map[types.Object][]*ast.Ident)
	for _, n := range d.nodes {
		if id, ok := n.node.(*ast.Ident); ok && (names == nil || names[id.Name]) {
			if v, ok := info.Uses[id].(*types.Var); ok && isLocal(v) {
				d.uses[v] = append(d.uses[v], id)
			}
		}
	}
}

// isLocal reports whether v is a local variable or a parameter.
func isLocal(v *types.Var) bool {
	return v.Kind() == types.LocalVar || v.Kind() == types.ParamVar
}

// find returns the index of n in d.nodes, or noNode.
func (d *declIndex) find(n ast.Node) int32 {
	i, ok := d.first[n.Pos()]
	if !ok {
		return noNode
	}
	for ; i != noNode; i = d.nodes[i].next {
		if d.nodes[i].node == n {
			return i
		}
	}
	return noNode
}

// path returns n and its ancestors in f, innermost first, up to f: what
// astutil.PathEnclosingInterval gives for n's extent.
func (x *index) path(f *ast.File, n ast.Node) []ast.Node {
	path := []ast.Node{n}
	if n == ast.Node(f) {
		return path
	}
	d := x.file(f).at(n.Pos())
	i := d.find(n)
	if i == noNode {
		return path
	}
	for i = d.nodes[i].parent; i != noNode; i = d.nodes[i].parent {
		path = append(path, d.nodes[i].node)
	}
	if d.root != ast.Node(f) {
		path = append(path, f)
	}
	return path
}

// identAt returns the identifier of f that starts at pos, or nil.
func (x *index) identAt(f *ast.File, pos token.Pos) *ast.Ident {
	d := x.file(f).at(pos)
	i, ok := d.first[pos]
	if !ok {
		return nil
	}
	for ; i != noNode; i = d.nodes[i].next {
		if id, ok := d.nodes[i].node.(*ast.Ident); ok {
			return id
		}
	}
	return nil
}

// localUses returns the identifiers of f that use v, a local variable or
// parameter of a function declared in f (so that every use is in the
// top-level declaration that declares it), in source order.
func (x *index) localUses(f *ast.File, info *types.Info, v *types.Var) []*ast.Ident {
	d := x.file(f).at(v.Pos())
	d.usesOnce.Do(func() { d.indexUses(info, nil) })
	if d.usesFor != nil && !d.usesFor[v.Name()] {
		// Not indexed (warm was told of other names): a walk.
		var uses []*ast.Ident
		for _, n := range d.nodes {
			if id, ok := n.node.(*ast.Ident); ok && id.Name == v.Name() && info.Uses[id] == v {
				uses = append(uses, id)
			}
		}
		return uses
	}
	return d.uses[v]
}

// unit returns the index of u; its parts are built by the accessors
// below.
func (x *index) unit(u *unit) *unitIndex {
	x.mu.Lock()
	defer x.mu.Unlock()
	if ui := x.units[u]; ui != nil {
		return ui
	}
	ui := new(unitIndex)
	x.units[u] = ui
	return ui
}

// usesNamed returns the identifiers of u that use an object named name,
// in no particular order.
func (x *index) usesNamed(u *unit, name string) []*ast.Ident {
	ui := x.unit(u)
	ui.usesOnce.Do(func() {
		ui.uses = make(map[string][]*ast.Ident)
		for id := range u.pkg.TypesInfo.Uses {
			ui.uses[id.Name] = append(ui.uses[id.Name], id)
		}
	})
	return ui.uses[name]
}

// definesName reports whether u declares something named name.
func (x *index) definesName(u *unit, name string) bool {
	ui := x.unit(u)
	ui.defsOnce.Do(func() {
		ui.defs = make(map[string]bool)
		for id := range u.pkg.TypesInfo.Defs {
			ui.defs[id.Name] = true
		}
	})
	return ui.defs[name]
}

// reachedBy returns the package-level types of u whose values can lead
// to field f (see unitIndex.reached).
func (x *index) reachedBy(u *unit, f types.Object) []*types.TypeName {
	ui := x.unit(u)
	ui.reachedOnce.Do(func() {
		ui.reached = make(map[types.Object][]*types.TypeName)
		scope := u.pkg.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			for _, f := range fieldsHeld(tn.Type(), true) {
				ui.reached[f] = append(ui.reached[f], tn)
			}
		}
	})
	return ui.reached[f]
}

// fieldsHeld returns the fields a value of type typ holds by value,
// through struct fields and array elements, both the field and its
// origin; with reach, also the fields its values lead to through
// slices, maps, channels and pointers.
func fieldsHeld(typ types.Type, reach bool) []types.Object {
	var fields []types.Object
	detect.WalkFields(typ, reach, func(f *types.Var) bool {
		fields = append(fields, f)
		if f.Origin() != f {
			fields = append(fields, f.Origin())
		}
		return true
	})
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
