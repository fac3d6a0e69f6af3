package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// This file guards the initialisation order of package-level variables.
//
// R1 and R2 give a package-level var x T (or var m sync.Map) an
// initializer: var x = T{m: new(sync.Map)}. A variable with an
// initializer is initialised in declaration order, after what its
// initializer depends on; before the fix x was usable, as a zero value,
// from the start. The go/types dependency analysis that orders
// initialisation follows references to variables, functions and
// concrete methods, but not calls through interfaces, nor what another
// package calls back. So an initializer declared before x that reaches
// x that way would now see a nil map. syncfix does not give x an
// initializer where an earlier package-level initializer, or a function
// of the package that it references (transitively), makes such a call:
// a method call through an interface, or a call into another package
// with an argument that could lead back (an interface, a func, or a
// value of a type of this package with methods).

// initOrderBlocker says why the package-level declaration spec of u may
// not get an initializer, and the initializer that blocks it; "" for a
// declaration inside a function, or one no earlier initializer puts at
// risk.
func (p *Plan) initOrderBlocker(u *unit, file *ast.File, spec *ast.ValueSpec) (string, token.Pos) {
	path := p.idx.path(file, spec)
	if gd, ok := parentOf(path, spec).(*ast.GenDecl); !ok || parentOf(path, gd) != ast.Node(file) {
		return "", token.NoPos
	}
	risky := p.riskyInit(u)
	if !risky.IsValid() || !p.declaredBefore(u, risky, spec.Pos()) {
		return "", token.NoPos
	}
	name := spec.Names[0].Name
	return "var " + name + " would get an initializer, and a package-level initializer declared before it may reach " + name +
		" through a call that the initialisation order does not follow (a method through an interface, or a call back from another package), and find a nil map", risky
}

// declaredBefore reports whether a comes before b in the declaration
// order of u's files.
func (p *Plan) declaredBefore(u *unit, a, b token.Pos) bool {
	fa, fb := u.fileIndex(p, a), u.fileIndex(p, b)
	if fa != fb {
		return fa < fb
	}
	return a < b
}

// fileIndex returns the index in u's syntax of the file holding pos.
func (u *unit) fileIndex(p *Plan, pos token.Pos) int {
	f := u.fileOf(pos)
	for i, g := range u.pkg.Syntax {
		if g == f {
			return i
		}
	}
	return -1
}

// riskyInit returns the position of the first package-level initializer
// of u, in declaration order, that may make a call the initialisation
// order does not follow, or token.NoPos; computed once per unit.
func (p *Plan) riskyInit(u *unit) token.Pos {
	u.riskyOnce.Do(func() {
		s := &initScan{info: u.pkg.TypesInfo, pkg: u.pkg.Types, p: p, seen: make(map[*types.Func]bool)}
		for _, f := range u.pkg.Syntax {
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for _, v := range vs.Values {
						if s.dynamic(v) {
							u.risky = vs.Pos()
							return
						}
					}
				}
			}
		}
	})
	return u.risky
}

// An initScan looks for calls that initialisation order cannot see.
type initScan struct {
	p    *Plan
	info *types.Info
	pkg  *types.Package
	seen map[*types.Func]bool
}

// dynamic reports whether n, or a function of the package it references,
// makes a call through an interface, or calls another package with an
// argument that could lead back into this one.
func (s *initScan) dynamic(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			found = s.dynamicCall(n)
		case *ast.Ident:
			if fn, ok := s.info.Uses[n].(*types.Func); ok && fn.Pkg() == s.pkg {
				found = s.dynamicBody(fn)
			}
		case *ast.SelectorExpr:
			if sel := s.info.Selections[n]; sel != nil {
				if fn, ok := sel.Obj().(*types.Func); ok {
					switch {
					case types.IsInterface(sel.Recv()):
						found = true // a method value or call through an interface
					case fn.Pkg() == s.pkg:
						found = s.dynamicBody(fn)
					}
				}
			}
		}
		return !found
	})
	return found
}

// dynamicCall reports whether call is one the initialisation order does
// not follow (see dynamic).
func (s *initScan) dynamicCall(call *ast.CallExpr) bool {
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		return false // a conversion
	}
	switch fn := typeutil.Callee(s.info, call).(type) {
	case *types.Func:
		if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return true
		}
		if fn.Pkg() == s.pkg {
			return false // its body is walked through the reference
		}
		for _, arg := range call.Args {
			if s.leadsBack(s.info.TypeOf(arg)) {
				return true
			}
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && s.info.Selections[sel] != nil {
			return s.leadsBack(s.info.TypeOf(sel.X)) // a method of another package's type on a value of ours
		}
		return false
	case *types.Builtin:
		return false
	case nil:
		_, lit := ast.Unparen(call.Fun).(*ast.FuncLit)
		return !lit // a literal called in place is walked; other func values are followed by reference
	}
	return false // a func variable: its value is a reference the order follows
}

// leadsBack reports whether a value of type t passed to another package
// could call back into this one: an interface, a func, or a type of this
// package with methods.
func (s *initScan) leadsBack(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Interface, *types.Signature:
		return true
	case *types.Pointer:
		t = u.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() == s.pkg && types.NewMethodSet(types.NewPointer(named)).Len() > 0
}

// dynamicBody reports whether the body of fn, a function or concrete
// method of the package, is dynamic; each function is walked once.
func (s *initScan) dynamicBody(fn *types.Func) bool {
	if s.seen[fn] {
		return false
	}
	s.seen[fn] = true
	decl := s.p.funcDecl(fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	return s.dynamic(decl.Body)
}
