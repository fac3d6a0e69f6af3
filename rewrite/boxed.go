package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/types/typeutil"
)

// This file holds the rule for sync.Map values stored in interfaces and
// asserted back: maps inside maps (DESIGN.md R2, "This is how maps
// stored inside maps are fixed").
//
// A sync.Map stored by value in an interface (the value of another
// sync.Map, an any field, a ...any argument) is copied on the way in,
// and x.(sync.Map) copies it again on the way out, so a Store through
// what the assertion gave is lost whenever the stored map was still
// empty. The cure is to store a *sync.Map and assert *sync.Map. That
// changes the dynamic type the interfaces hold, so for each sync.Map
// type S (sync.Map, or a defined type over it) it is one decision for
// the whole program, a box target:
//
//   - every store of an S into an interface stores a *S: a clone where
//     the source is used again (a snapshot, as for any copy), the
//     source's address where it is a local or parameter not used again
//     (a move), new(S) for a fresh S{};
//   - every assertion x.(S), comma-ok or not, and every type switch case
//     S asserts *S instead, and the variable it sets becomes *S, its uses
//     adjusted as for any retyped variable;
//   - a failed comma-ok assertion now yields a nil *S: where the
//     variable may be used after a failure, the statement is followed
//     by if !ok { x = new(S) } (if x == nil, where ok is blank);
//     where every use is guarded by ok (if !ok { return } before them,
//     or inside if ok { ... }), nothing is added.
//
// The box is refused, naming the position, where a store or an
// assertion is out of reach: in a file syncfix does not edit; in a package
// that importers outside the load may call with S values in interfaces
// (open world, unless --closed-world); through a type parameter that
// some instantiation binds to a sync.Map type (x.(E), any(e)), whose
// rewrite would change every instantiation; by reflection
// (reflect.Value.Interface can put an S in an interface); an assertion
// to an interface that *S satisfies and S does not, which would start
// to succeed; a type switch that already has a case *S; and a store of
// an S that cannot be made a pointer (the result of a call whose
// signature stays). Without any assertion to S nothing is decided: the
// stores are fixed one by one, as R2 says. With or without assertions,
// the stores are refused where loaded code compares interfaces that an S
// can be in (==, a switch, a map key, CompareAndSwap, a comparable type
// parameter bound to an interface type; ifaces.go says which): two
// interfaces holding an S panicked when compared, and holding *S they
// compare pointers, so a CompareAndSwap of the old value would swap.
//
// Patterns:
//
//	outer.LoadOrStore(id, sync.Map{})   =>  outer.LoadOrStore(id, new(sync.Map))
//	outer.Store(id, inner)              =>  outer.Store(id, &inner)            (inner not used again)
//	fmt.Println(m); use(m)              =>  fmt.Println(cloneSyncMap(&m)); use(m)
//	inner := v.(sync.Map)               =>  inner := v.(*sync.Map)
//	inner, _ := v.(sync.Map)            =>  inner, _ := v.(*sync.Map)
//	                                        if inner == nil {
//	                                        	inner = new(sync.Map)
//	                                        }
//	case sync.Map:                      =>  case *sync.Map:

// A box is the decision for the values of one sync.Map type that reach
// interfaces.
type box struct {
	typ types.Type
	t   *target
	// stores and asserts are the findings that put an S into an
	// interface and that assert one out of it.
	stores, asserts []*finding
}

// boxKey is the target key of the box of type s.
func boxKey(s types.Type) string { return "box:" + types.TypeString(s, nil) }

// boxOf returns the box of the sync.Map type s, making it on first use.
func (p *Plan) boxOf(s types.Type) *box {
	key := boxKey(s)
	if b := p.boxes[key]; b != nil {
		return b
	}
	var obj types.Object
	if n, ok := types.Unalias(s).(*types.Named); ok {
		obj = n.Obj()
	}
	t := &target{key: key, kind: tBox, obj: obj}
	p.targets[key] = t
	b := &box{typ: s, t: t}
	p.boxes[key] = b
	return b
}

