package detect

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// checkAssign reports assignments (=, :=, multi-value and comma-ok
// forms) whose right-hand side copies a value, and, since Go 1.22, the
// per-iteration copies of variables declared in a for statement's init.
func (f *finder) checkAssign(as *ast.AssignStmt, parent ast.Node) {
	reported := false
	switch {
	case len(as.Lhs) == len(as.Rhs):
		for i, rhs := range as.Rhs {
			if path := f.copiedPath(rhs); path != nil {
				f.report(Assign, rhs, rhs, f.destOf(as.Lhs[i]), path)
				reported = true
			}
		}
	case len(as.Rhs) == 1 && len(as.Lhs) == 2:
		// v, ok := m[k], <-ch or x.(T): only v receives the value.
		if path := f.copiedPath(as.Rhs[0]); path != nil {
			f.report(Assign, as.Rhs[0], as.Rhs[0], f.destOf(as.Lhs[0]), stripTuple(path))
			reported = true
		}
	}
	if reported || as.Tok != token.DEFINE || !f.atLeastGo122() {
		return
	}
	if loop, ok := parent.(*ast.ForStmt); ok && loop.Init == as {
		for _, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			if obj := f.Info.Defs[id]; obj != nil {
				if path := pathTo(obj.Type()); path != nil {
					f.report(ForVar, id, nil, Dest{Kind: DstVar, Obj: obj, Expr: id, Type: obj.Type()}, path)
				}
			}
		}
	}
}

// stripTuple drops the leading tuple of a comma-ok expression's path:
// go/types records v, ok := m[k] with the type (T, bool), and only T is
// copied.
func stripTuple(p Path) Path {
	if _, ok := p[0].Type.(*types.Tuple); ok && len(p) > 1 {
		return p[1:]
	}
	return p
}

// checkGenDecl reports var declarations whose values copy a value.
func (f *finder) checkGenDecl(gd *ast.GenDecl) {
	if gd.Tok != token.VAR {
		return
	}
	for _, spec := range gd.Specs {
		vs := spec.(*ast.ValueSpec)
		switch {
		case len(vs.Names) == len(vs.Values):
			for i, v := range vs.Values {
				if path := f.copiedPath(v); path != nil {
					f.report(VarDecl, v, v, f.destOf(vs.Names[i]), path)
				}
			}
		case len(vs.Values) == 1 && len(vs.Names) == 2:
			if path := f.copiedPath(vs.Values[0]); path != nil {
				f.report(VarDecl, vs.Values[0], vs.Values[0], f.destOf(vs.Names[0]), stripTuple(path))
			}
		}
	}
}

// checkCall reports arguments that copy a value (including implicit
// conversions to interface parameters, variadic ...any arguments, go and
// defer calls and builtins such as append), element copies by append(s,
// t...) and copy, conversions T(v), and value-receiver method calls on
// instantiated generic types.
func (f *finder) checkCall(call *ast.CallExpr) {
	if f.isConversion(call) {
		f.checkConversion(call)
		return
	}
	callee := typeutil.Callee(f.Info, call)
	if b, ok := callee.(*types.Builtin); ok {
		f.checkBuiltinCall(call, b)
		return
	}
	fn, _ := callee.(*types.Func)
	sig, _ := f.typeOf(call.Fun).Underlying().(*types.Signature)
	for i, arg := range call.Args {
		path := f.copiedPath(arg)
		if path == nil {
			continue
		}
		dst := Dest{Kind: DstParam, Call: call, Callee: fn, Index: i}
		if sig != nil {
			if p := paramAt(sig, i, call.Ellipsis.IsValid()); p != nil {
				dst.Obj, dst.Type = p, p.Type()
				if sig.Variadic() && i >= sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
					dst.Type = p.Type().(*types.Slice).Elem()
				}
			}
		}
		if isInterface(dst.Type) {
			dst.Kind = DstInterface
		}
		f.report(CallArg, arg, arg, dst, path)
	}
	f.checkGenericReceiver(call)
}

// paramAt returns the parameter that receives argument i, or nil.
func paramAt(sig *types.Signature, i int, ellipsis bool) *types.Var {
	n := sig.Params().Len()
	switch {
	case i < n-1 || (i < n && !sig.Variadic()):
		return sig.Params().At(i)
	case sig.Variadic() && n > 0:
		return sig.Params().At(n - 1)
	}
	return nil
}

