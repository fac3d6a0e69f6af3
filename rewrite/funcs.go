package rewrite

import (
	"go/ast"
	"go/types"

	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/types/typeutil"
)

// writeMethods are the sync.Map methods that change the map.
var writeMethods = map[string]bool{
	"Store": true, "Delete": true, "Swap": true, "LoadAndDelete": true,
	"LoadOrStore": true, "CompareAndSwap": true, "CompareAndDelete": true, "Clear": true,
}

// funcDecl returns the declaration of fn in the loaded source, or nil.
func (p *Plan) funcDecl(fn *types.Func) *ast.FuncDecl {
	_, _, path := p.locate(fn.Origin())
	if len(path) < 2 {
		return nil
	}
	decl, _ := path[1].(*ast.FuncDecl)
	return decl
}

// funcOfVar returns the function declaration or literal that declares the
// parameter or result v.
func (p *Plan) funcOfVar(u *unit, v types.Object) ast.Node {
	file := u.fileOf(v.Pos())
	if file == nil {
		return nil
	}
	id := p.idx.identAt(file, v.Pos())
	if id == nil {
		return nil
	}
	for _, n := range p.idx.path(file, id) {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// analyzeFunc applies R3 to a function: all its sync.Map parameters and
// results become pointers together, or none do.
func (p *Plan) analyzeFunc(t *target, path []ast.Node) {
	decl, ok := path[1].(*ast.FuncDecl)
	if !ok || decl.Name != path[0] {
		t.blockBy(p.invariant(t.obj.Pos(), "function declaration not found"))
		return
	}
	info := t.unit.pkg.TypesInfo
	pos := p.Fset.Position(decl.Name.Pos())
	switch {
	case decl.Body == nil:
		t.block(BlockNotLoaded, "it has no Go body", pos)
		return
	// A function that cannot change is still read to learn whether it
	// only reads its parameters: a read-only forwarder that passes its
	// map to it stays read-only, blocked only by that argument.
	case t.obj.Exported() && p.openWorld(t.unit):
		t.block(BlockOpenWorld, "it is exported, and callers outside the loaded packages would break (use --closed-world if all are loaded)", pos)
	case decl.Recv != nil && p.interfaceMethodNames()[t.obj.Name()] && p.mayImplement(t):
		t.block(BlockFixedSignature, "it is a method that may satisfy an interface", pos)
	}
	if decl.Recv != nil {
		for _, field := range decl.Recv.List {
			if detect.IsSyncMap(info.TypeOf(field.Type)) {
				t.block(BlockManualRetype, "its receiver is a sync.Map value; make the receiver a pointer", p.Fset.Position(field.Pos()))
				return
			}
		}
	}
	sig := t.obj.Type().(*types.Signature)
	t.params = p.retypeFields(t, decl.Type.Params, sig.Params(), sig.Variadic())
	if t.blocked != nil {
		p.readParams(t, decl, sig)
		return
	}
	t.results = p.retypeFields(t, decl.Type.Results, sig.Results(), false)
	var named []string
	for _, i := range t.results {
		switch r := sig.Results().At(i); r.Name() {
		case "":
		case "_":
			t.block(BlockZeroValue, "its result is named _, which cannot be set to new(sync.Map) first; give it a name", p.Fset.Position(r.Pos()))
			return
		default:
			named = append(named, r.Name())
		}
	}
	if len(named) > 0 {
		t.ops = append(t.ops, newOp(resultInit{names: named}, t.unit, t.file, decl))
	}
	p.readParams(t, decl, sig)
	p.checkReturns(t, decl, sig)
}

// retypeFields records the ops that retype the sync.Map entries of a
// parameter or result list, registers them as members of t, and returns
// their indices.
func (p *Plan) retypeFields(t *target, list *ast.FieldList, tuple *types.Tuple, variadic bool) []int {
	if list == nil {
		return nil
	}
	var idx []int
	i := 0
	for _, field := range list.List {
		n := max(len(field.Names), 1)
		if detect.IsSyncMap(t.unit.pkg.TypesInfo.TypeOf(field.Type)) {
			t.ops = append(t.ops, newOp(pointerType{}, t.unit, t.file, field))
			for k := range n {
				idx = append(idx, i+k)
				p.sites.members[p.key(tuple.At(i+k))] = t
			}
		}
		i += n
	}
	return idx
}

// readParams decides whether the function only reads its retyped
// parameters: it calls only their read methods (Load, Range), passes
// them only to parameters of loaded functions (read-only too, which
// resolveReadOnly settles as a fixed point, so recursion is fine), and
// no function literal that may outlive the call captures them. The
// --copies policy for the others is applied by resolveReadOnly.
func (p *Plan) readParams(t *target, decl *ast.FuncDecl, sig *types.Signature) {
	t.readOnly = true
	params := make(map[types.Object]bool)
	for _, i := range t.params {
		params[sig.Params().At(i)] = true
	}
	info := t.unit.pkg.TypesInfo
	t.callsKnown = true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if !t.readOnly {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && !t.callsOut && !readCall(info, call, params) {
			if g := p.calledTarget(t.unit, call); g != nil {
				t.calls = append(t.calls, g) // settled in resolveReadOnly
			} else {
				t.callsOut = true
			}
		}
		id, ok := n.(*ast.Ident)
		if !ok || !params[info.Uses[id]] {
			return true
		}
		path := p.idx.path(t.file, id)
		if lit := escapingLit(info, path); lit != nil || inGoStmt(path) {
			// A goroutine started here may read the map after the
			// call has returned, when the caller's map has changed.
			t.readOnly, t.escapes = false, true
			t.writePos = p.Fset.Position(id.Pos())
			return false
		}
		if sel, ok := parentOf(path, id).(*ast.SelectorExpr); ok && !writeMethods[sel.Sel.Name] {
			if _, isCall := parentOf(path, sel).(*ast.CallExpr); isCall {
				return true // a read: Load, Range
			}
		}
		if f := p.sites.findingBySrc[id]; f != nil && f.Dst.Kind == detect.DstParam && f.Dst.Callee != nil {
			if g := p.targets[p.key(f.Dst.Callee.Origin())]; g != nil && g.kind == tFunc {
				t.passesTo = append(t.passesTo, g)
				return true // read-only if g is
			}
		}
		t.readOnly = false
		t.writePos = p.Fset.Position(id.Pos())
		return false
	})
}

// readCall reports whether call is a call of a read method of one of
// params (m.Load, m.Range), a builtin or a conversion: a call that runs
// no code that could write another map.
func readCall(info *types.Info, call *ast.CallExpr, params map[types.Object]bool) bool {
	if runsNoCode(info, call) {
		return true
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && !writeMethods[sel.Sel.Name] {
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && params[info.Uses[id]] {
			// Range runs its argument: a literal is read with the
			// body, any other function is code that may write.
			for _, arg := range call.Args {
				if _, lit := ast.Unparen(arg).(*ast.FuncLit); !lit {
					return false
				}
			}
			return true
		}
	}
	return false
}

// runsNoCode reports whether call is a call of a builtin or a
// conversion.
func runsNoCode(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[ast.Unparen(call.Fun)]
	return ok && (tv.IsType() || tv.IsBuiltin())
}

// inGoStmt reports whether path, innermost first, is inside the call of
// a go statement.
func inGoStmt(path []ast.Node) bool {
	for _, n := range path {
		switch n.(type) {
		case *ast.GoStmt:
			return true
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

// escapingLit returns the innermost function literal of path that may
// outlive the call: any literal that is not called on the spot, or
// passed to sync.Map's Range, which calls it before it returns and keeps
// it nowhere (m.Range(func(k, _ any) bool { m.Delete(k); ... }) writes
// through m, and is judged by that write).
func escapingLit(info *types.Info, path []ast.Node) *ast.FuncLit {
	for i, n := range path {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			continue
		}
		if call, ok := parentOf(path[i:], lit).(*ast.CallExpr); ok && (ast.Unparen(call.Fun) == ast.Expr(lit) || isSyncMapRange(info, call)) {
			continue // func() { ... }(), m.Range(func...)
		}
		return lit
	}
	return nil
}

// isSyncMapRange reports whether call calls the Range method of a
// sync.Map.
func isSyncMapRange(info *types.Info, call *ast.CallExpr) bool {
	fn := typeutil.Callee(info, call)
	return fn != nil && fn.Name() == "Range" && isSyncMapMethod(fn)
}

// isSyncMapMethod reports whether obj is a method of sync.Map.
func isSyncMapMethod(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && detect.IsPlainSyncMap(derefPtr(recv.Type()))
}

// resolveReadOnly settles which functions only read their parameters,
// now that every function target is analyzed: one that passes them to a
// function that is not read-only is not read-only either (recursion
// stays read-only). Under --copies auto the others are blocked.
func (p *Plan) resolveReadOnly() {
	for changed := true; changed; {
		changed = false
		for _, t := range p.sortedTargets() {
			if t.kind != tFunc || !t.readOnly {
				continue
			}
			for _, g := range t.passesTo {
				// A blocked callee that only reads keeps t read-only:
				// t is then blocked by the argument it passes (its use
				// is not fixable), with the callee's own reason.
				if !g.readOnly {
					t.readOnly, changed = false, true
					t.writePos = g.writePos
					t.escapes = g.escapes
					t.writesVia = g
					break
				}
			}
		}
	}
	// A function calls out if a function target it calls does, or was
	// not looked at.
	for changed := true; changed; {
		changed = false
		for _, t := range p.sortedTargets() {
			if t.kind != tFunc || t.callsOut {
				continue
			}
			for _, g := range t.calls {
				if !g.callsKnown || g.callsOut {
					t.callsOut, changed = true, true
					break
				}
			}
		}
	}
	if p.opts.Copies != CopiesAuto {
		return
	}
	for _, t := range p.sortedTargets() {
		if t.kind == tFunc && !t.readOnly && len(t.params) > 0 {
			p.policySeen = true // --copies share or clone could change the plan
		}
		switch {
		case t.kind != tFunc || t.readOnly || len(t.params) == 0:
		case t.escapes:
			t.block(BlockWritingCallee, "a function literal or goroutine that may outlive the call uses its copy of the map, which then shares or snapshots it depending on the fix: choose --copies share to keep sharing it or --copies clone to give it a private copy", t.writePos)
		case t.writesVia != nil && !t.escapes:
			t.block(BlockWritingCallee, "it passes its copy of the map to "+t.writesVia.obj.Name()+", which writes to it or passes it on, and such writes reached the caller's map at run time: choose --copies share to keep sharing it or --copies clone to give it a private copy", t.writePos)
		default:
			t.block(BlockWritingCallee, "it writes to its copy of the map or passes it on, and such writes reached the caller's map at run time: choose --copies share to keep sharing it or --copies clone to give it a private copy", t.writePos)
		}
	}
}

// checkReturns records how each returned value of a retyped result
// becomes a pointer.
func (p *Plan) checkReturns(t *target, decl *ast.FuncDecl, sig *types.Signature) {
	if len(t.results) == 0 {
		return
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) == 1 && sig.Results().Len() > 1 {
				p.returnTuple(t, n) // results.go: return f()
				return true
			}
			if len(n.Results) != sig.Results().Len() {
				return true // bare return: the named results are set first
			}
			for _, i := range t.results {
				p.classifyValue(t, t.unit, t.file, n.Results[i])
			}
		}
		return true
	})
}

// mayImplement reports whether the method t may satisfy an interface.
// Outside package main any importer may convert its type to one. In
// package main, which nothing imports, it may only if loaded code
// converts a value whose method set holds it to an interface with a
// method of its name, or to any interface while some code asserts to an
// interface with such a method.
func (p *Plan) mayImplement(t *target) bool {
	if t.unit.pkg.Name != "main" {
		return true
	}
	m := t.obj.(*types.Func)
	facts := p.ifaces()
	hasName := func(iface *types.Interface) bool {
		for i := range iface.NumMethods() {
			if iface.Method(i).Name() == m.Name() {
				return true
			}
		}
		return false
	}
	asserted := false
	for _, iface := range facts.asserts {
		asserted = asserted || hasName(iface)
	}
	for _, cv := range facts.convs {
		sel := types.NewMethodSet(cv.from).Lookup(m.Pkg(), m.Name())
		if sel == nil || p.key(origin(sel.Obj())) != t.key {
			continue
		}
		if iface, ok := cv.to.Underlying().(*types.Interface); ok && (hasName(iface) || asserted) {
			return true
		}
	}
	return false
}

// interfaceMethodNames returns the names of the methods of every
// interface type declared at package level in the loaded packages and
// their imports: a method with such a name may satisfy one.
func (p *Plan) interfaceMethodNames() map[string]bool {
	if p.ifaceMethods != nil {
		return p.ifaceMethods
	}
	p.ifaceMethods = make(map[string]bool)
	seen := make(map[*types.Package]bool)
	var visit func(pkg *types.Package)
	visit = func(pkg *types.Package) {
		if seen[pkg] {
			return
		}
		seen[pkg] = true
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
				if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
					for i := range iface.NumMethods() {
						p.ifaceMethods[iface.Method(i).Name()] = true
					}
				}
			}
		}
		for _, imp := range pkg.Imports() {
			visit(imp)
		}
	}
	for _, u := range p.units {
		visit(u.pkg.Types)
	}
	return p.ifaceMethods
}