// assertedBox returns a box that loaded code asserts to, if any, first by
// key.
func (p *Plan) assertedBox() *box {
	var keys []string
	for k, b := range p.boxes {
		if len(b.asserts) > 0 {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	return p.boxes[keys[0]]
}

// classifyStore handles a copy of a sync.Map value into an interface:
// it stores a *S, cloned, or shared where the source is moved.
func (p *Plan) classifyStore(f *finding) {
	b := p.boxOf(f.Type)
	f.requires = append(f.requires, b.t)
	switch {
	case p.opts.Copies == CopiesShare && p.sourceReset(f).IsValid():
		f.src, f.fixText = srcClone, "cloned with the Range-based helper, not shared: "+p.resetText(f)+"; the interface holds a "+ptrName(f)
	case p.opts.Copies == CopiesShare:
		f.src, f.fixText = srcShare, "shared by address; the interface holds a "+ptrName(f)
	case p.isMove(f):
		f.src, f.fixText = srcShare, "moved: "+types.ExprString(f.Src)+" is not used again, so the interface holds it as a "+ptrName(f)
	default:
		f.src, f.fixText = srcClone, "cloned with the Range-based helper; the interface holds a "+ptrName(f)
	}
}

// classifyAssert handles x.(S) and a type switch case S that binds a
// variable: the assertion asserts *S, and what receives the value becomes
// a pointer.
func (p *Plan) classifyAssert(f *finding) {
	b := p.boxOf(f.Type)
	b.asserts = append(b.asserts, f)
	f.requires = append(f.requires, b.t)
	f.src = srcNone // the operand stays; the asserted type changes (analyzeBox)
	ptr := ptrName(f)
	f.fixText = "asserts " + ptr
	if f.Dst.Kind == detect.DstVar {
		// switch y := x.(type) { case S: ... }: y of this clause.
		p.sites.boxImplicit[f.Dst.Obj] = f
		vt := p.target(tVar, f.Dst.Obj)
		f.requires = append(f.requires, vt)
		f.fixText += "; " + f.Dst.Obj.Name() + " becomes " + ptr + " in its case"
		return
	}
	ta, ok := f.Dst.Expr.(*ast.TypeAssertExpr)
	if !ok {
		f.static = p.invariant(f.Pos, "assertion without its expression")
		return
	}
	p.sites.boxAsserts[ta] = f
	file := f.unit.fileOf(ta.Pos())
	path := p.idx.path(file, ta)
	switch parent := parentOf(path, ta).(type) {
	case *ast.AssignStmt:
		p.assertInto(f, parent, parent.Lhs, parent.Rhs, ta)
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(parent.Names))
		for i, name := range parent.Names {
			lhs[i] = name
		}
		p.assertInto(f, parent, lhs, parent.Values, ta)
	case *ast.ReturnStmt:
		for _, n := range path {
			if fn, ok := n.(*ast.FuncDecl); ok {
				p.requireFunc(f, fn, f.fixText+"; the result becomes "+ptr)
				return
			}
			if _, ok := n.(*ast.FuncLit); ok {
				break
			}
		}
		f.static = p.blockAt(f.Pos, BlockFixedSignature, "the asserted value is returned by a function literal, whose signature stays")
	case *ast.CallExpr:
		p.assertArg(f, parent, ta)
	case *ast.KeyValueExpr:
		lit, _ := parentOf(path, parent).(*ast.CompositeLit)
		id, _ := parent.Key.(*ast.Ident)
		field, _ := f.unit.pkg.TypesInfo.Uses[id].(*types.Var)
		if lit == nil || field == nil || !field.IsField() || parent.Value != ast.Expr(ta) {
			f.static = p.blockAt(f.Pos, BlockUsedAsValue, "the asserted value is stored where it cannot become a pointer")
			return
		}
		f.requires = append(f.requires, p.target(tField, field))
		f.fixText += "; field " + field.Name() + " becomes " + ptr
	default:
		f.static = p.blockAt(f.Pos, BlockUsedAsValue, "the asserted value is used where it cannot become a pointer; assign it to a variable first")
	}
}

// assertInto handles an assertion on the right of an assignment or
// declaration, also comma-ok: the variable or field on the left becomes
// a pointer.
func (p *Plan) assertInto(f *finding, stmt ast.Node, lhs, rhs []ast.Expr, ta *ast.TypeAssertExpr) {
	var dst, okExpr ast.Expr
	switch {
	case len(lhs) == len(rhs):
		for i, r := range rhs {
			if ast.Unparen(r) == ast.Expr(ta) {
				dst = lhs[i]
			}
		}
	case len(lhs) == 2 && len(rhs) == 1:
		dst, okExpr = lhs[0], lhs[1]
	}
	info := f.unit.pkg.TypesInfo
	ptr := ptrName(f)
	switch x := ast.Unparen(dst).(type) {
	case *ast.Ident:
		if x.Name == "_" {
			return
		}
		obj := info.ObjectOf(x)
		if isSignatureVar(obj) {
			p.requireFunc(f, p.funcOfVar(f.unit, obj), f.fixText+"; "+signatureVarKind(obj)+" "+obj.Name()+" becomes "+ptr)
			break
		}
		vt := p.varTarget(obj)
		if vt == nil {
			f.static = p.blockAt(f.Pos, BlockDeclaration, "the variable the assertion sets cannot be retyped")
			return
		}
		f.requires = append(f.requires, vt)
		f.fixText += "; variable " + x.Name + " becomes " + ptr
	case *ast.SelectorExpr:
		sel := info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			f.static = p.blockAt(f.Pos, BlockUsedAsValue, "the asserted value is stored where it cannot become a pointer")
			return
		}
		f.requires = append(f.requires, p.target(tField, sel.Obj()))
		f.fixText += "; field " + x.Sel.Name + " becomes " + ptr
	default:
		f.static = p.blockAt(f.Pos, BlockUsedAsValue, "the asserted value is stored where it cannot become a pointer")
		return
	}
	if okExpr != nil {
		p.commaOk(f, stmt, dst, okExpr)
	}
}

