package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"github.com/syncfix/syncfix/detect"
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
			arg := inst.TypeArgs.At(i)
			ts, holding := c.heldBy(arg), "holding"
			if obj := info.Uses[id]; c.genericZero(obj) == unloadedGeneric {
				// Code that is not loaded may make zero values of what
				// its type argument leads to, not only of what it holds:
				// make(S, n) for S = []T. Not through a pointer, which
				// generic code can only make nil, except by reflection:
				// reflect.TypeFor[*T] can be handed to reflect.New.
				if len(ts) == 0 {
					holding = "leading to"
				}
				ts = c.fieldTargets(arg, true, isFunc(obj, "reflect", "TypeFor"))
			}
			if len(ts) == 0 {
				continue
			}
			if where := c.genericZero(info.Uses[id]); where != "" {
				c.blockAll(ts, id.Pos(), BlockGeneric, "generic "+id.Name+" is instantiated with a type "+holding+" it, and "+where)
			}
			if term := c.termHolding(typeParamAt(info.Uses[id], i)); term != nil {
				c.blockAll(ts, id.Pos(), BlockGeneric, "generic "+id.Name+" is instantiated with a type holding it, and its constraint's term "+termString(term, u.pkg.Types)+" would no longer be satisfied")
			}
		}
	}
}

// termHolding returns a type term of tp's constraint that holds a
// sync.Map by value (~struct{ m sync.Map }): a type argument that
// satisfies it only because its field is a sync.Map would stop
// satisfying it once the field is retyped.
func (c *constructionScan) termHolding(tp *types.TypeParam) *types.Term {
	if tp == nil {
		return nil
	}
	for _, term := range detect.ConstraintTerms(tp) {
		if len(detect.MapFields(term.Type())) > 0 || len(c.heldBy(term.Type())) > 0 {
			return term
		}
	}
	return nil
}

// termString writes a type term as package pkg would.
func termString(term *types.Term, pkg *types.Package) string {
	s := types.TypeString(term.Type(), detect.Qualifier(pkg))
	if term.Tilde() {
		return "~" + s
	}
	return s
}

// typeParamAt returns the i-th type parameter of the generic function
// or type obj, or nil.
func typeParamAt(obj types.Object, i int) *types.TypeParam {
	var list *types.TypeParamList
	switch obj := obj.(type) {
	case *types.Func:
		list = obj.Origin().Signature().TypeParams()
	case *types.TypeName:
		if named, ok := types.Unalias(obj.Type()).(*types.Named); ok {
			list = named.Origin().TypeParams()
		}
	}
	if list == nil || i >= list.Len() {
		return nil
	}
	return list.At(i)
}

// isFunc reports whether obj is the function name of the package path.
func isFunc(obj types.Object, path, name string) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Name() == name && fn.Pkg() != nil && fn.Pkg().Path() == path
}

// unloadedGeneric is genericZero's answer for generic code whose source
// is not loaded.
const unloadedGeneric = "its code is outside the loaded packages and may make zero values"

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
	w := unloadedGeneric
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
// a type holding one of its type parameters by value: every operation
// of zeroOps, and also a var without value, new, a composite literal
// that leaves such a field or element out, and a call of other generic
// code that may make one. Regular code initializes the latter (R1);
// generic code cannot, since E{m: new(sync.Map)} cannot be written.
func (c *constructionScan) zeroInBody(decl *ast.FuncDecl) string {
	loc, ok := c.p.sites.files[c.p.Fset.PositionFor(decl.Pos(), false).Filename]
	if !ok || decl.Body == nil {
		return "it has no Go body"
	}
	info := loc.unit.pkg.TypesInfo
	where := ""
	report := func(n ast.Node, what string) {
		if where == "" {
			posn := c.p.Fset.Position(n.Pos())
			where = fmt.Sprintf("%s in %s (line %d) may make a zero value", what, decl.Name.Name, posn.Line)
		}
	}
	zeroOps(info, decl, true, func(n ast.Node, z types.Type, k zeroKind) {
		if mentionsTypeParam(z) {
			report(n, k.noun())
		}
	})
	if where != "" {
		return where
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id := calleeIdent(call); id != nil {
				if _, generic := info.Instances[id]; generic {
					if w := c.genericZero(info.Uses[id]); w != "" {
						report(call, "a call of "+id.Name)
					}
				}
			}
		}
		return where == ""
	})
	return where
}