// checkBuiltinCall handles the builtins. len, cap, unsafe.Sizeof and the
// like use only the type or a reference; new and make take types.
func (f *finder) checkBuiltinCall(call *ast.CallExpr, b *types.Builtin) {
	switch b.Name() {
	case "new":
		// new(T) takes a type; since Go 1.26 new(v) copies v into a
		// new variable.
		if len(call.Args) == 1 {
			if path := f.copiedPath(call.Args[0]); path != nil {
				f.report(CallArg, call.Args[0], call.Args[0], Dest{Kind: DstValue, Call: call, Type: f.typeOf(call.Args[0])}, path)
			}
		}
		return
	case "len", "cap", "make", "Sizeof", "Offsetof", "Alignof", "clear", "close", "min", "max":
		return
	case "copy":
		if len(call.Args) == 2 {
			f.checkElemCopy(call, call.Args[1])
		}
		return
	case "append":
		if call.Ellipsis.IsValid() && len(call.Args) == 2 {
			f.checkElemCopy(call, call.Args[1])
			return
		}
	}
	for i, arg := range call.Args {
		if b.Name() == "append" && i == 0 {
			continue // the slice itself is a reference
		}
		if path := f.copiedPath(arg); path != nil {
			dst := Dest{Kind: DstElem, Call: call, Index: i, Type: f.builtinParamType(call, b, i)}
			if isInterface(dst.Type) {
				dst.Kind = DstInterface // append to []any, delete from map[any]V, panic
			}
			f.report(CallArg, arg, arg, dst, path)
		}
	}
}

// builtinParamType returns the type that argument i of a call of the
// builtin b is converted to: the element type for append, the key type
// for delete, any for panic, and otherwise the argument's own type.
func (f *finder) builtinParamType(call *ast.CallExpr, b *types.Builtin, i int) types.Type {
	switch b.Name() {
	case "append":
		if s, ok := f.typeOf(call).Underlying().(*types.Slice); ok {
			return s.Elem()
		}
	case "delete":
		if m, ok := f.typeOf(call.Args[0]).Underlying().(*types.Map); ok {
			return m.Key()
		}
	case "panic":
		return types.Universe.Lookup("any").Type()
	}
	return f.typeOf(call.Args[i])
}

// checkElemCopy reports append(s, t...) and copy(dst, src), which copy
// every element of src. Elements of a slice made on the spot, by make or
// a composite literal, are fresh zero values or already reported copies.
func (f *finder) checkElemCopy(call *ast.CallExpr, src ast.Expr) {
	if f.isFreshSlice(src) {
		return
	}
	var elem types.Type
	switch t := f.typeOf(src).Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Array:
		elem = t.Elem()
	}
	if path := pathTo(elem); path != nil {
		f.report(ElemCopy, src, src, Dest{Kind: DstElem, Call: call, Type: elem}, path)
	}
}

// isFreshSlice reports whether x makes a new slice whose elements no one
// else can reach: make(...) or a composite literal.
func (f *finder) isFreshSlice(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		b, ok := typeutil.Callee(f.Info, x).(*types.Builtin)
		return ok && b.Name() == "make"
	}
	return false
}

// checkConversion reports T(v) when v is an existing value that holds a
// sync.Map: the conversion copies it, also to an interface type.
func (f *finder) checkConversion(call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	if path := f.copiedPath(call.Args[0]); path != nil {
		t := f.typeOf(call.Fun)
		kind := DstValue
		if isInterface(t) {
			kind = DstInterface
		}
		f.report(Conversion, call, call.Args[0], Dest{Kind: kind, Expr: call, Type: t}, path)
	}
}