// assertArg handles an assertion passed as an argument: to an interface
// parameter it passes the *S on; to a sync.Map parameter of a loaded
// function, R3 retypes the parameter.
func (p *Plan) assertArg(f *finding, call *ast.CallExpr, ta *ast.TypeAssertExpr) {
	info := f.unit.pkg.TypesInfo
	sig, _ := coreType(info.TypeOf(call.Fun)).(*types.Signature)
	idx := -1
	for i, arg := range call.Args {
		if ast.Unparen(arg) == ast.Expr(ta) {
			idx = i
		}
	}
	if sig == nil || idx < 0 || call.Ellipsis.IsValid() {
		f.static = p.blockAt(f.Pos, BlockUsedAsValue, "the asserted value is passed where it cannot become a pointer")
		return
	}
	pt := paramType(sig, idx)
	if isIface(pt) {
		f.fixText += "; the interface parameter receives the " + ptrName(f)
		return
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || p.funcDecl(fn) == nil || sig.Variadic() && idx >= sig.Params().Len()-1 {
		f.static = p.blockAt(f.Pos, BlockUsedAsValue, "the asserted value is passed to a function whose parameter cannot become a pointer")
		return
	}
	f.requires = append(f.requires, p.target(tFunc, fn.Origin()))
	f.fixText += "; the parameter of " + fn.Name() + " becomes " + ptrName(f)
}

// commaOk decides what a comma-ok assertion needs once a failure yields
// a nil pointer: nothing where every use of the variable is guarded by
// ok, else an initialisation on the failure path, right after the
// statement.
func (p *Plan) commaOk(f *finding, stmt ast.Node, dst, okExpr ast.Expr) {
	u, info := f.unit, f.unit.pkg.TypesInfo
	file := u.fileOf(stmt.Pos())
	var okObj types.Object
	if id, isId := ast.Unparen(okExpr).(*ast.Ident); isId && id.Name != "_" {
		okObj = info.ObjectOf(id)
	}
	// The statement that holds the assertion, in its list.
	var s ast.Stmt
	switch stmt := stmt.(type) {
	case *ast.AssignStmt:
		s = stmt
	case *ast.ValueSpec:
		s = declStmtOf(p.idx.path(file, stmt), stmt)
	}
	var x types.Object
	if id, isId := ast.Unparen(dst).(*ast.Ident); isId {
		if obj := info.Defs[id]; obj != nil {
			x = obj // declared by the statement
		}
	}
	if s != nil && x != nil && okObj != nil && p.guardedByOk(u, file, s, x, okObj) {
		f.fixText += "; every use of " + x.Name() + " is guarded by " + okObj.Name()
		return
	}
	if s == nil || !inStmtList(p.idx.path(file, s), s) {
		f.static = p.blockAt(f.Pos, BlockZeroValue, "a failed comma-ok assertion would leave a nil pointer that may be used, and no statement can be inserted after this one to initialise it")
		return
	}
	okName := ""
	if okObj != nil {
		okName = okObj.Name()
	}
	ta := ast.Unparen(commaOkValue(s)).(*ast.TypeAssertExpr)
	f.ops = append(f.ops, newOp(boxInit{dst: types.ExprString(dst), ok: okName, assert: ta}, u, file, s))
	f.fixText += ", set to new(" + ptrName(f)[1:] + ") where the assertion fails"
}

// declStmtOf returns the var statement that declares spec, whose path is
// given, or nil for a declaration outside a function body.
func declStmtOf(path []ast.Node, spec *ast.ValueSpec) ast.Stmt {
	if gd, ok := parentOf(path, spec).(*ast.GenDecl); ok {
		if ds, ok := parentOf(path, gd).(*ast.DeclStmt); ok {
			return ds
		}
	}
	return nil
}

// commaOkValue returns the value of a comma-ok statement.
func commaOkValue(s ast.Stmt) ast.Expr {
	switch s := s.(type) {
	case *ast.AssignStmt:
		return s.Rhs[0]
	case *ast.DeclStmt:
		return s.Decl.(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0]
	}
	return nil
}

// inStmtList reports whether s, whose path is given, is a statement of a
// block or a case: one after which a statement can be inserted.
func inStmtList(path []ast.Node, s ast.Stmt) bool {
	_, list := stmtList(path, s)
	return list != nil
}

// stmtList returns the index of s in the statement list that holds it.
func stmtList(path []ast.Node, s ast.Stmt) (int, []ast.Stmt) {
	var list []ast.Stmt
	switch parent := parentOf(path, s).(type) {
	case *ast.BlockStmt:
		list = parent.List
	case *ast.CaseClause:
		list = parent.Body
	case *ast.CommClause:
		list = parent.Body
	}
	for i, x := range list {
		if x == s {
			return i, list
		}
	}
	return -1, nil
}

// guardedByOk reports whether every use of x, which the comma-ok
// statement s declares, is reached only where ok is true: after an if
// !ok { return } (or break, continue, panic) that follows s, inside an
// if ok { ... }, or, for s in an if statement's init, in its body when
// the condition is ok (&& ...). ok must not be assigned again.
func (p *Plan) guardedByOk(u *unit, file *ast.File, s ast.Stmt, x, ok types.Object) bool {
	info := u.pkg.TypesInfo
	path := p.idx.path(file, s)
	// A closure that uses x may run after ok changed: the guard holds
	// there only if ok never changes.
	if fn := innermostFunc(path); fn != nil && usedInClosure(info, fn, x) && assigned(info, fn, ok, s) {
		return false
	}
	if ifs, isIf := parentOf(path, s).(*ast.IfStmt); isIf && ifs.Init == s {
		if !isOkCond(info, ifs.Cond, ok) || uses(info, ifs.Else, x) || uses(info, ifs.Cond, x) {
			return false
		}
		return !assigned(info, ifs, ok, s)
	}
	i, list := stmtList(path, s)
	if list == nil {
		return false
	}
	for j, next := range list[i+1:] {
		if ifs, isIf := next.(*ast.IfStmt); isIf && ifs.Init == nil && ifs.Else == nil && isNotOkCond(info, ifs.Cond, ok) && terminates(info, ifs.Body) {
			return !uses(info, ifs, x) // what follows runs only if ok
		}
		if assigned(info, next, ok, s) {
			// ok no longer tells: x must not be used from here on.
			for _, rest := range list[i+1+j:] {
				if uses(info, rest, x) {
					return false
				}
			}
			return true
		}
		guarded := true
		ast.Inspect(next, func(n ast.Node) bool {
			if !guarded {
				return false
			}
			if ifs, isIf := n.(*ast.IfStmt); isIf && isOkCond(info, ifs.Cond, ok) {
				// The body runs only if ok; the rest does not.
				guarded = !uses(info, ifs.Init, x) && !uses(info, ifs.Cond, x) && !uses(info, ifs.Else, x)
				return false
			}
			if id, isId := n.(*ast.Ident); isId && info.Uses[id] == x {
				guarded = false
			}
			return true
		})
		if !guarded {
			return false
		}
	}
	return true
}

// usedInClosure reports whether a function literal under root uses obj.
func usedInClosure(info *types.Info, root ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && n != root && uses(info, lit.Body, obj) {
			found = true
		}
		return !found
	})
	return found
}

