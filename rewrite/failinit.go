package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// This file holds R1's rule for comma-ok type assertions to a struct
// that holds a retyped field:
//
//	l, _ := v.(listener.Listener)     =>  l, ok := v.(listener.Listener)
//	                                      if !ok {
//	                                          l = listener.NewListener()
//	                                      }
//
// A failed assertion yields the zero struct, whose sync.Map used to work
// empty and whose *sync.Map is now nil. Where the variable may be used
// after a failure, the statement is followed by an initialisation on the
// failure path: a literal with new(sync.Map) for each retyped field (as
// for any construction site), or, where the file cannot write one (an
// unexported field of another package), a call of a constructor of the
// struct's package that makes the zero value and nothing else. A blank
// ok of a declaration gets a fresh name for the test. Nothing is added
// where the variable is blank or every use of it is guarded by ok.

// commaOkInit handles v, ok := x.(T) for a struct type T holding the
// field targets ts: it returns "" once the failure path is safe (an op
// added, or none needed), else why it cannot be made safe.
func (c *constructionScan) commaOkInit(u *unit, file *ast.File, ta *ast.TypeAssertExpr, z types.Type, ts []*target) string {
	refuse := func(why string) string {
		return zCommaOk.reason() + ": " + why
	}
	info := u.pkg.TypesInfo
	path := c.p.idx.path(file, ta)
	var s ast.Stmt
	var dst, okExpr ast.Expr
	define := false
	switch parent := parentOf(path, ta).(type) {
	case *ast.AssignStmt:
		s, dst, okExpr, define = parent, parent.Lhs[0], parent.Lhs[1], parent.Tok == token.DEFINE
	case *ast.ValueSpec:
		s = declStmtOf(path, parent)
		dst, okExpr, define = parent.Names[0], parent.Names[1], true
	}
	x, isIdent := ast.Unparen(dst).(*ast.Ident)
	if !isIdent {
		return zCommaOk.reason()
	}
	if x.Name == "_" {
		return "" // the zero value is not kept
	}
	if _, ok := z.Underlying().(*types.Struct); !ok {
		return zCommaOk.reason()
	}
	okId, _ := ast.Unparen(okExpr).(*ast.Ident)
	var okObj types.Object
	if okId != nil && okId.Name != "_" {
		okObj = info.ObjectOf(okId)
	}
	if xObj := info.Defs[x]; xObj != nil && okObj != nil && c.p.guardedByOk(u, file, s, xObj, okObj) {
		return ""
	}
	if !u.editable[file] {
		return refuse("the assertion is in " + c.p.noEdit(u, file).what)
	}
	if s == nil || !inStmtList(c.p.idx.path(file, s), s) {
		return refuse("no statement can be inserted after this one to initialise " + x.Name)
	}
	// The initialisation names T as the assertion does; the statement
	// must not declare that name itself.
	root := rootIdent(ta.Type)
	if root == nil {
		return zCommaOk.reason()
	}
	for _, id := range declaredBy(s) {
		if id.Name == root.Name {
			return refuse(x.Name + " is initialised through the name " + root.Name + ", which this statement redeclares")
		}
	}
	fi := failInit{dst: x.Name, assert: ta}
	if why := c.zeroBlocker(u, file, ta.Pos(), z); why != "" {
		ctor := c.zeroConstructor(u, z)
		if ctor == nil {
			return refuse(why + ", and package " + typePkgName(z) + " has no function that only returns a zero " + typeName(z))
		}
		call, why := c.p.ctorCall(u, file, s, ctor)
		if why != "" {
			return refuse(x.Name + " would be initialised by " + ctor.Name() + ", but " + why)
		}
		fi.ctor = call
	}
	okName := ""
	switch {
	case okObj != nil:
		okName = okObj.Name()
	case okId != nil && define:
		okName = c.p.freshLocal(u, file, "ok")
		fi.blank = okId
	default:
		return refuse("ok is blank in an assignment, and no name can be added to test it")
	}
	fi.ok = okName
	c.addOp(ts, newOp(fi, u, file, s))
	return ""
}

