package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
)

// This file holds the R1 blockers that need more than one node to see:
// generic code that may make zero values of a type argument, reflect,
// and zero values whose type the fix could not write out.

// instances blocks the fields held by the type arguments of generic
// functions and types that may make zero values of them: var z T, new(T)
// and the like in generic code leave a retyped field nil. Generic code
// outside the loaded packages is assumed to make them.
func (c *constructionScan) instances(u *unit) {
	info := u.pkg.TypesInfo
	ids := make([]*ast.Ident, 0, len(info.Instances))
	for id := range info.Instances {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
	for _, id := range ids {
		inst := info.Instances[id]
		for i := range inst.TypeArgs.Len() {
			ts := c.heldBy(inst.TypeArgs.At(i))
			if len(ts) == 0 {
				continue
			}
			if where := c.genericZero(info.Uses[id]); where != "" {
				c.blockAll(ts, id.Pos(), "generic "+id.Name+" is instantiated with a type holding it, and "+where)
			}
		}
	}
}

// genericZero says where the generic function or type obj may make a
// zero value of one of its type parameters, or "" if it cannot.
func (c *constructionScan) genericZero(obj types.Object) string {
	if obj == nil {
		return ""
	}
	if w, ok := c.zeroMakers[obj]; ok {
		return w
	}
	c.zeroMakers[obj] = "" // breaks cycles of generic calls
	w := "its code is outside the loaded packages and may make zero values"
	if _, file, path := c.p.locate(origin(obj)); file != nil {
		w = ""
		for _, n := range path {
			switch n := n.(type) {
			case *ast.FuncDecl:
				w = c.zeroInBody(n)
			case *ast.TypeSpec:
				w = c.zeroInMethods(obj)
			default:
				continue
			}
			break
		}
	}
	c.zeroMakers[obj] = w
	return w
}

// zeroInMethods checks the methods of a generic named type.
func (c *constructionScan) zeroInMethods(obj types.Object) string {
	named, ok := obj.Type().(*types.Named)
	if !ok {
		return ""
	}
	for m := range named.Origin().Methods() {
		if w := c.genericZero(m); w != "" {
			return w
		}
	}
	return ""
}

// zeroInBody returns where a generic function may make a zero value of
// a type parameter: a var without value, new, make, a map read, a
// receive, clear, a named result, or a call of other generic code.
func (c *constructionScan) zeroInBody(decl *ast.FuncDecl) string {
	loc, ok := c.p.sites.files[c.p.Fset.PositionFor(decl.Pos(), false).Filename]
	if !ok || decl.Body == nil {
		return "it has no Go body"
	}
	info := loc.unit.pkg.TypesInfo
	isParam := func(x ast.Expr) bool {
		t := info.TypeOf(x)
		return t != nil && mentionsTypeParam(t)
	}
	where := ""
	report := func(n ast.Node, what string) {
		if where == "" {
			posn := c.p.Fset.Position(n.Pos())
			where = fmt.Sprintf("%s in %s (line %d) may make a zero value", what, decl.Name.Name, posn.Line)
		}
	}
	if decl.Type.Results != nil {
		for _, f := range decl.Type.Results.List {
			if len(f.Names) > 0 && isParam(f.Type) {
				report(f, "a named result")
			}
		}
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			if len(n.Values) == 0 && n.Type != nil && isParam(n.Type) {
				report(n, "a declaration")
			}
		case *ast.CallExpr:
			for _, name := range []string{"new", "make", "clear"} {
				if isBuiltin(info, n, name) && len(n.Args) > 0 && isParam(n.Args[0]) {
					report(n, name)
				}
			}
			if id := calleeIdent(n); id != nil {
				if _, generic := info.Instances[id]; generic {
					if w := c.genericZero(info.Uses[id]); w != "" {
						report(n, "a call of "+id.Name)
					}
				}
			}
		case *ast.IndexExpr:
			if _, ok := info.TypeOf(n.X).Underlying().(*types.Map); ok && isParam(n) {
				report(n, "a map read")
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && isParam(n) {
				report(n, "a receive")
			}
		}
		return where == ""
	})
	return where
}