// A zeroKind is an operation that makes zero values (see zeroOps).
type zeroKind int

const (
	zMakeSlice zeroKind = iota
	zReslice
	zArray
	zMapRead
	zReceive
	zCommaOk
	zStarNew
	zNamedResult
	zClear
	zSliceGaps
	zUnsafe
	// Generic code only: regular code initializes these.
	zVar
	zNew
	zLiteral
)

var zeroKinds = [...]struct{ noun, reason string }{
	zMakeSlice:   {"make", "make of a slice makes zero values that syncfix cannot initialize"},
	zReslice:     {"a reslice", "reslicing past the length (a high bound other than len, or a 3-index slice) exposes zero values that syncfix cannot initialize"},
	zArray:       {"an array", "arrays of values holding it start with zero values that syncfix cannot initialize"},
	zMapRead:     {"a map read", "a map read can yield a zero value that syncfix cannot initialize"},
	zReceive:     {"a receive", "a receive from a closed channel yields a zero value that syncfix cannot initialize"},
	zCommaOk:     {"a comma-ok type assertion", "a failed comma-ok type assertion yields a zero value that syncfix cannot initialize"},
	zStarNew:     {"*new", "*new(T) makes a zero value that syncfix cannot initialize"},
	zNamedResult: {"a named result", "a named result starts as a zero value that syncfix does not initialize"},
	zClear:       {"clear", "clear sets elements to zero values that syncfix cannot initialize"},
	zSliceGaps:   {"a slice literal with indices", "a slice literal with indexed elements leaves zero values in its gaps"},
	zUnsafe:      {"an unsafe conversion", "unsafe code can make values that syncfix cannot see"},
	zVar:         {"a declaration", ""},
	zNew:         {"new", ""},
	zLiteral:     {"a composite literal", ""},
}

func (k zeroKind) noun() string   { return zeroKinds[k].noun }
func (k zeroKind) reason() string { return zeroKinds[k].reason }

// zeroOps calls fn for every operation under root that makes zero
// values of a type z which no edit of syncfix can fill in, the model of
// R1's blockers: make of a slice (unless its length is 0), a reslice
// whose high bound can exceed the length, array types, map reads,
// receives, comma-ok type assertions, *new(T), named results, clear of a
// slice, slice literals with indexed elements, and unsafe conversions.
// With generic set it also reports what regular code initializes (var
// without value, new, composite literals that leave fields or elements
// out), since generic code cannot name the fields of a type argument.
// The caller decides whether z holds what it protects: a retyped field
// (regular code), or a type parameter (generic code).
func zeroOps(info *types.Info, root ast.Node, generic bool, fn func(n ast.Node, z types.Type, k zeroKind)) {
	stores := make(map[ast.Expr]bool) // left-hand sides seen so far
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				stores[ast.Unparen(lhs)] = true
			}
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				commaOk(info, n.Rhs[0], fn)
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				commaOk(info, n.Values[0], fn)
			}
			if generic && len(n.Values) == 0 && n.Type != nil {
				fn(n, info.TypeOf(n.Type), zVar)
			}
		case *ast.CallExpr:
			zeroCall(info, n, generic, fn)
		case *ast.SliceExpr:
			if elem := sliceElem(info.TypeOf(n.X)); elem != nil && !withinLen(info, n) {
				fn(n, elem, zReslice)
			}
		case *ast.ArrayType:
			if n.Len != nil {
				fn(n, info.TypeOf(n.Elt), zArray)
			}
		case *ast.IndexExpr:
			if m, ok := coreType(info.TypeOf(n.X)).(*types.Map); ok && !stores[n] {
				fn(n, m.Elem(), zMapRead)
			}
		case *ast.UnaryExpr:
			// The element type: in v, ok := <-ch the receive's own type
			// is the tuple.
			if ch, ok := coreType(info.TypeOf(n.X)).(*types.Chan); ok && n.Op == token.ARROW {
				fn(n, ch.Elem(), zReceive)
			}
		case *ast.StarExpr:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && isBuiltin(info, call, "new") {
				fn(n, info.TypeOf(n), zStarNew)
			}
		case *ast.FuncType:
			if n.Results != nil {
				for _, field := range n.Results.List {
					if len(field.Names) > 0 {
						fn(field, info.TypeOf(field.Type), zNamedResult)
					}
				}
			}
		case *ast.CompositeLit:
			zeroLiteral(info, n, generic, fn)
		}
		return true
	})
}