// checkGenericReceiver reports a value-receiver method call whose
// receiver holds a sync.Map only once instantiated: the method's own
// declaration has no receiver finding to cover it.
func (f *finder) checkGenericReceiver(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	selection := f.Info.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal {
		return
	}
	fn, ok := selection.Obj().(*types.Func) // instantiated, unlike typeutil.Callee's
	if !ok {
		return
	}
	recv := fn.Signature().Recv()
	if recv == nil || isPointer(recv.Type()) {
		return
	}
	if pathTo(fn.Origin().Signature().Recv().Type()) != nil {
		return // reported at the method's receiver
	}
	if path := pathTo(recv.Type()); path != nil {
		f.report(MethodCall, sel, sel.X, Dest{Kind: DstParam, Call: call, Callee: fn, Index: -1, Obj: recv, Type: recv.Type()}, path)
	}
}

// checkReturn reports returned values that copy a value, and bare
// returns of named results that hold a sync.Map.
func (f *finder) checkReturn(ret *ast.ReturnStmt, fn ast.Node) {
	sig := f.signatureOf(fn)
	if sig == nil {
		return
	}
	results := sig.Results()
	if len(ret.Results) == 0 {
		for i := range results.Len() {
			r := results.At(i)
			if r.Name() == "" {
				continue
			}
			if path := pathTo(r.Type()); path != nil {
				f.report(BareReturn, ret, nil, Dest{Kind: DstResult, Obj: r, Type: r.Type(), Index: i, Func: fn}, path)
			}
		}
		return
	}
	if len(ret.Results) != results.Len() {
		return // return f() of a multi-value call: fresh
	}
	for i, x := range ret.Results {
		if path := f.copiedPath(x); path != nil {
			r := results.At(i)
			dst := Dest{Kind: DstResult, Obj: r, Type: r.Type(), Index: i, Func: fn}
			if isInterface(r.Type()) {
				dst.Kind = DstInterface
			}
			f.report(Return, x, x, dst, path)
		}
	}
}

// signatureOf returns the signature of a *ast.FuncDecl or *ast.FuncLit.
func (f *finder) signatureOf(fn ast.Node) *types.Signature {
	var t types.Type
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj := f.Info.Defs[fn.Name]; obj != nil {
			t = obj.Type()
		}
	case *ast.FuncLit:
		t = f.typeOf(fn)
	}
	sig, _ := t.(*types.Signature)
	return sig
}

// checkCompositeLit reports literal elements (struct fields, array,
// slice and map elements, map keys) that copy a value.
func (f *finder) checkCompositeLit(lit *ast.CompositeLit) {
	litType := f.typeOf(lit)
	if litType == nil {
		return
	}
	st, _ := under(litType).(*types.Struct)
	for i, elt := range lit.Elts {
		var key ast.Expr
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			key, elt = kv.Key, kv.Value
		}
		if path := f.copiedPath(elt); path != nil {
			f.report(CompositeElt, elt, elt, f.literalDest(lit, st, i, key), path)
		}
		if key != nil && st == nil {
			if _, isMap := under(litType).(*types.Map); isMap {
				if path := f.copiedPath(key); path != nil {
					f.report(CompositeElt, key, key, Dest{Kind: DstElem, Expr: lit, Type: f.typeOf(key)}, path)
				}
			}
		}
	}
}

// literalDest returns the destination of element i of lit.
func (f *finder) literalDest(lit *ast.CompositeLit, st *types.Struct, i int, key ast.Expr) Dest {
	if st == nil {
		var elem types.Type
		switch t := under(f.typeOf(lit)).(type) {
		case *types.Array:
			elem = t.Elem()
		case *types.Slice:
			elem = t.Elem()
		case *types.Map:
			elem = t.Elem()
		}
		kind := DstElem
		if isInterface(elem) {
			kind = DstInterface
		}
		return Dest{Kind: kind, Expr: lit, Type: elem, Index: i}
	}
	var field *types.Var
	if id, ok := key.(*ast.Ident); ok {
		field, _ = f.Info.Uses[id].(*types.Var)
	} else if key == nil && i < st.NumFields() {
		field = st.Field(i)
	}
	d := Dest{Kind: DstField, Obj: field, Expr: lit, Index: i}
	if field != nil {
		d.Type = field.Type()
		if isInterface(field.Type()) {
			d.Kind = DstInterface
		}
	}
	return d
}

