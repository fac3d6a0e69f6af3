package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/syncfix/syncfix/detect"
)

// resolves reports whether name, written at pos, would denote want (nil:
// nothing, or a universe object).
func (e *fileEditor) resolves(name string, pos token.Pos, want func(types.Object) bool) bool {
	scope := e.unit.innermost(pos)
	if scope == nil {
		return true
	}
	_, obj := scope.LookupParent(name, pos)
	return want(obj)
}

// builtinNew reports whether new, written at pos, is the builtin.
func (e *fileEditor) builtinNew(pos token.Pos) bool {
	return e.resolves("new", pos, func(obj types.Object) bool { _, ok := obj.(*types.Builtin); return ok })
}

// newOf returns new(T), or &T{} where new is shadowed at pos.
func (e *fileEditor) newOf(typ string, pos token.Pos) string {
	if e.builtinNew(pos) {
		return "new(" + typ + ")"
	}
	return "&" + typ + "{}"
}

// typeExpr writes t as seen from the file at pos, for the zero values R1
// fills in. It fails for types the file cannot name there.
func (e *fileEditor) typeExpr(t types.Type, pos token.Pos) (string, error) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return "", fmt.Errorf("cannot name type %s", t)
	}
	obj := n.Obj()
	if n.TypeArgs().Len() > 0 {
		return "", fmt.Errorf("cannot name generic type %s", t)
	}
	if detect.IsPlainSyncMap(n) {
		return e.syncMapType(pos), nil
	}
	if obj.Pkg() == nil || obj.Pkg().Path() == e.unit.pkg.Types.Path() {
		if !e.resolves(obj.Name(), pos, func(o types.Object) bool { return o != nil && o.Pos() == obj.Pos() }) {
			return "", fmt.Errorf("cannot name type %s at %v: the name is shadowed", obj.Name(), e.p.Fset.Position(pos))
		}
		return obj.Name(), nil
	}
	if pn := importedAs(e.unit.pkg.TypesInfo, e.file, obj.Pkg().Path()); pn != nil && obj.Exported() {
		return pn.Name() + "." + obj.Name(), nil
	}
	return "", fmt.Errorf("cannot name type %s in this file", t)
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

// copyExpr rewrites the copied expression x of a fixed finding: its
// address (&m; *p gives p; a retyped variable already is one), shared or
// passed to the clone helper, converted where a defined type keeps its
// type. Only the text around x changes, so comments inside it stay.
func (e *fileEditor) copyExpr(f *finding, x ast.Expr) error {
	resultType := f.Type
	start, end := e.off(x.Pos()), e.off(x.End())
	src := f.Src
	if f.Form == detect.Conversion {
		// Registry(m): the operand is copied, and the result keeps the
		// conversion's type. The conversion's own text goes, the text
		// between its parentheses stays.
		call := x.(*ast.CallExpr)
		e.edits.replace(e.off(call.Fun.Pos()), e.off(call.Lparen)+1, "")
		e.edits.replace(e.off(call.Rparen), e.off(call.Rparen)+1, "")
		operand := call.Args[0]
		start, end = e.off(operand.Pos()), e.off(operand.End())
		resultType = f.Dst.Type
	}
	var open, close []string // around the address, outermost first
	switch inner := ast.Unparen(src); {
	case e.isPointerNow(src):
		// already a *sync.Map
	case isStar(inner):
		star := inner.(*ast.StarExpr)
		e.edits.replace(e.off(star.Star), e.off(star.Star)+1, "") // *p => p
	default:
		e.edits.insert(start, "&", -(end-start)+1) // innermost opening
	}
	srcType := e.unit.pkg.TypesInfo.TypeOf(src)
	if f.src == srcShare {
		if !types.Identical(srcType, resultType) {
			typ, err := e.typeExpr(resultType, src.Pos())
			if err != nil {
				return err
			}
			open, close = append(open, "(*"+typ+")("), append(close, ")")
		}
	} else if detect.IsPlainSyncMap(resultType) && detect.IsPlainSyncMap(srcType) {
		open, close = append(open, e.helpers.nameFor(e.unit, e.file)+"("), append(close, ")")
	} else {
		// A defined type over sync.Map keeps its type:
		// Registry(m)        n := r
		// -----------        -----
		// (*Registry)(cloneSyncMap(&m))   (*Registry)(cloneSyncMap((*sync.Map)(&r)))
		typ, err := e.typeExpr(resultType, src.Pos())
		if err != nil {
			return err
		}
		open, close = append(open, "(*"+typ+")(", e.helpers.nameFor(e.unit, e.file)+"("), append(close, ")", ")")
		if !detect.IsPlainSyncMap(srcType) {
			open, close = append(open, "(*"+e.syncMapType(src.Pos())+")("), append(close, ")")
		}
	}
	if len(open) > 0 {
		e.edits.insert(start, strings.Join(open, ""), -(end - start))
		var b strings.Builder
		for i := len(close) - 1; i >= 0; i-- {
			b.WriteString(close[i])
		}
		e.edits.insert(end, b.String(), end-start)
	}
	return nil
}

func isStar(x ast.Expr) bool { _, ok := x.(*ast.StarExpr); return ok }

// initVar gives a declaration without value its initial value:
//
//	var m sync.Map   var c Cache
//	--------------   -----------
//	var m = new(sync.Map)   var c = Cache{m: new(sync.Map)}
//
// and retypes a sync.Map variable declared with both type and value.
// The type's text stays where it was, inside the new value.
func (e *fileEditor) initVar(spec *ast.ValueSpec) error {
	t := e.unit.pkg.TypesInfo.TypeOf(spec.Type)
	start, end := e.off(spec.Type.Pos()), e.off(spec.Type.End())
	typ := e.text(spec.Type)
	if detect.IsSyncMap(t) {
		if len(spec.Values) > 0 {
			e.edits.insert(start, "*", -(end - start))
			return nil
		}
		rest := strings.Repeat(", "+e.newOf(typ, spec.Pos()), len(spec.Names)-1)
		if e.builtinNew(spec.Pos()) {
			e.edits.wrap(start, end, "= new(", ")"+rest)
		} else {
			e.edits.wrap(start, end, "= &", "{}"+rest)
		}
		return nil
	}
	elts, err := e.missingInits(t, nil, spec.Pos())
	if err != nil {
		return err
	}
	lit := "{" + strings.Join(elts, ", ") + "}"
	e.edits.wrap(start, end, "= ", lit+strings.Repeat(", "+typ+lit, len(spec.Names)-1))
	return nil
}

// missingInits returns the keyed elements a literal of struct type t
// needs so that no accepted field is left nil: f: new(sync.Map) for a
// retyped field, g: G{...} for a struct field that holds one.
func (e *fileEditor) missingInits(t types.Type, lit *ast.CompositeLit, pos token.Pos) ([]string, error) {
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
	var elts []string
	for i := range st.NumFields() {
		field := st.Field(i)
		if present[field.Name()] {
			continue
		}
		var value string
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
			value = typ + "{" + strings.Join(inner, ", ") + "}"
		default:
			continue
		}
		elts = append(elts, field.Name()+": "+value)
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
