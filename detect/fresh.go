package detect

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// copiedPath returns the containment path of x's type when evaluating x
// where a value is expected copies an existing sync.Map, and nil when x
// holds no sync.Map or makes a fresh value.
//
// This is the one predicate for the "never report" list of DESIGN.md:
// composite literals (sync.Map{} among them) and calls make fresh values,
// as does *new(T), which reads a zero value no one else can reach.
// *f() is a copy, unlike for vet: the pointer f returns may point at a
// map in use (a getter's &c.m), whose pointee the dereference copies.
// Conversions T(v) and type assertions x.(T) are copies, but they are
// reported as forms of their own (checkConversion, checkTypeAssert), so
// in an enclosing context they count as fresh and are not reported twice.
func (f *finder) copiedPath(x ast.Expr) Path {
	x = ast.Unparen(x)
	switch x := x.(type) {
	case *ast.CompositeLit, *ast.TypeAssertExpr:
		return nil
	case *ast.CallExpr:
		return nil
	case *ast.StarExpr:
		if call, ok := ast.Unparen(x.X).(*ast.CallExpr); ok && f.isBuiltin(call, "new") {
			return nil
		}
	}
	tv, ok := f.Info.Types[x]
	if !ok || !tv.IsValue() {
		return nil
	}
	return pathTo(tv.Type)
}

// isBuiltin reports whether call calls the builtin name.
func (f *finder) isBuiltin(call *ast.CallExpr, name string) bool {
	b, ok := typeutil.Callee(f.Info, call).(*types.Builtin)
	return ok && b.Name() == name
}

// isConversion reports whether call is a conversion T(x).
func (f *finder) isConversion(call *ast.CallExpr) bool {
	tv, ok := f.Info.Types[call.Fun]
	return ok && tv.IsType()
}

// typeOf returns the type of x, or nil.
func (f *finder) typeOf(x ast.Expr) types.Type {
	if tv, ok := f.Info.Types[x]; ok {
		return tv.Type
	}
	if id, ok := x.(*ast.Ident); ok {
		if obj := f.Info.ObjectOf(id); obj != nil {
			return obj.Type()
		}
	}
	return nil
}

// isInterface reports whether t is an interface type (but not a type
// parameter, whose underlying type is also an interface).
func isInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	return types.IsInterface(t)
}

// isZeroMap reports whether x is a zero value of a sync.Map type made on
// the spot: an empty composite literal (sync.Map{}, or Registry{} of a
// defined type over sync.Map), *new(T) of such a type, or a conversion
// of one between sync.Map types. These are the values a reset writes
// (checkReset); like every fresh value they are no copy.
func (f *finder) isZeroMap(x ast.Expr) bool {
	x = ast.Unparen(x)
	if !IsSyncMap(f.typeOf(x)) {
		return false
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		return len(x.Elts) == 0
	case *ast.StarExpr:
		call, ok := ast.Unparen(x.X).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return false
		}
		b, ok := typeutil.Callee(f.Info, call).(*types.Builtin)
		if !ok || b.Name() != "new" {
			return false
		}
		tv, ok := f.Info.Types[call.Args[0]]
		return ok && tv.IsType() // new(T), not Go 1.26's new(v)
	case *ast.CallExpr:
		return f.isConversion(x) && len(x.Args) == 1 && f.isZeroMap(x.Args[0])
	}
	return false
}
