package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/dave/dst"
	"github.com/syncfix/syncfix/detect"
)

// resolves reports whether name, written at pos, would denote want (nil:
// nothing, or a universe object).
func (e *fileEditor) resolves(name string, pos token.Pos, want func(types.Object) bool) bool {
	scope := e.unit.pkg.Types.Scope().Innermost(pos)
	if scope == nil {
		return true
	}
	_, obj := scope.LookupParent(name, pos)
	return want(obj)
}

// newOf returns new(T), or &T{} where new is shadowed at pos.
func (e *fileEditor) newOf(typ dst.Expr, pos token.Pos) dst.Expr {
	if e.resolves("new", pos, func(obj types.Object) bool { _, ok := obj.(*types.Builtin); return ok }) {
		return &dst.CallExpr{Fun: dst.NewIdent("new"), Args: []dst.Expr{typ}}
	}
	return &dst.UnaryExpr{Op: token.AND, X: &dst.CompositeLit{Type: typ}}
}

// typeExpr writes t as seen from the file at pos, for the zero values R1
// fills in. It fails for types the file cannot name there.
func (e *fileEditor) typeExpr(t types.Type, pos token.Pos) (dst.Expr, error) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil, fmt.Errorf("cannot name type %s", t)
	}
	obj := n.Obj()
	if n.TypeArgs().Len() > 0 {
		return nil, fmt.Errorf("cannot name generic type %s", t)
	}
	if detect.IsPlainSyncMap(n) {
		return e.syncMapType(pos), nil
	}
	if obj.Pkg() == nil || obj.Pkg().Path() == e.unit.pkg.Types.Path() {
		if !e.resolves(obj.Name(), pos, func(o types.Object) bool { return o != nil && o.Pos() == obj.Pos() }) {
			return nil, fmt.Errorf("cannot name type %s at %v: the name is shadowed", obj.Name(), e.p.Fset.Position(pos))
		}
		return dst.NewIdent(obj.Name()), nil
	}
	for _, spec := range e.file.Imports {
		if path, _ := strconv.Unquote(spec.Path.Value); path == obj.Pkg().Path() && obj.Exported() {
			name := obj.Pkg().Name()
			if spec.Name != nil {
				name = spec.Name.Name
			}
			return &dst.SelectorExpr{X: dst.NewIdent(name), Sel: dst.NewIdent(obj.Name())}, nil
		}
	}
	return nil, fmt.Errorf("cannot name type %s in this file", t)
}

// accepted reports whether obj is a retyped field or variable, or a
// retyped parameter or result of an accepted function.
func (p *Plan) accepted(obj types.Object) bool {
	if obj == nil {
		return false
	}
	key := p.key(origin(obj))
	if t := p.targets[key]; t != nil && t.kind != tFunc {
		return t.blocked == nil
	}
	if t := p.sites.members[key]; t != nil {
		return t.blocked == nil
	}
	return false
}

// isPointerNow reports whether x denotes a variable or field that the
// plan retypes to a pointer.
func (e *fileEditor) isPointerNow(x ast.Expr) bool {
	info := e.unit.pkg.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return e.p.accepted(info.ObjectOf(x))
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil {
			return sel.Kind() == types.FieldVal && e.p.accepted(sel.Obj())
		}
		return e.p.accepted(info.Uses[x.Sel])
	}
	return false
}