// isOkCond reports whether cond is ok, or ok && ...: true only if ok is.
func isOkCond(info *types.Info, cond ast.Expr, ok types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.Ident:
		return info.Uses[c] == ok
	case *ast.BinaryExpr:
		return c.Op == token.LAND && isOkCond(info, c.X, ok)
	}
	return false
}

// isNotOkCond reports whether cond is !ok, or !ok || ...: true whenever
// ok is false.
func isNotOkCond(info *types.Info, cond ast.Expr, ok types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		id, isId := ast.Unparen(c.X).(*ast.Ident)
		return c.Op == token.NOT && isId && info.Uses[id] == ok
	case *ast.BinaryExpr:
		return c.Op == token.LOR && isNotOkCond(info, c.X, ok)
	}
	return false
}

// terminates reports whether the block ends by leaving the statement
// list around it: return, break, continue or panic.
func terminates(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch s := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK || s.Tok == token.CONTINUE
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && isBuiltin(info, call, "panic")
	}
	return false
}

// uses reports whether n refers to obj.
func uses(info *types.Info, n ast.Node, obj types.Object) bool {
	if n == nil {
		return false
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// assigned reports whether n assigns obj, or takes its address, outside
// the statement decl that declares it.
func assigned(info *types.Info, n ast.Node, obj types.Object, decl ast.Stmt) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found || n == ast.Node(decl) {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == obj {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// analyzeBox reads the whole program for the box t: the stores of its
// type into interfaces that are not copies (fresh values), and every
// assertion and type switch case, which become ops of the box, or what
// makes them out of reach.
func (p *Plan) analyzeBox(t *target) {
	var b *box
	for _, x := range p.boxes {
		if x.t == t {
			b = x
		}
	}
	if pos, reason := p.boxCompared(b); pos.IsValid() {
		t.block(BlockInterfaceComparison, reason, pos) // with or without assertions: every store changes
	}
	sites := p.boxSites()
	asserts := sites.asserts[t.key]
	if len(asserts) == 0 && len(b.asserts) == 0 && len(sites.paramAsserts) == 0 {
		return // nothing asserts S: the stores are fixed one by one
	}
	for _, bls := range [][]blocker{sites.paramAsserts, sites.blockers[t.key], sites.generic} {
		for _, bl := range bls {
			t.blockBy(&bl)
		}
	}
	for _, a := range asserts {
		posn := p.Fset.Position(a.node.Pos())
		switch {
		case !a.unit.editable[a.file]:
			ne := p.noEdit(a.unit, a.file)
			t.block(ne.kind, "an assertion to "+typeName(b.typ)+" is in "+ne.what, posn)
		default:
			if entry, what := p.openEntry(b.typ); entry.IsValid() {
				t.block(BlockOpenWorld, fmt.Sprintf("importers outside the loaded packages can pass %s values in interfaces (or a sync.Map holding them) to %s, which the assertion at %s:%d would no longer match (use --closed-world if all importers are loaded)", typeName(b.typ), what, shortName(posn.Filename), posn.Line), entry)
			}
		}
		t.ops = append(t.ops, newOp(boxPointer{}, a.unit, a.file, a.node))
	}
	ptr := types.NewPointer(b.typ)
	for _, ia := range sites.ifaceAsserts {
		if types.Implements(ptr, ia.iface) && !types.Implements(b.typ, ia.iface) {
			t.block(BlockInterfaceAssertion, fmt.Sprintf("an assertion to an interface that *%s satisfies and %s does not would start to succeed", typeName(b.typ), typeName(b.typ)), ia.pos)
		}
	}
	// Values that are pointers already, stored or asserted, would meet
	// the rewritten assertions: an x.(*S) that matched nothing would
	// take the maps now stored as pointers, and an x.(S) turned x.(*S)
	// would take a nil *S stored elsewhere.
	for _, cv := range p.ifaces().convs {
		if types.Identical(cv.from, ptr) {
			t.block(BlockInterfaceAssertion, fmt.Sprintf("loaded code stores *%s values in interfaces too, which the assertions would start to match once they assert *%s", typeName(b.typ), typeName(b.typ)), cv.pos)
			break
		}
		if _, generic := types.Unalias(cv.from).(*types.TypeParam); generic {
			t.block(BlockInterfaceAssertion, fmt.Sprintf("generic code stores values of a type parameter in interfaces here, which may be *%s values that the assertions would start to match", typeName(b.typ)), cv.pos)
			break
		}
	}
	if pos := p.pointerAssertion(ptr); pos.IsValid() {
		t.block(BlockInterfaceAssertion, fmt.Sprintf("loaded code asserts to *%s, or to a type parameter that may stand for an interface *%s satisfies, which would start to match the %s values once interfaces hold pointers", typeName(b.typ), typeName(b.typ), typeName(b.typ)), pos)
	}
	// Every store must be a pointer, and every assertion rewritten.
	t.needs = append(t.needs, b.stores...)
	t.needs = append(t.needs, b.asserts...)
	for _, cv := range p.ifaces().convs {
		if cv.x == nil || !types.Identical(cv.from, b.typ) {
			continue
		}
		p.freshStore(b, cv)
	}
}

// boxCompared returns the first comparison of interfaces that the values
// of the box b's type may meet, with the reason, if loaded code stores an
// S in an interface (ifaces.go says what compares interfaces). An S is
// uncomparable: comparing two interfaces holding S values panicked, and
// errors.Is skipped them; holding *S values, they compare pointers, and a
// CompareAndSwap of the old value with itself swaps.
func (p *Plan) boxCompared(b *box) (token.Position, string) {
	facts := p.ifaces()
	for _, cv := range facts.convs {
		if !types.Identical(cv.from, b.typ) {
			continue
		}
		name := typeName(b.typ)
		if types.Implements(b.typ, types.Universe.Lookup("error").Type().Underlying().(*types.Interface)) {
			return cv.pos, fmt.Sprintf("a %s value is an error here, and errors.Is and == on errors, which skipped or panicked on it, would compare map pointers once interfaces hold *%s", name, name)
		}
		for _, cmp := range facts.compares {
			if types.Implements(b.typ, cmp.iface) {
				return cmp.pos, fmt.Sprintf("a %s value is stored in an interface (%s:%d), and %s: that panicked on the uncomparable %s, and would compare map pointers once interfaces hold *%s", name, shortName(cv.pos.Filename), cv.pos.Line, cmp.what, name, name)
			}
		}
		break
	}
	return token.Position{}, ""
}

// isTypeParam reports whether t is a type parameter.
func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// pointerAssertion returns the first assertion to ptr, or to a type
// parameter (which an instantiation may bind to an interface ptr
// satisfies), in the loaded code
// (x.(ptr), comma-ok, or a type switch case), or an invalid position.
func (p *Plan) pointerAssertion(ptr types.Type) token.Position {
	for _, u := range p.units {
		info := u.pkg.TypesInfo
		for _, f := range u.pkg.Syntax {
			var found token.Pos
			ast.Inspect(f, func(n ast.Node) bool {
				if found.IsValid() {
					return false
				}
				switch n := n.(type) {
				case *ast.TypeAssertExpr:
					if n.Type != nil && (types.Identical(info.TypeOf(n.Type), ptr) || isTypeParam(info.TypeOf(n.Type))) {
						found = n.Pos()
					}
				case *ast.CaseClause:
					for _, x := range n.List {
						if tv, ok := info.Types[x]; ok && tv.IsType() && (types.Identical(tv.Type, ptr) || isTypeParam(tv.Type)) {
							found = x.Pos()
						}
					}
				}
				return true
			})
			if found.IsValid() {
				return p.Fset.Position(found)
			}
		}
	}
	return token.Position{}
}

// openEntry returns the first place where importers outside the loaded
// packages can put a value of type s into an interface that the loaded
// code may assert: an exported function, method, variable or field of
// an open-world package (see openWorld) whose type reaches an interface
// that s satisfies, or a sync.Map, whose Store takes any, through
// pointers, containers, exported fields and signatures. It names what
// it found; the position is invalid if there is none.
func (p *Plan) openEntry(s types.Type) (token.Position, string) {
	for _, u := range p.units {
		if !p.openWorld(u) {
			continue
		}
		scope := u.pkg.Types.Scope()
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			if !obj.Exported() {
				continue
			}
			if reachesBox(obj.Type(), s, make(map[types.Type]bool)) {
				return p.Fset.Position(obj.Pos()), u.pkg.Types.Name() + "." + name
			}
			if tn, ok := obj.(*types.TypeName); ok {
				for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
					ms := types.NewMethodSet(t)
					for i := range ms.Len() {
						m := ms.At(i).Obj()
						if m.Exported() && reachesBox(m.Type(), s, make(map[types.Type]bool)) {
							return p.Fset.Position(m.Pos()), u.pkg.Types.Name() + "." + name + "." + m.Name()
						}
					}
				}
			}
		}
	}
	return token.Position{}, ""
}

// reachesBox reports whether a value of type t can carry in, or give
// access to, an interface that s satisfies or a sync.Map.
func reachesBox(t types.Type, s types.Type, seen map[types.Type]bool) bool {
	if t == nil || seen[t] {
		return false
	}
	seen[t] = true
	if detect.IsSyncMap(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return isIface(t) && types.Implements(s, u)
	case *types.Pointer:
		return reachesBox(u.Elem(), s, seen)
	case *types.Slice:
		return reachesBox(u.Elem(), s, seen)
	case *types.Array:
		return reachesBox(u.Elem(), s, seen)
	case *types.Chan:
		return reachesBox(u.Elem(), s, seen)
	case *types.Map:
		return reachesBox(u.Key(), s, seen) || reachesBox(u.Elem(), s, seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if f := u.Field(i); f.Exported() && reachesBox(f.Type(), s, seen) {
				return true
			}
		}
	case *types.Signature:
		for _, tuple := range []*types.Tuple{u.Params(), u.Results()} {
			for i := range tuple.Len() {
				if reachesBox(tuple.At(i).Type(), s, seen) {
					return true
				}
			}
		}
	}
	return false
}

// typeName names a sync.Map type in messages.
func typeName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// freshStore handles a value of the box's type converted to an interface
// that is not a copy: the result of a call, a zero literal, an
// assertion.
func (p *Plan) freshStore(b *box, cv ifaceConv) {
	t := b.t
	x := ast.Unparen(cv.x)
	if f := p.sites.findingBySrc[x]; f != nil {
		t.needs = append(t.needs, f)
		return
	}
	if !cv.unit.editable[cv.file] {
		ne := p.noEdit(cv.unit, cv.file)
		t.block(ne.kind, "a "+typeName(b.typ)+" value is stored in an interface in "+ne.what, cv.pos)
		return
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		if len(x.Elts) == 0 {
			t.ops = append(t.ops, newOp(newMap{}, cv.unit, cv.file, x))
			return
		}
	case *ast.TypeAssertExpr:
		if p.sites.boxAsserts[x] != nil {
			return // asserts the pointer now
		}
	case *ast.CallExpr:
		if g := p.calledTarget(cv.unit, x); g != nil {
			t.requires = append(t.requires, g)
			p.sites.pointerCalls[x] = t
			return
		}
	}
	t.block(BlockUsedAsValue, "a "+typeName(b.typ)+" value is stored in an interface here, and it cannot be made a pointer", cv.pos)
}

// boxSiteIndex is what analyzeBox needs from the whole program, read
// once: the assertions by box key, and what blocks every box.
type boxSiteIndex struct {
	asserts      map[string][]boxAssert
	blockers     map[string][]blocker
	paramAsserts []blocker // assertions through type parameters: every box
	generic      []blocker // stores through type parameters, reflection
	ifaceAsserts []ifaceAssert
}

// A boxAssert is the asserted type of x.(S) or of a type switch case S.
type boxAssert struct {
	unit *unit
	file *ast.File
	node ast.Expr
}

// An ifaceAssert is an assertion to an interface type.
type ifaceAssert struct {
	iface *types.Interface
	pos   token.Position
}

func (p *Plan) boxSites() *boxSiteIndex {
	if p.boxIndex != nil {
		return p.boxIndex
	}
	s := &boxSiteIndex{asserts: make(map[string][]boxAssert), blockers: make(map[string][]blocker)}
	p.boxIndex = s
	params := p.syncMapTypeParams()
	for _, u := range p.units {
		info := u.pkg.TypesInfo
		for _, file := range u.pkg.Syntax {
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.TypeAssertExpr:
					if n.Type != nil {
						s.assertion(p, u, file, n.Type, params)
					}
				case *ast.TypeSwitchStmt:
					pointers := make(map[string]bool)
					for _, stmt := range n.Body.List {
						for _, x := range stmt.(*ast.CaseClause).List {
							if ptr, ok := info.TypeOf(x).(*types.Pointer); ok && detect.IsSyncMap(ptr.Elem()) {
								pointers[boxKey(ptr.Elem())] = true
							}
						}
					}
					for _, stmt := range n.Body.List {
						for _, x := range stmt.(*ast.CaseClause).List {
							if t := info.TypeOf(x); detect.IsSyncMap(t) && pointers[boxKey(t)] {
								s.blockers[boxKey(t)] = append(s.blockers[boxKey(t)], blocker{BlockInterfaceAssertion, "the type switch has a case *" + typeName(t) + " too, which this case would repeat", p.Fset.Position(x.Pos())})
							}
							s.assertion(p, u, file, x, params)
						}
					}
				case *ast.CallExpr:
					if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "reflect" && fn.Name() == "Interface" && fn.Signature().Recv() != nil {
						s.generic = append(s.generic, blocker{BlockReflection, "reflect.Value.Interface can put a sync.Map value in an interface, which the assertions would no longer match", p.Fset.Position(n.Pos())})
					}
				}
				return true
			})
		}
	}
	for _, cv := range p.ifaces().convs {
		if params[typeParamKey(p, cv.from)] {
			s.generic = append(s.generic, blocker{BlockGeneric, "a value of type parameter " + cv.from.String() + ", which some instantiation binds to a sync.Map type, is stored in an interface here: it would stay a value", cv.pos})
		}
	}
	return s
}

