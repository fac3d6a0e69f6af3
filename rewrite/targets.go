package rewrite

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/syncfix/syncfix/detect"
)

// target returns the target of obj, creating it on first use.
func (p *Plan) target(kind targetKind, obj types.Object) *target {
	if v, ok := obj.(*types.Var); ok && v.Origin() != v {
		obj = v.Origin()
	}
	key := p.key(obj)
	if t := p.targets[key]; t != nil {
		return t
	}
	t := &target{key: key, kind: kind, obj: obj}
	p.targets[key] = t
	return t
}

// varTarget returns the target of a local or package-level variable.
func (p *Plan) varTarget(obj types.Object) *target {
	v, ok := obj.(*types.Var)
	if !ok || (v.Kind() != types.LocalVar && v.Kind() != types.PackageVar) {
		return nil
	}
	return p.target(tVar, v)
}

// invariant records that an invariant of the planner failed at pos, an
// internal error that Err reports, and returns a blocker that keeps the
// code there as it is, so that the rest of the plan stays consistent.
func (p *Plan) invariant(pos token.Pos, what string) *blocker {
	b := p.blockAt(pos, BlockInternal, "internal error: "+what)
	p.errs = append(p.errs, fmt.Errorf("%s: internal error: %s", b.pos, what))
	return b
}

// Err returns the planner's internal errors, one per line with its
// position, or nil: a plan with errors must not be applied.
func (p *Plan) Err() error { return errors.Join(p.errs...) }

// blockAt makes a blocker of the kind at pos.
func (p *Plan) blockAt(pos token.Pos, kind BlockKind, reason string) *blocker {
	return &blocker{kind: kind, reason: reason, pos: p.Fset.Position(pos)}
}

// locate returns the unit and file that declare obj, and the path from
// the declaring identifier up to the file, or nils if obj is not
// declared in the loaded source.
func (p *Plan) locate(obj types.Object) (*unit, *ast.File, []ast.Node) {
	if !obj.Pos().IsValid() {
		return nil, nil, nil
	}
	name := p.Fset.PositionFor(obj.Pos(), false).Filename
	loc, ok := p.sites.files[name]
	if !ok {
		return nil, nil, nil
	}
	// obj may come from another variant or from export data: find the
	// position in this file by line and column.
	posn := p.Fset.PositionFor(obj.Pos(), false)
	tf := p.Fset.File(loc.file.FileStart)
	if posn.Line > tf.LineCount() {
		return nil, nil, nil
	}
	pos := tf.LineStart(posn.Line) + token.Pos(posn.Column-1)
	id := p.idx.identAt(loc.file, pos)
	if id == nil || id.Name != obj.Name() {
		return nil, nil, nil
	}
	return loc.unit, loc.file, p.idx.path(loc.file, id)
}

// analyzeTargets reads the declaration of every target and sets its
// static blockers and the ops of its declaration.
func (p *Plan) analyzeTargets() {
	analyzed := make(map[*target]bool)
	for len(analyzed) < len(p.targets) {
		for _, t := range p.sortedTargets() {
			if !analyzed[t] {
				analyzed[t] = true
				p.analyzeTarget(t)
			}
		}
	}
}

// analyzeTarget reads the declaration of t.
func (p *Plan) analyzeTarget(t *target) {
	if t.kind == tBox {
		p.analyzeBox(t) // boxed.go: it has no declaration
		return
	}
	u, file, path := p.locate(t.obj)
	if u == nil {
		t.block(BlockNotLoaded, "it is declared outside the loaded packages", p.Fset.Position(t.obj.Pos()))
		return
	}
	t.unit, t.file = u, file
	// The object may come from another package variant: an importer
	// sees p, while the unit that declares it is "p [p.test]", a type
	// check of its own with objects of its own. Read the declaration
	// through the declaring unit's objects, whichever finding created
	// the target first, so that its uses (a Delete through a
	// parameter) are recognized.
	if id, ok := path[0].(*ast.Ident); ok {
		if obj := u.pkg.TypesInfo.Defs[id]; obj != nil && obj.Name() == t.obj.Name() {
			t.obj = obj
		}
	}
	if !u.editable[file] {
		ne := p.noEdit(u, file)
		t.block(ne.kind, "it is declared in "+ne.what, p.Fset.Position(t.obj.Pos()))
		return
	}
	switch t.kind {
	case tField:
		p.analyzeField(t, path)
	case tVar:
		p.analyzeVar(t, path)
	case tFunc:
		p.analyzeFunc(t, path)
	}
}