// commaOk reports v, ok := x.(T), which yields a zero T when it fails.
func commaOk(info *types.Info, rhs ast.Expr, fn func(ast.Node, types.Type, zeroKind)) {
	if ta, ok := ast.Unparen(rhs).(*ast.TypeAssertExpr); ok && ta.Type != nil {
		fn(ta, info.TypeOf(ta.Type), zCommaOk)
	}
}

// zeroCall reports the calls of zeroOps: make, clear, unsafe, and new
// in generic code.
func zeroCall(info *types.Info, call *ast.CallExpr, generic bool, fn func(ast.Node, types.Type, zeroKind)) {
	switch {
	case isBuiltin(info, call, "make") && len(call.Args) >= 2:
		if elem := sliceElem(info.TypeOf(call.Args[0])); elem != nil && !isZeroConst(info, call.Args[1]) {
			fn(call, elem, zMakeSlice)
		}
	case isBuiltin(info, call, "clear") && len(call.Args) == 1:
		if elem := sliceElem(info.TypeOf(call.Args[0])); elem != nil {
			fn(call, elem, zClear) // clear of a map deletes: no zero values
		}
	case generic && isBuiltin(info, call, "new") && len(call.Args) == 1:
		if tv := info.Types[call.Args[0]]; tv.IsType() {
			fn(call, tv.Type, zNew)
		}
	case isUnsafe(info, call, "Slice"):
		if ptr, ok := info.TypeOf(call.Args[0]).Underlying().(*types.Pointer); ok {
			fn(call, ptr.Elem(), zUnsafe)
		}
	default:
		// (*T)(unsafe.Pointer(p)) makes a *T of any memory.
		tv, ok := info.Types[call.Fun]
		if !ok || !tv.IsType() || len(call.Args) != 1 {
			return
		}
		from := info.TypeOf(call.Args[0])
		if b, ok := from.Underlying().(*types.Basic); ok && b.Kind() == types.UnsafePointer {
			if ptr, ok := tv.Type.Underlying().(*types.Pointer); ok {
				fn(call, ptr.Elem(), zUnsafe)
			}
		}
	}
}

// zeroLiteral reports the composite literals that leave zero values:
// slice literals with indices, array literals with fewer elements than
// the length, and, in generic code, struct literals that leave fields
// out.
func zeroLiteral(info *types.Info, lit *ast.CompositeLit, generic bool, fn func(ast.Node, types.Type, zeroKind)) {
	t := litType(info, lit)
	switch u := coreType(t).(type) {
	case *types.Slice:
		for _, elt := range lit.Elts {
			if _, ok := elt.(*ast.KeyValueExpr); ok {
				fn(lit, u.Elem(), zSliceGaps)
				return
			}
		}
	case *types.Array:
		keyed := false
		for _, elt := range lit.Elts {
			_, keyed = elt.(*ast.KeyValueExpr)
		}
		if keyed || int64(len(lit.Elts)) < u.Len() {
			fn(lit, u.Elem(), zArray)
		}
	case *types.Struct:
		if !generic {
			return // R1 fills in the missing fields (sites.go)
		}
		present := make(map[string]bool)
		for i, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					present[id.Name] = true
				}
			} else if i < u.NumFields() {
				present[u.Field(i).Name()] = true
			}
		}
		for i := range u.NumFields() {
			if f := u.Field(i); !present[f.Name()] {
				fn(lit, f.Type(), zLiteral)
			}
		}
	}
}