// ctorCall returns how the file writes a call of ctor right after the
// statement s (p.F, or F in its own package), or why it cannot: the
// file must import ctor's package under a name (not . or _) that means
// that import there, and that s does not redeclare.
func (p *Plan) ctorCall(u *unit, file *ast.File, s ast.Stmt, ctor *types.Func) (string, string) {
	name, want := ctor.Name(), types.Object(ctor)
	if ctor.Pkg() != u.pkg.Types {
		pn := importedAs(u.pkg.TypesInfo, file, ctor.Pkg().Path())
		if pn == nil {
			return "", "this file does not import package " + ctor.Pkg().Path() + " under a name"
		}
		name, want = pn.Name(), pn
	}
	for _, id := range declaredBy(s) {
		if id.Name == name {
			return "", "this statement redeclares " + name
		}
	}
	if _, obj := u.innermost(s.Pos()).LookupParent(name, s.Pos()); obj != want {
		return "", name + " is shadowed here"
	}
	if want != types.Object(ctor) {
		return name + "." + ctor.Name(), ""
	}
	return name, ""
}

// zeroConstructor returns a function of the package of the named type z
// that the unit u may call to get a zero z with its retyped fields
// initialised: no parameters, one result of type z, and a body that only
// returns a zero literal of z (directly, or through a variable), whose
// construction site R1 initialises. Other fields stay zero, so the call
// makes what the failed assertion made. Functions are tried in name
// order.
func (c *constructionScan) zeroConstructor(u *unit, z types.Type) *types.Func {
	named, ok := types.Unalias(z).(*types.Named)
	if !ok || named.TypeArgs().Len() > 0 || named.Obj().Pkg() == nil {
		return nil
	}
	pkg := named.Obj().Pkg()
	if fn, ok := c.zeroCtors[named]; ok {
		return fn
	}
	var found *types.Func
	for _, name := range pkg.Scope().Names() {
		fn, ok := pkg.Scope().Lookup(name).(*types.Func)
		if !ok || !fn.Exported() && pkg != u.pkg.Types {
			continue
		}
		sig := fn.Signature()
		if sig.Params().Len() != 0 || sig.Results().Len() != 1 || sig.TypeParams().Len() != 0 ||
			!types.Identical(sig.Results().At(0).Type(), named) {
			continue
		}
		decl := c.p.funcDecl(fn)
		if decl == nil || decl.Body == nil {
			continue
		}
		// Built always: not a test file, no build constraint, no
		// GOOS or GOARCH in the name.
		if name := c.p.Fset.PositionFor(decl.Pos(), false).Filename; isTestFile(name) || constrained(name, c.p.prog.Source[name]) {
			continue
		}
		loc := c.p.sites.files[c.p.Fset.PositionFor(decl.Pos(), false).Filename]
		if loc.unit == nil || !c.p.returnsZero(loc.unit.pkg.TypesInfo, decl.Body, named) {
			continue
		}
		found = fn
		break
	}
	c.zeroCtors[named] = found
	return found
}

// returnsZero reports whether body is return Z{}, x := Z{}; return x,
// var x Z; return x or var x = Z{}; return x, for a zero literal Z{} of
// type z (see isZeroLit). info may be another variant's than z's.
func (p *Plan) returnsZero(info *types.Info, body *ast.BlockStmt, z *types.Named) bool {
	list := body.List
	if len(list) == 0 || len(list) > 2 {
		return false
	}
	ret, ok := list[len(list)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	if len(list) == 1 {
		return p.isZeroLit(info, ret.Results[0], z)
	}
	id, ok := ast.Unparen(ret.Results[0]).(*ast.Ident)
	if !ok {
		return false
	}
	var decl *ast.Ident
	switch s := list[0].(type) {
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE || len(s.Lhs) != 1 || len(s.Rhs) != 1 || !p.isZeroLit(info, s.Rhs[0], z) {
			return false
		}
		decl, _ = s.Lhs[0].(*ast.Ident)
	case *ast.DeclStmt:
		gd := s.Decl.(*ast.GenDecl)
		if gd.Tok != token.VAR || len(gd.Specs) != 1 {
			return false
		}
		spec := gd.Specs[0].(*ast.ValueSpec)
		switch {
		case len(spec.Names) != 1:
			return false
		case len(spec.Values) == 0:
			if spec.Type == nil || !p.sameNamed(info.TypeOf(spec.Type), z) {
				return false
			}
		case len(spec.Values) != 1 || !p.isZeroLit(info, spec.Values[0], z):
			return false
		}
		decl = spec.Names[0]
	}
	return decl != nil && info.Defs[decl] != nil && info.Uses[id] == info.Defs[decl]
}

// isZeroLit reports whether e is a composite literal of type z whose
// elements, if any, are keyed and are zero literals themselves
// (sync.Map{}, Inner{}) or nil: a literal that makes the zero z.
func (p *Plan) isZeroLit(info *types.Info, e ast.Expr, z *types.Named) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || !p.sameNamed(info.TypeOf(lit), z) {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		switch v := ast.Unparen(kv.Value).(type) {
		case *ast.CompositeLit:
			if len(v.Elts) > 0 {
				return false
			}
		case *ast.Ident:
			if _, isNil := info.Uses[v].(*types.Nil); !isNil {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// sameNamed reports whether t is the named type z, in any variant of
// its package.
func (p *Plan) sameNamed(t types.Type, z *types.Named) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.TypeArgs().Len() == 0 && p.key(n.Obj()) == p.key(z.Obj())
}

// rootIdent returns the identifier a type expression T or p.T starts
// with, or nil for other type expressions.
func rootIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		id, _ := e.X.(*ast.Ident)
		return id
	}
	return nil
}

// declaredBy returns the names a := or var statement declares (or
// assigns).
func declaredBy(s ast.Stmt) []*ast.Ident {
	var ids []*ast.Ident
	switch s := s.(type) {
	case *ast.AssignStmt:
		for _, l := range s.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok {
				ids = append(ids, id)
			}
		}
	case *ast.DeclStmt:
		for _, spec := range s.Decl.(*ast.GenDecl).Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				ids = append(ids, vs.Names...)
			}
		}
	}
	return ids
}