// assertion records the asserted type x of an assertion or type switch
// case.
func (s *boxSiteIndex) assertion(p *Plan, u *unit, file *ast.File, x ast.Expr, params map[string]bool) {
	t := u.pkg.TypesInfo.TypeOf(x)
	switch {
	case t == nil:
	case detect.IsSyncMap(t):
		s.asserts[boxKey(t)] = append(s.asserts[boxKey(t)], boxAssert{u, file, x})
	case params[typeParamKey(p, t)]:
		s.paramAsserts = append(s.paramAsserts, blocker{BlockGeneric, "an assertion to type parameter " + t.String() + ", which some instantiation binds to a sync.Map type, cannot assert a pointer for that instantiation alone", p.Fset.Position(x.Pos())})
	case isIface(t):
		if iface, ok := t.Underlying().(*types.Interface); ok {
			s.ifaceAsserts = append(s.ifaceAsserts, ifaceAssert{iface, p.Fset.Position(x.Pos())})
		}
	}
}

// assertFinding returns the assertion finding whose value x is: x.(S),
// or, for the variable of a type switch case, x.(type).
func (p *Plan) assertFinding(t *target, x *ast.TypeAssertExpr) *finding {
	if x.Type == nil {
		return p.sites.boxImplicit[t.obj]
	}
	return p.sites.boxAsserts[x]
}

