package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// This file decides moves (DESIGN.md R2): a copy whose source is not used
// again is shared, not cloned. After the copy only the destination holds
// the map, so whether it is a snapshot or the map itself cannot be seen.
//
// Patterns:
//
//	func build() sync.Map {           func build() *sync.Map {
//		var t sync.Map                    var t sync.Map
//		t.Store("k", 1)           =>      t.Store("k", 1)
//		return t                          return &t
//	}                                 }
//
//	func NewB(m sync.Map) *B {        func NewB(m *sync.Map) *B {
//		return &B{m: m}           =>      return &B{m: m}
//	}                                 }
//
// Safety: the source is a local variable or a parameter of the function
// that makes the copy, and "not used again" is decided on the syntax,
// conservatively; when unsure, the copy is cloned. The source must not:
//   - be a result (deferred code may read it after return), a receiver,
//     or a variable of another function (a closure's capture);
//   - be used after the copy, in the text, or on the left of the
//     assignment that copies it (n, m = m, f() writes m after the copy),
//     nor be used by a function literal that may run later (one not
//     called on the spot nor passed to sync.Map's Range), a go or defer
//     statement, nor have its address taken (&m, or a method value
//     m.Load, which keeps it);
//   - be declared outside a loop that holds the copy (the next iteration
//     uses it again);
//   - live in a function that has a goto (a jump back reuses it).
//
// Method calls such as m.Store(k, v) before the copy are uses that end
// before it. A call of go or defer evaluates its arguments at once but
// runs later, and stays a snapshot: its arguments are never moved.

// isMove reports whether the copy of f moves its source.
func (p *Plan) isMove(f *finding) bool {
	id, ok := ast.Unparen(f.Src).(*ast.Ident)
	if !ok {
		return false
	}
	info := f.unit.pkg.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok || !isLocal(v) {
		return false
	}
	file := f.unit.fileOf(id.Pos())
	if file == nil {
		return false
	}
	path := p.idx.path(file, id)
	fn := innermostFunc(path)
	decl := p.idx.identAt(file, v.Pos())
	if fn == nil || decl == nil || innermostFunc(p.idx.path(file, decl)) != fn {
		return false
	}
	// The statement that holds the copy: uses inside it that come
	// after the source (g(m, m.Len())) count as uses after it.
	for _, n := range path {
		switch n := n.(type) {
		case *ast.ForStmt:
			if !contains(n.Body, v.Pos()) {
				return false
			}
		case *ast.RangeStmt:
			if !contains(n.Body, v.Pos()) {
				return false
			}
		case *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.AssignStmt:
			// n, m = m, f() writes m after the copy is made, though
			// the text puts it first: a shared n would see the write.
			if writesVar(info, n.Lhs, v) {
				return false
			}
		}
	}
	if hasGoto(fn) {
		return false
	}
	for _, use := range p.idx.localUses(file, info, v) {
		if use == id || info.Uses[use] != v {
			continue
		}
		if use.Pos() > id.Pos() {
			return false
		}
		if !p.usedAndDone(info, file, use, fn) {
			return false
		}
	}
	return true
}

// usedAndDone reports whether a use of the source before the copy is
// over by the time of the copy: it is in fn itself, or in a literal
// that runs on the spot or inside sync.Map's Range (escapingLit), not in
// a go or defer statement, and keeps no pointer to the variable (no &m,
// no method value).
func (p *Plan) usedAndDone(info *types.Info, file *ast.File, use *ast.Ident, fn ast.Node) bool {
	path := p.idx.path(file, use)
	inner := path // up to fn
	for i, n := range path {
		if n == fn {
			inner = path[:i]
			break
		}
		switch n.(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			return false
		}
	}
	if len(inner) == len(path) || escapingLit(info, inner) != nil {
		return false // in another function, or a literal that may run later
	}
	switch parent := parentOf(path, use).(type) {
	case *ast.UnaryExpr:
		return parent.Op != token.AND
	case *ast.SelectorExpr:
		// m.Load(k) is a call; m.Load alone is a method value that
		// keeps &m.
		call, ok := parentOf(path, parent).(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != ast.Expr(parent) {
			return false
		}
		// A call of a pointer method on the variable takes its address,
		// which the method may keep (r.Remember() stores r): only
		// sync.Map's own methods are known not to.
		if sel := info.Selections[parent]; sel != nil && sel.Kind() == types.MethodVal {
			fn, _ := sel.Obj().(*types.Func)
			_, ptrRecv := fn.Signature().Recv().Type().(*types.Pointer)
			_, isPtr := sel.Recv().Underlying().(*types.Pointer)
			if ptrRecv && !isPtr && (fn.Pkg() == nil || fn.Pkg().Path() != "sync") {
				return false
			}
		}
		return true
	}
	return true
}

// innermostFunc returns the innermost function declaration or literal of
// path, or nil.
func innermostFunc(path []ast.Node) ast.Node {
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// contains reports whether pos lies within n.
func contains(n ast.Node, pos token.Pos) bool {
	return n != nil && n.Pos() <= pos && pos < n.End()
}

// hasGoto reports whether fn holds a goto statement.
func hasGoto(fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			found = true
		}
		return !found
	})
	return found
}

// writesVar reports whether the left-hand sides lhs of an assignment
// write v or a part of it (v, v.f, v[i]), or name it at all: the
// assignment is carried out after its right-hand side is evaluated.
func writesVar(info *types.Info, lhs []ast.Expr, v *types.Var) bool {
	for _, x := range lhs {
		found := false
		ast.Inspect(x, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
