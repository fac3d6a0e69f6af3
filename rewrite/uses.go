package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/types/typeutil"
)

// A use is a reference to a target, or to a member of one (a retyped
// parameter or result of a function target).
type use struct {
	unit  *unit
	file  *ast.File
	id    *ast.Ident
	owner *target
	// member reports whether id refers to a parameter or result of the
	// function owner, not to the function itself.
	member bool
}

// analyzeUses classifies every reference to a target in the loaded
// source: each must be one the rewrite can adjust. Calls of retyped
// functions can make new targets (the variables that store their
// results), whose uses are classified in a further round.
func (p *Plan) analyzeUses() {
	done := make(map[*target]bool)
	for {
		pending := make(map[*target]bool)
		for _, t := range p.targets {
			if !done[t] {
				pending[t] = true
				done[t] = true
			}
		}
		if len(pending) == 0 {
			return
		}
		for _, us := range p.collectUses(pending) {
			p.classifyUse(us)
		}
	}
}

// collectUses returns the uses of the pending targets (and of their
// members), sorted by position.
func (p *Plan) collectUses(pending map[*target]bool) []use {
	names := make(map[string]bool)
	for t := range pending {
		names[t.obj.Name()] = true
	}
	for key, t := range p.sites.members {
		if pending[t] {
			names[keyName(key)] = true
		}
	}
	var uses []use
	var posns []token.Position
	for _, u := range p.units {
		info := u.pkg.TypesInfo
		for name := range names {
			for _, id := range p.idx.usesNamed(u, name) {
				key := p.key(origin(info.Uses[id]))
				if t := p.targets[key]; t != nil && pending[t] {
					uses = append(uses, use{unit: u, file: u.fileOf(id.Pos()), id: id, owner: t})
				} else if t := p.sites.members[key]; t != nil && pending[t] {
					uses = append(uses, use{unit: u, file: u.fileOf(id.Pos()), id: id, owner: t, member: true})
				} else {
					continue
				}
				posns = append(posns, p.Fset.Position(id.Pos()))
			}
		}
	}
	order := make([]int, len(uses))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return before(posns[order[i]], posns[order[j]]) })
	sorted := make([]use, len(uses))
	for i, k := range order {
		sorted[i] = uses[k]
	}
	return sorted
}

// keyName returns the object name at the end of an objKey.
func keyName(key string) string {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == ':' {
			return key[i+1:]
		}
	}
	return key
}

// origin returns the generic origin of a field, method or function.
func origin(obj types.Object) types.Object {
	switch obj := obj.(type) {
	case *types.Var:
		return obj.Origin()
	case *types.Func:
		return obj.Origin()
	}
	return obj
}

// classifyUse records how a use is adjusted, or blocks its target.
func (p *Plan) classifyUse(us use) {
	t := us.owner
	if t.blocked != nil {
		return
	}
	path := p.idx.path(us.file, us.id)
	var expr ast.Expr = us.id
	if sel, ok := parentOf(path, us.id).(*ast.SelectorExpr); ok && sel.Sel == us.id {
		expr = sel // x.f, or pkg.V
	}
	if kv, ok := parentOf(path, expr).(*ast.KeyValueExpr); ok && kv.Key == expr {
		return // a field key in a literal: see sites.go
	}
	if !us.unit.editable[us.file] {
		ne := p.noEdit(us.unit, us.file)
		t.block(ne.kind, "it is used in "+ne.what, p.Fset.Position(us.id.Pos()))
		return
	}
	if t.kind == tFunc && !us.member {
		p.classifyCall(t, us, path, expr)
		return
	}
	p.classifyVarUse(t, us.unit, us.file, path, expr)
}