// copyExpr rewrites the copied expression n of a fixed finding.
func (e *fileEditor) copyExpr(f *finding, n dst.Expr) dst.Expr {
	resultType := f.Type
	if f.Form == detect.Conversion {
		// Registry(m): the operand is copied, the result keeps the
		// conversion's type; the call's own decorations move outward.
		call := n.(*dst.CallExpr)
		operand := call.Args[0]
		unwrapDecs(call, operand, append(append(dst.Decorations{}, call.Decs.Fun...), call.Decs.Lparen...))
		n, resultType = operand, f.Dst.Type
	}
	var addr dst.Expr
	switch {
	case e.isPointerNow(f.Src):
		addr = n // already a *sync.Map
	default:
		inner := n
		for {
			paren, ok := inner.(*dst.ParenExpr)
			if !ok {
				break
			}
			inner = paren.X
		}
		if star, ok := inner.(*dst.StarExpr); ok {
			addr = star.X // *p => p
			unwrapDecs(star, addr, star.Decs.Star)
			if inner != n {
				addr = &dst.ParenExpr{X: addr}
			}
		} else {
			u := &dst.UnaryExpr{Op: token.AND, X: n}
			wrapDecs(n, u)
			addr = u
		}
	}
	srcType := e.unit.pkg.TypesInfo.TypeOf(f.Src)
	if f.src == srcShare {
		if types.Identical(srcType, resultType) {
			return addr
		}
		typ, err := e.typeExpr(resultType, f.Src.Pos())
		if err != nil {
			e.err = err
			return n
		}
		out := &dst.CallExpr{Fun: &dst.ParenExpr{X: &dst.StarExpr{X: typ}}, Args: []dst.Expr{addr}}
		wrapDecs(addr, out)
		return out
	}
	var out dst.Expr
	if detect.IsPlainSyncMap(resultType) && detect.IsPlainSyncMap(srcType) {
		out = &dst.CallExpr{Fun: dst.NewIdent(e.helpers.nameFor(e.unit, e.file)), Args: []dst.Expr{addr}}
	} else {
		// A defined type over sync.Map keeps its type:
		// Registry(m)        n := r
		// -----------        -----
		// (*Registry)(cloneSyncMap(&m))   (*Registry)(cloneSyncMap((*sync.Map)(&r)))
		typ, err := e.typeExpr(resultType, f.Src.Pos())
		if err != nil {
			e.err = err
			return n
		}
		arg := addr
		if !detect.IsPlainSyncMap(srcType) {
			arg = &dst.CallExpr{Fun: &dst.ParenExpr{X: &dst.StarExpr{X: e.syncMapType(f.Src.Pos())}}, Args: []dst.Expr{addr}}
		}
		clone := &dst.CallExpr{Fun: dst.NewIdent(e.helpers.nameFor(e.unit, e.file)), Args: []dst.Expr{arg}}
		out = &dst.CallExpr{Fun: &dst.ParenExpr{X: &dst.StarExpr{X: typ}}, Args: []dst.Expr{clone}}
	}
	wrapDecs(addr, out)
	return out
}

// initVar gives a declaration without value its initial value:
//
//	var m sync.Map   var c Cache
//	--------------   -----------
//	var m = new(sync.Map)   var c = Cache{m: new(sync.Map)}
//
// and retypes a sync.Map variable declared with both type and value.
func (e *fileEditor) initVar(ds *dst.ValueSpec, as *ast.ValueSpec) error {
	t := e.unit.pkg.TypesInfo.TypeOf(as.Type)
	if detect.IsSyncMap(t) {
		if len(ds.Values) > 0 {
			ds.Type = &dst.StarExpr{X: ds.Type}
			return nil
		}
		for i := range ds.Names {
			typ := ds.Type
			if i > 0 {
				typ = dst.Clone(ds.Type).(dst.Expr)
			}
			ds.Values = append(ds.Values, e.newOf(typ, as.Pos()))
		}
		ds.Type = nil
		return nil
	}
	elts, err := e.missingInits(t, nil, as.Pos())
	if err != nil {
		return err
	}
	for i := range ds.Names {
		typ := ds.Type
		if i > 0 {
			typ = dst.Clone(ds.Type).(dst.Expr)
			elts = cloneExprs(elts)
		}
		ds.Values = append(ds.Values, &dst.CompositeLit{Type: typ, Elts: elts})
	}
	ds.Type = nil
	return nil
}

func cloneExprs(xs []dst.Expr) []dst.Expr {
	out := make([]dst.Expr, len(xs))
	for i, x := range xs {
		out[i] = dst.Clone(x).(dst.Expr)
	}
	return out
}

// missingInits returns the keyed elements a literal of struct type t
// needs so that no accepted field is left nil: f: new(sync.Map) for a
// retyped field, g: G{...} for a struct field that holds one.
func (e *fileEditor) missingInits(t types.Type, lit *ast.CompositeLit, pos token.Pos) ([]dst.Expr, error) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, nil
	}
	present := make(map[string]bool)
	if lit != nil {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return nil, nil // unkeyed: every field is present
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				present[id.Name] = true
			}
		}
	}
	var elts []dst.Expr
	for i := range st.NumFields() {
		field := st.Field(i)
		if present[field.Name()] {
			continue
		}
		var value dst.Expr
		switch {
		case e.p.accepted(field):
			typ, err := e.typeExpr(field.Type(), pos)
			if err != nil {
				return nil, err
			}
			value = e.newOf(typ, pos)
		case e.p.holdsAccepted(field.Type()):
			typ, err := e.typeExpr(field.Type(), pos)
			if err != nil {
				return nil, err
			}
			inner, err := e.missingInits(field.Type(), nil, pos)
			if err != nil {
				return nil, err
			}
			value = &dst.CompositeLit{Type: typ, Elts: inner}
		default:
			continue
		}
		elts = append(elts, &dst.KeyValueExpr{Key: dst.NewIdent(field.Name()), Value: value})
	}
	return elts, nil
}

// holdsAccepted reports whether a value of struct type t holds an
// accepted field by value, through struct fields.
func (p *Plan) holdsAccepted(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok || detect.IsSyncMap(t) {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if p.accepted(f) || p.holdsAccepted(f.Type()) {
			return true
		}
	}
	return false
}
