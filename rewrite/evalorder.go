package rewrite

import (
	"go/ast"
	"go/types"
)

// This file keeps a clone from moving the read of its source ahead of
// calls. Go evaluates the calls of a statement from left to right, and
// leaves open when a plain operand is read; the gc compiler reads it
// after the calls. So in
//
//	n, k := m, fill(&m)
//
// n gets the map with fill's entries, while cloneSyncMap(&m), a call,
// would run before fill and miss them. A clone is refused when a call
// after its source in the statement may write the source: a write
// method on the source's root (m.Store), or any call but a builtin, a
// conversion or a read method when code other than the caller can reach
// the source (argPrivate). A copy shared by address reads nothing and
// is not affected.

// blockEvalOrder refuses the clones that a later call in their
// statement may write over.
func (p *Plan) blockEvalOrder() {
	for _, f := range p.findings {
		if f.src != srcClone || f.Src == nil || f.blockedBy() != nil {
			continue
		}
		if call := p.laterWriter(f); call != nil {
			f.static = p.blockAt(call.Pos(), BlockEvalOrder, "this call, later in the statement, may write "+types.ExprString(f.Src)+", which the copy reads after it and a clone would read before it")
		}
	}
}

// laterWriter returns the first call after f's source in the statement
// that holds the copy that may write the source, or nil.
func (p *Plan) laterWriter(f *finding) *ast.CallExpr {
	file := f.unit.fileOf(f.Src.Pos())
	if file == nil {
		return nil
	}
	var stmt ast.Node
	for _, n := range p.idx.path(file, f.Src) {
		if _, ok := n.(ast.Stmt); ok {
			stmt = n
			break
		}
	}
	if stmt == nil {
		return nil
	}
	info := f.unit.pkg.TypesInfo
	root := rootObj(info, f.Src)
	// Asked only when a call that runs other code follows.
	private := func() bool { return p.argPrivate(f) == "" }
	var found *ast.CallExpr
	ast.Inspect(stmt, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.BlockStmt:
			return false // runs later, or is a statement of its own
		case *ast.CallExpr:
			if n.Pos() < f.Src.End() || harmlessCall(info, n, root, private) {
				return true
			}
			found = n
			return false
		}
		return true
	})
	return found
}

// harmlessCall reports whether call cannot write the map at root: a
// builtin or a conversion, a read method of a sync.Map, or, for a
// private root, any call but a write method on the root itself.
func harmlessCall(info *types.Info, call *ast.CallExpr, root types.Object, private func() bool) bool {
	if runsNoCode(info, call) {
		return true
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && isSyncMapMethod(s.Obj()) {
			return !writeMethods[sel.Sel.Name] || root == nil || rootObj(info, sel.X) != root
		}
	}
	return private()
}