// classifyVarUse handles a use of a variable or field that becomes a
// pointer.
func (p *Plan) classifyVarUse(t *target, u *unit, file *ast.File, path []ast.Node, expr ast.Expr) {
	if f := p.sites.findingBySrc[expr]; f != nil {
		t.needs = append(t.needs, f)
		return
	}
	switch parent := parentOf(path, expr).(type) {
	case *ast.UnaryExpr:
		if parent.Op.String() == "&" {
			t.ops = append(t.ops, newOp(stripAddr{}, u, file, parent))
			if !discarded(path, parent) {
				_, arg := parentOf(path, parent).(*ast.CallExpr)
				t.kept = append(t.kept, site{parent.Pos(), loopsOf(path), innermostFunc(path), arg})
			}
			return
		}
	case *ast.SelectorExpr:
		if ast.Unparen(parent.X) == expr {
			// A method call, or a method value, which binds the address:
			// kept, like &x.
			if call, ok := parentOf(path, parent).(*ast.CallExpr); !ok || ast.Unparen(call.Fun) != ast.Expr(parent) {
				t.kept = append(t.kept, site{parent.Pos(), loopsOf(path), innermostFunc(path), false})
			}
			return
		}
	case *ast.AssignStmt:
		for i, lhs := range parent.Lhs {
			if ast.Unparen(lhs) == expr && len(parent.Lhs) == len(parent.Rhs) {
				if r := p.clearableReset(parent.Rhs[i]); r != nil {
					t.resets = append(t.resets, r) // reset.go decides, see settleResets
					return
				}
				t.assigned = append(t.assigned, site{pos: lhs.Pos(), loops: loopsOf(path)})
				p.classifyValue(t, u, file, parent.Rhs[i])
				return
			}
			if ast.Unparen(lhs) == expr && len(parent.Rhs) == 1 && p.multiValue(t, u, file, parent.Rhs[0], i) {
				t.assigned = append(t.assigned, site{pos: lhs.Pos(), loops: loopsOf(path)})
				return
			}
		}
	}
	t.block(BlockUsedAsValue, "this use cannot be adjusted to a pointer", p.Fset.Position(expr.Pos()))
}

// discarded reports whether the address &x, whose path is given, is
// assigned to the blank identifier and so kept nowhere.
func discarded(path []ast.Node, addr *ast.UnaryExpr) bool {
	as, ok := parentOf(path, addr).(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		return false
	}
	for i, rhs := range as.Rhs {
		if ast.Unparen(rhs) == ast.Expr(addr) {
			id, ok := as.Lhs[i].(*ast.Ident)
			return ok && id.Name == "_"
		}
	}
	return false
}