// implicitKey distinguishes the variables that one type switch declares
// for each of its cases, which share a name and a position.
func (p *Plan) implicitKey(obj types.Object) string {
	if p.sites == nil {
		return ""
	}
	if cc := p.sites.implicits[obj]; cc != nil {
		return fmt.Sprintf("@%d", p.Fset.Position(cc.Pos()).Offset)
	}
	return ""
}

// A boxPointer asserts *S where the code asserted S (boxAssertType).
type boxPointer struct{}

func (boxPointer) apply(e *fileEditor, o *op) error {
	e.boxAssertType(o.node.(ast.Expr))
	return nil
}

// boxAssertType rewrites an asserted type S to *S.
//
//	v.(sync.Map)     case sync.Map:
//	   -                  -
//	v.(*sync.Map)    case *sync.Map:
func (e *fileEditor) boxAssertType(x ast.Expr) {
	e.edits.insert(e.off(x.Pos()), "*", -e.width(x))
}

// A boxInit initialises the variable of a comma-ok assertion where the
// assertion fails, on the line after the statement (and the comment that
// ends it):
//
//	m, ok := v.(*sync.Map)
//	if !ok {
//		m = new(sync.Map)
//	}
type boxInit struct {
	dst, ok string // ok is "" where it is blank
	assert  *ast.TypeAssertExpr
}

func (bi boxInit) apply(e *fileEditor, o *op) error {
	s := o.node.(ast.Stmt)
	dst, ok := bi.dst, bi.ok
	typ, err := e.typeExpr(e.unit.pkg.TypesInfo.TypeOf(bi.assert.Type), s.Pos())
	if err != nil {
		return err
	}
	cond := dst + " == nil"
	if ok != "" {
		cond = "!" + ok
	}
	e.insertAfter(s, "if "+cond+" {", dst+" = "+e.newOf(typ, s.Pos()))
	return nil
}

// describeBox names a box target in messages.
func describeBox(t *target) string {
	name := strings.TrimPrefix(t.key, "box:")
	if t.obj != nil {
		name = typeName(t.obj.Type())
	}
	return "the " + name + " values in interfaces"
}