// openWorld reports whether importers of u's package may be outside the
// loaded packages: --closed-world is off, and it is neither main nor an
// internal package whose whole tree (the importers the go command
// allows) is loaded.
func (p *Plan) openWorld(u *unit) bool {
	if p.opts.ClosedWorld || u.pkg.Name == "main" || strings.HasSuffix(u.pkg.Name, "_test") {
		return false
	}
	root, ok := internalRoot(u.pkg.PkgPath)
	open := !ok || !p.treeLoaded(root)
	p.openSeen = p.openSeen || open // --closed-world could change the plan
	return open
}

// internalRoot returns the path of the tree that may import an internal
// package: the parent of its last internal element.
func internalRoot(path string) (string, bool) {
	if path == "internal" || strings.HasPrefix(path, "internal/") {
		return "", true // the standard library's own
	}
	i := strings.LastIndex(path, "/internal/")
	if i < 0 {
		if strings.HasSuffix(path, "/internal") {
			return strings.TrimSuffix(path, "/internal"), true
		}
		return "", false
	}
	return path[:i], true
}

// treeLoaded reports whether every package under root (root/...) is
// loaded, so that every importer of an internal package there is seen.
func (p *Plan) treeLoaded(root string) bool {
	if root == "" {
		return true
	}
	return p.prog.TreeLoaded != nil && p.prog.TreeLoaded(root)
}

// analyzeField checks that a sync.Map field can become *sync.Map: its
// declaration is plain, every zero value of a type holding it can be
// initialized, and no importer outside the load can make one.
func (p *Plan) analyzeField(t *target, path []ast.Node) {
	var field *ast.Field
	for _, n := range path[1:] {
		if f, ok := n.(*ast.Field); ok {
			field = f // an embedded field's name is inside its type
			break
		}
	}
	if field == nil {
		t.blockBy(p.invariant(t.obj.Pos(), "field declaration not found"))
		return
	}
	if !detect.IsSyncMap(t.unit.pkg.TypesInfo.TypeOf(field.Type)) {
		t.block(BlockGeneric, "its declared type is a type parameter", p.Fset.Position(field.Type.Pos()))
		return
	}
	// A struct type changes entirely or not at all: every sync.Map field
	// of it is retyped together. An unnamed struct type has identical
	// copies elsewhere (struct{ m sync.Map } written twice) whose fields
	// are other objects, which would not change with it.
	var st *ast.StructType
	for _, n := range path[1:] {
		if s, ok := n.(*ast.StructType); ok {
			st = s
			break
		}
	}
	if st == nil || !isTypeSpecOf(path, st) {
		t.block(BlockDeclaration, "its struct type is unnamed, and identical struct types elsewhere would not change with it", p.Fset.Position(t.obj.Pos()))
		return
	}
	if styp, ok := t.unit.pkg.TypesInfo.TypeOf(st).(*types.Struct); ok {
		for i := range styp.NumFields() {
			if f := styp.Field(i); f != t.obj && detect.IsSyncMap(f.Type()) {
				t.requires = append(t.requires, p.target(tField, f))
			}
		}
	}
	if v, ok := t.obj.(*types.Var); ok && v.Embedded() {
		// An embedded *sync.Map promotes Load, Store, ... to the value
		// type too, where sync.Map promoted them to the pointer only:
		// a value that reaches an interface would start to satisfy
		// interfaces it did not (x.(interface{ Load(any) (any, bool) })).
		for _, cv := range p.ifaces().convs {
			if cv.from == nil {
				continue
			}
			if isTypeParam(cv.from) {
				// Generic code may put a value of the struct in it.
				t.block(BlockInterfaceAssertion, "the field is embedded, and generic code stores values of a type parameter in interfaces here, which may hold it: *sync.Map would give them methods they did not have", cv.pos)
				return
			}
			if _, isPtr := cv.from.Underlying().(*types.Pointer); isPtr {
				continue
			}
			for _, f := range fieldsHeld(cv.from, false) {
				if f == t.obj {
					t.block(BlockInterfaceAssertion, "the field is embedded, and a value holding it reaches an interface here, where *sync.Map would give it methods it did not have", cv.pos)
					return
				}
			}
		}
	}
	t.ops = append(t.ops, p.declOp(pointerType{}, t.unit, t.file, field))
	// Importers outside the load are checked with the other zero values
	// (openworld.go).
}

