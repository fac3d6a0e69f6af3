package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/syncfix/syncfix/detect"
)

// This file holds R3 for functions with several results, such as a
// getter Load(key) (sync.Map, bool). A multi-value call cannot be
// dereferenced (*f() is not Go for a tuple), so every place that
// receives a retyped result must take the pointer as it is:
//
//	m, ok := f()         m becomes *sync.Map (a variable target)
//	m, ok = f()          m must be retyped too (a variable or field target)
//	_, ok := f()         nothing to adjust
//	return f()           the enclosing function's results are retyped with f's
//	g(f())               g's parameters are retyped with f's results, or
//	                     they are interfaces, which then hold a *sync.Map
//	f()                  the results are dropped
//
// Anything else keeps f's signature, and the finding says where.

// multiValue reports whether element i of the multi-value expression x,
// stored into target t, is a pointer once the plan is applied: a
// comma-ok assertion of a box (boxed.go), or a retyped result of a
// function target. It records what t then depends on.
func (p *Plan) multiValue(t *target, u *unit, file *ast.File, x ast.Expr, i int) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.TypeAssertExpr:
		if f := p.assertFinding(t, x); f != nil && i == 0 {
			t.needs = append(t.needs, f)
			return true
		}
	case *ast.CallExpr:
		if g := p.retypedResult(u, x, i); g != nil {
			t.requires = append(t.requires, g)
			return true
		}
	}
	return false
}

// retypedResult returns the function target that call calls if R3
// retypes its result i (a sync.Map type), or nil.
func (p *Plan) retypedResult(u *unit, call *ast.CallExpr, i int) *target {
	g := p.calledTarget(u, call)
	if g == nil {
		return nil
	}
	res := g.obj.Type().(*types.Signature).Results()
	if i >= res.Len() || !detect.IsSyncMap(res.At(i).Type()) {
		return nil
	}
	return g
}

// funcTarget returns the target of the loaded function fn, making (and,
// with analyze, reading) it on first use; nil if fn is not declared in
// the loaded source.
func (p *Plan) funcTarget(fn *types.Func, analyze bool) *target {
	fn = fn.Origin()
	if p.funcDecl(fn) == nil {
		return nil
	}
	if t := p.targets[p.key(fn)]; t != nil {
		return t
	}
	t := p.target(tFunc, fn)
	if analyze {
		p.analyzeTarget(t)
	}
	return t
}

// classifyTupleCall handles a call of the function target t, which has
// several results, some retyped, by the context of the call.
func (p *Plan) classifyTupleCall(t *target, us use, path []ast.Node, call *ast.CallExpr) {
	info := us.unit.pkg.TypesInfo
	switch parent := parentOf(path, call).(type) {
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		return // the results are dropped
	case *ast.AssignStmt:
		if len(parent.Rhs) == 1 {
			p.tupleInto(t, us, call, parent.Lhs, parent.Tok == token.DEFINE)
			return
		}
	case *ast.ValueSpec:
		if len(parent.Values) == 1 {
			lhs := make([]ast.Expr, len(parent.Names))
			for i, name := range parent.Names {
				lhs[i] = name
			}
			p.tupleInto(t, us, call, lhs, true)
			return
		}
	case *ast.ReturnStmt:
		// return f(): the enclosing function returns the pointers too;
		// its own analysis (checkReturns) makes it require t.
		for _, n := range path {
			if _, ok := n.(*ast.FuncLit); ok {
				break
			}
			if decl, ok := n.(*ast.FuncDecl); ok {
				if fn, ok := info.Defs[decl.Name].(*types.Func); ok {
					if h := p.funcTarget(fn, true); h != nil {
						t.requires = append(t.requires, h)
						return
					}
				}
				break
			}
		}
		t.block(BlockFixedSignature, "a function literal returns its results, and its signature stays", p.Fset.Position(call.Pos()))
		return
	case *ast.CallExpr:
		if len(parent.Args) == 1 && parent.Args[0] == ast.Expr(call) {
			p.tupleArgs(t, us, parent)
			return
		}
	}
	t.block(BlockUsedAsValue, "a call uses its results where they cannot become pointers", p.Fset.Position(call.Pos()))
}