// checkSend reports channel sends, also those of select cases.
func (f *finder) checkSend(send *ast.SendStmt) {
	if path := f.copiedPath(send.Value); path != nil {
		var elem types.Type
		if ch, ok := under(f.typeOf(send.Chan)).(*types.Chan); ok {
			elem = ch.Elem()
		}
		kind := DstChan
		if isInterface(elem) {
			kind = DstInterface
		}
		f.report(ChanSend, send.Value, send.Value, Dest{Kind: kind, Expr: send.Chan, Type: elem}, path)
	}
}

// checkRange reports range key and value variables that receive copies,
// also when an assigned (=) variable is an interface that the element is
// converted to.
func (f *finder) checkRange(r *ast.RangeStmt) {
	keyType, valueType := rangeTypes(f.typeOf(r.X))
	for i, v := range []ast.Expr{r.Key, r.Value} {
		if v == nil {
			continue
		}
		if id, ok := v.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		var dst Dest
		if r.Tok == token.DEFINE {
			id, ok := v.(*ast.Ident)
			if !ok || f.Info.Defs[id] == nil {
				continue
			}
			obj := f.Info.Defs[id]
			dst = Dest{Kind: DstVar, Obj: obj, Expr: id, Type: obj.Type()}
		} else {
			dst = f.destOf(v)
		}
		path := pathTo(dst.Type)
		if path == nil && dst.Kind == DstInterface {
			path = pathTo([]types.Type{keyType, valueType}[i])
		}
		if path != nil {
			f.report(RangeVar, v, r.X, dst, path)
		}
	}
}

// rangeTypes returns the types of the key and value that ranging over a
// value of type t yields, or nil where unknown (type parameters) or
// absent.
func rangeTypes(t types.Type) (key, value types.Type) {
	if t == nil {
		return nil, nil
	}
	u := under(t)
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying() // *[n]T
	}
	switch u := u.(type) {
	case *types.Array:
		return types.Typ[types.Int], u.Elem()
	case *types.Slice:
		return types.Typ[types.Int], u.Elem()
	case *types.Map:
		return u.Key(), u.Elem()
	case *types.Chan:
		return u.Elem(), nil
	case *types.Signature: // func(yield func(K, V) bool)
		if u.Params().Len() == 1 {
			if yield, ok := u.Params().At(0).Type().Underlying().(*types.Signature); ok {
				switch yield.Params().Len() {
				case 1:
					return yield.Params().At(0).Type(), nil
				case 2:
					return yield.Params().At(0).Type(), yield.Params().At(1).Type()
				}
			}
		}
	}
	return nil, nil
}

// checkTypeAssert reports x.(T) where T holds a sync.Map: the assertion
// copies the value out of the interface.
func (f *finder) checkTypeAssert(ta *ast.TypeAssertExpr) {
	if ta.Type == nil {
		return // x.(type), handled by checkTypeSwitch
	}
	t := f.typeOf(ta.Type)
	if path := pathTo(t); path != nil {
		f.report(TypeAssert, ta, ta.X, Dest{Kind: DstValue, Expr: ta, Type: t}, path)
	}
}

// checkTypeSwitch reports the cases of switch v := x.(type) that bind v
// to a type holding a sync.Map.
func (f *finder) checkTypeSwitch(ts *ast.TypeSwitchStmt) {
	as, ok := ts.Assign.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 {
		return
	}
	src := as.Rhs[0].(*ast.TypeAssertExpr).X
	for _, stmt := range ts.Body.List {
		cc := stmt.(*ast.CaseClause)
		if len(cc.List) != 1 {
			continue // v has the interface type
		}
		obj := f.Info.Implicits[cc]
		if obj == nil {
			continue
		}
		if path := pathTo(obj.Type()); path != nil {
			f.report(TypeAssert, cc.List[0], src, Dest{Kind: DstVar, Obj: obj, Expr: as.Lhs[0], Type: obj.Type()}, path)
		}
	}
}

// checkFunc reports receivers and parameters, of declarations and
// literals, that hold a sync.Map: every call copies them.
func (f *finder) checkFunc(fn ast.Node, recv *ast.FieldList, ft *ast.FuncType) {
	f.checkFields(Receiver, fn, recv)
	f.checkFields(Param, fn, ft.Params)
}