// parentOf returns the parent of child in path (innermost first),
// skipping parentheses, or nil.
func parentOf(path []ast.Node, child ast.Node) ast.Node {
	for i, n := range path {
		if n == child {
			for _, parent := range path[i+1:] {
				if _, ok := parent.(*ast.ParenExpr); !ok {
					return parent
				}
			}
			return nil
		}
	}
	return nil
}

// setArgPolicy sets how each argument finding for a retyped parameter is
// rewritten, now that the callee's body has been read: a read-only
// parameter gets &m under every policy; a writing one follows --copies.
func (p *Plan) setArgPolicy() {
	for _, f := range p.findings {
		if f.static != nil || f.Dst.Kind != detect.DstParam || len(f.requires) == 0 || f.requires[0].kind != tFunc {
			continue // R1 struct arguments stay as they are
		}
		t := f.requires[0]
		// While a read-only callee runs, code it calls may write the
		// caller's map, which its copy did not see (argPrivate).
		var reached string
		if t.readOnly && p.opts.Copies != CopiesShare && t.callsOut {
			reached = p.argPrivate(f)
		}
		switch {
		case p.deferredOrGo(f):
			// The arguments of go and defer are evaluated at the
			// statement: a snapshot, never shared.
			f.src = srcClone
			f.fixText = "cloned with the Range-based helper, since a go or defer statement evaluates its arguments at once; the parameter of " + t.obj.Name() + " becomes " + ptrName(f)
		case !t.readOnly && p.opts.Copies == CopiesShare && p.sourceReset(f).IsValid():
			f.src = srcClone
			f.fixText = "cloned with the Range-based helper, not shared: " + p.resetText(f) + "; the parameter of " + t.obj.Name() + " becomes " + ptrName(f)
		case reached != "":
			f.src = srcClone
			f.fixText = "cloned with the Range-based helper, not passed by address: " + t.obj.Name() + " calls other code while it reads its copy, and that code may reach " + types.ExprString(f.Src) + " (" + reached + "); the parameter of " + t.obj.Name() + " becomes " + ptrName(f)
		case t.readOnly || p.opts.Copies == CopiesShare:
			f.src = srcShare
			f.fixText = "passed by address; the parameter of " + t.obj.Name() + " becomes " + ptrName(f)
		case p.isMove(f): // moves.go
			f.src = srcShare
			f.fixText = "moved: " + types.ExprString(f.Src) + " is not used after the call, so it is passed by address; the parameter of " + t.obj.Name() + " becomes " + ptrName(f)
		default:
			f.src = srcClone
			f.fixText = "cloned with the Range-based helper; the parameter of " + t.obj.Name() + " becomes " + ptrName(f)
		}
	}
}

// deferredOrGo reports whether the argument of f belongs to the call of
// a go or defer statement.
func (p *Plan) deferredOrGo(f *finding) bool {
	call := f.Dst.Call
	if call == nil {
		return false
	}
	path := p.idx.path(f.unit.fileOf(call.Pos()), call)
	switch stmt := parentOf(path, call).(type) {
	case *ast.GoStmt:
		return stmt.Call == call
	case *ast.DeferStmt:
		return stmt.Call == call
	}
	return false
}