// calleeIdent returns the identifier a call names, through instantiation
// and package qualifiers.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// mentionsTypeParam reports whether t is a type parameter or holds one
// by value (struct fields, arrays).
func mentionsTypeParam(t types.Type) bool {
	switch u := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		for i := range u.TypeArgs().Len() {
			if mentionsTypeParam(u.TypeArgs().At(i)) {
				return true
			}
		}
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Array:
		return mentionsTypeParam(u.Elem())
	case *types.Struct:
		for i := range u.NumFields() {
			if mentionsTypeParam(u.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// reflectCall blocks the fields that reflection can reach and fill with
// zero values: values handed to package reflect, and pointers, slices and
// maps of them passed as interfaces, as to json.Unmarshal, which makes
// the structs it decodes with reflect.New. Packages known only to read
// (fmt, log, errors, testing) are exempt.
func (c *constructionScan) reflectCall(u *unit, call *ast.CallExpr) {
	info := u.pkg.TypesInfo
	id := calleeIdent(call)
	if id == nil {
		return
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok {
		return
	}
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	if readOnlyPackages[pkg] {
		return
	}
	sig := fn.Signature()
	for i, arg := range call.Args {
		t := info.TypeOf(arg)
		ts := c.heldBy(derefAll(t))
		if len(ts) == 0 {
			continue
		}
		if pkg == "reflect" {
			c.blockAll(ts, call.Pos(), "it is passed to reflect, which can make zero values that syncfix cannot see")
			continue
		}
		param := paramType(sig, i)
		if param != nil && types.IsInterface(param) && derefAll(t) != t {
			c.blockAll(ts, arg.Pos(), "a reference to it is passed to "+id.Name+" as an interface, which may fill it by reflection with zero values (as encoding/json does)")
		}
	}
}

// readOnlyPackages only read the values they are given through
// interfaces: they never make zero values of them by reflection.
var readOnlyPackages = map[string]bool{"fmt": true, "log": true, "log/slog": true, "errors": true, "testing": true}

// paramType returns the type of the parameter that receives argument i
// of sig (the element type for variadic arguments), or nil.
func paramType(sig *types.Signature, i int) types.Type {
	n := sig.Params().Len()
	switch {
	case n == 0:
		return nil
	case sig.Variadic() && i >= n-1:
		if s, ok := sig.Params().At(n - 1).Type().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	case i < n:
		return sig.Params().At(i).Type()
	}
	return nil
}

// derefAll strips pointers, slices and maps: what reflect can reach.
func derefAll(t types.Type) types.Type {
	for t != nil {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		default:
			return t
		}
	}
	return t
}

// zeroBlocker returns why a zero value of t, written in u, cannot be
// given its maps: a struct on the way to a retyped field that the fix
// cannot name (generic, unnamed, or unexported in another package).
func (c *constructionScan) zeroBlocker(u *unit, t types.Type) string {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if c.fieldTarget(f) != nil {
			if !f.Exported() && f.Pkg() != nil && f.Pkg().Path() != u.pkg.Types.Path() {
				return "field " + f.Name() + " is unexported, and package " + u.pkg.Types.Name() + " cannot set it"
			}
			continue
		}
		if len(c.heldBy(f.Type())) == 0 {
			continue
		}
		named, ok := types.Unalias(f.Type()).(*types.Named)
		switch {
		case !ok:
			return "field " + f.Name() + " has an unnamed type, which the fix cannot write out"
		case named.TypeArgs().Len() > 0:
			return "field " + f.Name() + " has generic type " + named.Obj().Name() + ", which the fix does not write out"
		case named.Obj().Pkg() != u.pkg.Types && !named.Obj().Exported():
			return "field " + f.Name() + " has type " + named.Obj().Name() + ", unexported in another package"
		}
		if w := c.zeroBlocker(u, f.Type()); w != "" {
			return w
		}
	}
	return ""
}