// typePkgName returns the name of the package that declares the named
// type t.
func typePkgName(t types.Type) string {
	if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() != nil {
		return named.Obj().Pkg().Name()
	}
	return "?"
}

// freshLocal returns base, or base2, ...: the first name that no scope
// of u's package declares, that the file does not import and that is not
// predeclared, so that a variable of that name shadows nothing and is
// shadowed nowhere.
func (p *Plan) freshLocal(u *unit, file *ast.File, base string) string {
	fileScope := u.pkg.TypesInfo.Scopes[file]
	taken := func(name string) bool {
		return p.declaresLocally(u, name) || u.pkg.Types.Scope().Lookup(name) != nil ||
			fileScope != nil && fileScope.Lookup(name) != nil || types.Universe.Lookup(name) != nil
	}
	return freshName(base, func(name string) bool { return !taken(name) })
}

// A failInit initialises the variable of a comma-ok assertion to a
// struct on the failure path: the blank ok gets its name, and the
// statement is followed by if !ok { x = T{...} } (or x = p.NewT()).
type failInit struct {
	dst, ok string
	assert  *ast.TypeAssertExpr
	// ctor is the call that makes the zero value, if not a literal;
	// blank is the blank ok that gets a name.
	ctor  string
	blank *ast.Ident
}

func (fi failInit) apply(e *fileEditor, o *op) error {
	s := o.node.(ast.Stmt)
	x, ok := fi.dst, fi.ok
	typ := e.text(fi.assert.Type)
	var value string
	if fi.ctor != "" {
		value = fi.ctor + "()"
	} else {
		elts, err := e.missingInits(e.unit.pkg.TypesInfo.TypeOf(fi.assert.Type), nil, s.Pos())
		if err != nil {
			return err
		}
		value = typ + "{" + strings.Join(elts, ", ") + "}"
	}
	if fi.blank != nil {
		e.edits.replace(e.off(fi.blank.Pos()), e.off(fi.blank.End()), ok)
	}
	e.insertAfter(s, "if !"+ok+" {", x+" = "+value)
	return nil
}

// insertAfter inserts if cond { body } on the lines after statement s,
// indented as s is.
func (e *fileEditor) insertAfter(s ast.Stmt, open, body string) {
	start := e.lineStart(e.off(s.Pos()))
	indent := e.src[start:e.off(s.Pos())]
	if !e.blank(start, e.off(s.Pos())) {
		indent = nil
	}
	in := string(indent)
	text := "\n" + in + open + "\n" + in + "\t" + body + "\n" + in + "}"
	end := e.off(s.End())
	if lineEnd := e.lineEnd(end); e.onlyComments(end, lineEnd) {
		end = lineEnd
	} else {
		text += ";"
	}
	e.edits.insert(end, text, 0)
}