// withinLen reports whether a slice expression cannot reach past the
// length of its operand: no high bound, a constant 0, len(x) or
// len(x)-k of the sliced operand itself, and no 3-index form.
func withinLen(info *types.Info, s *ast.SliceExpr) bool {
	if s.Slice3 {
		return false
	}
	if s.High == nil || isZeroConst(info, s.High) {
		return true
	}
	high := ast.Unparen(s.High)
	if b, ok := high.(*ast.BinaryExpr); ok && b.Op == token.SUB {
		if tv := info.Types[b.Y]; tv.Value != nil && constant.Sign(tv.Value) >= 0 {
			high = ast.Unparen(b.X)
		}
	}
	call, ok := high.(*ast.CallExpr)
	if !ok || !isBuiltin(info, call, "len") || len(call.Args) != 1 {
		return false
	}
	return sameOperand(info, s.X, call.Args[0])
}

// sameOperand reports whether a and b are the same variable, written as
// an identifier or a chain of field selectors.
func sameOperand(info *types.Info, a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.Uses[a] != nil && info.Uses[a] == info.Uses[b]
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && a.Sel.Name == b.Sel.Name && sameOperand(info, a.X, b.X)
	}
	return false
}

// isZeroConst reports whether x is the constant 0.
func isZeroConst(info *types.Info, x ast.Expr) bool {
	tv := info.Types[x]
	return tv.Value != nil && constant.Sign(tv.Value) == 0
}

// isUnsafe reports whether call calls unsafe.name.
func isUnsafe(info *types.Info, call *ast.CallExpr, name string) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	b, ok := info.Uses[sel.Sel].(*types.Builtin)
	return ok && b.Name() == name
}

// sliceElem returns the element type of a slice type, also of a type
// parameter whose constraint allows only slices, or nil.
func sliceElem(t types.Type) types.Type {
	if s, ok := coreType(t).(*types.Slice); ok {
		return s.Elem()
	}
	return nil
}

// coreType returns t's underlying type, or for a type parameter the
// underlying type of the first term of its constraint: enough to see
// that S ~[]E makes slices of E.
func coreType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	iface, _ := tp.Constraint().Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	for i := range iface.NumEmbeddeds() {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			if e.Len() > 0 {
				return e.Term(0).Type().Underlying()
			}
		default:
			if _, isIface := e.Underlying().(*types.Interface); !isIface {
				return e.Underlying()
			}
		}
	}
	return nil
}

// calleeIdent returns the identifier a call names, through instantiation
// and package qualifiers.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = ast.Unparen(f.X)
	case *ast.IndexListExpr:
		fun = ast.Unparen(f.X)
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

// zeroBlocker returns why a zero value of t, written in file at pos,
// cannot be given its maps: a struct on the way to a retyped field that
// the fix cannot write out there (generic, unnamed, unexported in
// another package, from a package the file does not import, or shadowed
// at pos), or an array of values holding one, whose elements no literal
// names.
func (c *constructionScan) zeroBlocker(u *unit, file *ast.File, pos token.Pos, t types.Type) string {
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
		if _, ok := f.Type().Underlying().(*types.Array); ok {
			return "field " + f.Name() + " is an array of values holding it, which start as zero values"
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
		if why := c.nameable(u, file, pos, named.Obj()); why != "" {
			return "field " + f.Name() + " has type " + named.Obj().Name() + ", and " + why
		}
		if w := c.zeroBlocker(u, file, pos, f.Type()); w != "" {
			return w
		}
	}
	return ""
}

// nameable says why the file cannot write type name tn at pos, or "":
// the fix writes it qualified by the file's own import of its package,
// or unqualified in its own package where the name is not shadowed.
func (c *constructionScan) nameable(u *unit, file *ast.File, pos token.Pos, tn *types.TypeName) string {
	if tn.Pkg() == nil || tn.Pkg().Path() == u.pkg.Types.Path() {
		if scope := u.innermost(pos); scope != nil {
			if _, obj := scope.LookupParent(tn.Name(), pos); obj == nil || obj.Pos() != tn.Pos() {
				return "the name is shadowed here"
			}
		}
		return ""
	}
	if importedAs(u.pkg.TypesInfo, file, tn.Pkg().Path()) != nil {
		return ""
	}
	return "this file does not import package " + tn.Pkg().Path() + " to name it"
}