// analyzeVar checks a local or package-level sync.Map variable's
// declaration and records the ops that make it a *sync.Map.
func (p *Plan) analyzeVar(t *target, path []ast.Node) {
	info := t.unit.pkg.TypesInfo
	if t.obj.Parent() == t.unit.pkg.Types.Scope() && t.obj.Exported() && p.openWorld(t.unit) {
		t.block(BlockOpenWorld, "it is exported, and importers outside the loaded packages may use it (use --closed-world if all are loaded)", p.Fset.Position(t.obj.Pos()))
		return
	}
	id := path[0].(*ast.Ident)
	switch decl := path[1].(type) {
	case *ast.ValueSpec:
		for _, name := range decl.Names {
			if name != id && name.Name != "_" {
				if obj := info.Defs[name]; obj != nil && detect.IsSyncMap(obj.Type()) {
					t.requires = append(t.requires, p.target(tVar, obj))
				} else if len(decl.Values) == 0 {
					t.block(BlockDeclaration, "it is declared together with "+name.Name+", which keeps its type", p.Fset.Position(name.Pos()))
					return
				}
			}
		}
		if len(decl.Values) == 1 && len(decl.Names) > 1 {
			for i, name := range decl.Names {
				if name == id && !p.multiValue(t, t.unit, t.file, decl.Values[0], i) {
					t.block(BlockDeclaration, "it is declared by a multi-value declaration whose value cannot be made a pointer", p.Fset.Position(decl.Pos()))
				}
			}
			return
		}
		if len(decl.Values) == 0 {
			if why, at := p.initOrderBlocker(t.unit, t.file, decl); why != "" {
				t.block(BlockInitOrder, why, p.Fset.Position(at)) // initorder.go
				return
			}
		}
		if len(decl.Values) == 0 || decl.Type != nil {
			t.ops = append(t.ops, p.declOp(initVar{}, t.unit, t.file, decl))
		}
		for i, name := range decl.Names {
			if name == id && i < len(decl.Values) {
				p.classifyValue(t, t.unit, t.file, decl.Values[i])
			}
		}
	case *ast.AssignStmt:
		if decl.Tok == token.DEFINE && len(decl.Rhs) == 1 && len(decl.Lhs) > 1 {
			for i, lhs := range decl.Lhs {
				if lhs == id && p.multiValue(t, t.unit, t.file, decl.Rhs[0], i) {
					return
				}
			}
		}
		if decl.Tok != token.DEFINE || len(decl.Lhs) != len(decl.Rhs) {
			t.block(BlockDeclaration, "it is declared by a multi-value assignment", p.Fset.Position(decl.Pos()))
			return
		}
		for i, lhs := range decl.Lhs {
			if lhs == id {
				p.classifyValue(t, t.unit, t.file, decl.Rhs[i])
			}
		}
	default:
		t.block(BlockDeclaration, "its declaration cannot be retyped", p.Fset.Position(id.Pos()))
	}
}

// classifyValue checks a value stored into target t (a declaration's
// initializer or an assignment's right-hand side) and records what makes
// it a pointer: a copy is fixed by its own finding, sync.Map{} becomes
// new(sync.Map), and a call of a retyped function already is one.
func (p *Plan) classifyValue(t *target, u *unit, file *ast.File, x ast.Expr) {
	x = ast.Unparen(x)
	if f := p.sites.findingBySrc[x]; f != nil {
		t.needs = append(t.needs, f)
		return
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		if len(x.Elts) == 0 {
			t.ops = append(t.ops, newOp(newMap{}, u, file, x))
			return
		}
	case *ast.TypeAssertExpr:
		if f := p.assertFinding(t, x); f != nil {
			t.needs = append(t.needs, f) // boxed.go: it asserts a pointer
			return
		}
	case *ast.CallExpr:
		if g := p.calledTarget(u, x); g != nil {
			t.requires = append(t.requires, g)
			p.sites.pointerCalls[x] = t
			return
		}
	}
	t.block(BlockUsedAsValue, "the value stored at this position cannot be made a pointer", p.Fset.Position(x.Pos()))
}

// calledTarget returns the function target that call calls, if any.
func (p *Plan) calledTarget(u *unit, call *ast.CallExpr) *target {
	id := calleeIdent(call)
	if id == nil {
		return nil
	}
	fn, ok := u.pkg.TypesInfo.Uses[id].(*types.Func)
	if !ok {
		return nil
	}
	t := p.targets[p.key(fn.Origin())]
	if t == nil || t.kind != tFunc {
		return nil
	}
	return t
}

// isTypeSpecOf reports whether st is the type of a type declaration
// (type T struct{...}) in path, rather than an unnamed struct type.
func isTypeSpecOf(path []ast.Node, st *ast.StructType) bool {
	for i, n := range path {
		if n == st && i+1 < len(path) {
			ts, ok := path[i+1].(*ast.TypeSpec)
			return ok && ts.Type == st
		}
	}
	return false
}