func (f *finder) checkFields(form Form, fn ast.Node, list *ast.FieldList) {
	if list == nil {
		return
	}
	for _, field := range list.List {
		path := pathTo(f.typeOf(field.Type))
		if path == nil {
			continue
		}
		if len(field.Names) == 0 {
			f.report(form, field.Type, nil, Dest{Kind: DstVar, Type: f.typeOf(field.Type), Func: fn}, path)
		}
		for _, name := range field.Names {
			obj := f.Info.Defs[name]
			f.report(form, name, nil, Dest{Kind: DstVar, Obj: obj, Expr: name, Type: f.typeOf(field.Type), Func: fn}, path)
		}
	}
}

// checkMethodValue reports v.M, not called, where M has a value receiver
// and v holds a sync.Map: binding the method value copies v (go vet only
// reports the method's declaration).
func (f *finder) checkMethodValue(sel *ast.SelectorExpr, parent ast.Node) {
	selection := f.Info.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal {
		return
	}
	if call, ok := parent.(*ast.CallExpr); ok && ast.Unparen(call.Fun) == ast.Expr(sel) {
		return // a call, not a method value
	}
	fn, ok := selection.Obj().(*types.Func)
	if !ok {
		return
	}
	recv := fn.Signature().Recv()
	if recv == nil || isPointer(recv.Type()) {
		return
	}
	recvType := recv.Type()
	if tp, ok := types.Unalias(f.typeOf(sel.X)).(*types.TypeParam); ok && isInterface(recvType) {
		// t.M of a type parameter's method binds a copy of t (the
		// method comes from the constraint, whose receiver is the
		// interface).
		recvType = tp
	}
	if path := pathTo(recvType); path != nil {
		f.report(MethodValue, sel, sel.X, Dest{Kind: DstValue, Obj: recv, Expr: sel, Type: recvType}, path)
	}
}

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// destOf describes the destination of an assignment to lhs.
func (f *finder) destOf(lhs ast.Expr) Dest {
	lhs = ast.Unparen(lhs)
	t := f.typeOf(lhs)
	d := Dest{Expr: lhs, Type: t}
	switch x := lhs.(type) {
	case *ast.Ident:
		if x.Name == "_" {
			d.Kind = DstBlank
			return d
		}
		d.Kind, d.Obj = DstVar, f.Info.ObjectOf(x)
		if d.Obj != nil {
			d.Type = d.Obj.Type()
		}
	case *ast.SelectorExpr:
		if sel := f.Info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			d.Kind, d.Obj = DstField, sel.Obj()
		} else {
			d.Kind, d.Obj = DstVar, f.Info.Uses[x.Sel] // pkg.Var
		}
	case *ast.IndexExpr:
		d.Kind = DstElem
	case *ast.StarExpr:
		d.Kind = DstElem
	}
	if isInterface(d.Type) {
		d.Kind = DstInterface
	}
	return d
}

// checkReset reports assignments that write a zero sync.Map over an
// existing one: m = sync.Map{}, x.f = *new(sync.Map), *p = Registry{}.
// The write replaces every word of a map that other goroutines may be
// using, a data race that go vet misses: to copylocks the literal is
// fresh, so nothing is copied. A declaration (var m = sync.Map{}, m :=
// sync.Map{}) initialises a new variable and is not a reset; neither is
// a store into a map element (mm[k] = sync.Map{}), which no one can be
// using in place, since map elements are not addressable.
func (f *finder) checkReset(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
		return
	}
	for i, lhs := range as.Lhs {
		if !f.isZeroMap(as.Rhs[i]) {
			continue
		}
		switch x := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			if x.Name == "_" || f.Info.Defs[x] != nil {
				continue // the blank identifier, or a variable := declares
			}
		case *ast.IndexExpr:
			if _, ok := under(f.typeOf(x.X)).(*types.Map); ok {
				continue // a map element: stored, not overwritten in place
			}
		}
		path := pathTo(f.typeOf(lhs))
		if path == nil || !IsSyncMap(path[0].Type) {
			continue
		}
		f.report(Reset, span{lhs.Pos(), as.Rhs[i].End()}, as.Rhs[i], f.destOf(lhs), path)
	}
}

// A span is the extent of a finding that no single node has: the target
// and the value of one assignment of a multi-value assignment.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }
