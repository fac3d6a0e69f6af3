package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/types/typeutil"
)

// Writes through aliases, under --copies share. A copy shared by address
// (n := x.m becomes n := &x.m) sees every later write over x.m, where the
// copy used to keep what x.m held at the copy. sourceReset finds the
// writes that name the source's root (x = T{}, x.a = A{}); this file
// finds those that may reach it under another name:
//
//	p := &x.m              q := &x      for i := range s {
//	n := x.m  // shared    n := q.m       n := s[i].m
//	*p = sync.Map{}        x = T{}        s[j] = T{}
//
// A source is within reach of another name when its path from the root
// goes through a pointer or a slice (q.m, (*q).m, s[i].m: it is
// indirect), when the root is a package-level variable, or when the
// root's address is taken anywhere (&x, &x.a, x[:] of an array, a
// pointer method called on x or on a field of it, other than a method of
// package sync's types, which keep no pointer to their receiver). Such a
// source is cloned if any loaded code writes a value of a type that
// holds the source's type by value, where the write's target goes
// through a pointer or a slice or is a package-level variable, or, for
// an indirect source, is a variable whose address is taken. That is
// coarse: a write to an unrelated value of the type costs a clone, which
// keeps what the program did. A call of package reflect or of a decoder
// with an interface argument counts as a write of any type through a
// pointer (reflect.ValueOf(v).Elem().SetZero(), json.Unmarshal(b, v)).

// An aliasWrite is an assignment over a value that holds a sync.Map.
type aliasWrite struct {
	pos token.Pos
	typ types.Type
	// through says whether the target's path goes through a pointer or
	// a slice, or starts at a package-level variable: the write counts
	// whatever the source. Otherwise root is the variable it writes.
	through bool
	root    types.Object
	// anyType says that the write may be of any type: reflection
	// through an interface.
	anyType bool
}

// aliasFacts are the writes and the address-taken variables of the loaded
// code, read with the interface facts (ifaces.go).
type aliasFacts struct {
	writes    []aliasWrite
	addressed map[types.Object]bool
	// loaded holds the paths of the loaded packages.
	loaded map[string]bool
}

// aliasNode records what n writes (under --copies share) or addresses
// (under every policy: argPrivate asks too).
func (r *ifaceReader) aliasNode(n ast.Node) {
	info := r.info
	share := r.p.opts.Copies == CopiesShare // only shared copies can see later writes
	switch n := n.(type) {
	case *ast.AssignStmt:
		if !share {
			return
		}
		for _, lhs := range n.Lhs {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && (id.Name == "_" || info.Defs[id] != nil) {
				continue // a new variable: nothing else reaches it yet
			}
			r.aliasWrite(lhs)
		}
	case *ast.RangeStmt:
		if share && n.Tok == token.ASSIGN {
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if x != nil {
					r.aliasWrite(x)
				}
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			r.addressed(n.X)
		}
	case *ast.SliceExpr:
		if _, ok := coreType(info.TypeOf(n.X)).(*types.Array); ok {
			r.addressed(n.X)
		}
	case *ast.SelectorExpr:
		// x.M() or x.M with M on *X: Go takes &x. The methods of package
		// sync's types keep no pointer to their receiver.
		if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && !sel.Indirect() {
			if fn, ok := sel.Obj().(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() != "sync" && isPlainPointer(fn.Signature().Recv().Type()) && !isPlainPointer(info.TypeOf(n.X)) {
				r.addressed(n.X)
			}
		}
	case *ast.CallExpr:
		if share {
			r.aliasCall(n)
		}
	}
}

// aliasCall records the writes a call may make that the loaded code does
// not show: copy, append and clear write elements of a slice that other
// slices may share, and a function whose body is not loaded (sort.Slice,
// slices.Reverse, reflect.ValueOf(&x).Elem().Set) may write whatever a
// slice or pointer argument reaches.
func (r *ifaceReader) aliasCall(call *ast.CallExpr) {
	info := r.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return // a conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "copy", "append", "clear":
				if len(call.Args) > 0 {
					if s, ok := coreType(info.TypeOf(call.Args[0])).(*types.Slice); ok && detect.Holds(s.Elem()) {
						r.recordWrite(call.Pos(), s.Elem())
					}
				}
			}
			return
		}
	}
	if r.loadedCallee(call) {
		return // its writes are in its body
	}
	elem := func(x ast.Expr) types.Type { // what a write through x writes
		switch t := coreType(info.TypeOf(x)).(type) {
		case *types.Slice:
			return t.Elem()
		case *types.Pointer:
			return t.Elem()
		}
		return nil
	}
	reflective := r.reflectiveCallee(call)
	for _, arg := range call.Args {
		if t := elem(arg); t != nil && detect.Holds(t) {
			r.recordWrite(arg.Pos(), t)
		} else if reflective && isIface(info.TypeOf(arg)) {
			// reflect.ValueOf(v).Elem().SetZero(), json.Unmarshal(b, v):
			// v may hold a pointer to anything.
			r.facts.alias.writes = append(r.facts.alias.writes, aliasWrite{pos: arg.Pos(), anyType: true, through: true})
		}
	}
}

// reflectiveCallee reports whether call calls a function of package
// reflect or a decoder (ifaces.go), which can write through a pointer
// held in an interface argument.
func (r *ifaceReader) reflectiveCallee(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(r.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	return path == "reflect" || decoderFuncs[path+"."+fn.Name()] || isThirdPartyDecoder(path, fn.Name())
}

// loadedCallee reports whether call calls a function or method declared
// in a loaded package, whose body the reader walks.
func (r *ifaceReader) loadedCallee(call *ast.CallExpr) bool {
	id := calleeIdent(call) // zeros.go
	if id == nil {
		return false
	}
	fn, ok := r.info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && r.facts.alias.loaded[fn.Pkg().Path()]
}

// recordWrite records a write through a pointer or a slice of a value of
// type t.
func (r *ifaceReader) recordWrite(pos token.Pos, t types.Type) {
	r.facts.alias.writes = append(r.facts.alias.writes, aliasWrite{pos: pos, typ: t, through: true})
}

func (r *ifaceReader) addressed(x ast.Expr) {
	if obj := rootObj(r.info, x); obj != nil {
		a := &r.facts.alias
		if a.addressed == nil {
			a.addressed = make(map[types.Object]bool)
		}
		a.addressed[obj] = true
	}
}

func (r *ifaceReader) aliasWrite(lhs ast.Expr) {
	t := r.info.TypeOf(lhs)
	if t == nil || !detect.Holds(t) && !holdsTypeParam(t) {
		return
	}
	root := rootObj(r.info, lhs)
	through := root == nil || isPackageVar(root) || pathIndirect(r.info, lhs)
	r.facts.alias.writes = append(r.facts.alias.writes, aliasWrite{pos: lhs.Pos(), typ: t, through: through, root: root})
}

// holdsTypeParam reports whether a value of type t is or holds a type
// parameter by value: generic code that writes one may write any type.
func holdsTypeParam(t types.Type) bool {
	return holdsType(t, nil)
}

// holdsType reports whether a value of type outer is or holds a value of
// type inner by value: through struct fields and array elements. A type
// parameter may stand for any type, so it holds inner (and only it, for
// a nil inner).
func holdsType(outer, inner types.Type) bool {
	found := false
	detect.WalkTypes(outer, false, func(t types.Type, _ *types.Var) bool {
		if isTypeParam(t) || inner != nil && types.Identical(t, inner) {
			found = true
		}
		return !found
	})
	return found
}

// rootObj returns the variable that x's path starts from, or nil.
func rootObj(info *types.Info, x ast.Expr) types.Object {
	id := rootVar(info, x)
	if id == nil {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil {
		return nil
	}
	return v
}

func isPackageVar(obj types.Object) bool {
	return obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope()
}

// pathIndirect reports whether x's path from its root goes through a
// pointer (explicit or implicit) or a slice element.
func pathIndirect(info *types.Info, x ast.Expr) bool {
	for {
		x = ast.Unparen(x)
		switch e := x.(type) {
		case *ast.StarExpr:
			return true
		case *ast.SelectorExpr:
			if sel := info.Selections[e]; sel != nil && sel.Indirect() {
				return true
			}
		case *ast.IndexExpr:
			if _, ok := coreType(info.TypeOf(e.X)).(*types.Array); !ok {
				return true // a slice, or a pointer to an array
			}
		}
		next := rootStep(x)
		if next == nil {
			return false
		}
		x = next
	}
}

// aliasWriteAt returns the position of a write that may reach f's source
// under another name, or token.NoPos (see the top of this file).
func (p *Plan) aliasWriteAt(f *finding) token.Pos {
	info := f.unit.pkg.TypesInfo
	st := info.TypeOf(f.Src)
	if st == nil {
		return token.NoPos
	}
	facts := &p.ifaces().alias
	root := rootObj(info, f.Src)
	indirect := root == nil || pathIndirect(info, f.Src)
	if !indirect && !isPackageVar(root) && !facts.addressed[root] {
		return token.NoPos // only its own name reaches it: rootAssigned
	}
	// The write to name: the first in the function of the copy, else
	// the first of all.
	first, inDecl := token.NoPos, token.NoPos
	var decl ast.Node
	if file := f.unit.fileOf(f.Pos); file != nil {
		if path := p.idx.path(file, f.Src); len(path) >= 2 {
			decl = path[len(path)-2] // the top-level declaration
		}
	}
	for _, w := range facts.writes {
		// A write by name reaches the source under another name only
		// if the source is reached through a pointer that may point
		// into the written variable.
		if !w.through && !(indirect && facts.addressed[w.root]) {
			continue
		}
		if !w.anyType && !holdsType(w.typ, st) {
			continue
		}
		if !first.IsValid() {
			first = w.pos
		}
		if decl != nil && decl.Pos() <= w.pos && w.pos < decl.End() {
			inDecl = w.pos
			break
		}
	}
	if inDecl.IsValid() {
		return inDecl
	}
	return first
}

// argPrivate returns "" if no code but the callee can reach the map that
// f, an argument, passes while the callee runs: its root is a local
// variable of the caller, reached without a pointer or a slice, whose
// address is never taken and which no function literal uses. Otherwise
// it says what may reach it.
func (p *Plan) argPrivate(f *finding) string {
	info := f.unit.pkg.TypesInfo
	root, _ := rootObj(info, f.Src).(*types.Var)
	switch {
	case root == nil || pathIndirect(info, f.Src):
		return "it is reached through a pointer or a slice"
	case isPackageVar(root):
		return "it is a package-level variable"
	case p.ifaces().alias.addressed[root]:
		return "its address is taken"
	}
	file := f.unit.fileOf(root.Pos())
	if file == nil {
		return "its declaration is not loaded"
	}
	for _, use := range p.idx.localUses(file, info, root) {
		for _, n := range p.idx.path(file, use) {
			if _, ok := n.(*ast.FuncLit); ok {
				return "a function literal uses it"
			}
		}
	}
	return ""
}