// tupleInto handles m, ok := f() and m, ok = f() (also var m, ok =
// f()): each variable that receives a retyped result becomes a pointer.
// The two are one decision: the variable requires t (multiValue), and t
// requires the variable, since m := f() makes m a pointer whether or not
// m's uses can take one.
func (p *Plan) tupleInto(t *target, us use, call *ast.CallExpr, lhs []ast.Expr, define bool) {
	info := us.unit.pkg.TypesInfo
	for _, i := range t.results {
		if i >= len(lhs) {
			t.blockBy(p.invariant(call.Pos(), "fewer variables than results"))
			return
		}
		switch x := ast.Unparen(lhs[i]).(type) {
		case *ast.Ident:
			if x.Name == "_" {
				continue
			}
			obj := info.ObjectOf(x)
			if vt := p.targets[p.key(obj)]; vt != nil {
				t.requires = append(t.requires, vt) // its own analysis requires t (multiValue)
				continue
			}
			vt := p.varTarget(obj)
			if vt == nil {
				t.block(BlockDeclaration, "a result is stored in "+x.Name+", which cannot be retyped", p.Fset.Position(x.Pos()))
				return
			}
			p.analyzeTarget(vt)
			t.requires = append(t.requires, vt)
		case *ast.SelectorExpr:
			// A field target made now would miss R1's construction
			// sites; one that exists already was analyzed with them.
			if sel := info.Selections[x]; sel != nil {
				if ft := p.targets[p.key(origin(sel.Obj()))]; ft != nil {
					t.requires = append(t.requires, ft)
					continue
				}
			}
			t.block(BlockUsedAsValue, "a result is stored in a field that keeps its type", p.Fset.Position(x.Pos()))
			return
		default:
			t.block(BlockUsedAsValue, "a result is stored where it cannot become a pointer", p.Fset.Position(lhs[i].Pos()))
			return
		}
	}
}

// tupleArgs handles g(f()): g's parameters that receive retyped results
// are retyped too, or are interfaces, which hold the pointers (a store
// of the box, boxed.go).
func (p *Plan) tupleArgs(t *target, us use, outer *ast.CallExpr) {
	info := us.unit.pkg.TypesInfo
	sig, ok := coreType(info.TypeOf(outer.Fun)).(*types.Signature)
	if !ok {
		t.block(BlockFixedSignature, "its results are passed to a call whose parameters are unknown", p.Fset.Position(outer.Pos()))
		return
	}
	res := t.obj.Type().(*types.Signature).Results()
	for _, i := range t.results {
		pt := paramType(sig, i)
		switch {
		case isIface(pt):
			t.requires = append(t.requires, p.boxOf(res.At(i).Type()).t)
		case pt != nil && detect.IsSyncMap(pt):
			g := p.calleeFunc(info, outer)
			var gt *target
			if g != nil && !sig.Variadic() {
				gt = p.funcTarget(g, true)
			}
			if gt == nil {
				t.block(BlockUsedAsValue, "its results are passed to a function whose parameters keep their type", p.Fset.Position(outer.Pos()))
				return
			}
			t.requires = append(t.requires, gt)
		default:
			t.block(BlockUsedAsValue, "its results are passed where they cannot become pointers", p.Fset.Position(outer.Pos()))
			return
		}
	}
}

// calleeFunc returns the function or method that call statically calls.
func (p *Plan) calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	id := calleeIdent(call)
	if id == nil {
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}

// tupleArg reports whether argument i of g(f()), a call of the function
// target g with a single multi-value argument, is a retyped result of a
// function target, and records that g requires it.
func (p *Plan) tupleArg(g *target, u *unit, call *ast.CallExpr, i int) bool {
	if len(call.Args) != 1 {
		return false
	}
	inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	// The inner function may not be a target yet: make it one here, so
	// that the outcome does not depend on which call is read first.
	fn := p.calleeFunc(u.pkg.TypesInfo, inner)
	if fn == nil {
		return false
	}
	if res := fn.Signature().Results(); i >= res.Len() || !detect.IsSyncMap(res.At(i).Type()) {
		return false
	}
	f := p.funcTarget(fn, true)
	if f == nil {
		return false
	}
	g.requires = append(g.requires, f)
	return true
}

// returnTuple handles return f() in the function target t with several
// results: f must return pointers where t does.
func (p *Plan) returnTuple(t *target, ret *ast.ReturnStmt) {
	call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
	if ok {
		if fn := p.calleeFunc(t.unit.pkg.TypesInfo, call); fn != nil {
			if g := p.funcTarget(fn, false); g != nil {
				t.requires = append(t.requires, g)
				return
			}
		}
	}
	t.block(BlockUsedAsValue, "it returns the results of a call whose results keep their type", p.Fset.Position(ret.Pos()))
}