// classifyCall handles a reference to a function target: only calls are
// adjusted, each argument for a retyped parameter becomes a pointer and
// each retyped result meets a context that takes a pointer.
func (p *Plan) classifyCall(t *target, us use, path []ast.Node, fun ast.Expr) {
	call, ok := parentOf(path, fun).(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != fun {
		if ix, ok := parentOf(path, fun).(*ast.IndexExpr); ok {
			call, _ = parentOf(path, ix).(*ast.CallExpr)
		}
	}
	if call == nil {
		t.block(BlockFixedSignature, "it is used as a value here, so its signature must stay", p.Fset.Position(fun.Pos()))
		return
	}
	if call.Ellipsis.IsValid() && len(t.params) > 0 {
		t.block(BlockUsedAsValue, "a call passes a variadic slice", p.Fset.Position(call.Pos()))
		return
	}
	for _, i := range t.params {
		sig := t.obj.Type().(*types.Signature)
		if len(call.Args) == 1 && sig.Params().Len() > 1 {
			// g(f()): f's results must be pointers (results.go).
			if !p.tupleArg(t, us.unit, call, i) {
				t.block(BlockUsedAsValue, "a call passes a multi-value result whose values keep their type", p.Fset.Position(call.Pos()))
				return
			}
			continue
		}
		if i >= len(call.Args) {
			t.block(BlockUsedAsValue, "a call passes a multi-value result", p.Fset.Position(call.Pos()))
			return
		}
		p.classifyValue(t, us.unit, us.file, call.Args[i])
	}
	if len(t.results) > 0 {
		sig := t.obj.Type().(*types.Signature)
		if sig.Results().Len() > 1 {
			p.classifyTupleCall(t, us, path, call) // results.go
			return
		}
		switch parentOf(path, call).(type) {
		case *ast.SelectorExpr, *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
			return // f().Load(k) calls a pointer method; f() drops the result
		}
		// s := snapshot() keeps s a pointer, a target of its own; the
		// other contexts are settled by resolveValueCalls once every
		// use is classified. *snapshot() is never written: it copies.
		p.definedBy(us.unit, call)
		t.valueCalls = append(t.valueCalls, valueCall{us.unit, call, path})
	}
}

// A valueCall is a call of a function whose result is retyped, in a
// context that used the sync.Map value.
type valueCall struct {
	unit *unit
	call *ast.CallExpr
	path []ast.Node
}

// resolveValueCalls decides, for each call of a retyped function whose
// result meets a value context, how the context takes the pointer:
//
//	s := snapshot()     n.Store(k, snapshot())   var c Cache; c.m = snapshot()
//	----------------    ----------------------   ----------------------------
//	s becomes *sync.Map  the interface holds      not fixed: the field keeps
//	(a target)           the *sync.Map            its type, *snapshot() copies
//
// A context that stores the call where a retyped target wants a pointer
// (a variable, field, parameter or result: pointerCalls) makes the
// function and that target one decision. An interface takes the pointer
// as it is, unless loaded code asserts to a sync.Map type. Any other
// context would need *snapshot(), a copy of the map (DESIGN.md
// Detection): the function is not retyped.
func (p *Plan) resolveValueCalls() {
	for _, t := range p.sortedTargets() {
		for _, vc := range t.valueCalls {
			if t.blocked != nil {
				break
			}
			if g := p.sites.pointerCalls[vc.call]; g != nil {
				t.requires = append(t.requires, g)
				continue
			}
			if isIface(p.contextType(vc.unit, vc.path, vc.call)) {
				// The interface now holds the pointer: sound unless
				// loaded code asserts the value back (boxed.go, whose
				// stores would have claimed the call above).
				if b := p.assertedBox(); b != nil {
					t.block(BlockInterfaceAssertion, "a call passes its result to an interface, and loaded code asserts to "+typeName(b.typ)+", which would fail once interfaces hold pointers", p.Fset.Position(b.asserts[0].Pos))
				}
				continue
			}
			t.block(BlockUsedAsValue, "a call uses its result as a sync.Map value, which *"+t.obj.Name()+"() would copy; store it where a pointer can be kept", p.Fset.Position(vc.call.Pos()))
		}
	}
}

// contextType returns the type that the value of x, whose path is
// given, is assigned or converted to: a parameter, the left-hand side of
// an assignment, a declared variable, a result, a literal's element or
// field, a channel's element; nil where it is not known.
func (p *Plan) contextType(u *unit, path []ast.Node, x ast.Expr) types.Type {
	info := u.pkg.TypesInfo
	switch parent := parentOf(path, x).(type) {
	case *ast.CallExpr:
		if b, ok := typeutil.Callee(info, parent).(*types.Builtin); ok {
			if b.Name() == "append" && len(parent.Args) > 0 && ast.Unparen(parent.Args[0]) != x {
				if s, ok := info.TypeOf(parent).Underlying().(*types.Slice); ok {
					return s.Elem()
				}
			}
			return nil
		}
		sig, ok := info.TypeOf(parent.Fun).Underlying().(*types.Signature)
		if !ok {
			return nil
		}
		for i, arg := range parent.Args {
			if ast.Unparen(arg) != x {
				continue
			}
			n := sig.Params().Len()
			switch {
			case sig.Variadic() && i >= n-1 && !parent.Ellipsis.IsValid():
				return sig.Params().At(n - 1).Type().(*types.Slice).Elem()
			case i < n:
				return sig.Params().At(i).Type()
			}
		}
	case *ast.AssignStmt:
		if len(parent.Lhs) == len(parent.Rhs) {
			for i, r := range parent.Rhs {
				if ast.Unparen(r) == x {
					return info.TypeOf(parent.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		if parent.Type != nil {
			return info.TypeOf(parent.Type)
		}
	case *ast.ReturnStmt:
		for _, n := range path {
			var sig *types.Signature
			switch fn := n.(type) {
			case *ast.FuncLit:
				sig, _ = info.TypeOf(fn).(*types.Signature)
			case *ast.FuncDecl:
				if obj := info.Defs[fn.Name]; obj != nil {
					sig, _ = obj.Type().(*types.Signature)
				}
			default:
				continue
			}
			if sig == nil || sig.Results().Len() != len(parent.Results) {
				return nil
			}
			for i, r := range parent.Results {
				if ast.Unparen(r) == x {
					return sig.Results().At(i).Type()
				}
			}
			return nil
		}
	case *ast.KeyValueExpr:
		if lit, ok := parentOf(path, parent).(*ast.CompositeLit); ok && ast.Unparen(parent.Value) == x {
			return eltType(info, lit, parent.Key)
		}
	case *ast.CompositeLit:
		return eltType(info, parent, nil)
	case *ast.SendStmt:
		if ch, ok := info.TypeOf(parent.Chan).Underlying().(*types.Chan); ok && ast.Unparen(parent.Value) == x {
			return ch.Elem()
		}
	}
	return nil
}

// eltType returns the type of an element of lit, the one of key for a
// struct literal.
func eltType(info *types.Info, lit *ast.CompositeLit, key ast.Expr) types.Type {
	switch t := info.TypeOf(lit).Underlying().(type) {
	case *types.Struct:
		if id, ok := key.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				return v.Type()
			}
		}
	case *types.Slice:
		return t.Elem()
	case *types.Array:
		return t.Elem()
	case *types.Map:
		return t.Elem()
	}
	return nil
}

// definedBy returns the variable target that x initializes, in x's own
// declaration (v := x, var v = x or var v T = x), or nil.
func (p *Plan) definedBy(u *unit, x ast.Expr) *target {
	path := p.idx.path(u.fileOf(x.Pos()), x)
	switch parent := parentOf(path, x).(type) {
	case *ast.AssignStmt:
		if parent.Tok == token.DEFINE {
			return p.declaredTarget(u, x, parent.Lhs, parent.Rhs)
		}
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(parent.Names))
		for i, name := range parent.Names {
			lhs[i] = name
		}
		return p.declaredTarget(u, x, lhs, parent.Values)
	}
	return nil
}

// declaredTarget returns (and analyzes, when new) the target of the
// variable that lhs declares with x as its value.
func (p *Plan) declaredTarget(u *unit, x ast.Expr, lhs, rhs []ast.Expr) *target {
	if len(lhs) != len(rhs) {
		return nil
	}
	for i, r := range rhs {
		if ast.Unparen(r) != x {
			continue
		}
		id, ok := lhs[i].(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil
		}
		obj := u.pkg.TypesInfo.Defs[id]
		if obj == nil {
			return nil
		}
		if t := p.targets[p.key(obj)]; t != nil {
			return t
		}
		vt := p.varTarget(obj)
		if vt != nil {
			p.analyzeTarget(vt)
		}
		return vt
	}
	return nil
}

// A site is a position and the loops around it.
type site struct {
	pos   token.Pos
	loops []ast.Node
	// For a kept address: the function that takes it, and whether it
	// is only passed to a call (reset.go).
	fn  ast.Node
	arg bool
}

// loopsOf returns the for and range statements of path.
func loopsOf(path []ast.Node) []ast.Node {
	var loops []ast.Node
	for _, n := range path {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, n)
		}
	}
	return loops
}

// blockKeptAddresses blocks the targets whose address is kept (p := &m)
// and which are assigned again afterwards (m = n), later in the file or
// in a loop around both: before the fix p saw the new value, after it p
// would keep pointing at the old map.
func (p *Plan) blockKeptAddresses() {
	for _, t := range p.sortedTargets() {
		for _, k := range t.kept {
			for _, a := range t.assigned {
				if a.pos > k.pos || shareLoop(a.loops, k.loops) {
					t.block(BlockKeptAddress, fmt.Sprintf("its address is kept (line %d) and it is assigned again, so the kept pointer would no longer follow it", p.Fset.Position(k.pos).Line), p.Fset.Position(a.pos))
				}
			}
		}
	}
}

// shareLoop reports whether two sites are in one loop.
func shareLoop(a, b []ast.Node) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
