package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/syncfix/syncfix/detect"
)

// A siteIndex holds what the planner looks up by syntax.
type siteIndex struct {
	// files maps a file name to the unit and syntax that edit it.
	files map[string]fileLoc
	// findingBySrc maps a copied expression to its finding.
	findingBySrc map[ast.Expr]*finding
	// members maps the key of a retyped parameter or result to its
	// function's target.
	members map[string]*target
	// pointerCalls maps a call of a function target whose result is
	// stored as a pointer to the target that stores it; other calls of
	// such functions are dereferenced.
	pointerCalls map[*ast.CallExpr]*target
	// boxAsserts maps an assertion x.(S) to its finding, boxImplicit
	// the variable of a type switch case S (boxed.go); implicits maps
	// the variable of every type switch case to its clause.
	boxAsserts  map[*ast.TypeAssertExpr]*finding
	boxImplicit map[types.Object]*finding
	implicits   map[types.Object]*ast.CaseClause
}

type fileLoc struct {
	unit *unit
	file *ast.File
}

func indexSites(p *Plan) *siteIndex {
	s := &siteIndex{
		files:        make(map[string]fileLoc),
		findingBySrc: make(map[ast.Expr]*finding),
		members:      make(map[string]*target),
		pointerCalls: make(map[*ast.CallExpr]*target),
		boxAsserts:   make(map[*ast.TypeAssertExpr]*finding),
		boxImplicit:  make(map[types.Object]*finding),
		implicits:    make(map[types.Object]*ast.CaseClause),
	}
	for _, u := range p.units {
		for n, obj := range u.pkg.TypesInfo.Implicits {
			if cc, ok := n.(*ast.CaseClause); ok {
				s.implicits[obj] = cc
			}
		}
	}
	for _, u := range p.units {
		for _, f := range u.pkg.Syntax {
			name := u.fileNames[f]
			if _, dup := s.files[name]; !dup {
				s.files[name] = fileLoc{u, f}
			}
		}
	}
	for _, f := range p.findings {
		switch {
		case f.Form == detect.Conversion:
			// Registry(m) is replaced as a whole.
			if call, ok := f.Dst.Expr.(*ast.CallExpr); ok {
				s.findingBySrc[call] = f
				// Its operand is a use the finding's fix adjusts.
				s.findingBySrc[ast.Unparen(f.Src)] = f
			}
		case f.Src != nil && f.Form != detect.TypeAssert && f.Form != detect.RangeVar && f.Form != detect.Reset:
			// A reset's zero value is no copy: a target that stores it
			// makes it new(sync.Map) (classifyValue).
			s.findingBySrc[ast.Unparen(f.Src)] = f
		}
	}
	return s
}

// canAddress reports whether the copied expression of f can be passed
// by address: it is addressable, or *p.
func (p *Plan) canAddress(f *finding) bool {
	x := ast.Unparen(f.Src)
	if _, ok := x.(*ast.StarExpr); ok {
		return true
	}
	tv, ok := f.unit.pkg.TypesInfo.Types[x]
	return ok && tv.Addressable()
}

// typeParamKey identifies a type parameter across package variants: its
// declaring position; "" for other types.
func typeParamKey(p *Plan, t types.Type) string {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return ""
	}
	return p.key(tp.Obj())
}

// syncMapTypeParams returns the keys of the type parameters that some
// instantiation in the loaded code binds to a sync.Map type, directly or
// through the type parameter of an enclosing generic function (a fixed
// point over the instantiations). The receiver type parameters of the
// methods of a generic type count with the type's own.
func (p *Plan) syncMapTypeParams() map[string]bool {
	marked := make(map[string]bool)
	type binding struct {
		params []*types.TypeParam
		arg    types.Type
	}
	var bindings []binding
	for _, u := range p.units {
		for id, inst := range u.pkg.TypesInfo.Instances {
			obj := u.pkg.TypesInfo.Uses[id]
			if obj == nil {
				continue
			}
			var lists [][]*types.TypeParam
			switch o := origin(obj).(type) {
			case *types.Func:
				lists = append(lists, typeParams(o.Signature().TypeParams()))
			case *types.TypeName:
				if named, ok := o.Type().(*types.Named); ok {
					lists = append(lists, typeParams(named.TypeParams()))
					for m := range named.Methods() {
						lists = append(lists, typeParams(m.Signature().RecvTypeParams()))
					}
				}
			}
			for i := range inst.TypeArgs.Len() {
				var ps []*types.TypeParam
				for _, l := range lists {
					if i < len(l) {
						ps = append(ps, l[i])
					}
				}
				bindings = append(bindings, binding{ps, inst.TypeArgs.At(i)})
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, b := range bindings {
			if !detect.IsSyncMap(b.arg) && !marked[typeParamKey(p, b.arg)] {
				continue
			}
			for _, tp := range b.params {
				if k := p.key(tp.Obj()); !marked[k] {
					marked[k], changed = true, true
				}
			}
		}
	}
	return marked
}

func typeParams(list *types.TypeParamList) []*types.TypeParam {
	var out []*types.TypeParam
	for i := range list.Len() {
		out = append(out, list.At(i))
	}
	return out
}

// analyzeConstruction applies the rest of R1: every place that makes a
// value holding a retyped field gets new(sync.Map) for it, and the places
// where such a zero value appears that syncfix cannot initialize block
// the field.
func (p *Plan) analyzeConstruction() {
	var fields []*target
	for _, t := range p.sortedTargets() {
		if t.kind == tField {
			fields = append(fields, t)
		}
	}
	if len(fields) == 0 {
		return
	}
	c := &constructionScan{p: p, fields: fields, held: make(map[types.Type][]*target),
		zeroMakers: make(map[types.Object]string),
		zeroCtors:  make(map[*types.Named]*types.Func),
		byKey:      make(map[string]*target)}
	for _, t := range fields {
		c.byKey[t.key] = t
	}
	for _, u := range p.units {
		for _, file := range u.pkg.Syntax {
			c.scanFile(u, file)
		}
		c.instances(u)
	}
	c.ifaceBlocks() // ifaces.go: reflection and interface comparisons
	c.openWorld()   // openworld.go: importers outside the load
}

// A constructionScan walks all loaded files once for the R1 sites.
type constructionScan struct {
	p      *Plan
	fields []*target
	held   map[types.Type][]*target
	// zeroMakers caches genericZero.
	zeroMakers map[types.Object]string
	// zeroCtors caches zeroConstructor.
	zeroCtors map[*types.Named]*types.Func
	// byKey indexes fields by key.
	byKey map[string]*target
}

// heldBy returns the field targets a value of type t holds by value
// (through struct fields and array elements), walking t once.
func (c *constructionScan) heldBy(t types.Type) []*target {
	if t == nil {
		return nil
	}
	if ts, ok := c.held[t]; ok {
		return ts
	}
	c.held[t] = nil // a value cannot hold itself; this ends cycles
	ts := c.fieldTargets(t, false, false)
	c.held[t] = ts
	return ts
}

// fieldTargets returns the field targets that a value of type t holds
// by value (through struct fields and arrays), and with reach, also
// those it leads to through slices, maps and channels, and with
// pointers, through pointers too; each once, not looking inside a
// target or another sync.Map.
func (c *constructionScan) fieldTargets(t types.Type, reach, pointers bool) []*target {
	var ts []*target
	detect.WalkTypes(t, reach, func(t types.Type, f *types.Var) bool {
		if f != nil {
			if ft := c.fieldTarget(f); ft != nil {
				if !slices.Contains(ts, ft) {
					ts = append(ts, ft)
				}
				return false
			}
		}
		if detect.IsSyncMap(t) {
			return false
		}
		_, isPtr := t.Underlying().(*types.Pointer)
		return pointers || !isPtr
	})
	return ts
}

// blockAll blocks every target in ts.
func (c *constructionScan) blockAll(ts []*target, pos token.Pos, kind BlockKind, reason string) {
	for _, t := range ts {
		t.block(kind, reason, c.p.Fset.Position(pos))
	}
}

func (c *constructionScan) scanFile(u *unit, file *ast.File) {
	info := u.pkg.TypesInfo
	editable := u.editable[file]
	// The zero values no edit can fill in (zeros.go).
	zeroOps(info, file, false, func(n ast.Node, z types.Type, k zeroKind) {
		ts := c.heldBy(z)
		if len(ts) == 0 {
			return
		}
		why := k.reason()
		if k == zCommaOk {
			why = c.commaOkInit(u, file, n.(*ast.TypeAssertExpr), z, ts) // failinit.go
		}
		if why != "" {
			c.blockAll(ts, n.Pos(), BlockZeroValue, why)
		}
	})
	// The zero values R1 initializes.
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			c.literal(u, file, n, editable)
		case *ast.ValueSpec:
			if len(n.Values) == 0 && n.Type != nil {
				if ts := c.heldBy(info.TypeOf(n.Type)); len(ts) > 0 {
					if !editable {
						ne := c.p.noEdit(u, file)
						c.blockAll(ts, n.Pos(), ne.kind, "a zero value is declared in "+ne.what)
					} else if why := c.zeroBlocker(u, file, n.Pos(), info.TypeOf(n.Type)); why != "" {
						c.blockAll(ts, n.Pos(), BlockZeroValue, why)
					} else if why, at := c.p.initOrderBlocker(u, file, n); why != "" {
						c.blockAll(ts, at, BlockInitOrder, why) // initorder.go
					} else {
						c.addOp(ts, c.p.declOp(initVar{}, u, file, n))
					}
				}
			}
		case *ast.CallExpr:
			c.call(u, file, n, editable)
			c.conversion(u, n)
		}
		return true
	})
}

// call handles new(T).
func (c *constructionScan) call(u *unit, file *ast.File, call *ast.CallExpr, editable bool) {
	info := u.pkg.TypesInfo
	if !isBuiltin(info, call, "new") || len(call.Args) != 1 {
		return
	}
	tv := info.Types[call.Args[0]]
	if !tv.IsType() {
		return // new(v) of Go 1.26 copies v
	}
	ts := c.heldBy(tv.Type)
	if len(ts) == 0 {
		return
	}
	if !editable {
		ne := c.p.noEdit(u, file)
		c.blockAll(ts, call.Pos(), ne.kind, "new(T) is called in "+ne.what)
		return
	}
	if _, ok := tv.Type.Underlying().(*types.Struct); !ok {
		c.blockAll(ts, call.Pos(), BlockZeroValue, "new of an array makes zero values that syncfix cannot initialize")
		return
	}
	if why := c.zeroBlocker(u, file, call.Pos(), tv.Type); why != "" {
		c.blockAll(ts, call.Pos(), BlockZeroValue, why)
		return
	}
	c.addOp(ts, newOp(newToLit{}, u, file, call))
}

// literal handles a composite literal of a struct holding retyped fields:
// present fields are checked like any stored value, and missing ones are
// initialized.
func (c *constructionScan) literal(u *unit, file *ast.File, lit *ast.CompositeLit, editable bool) {
	info := u.pkg.TypesInfo
	t := litType(info, lit)
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	ts := c.heldBy(t)
	if len(ts) == 0 {
		return
	}
	if !editable {
		ne := c.p.noEdit(u, file)
		c.blockAll(ts, lit.Pos(), ne.kind, "a literal in "+ne.what+" makes a value holding it")
		return
	}
	keyed := len(lit.Elts) > 0
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			keyed = false
		}
	}
	for i := range st.NumFields() {
		fv := st.Field(i)
		ft := c.fieldTarget(fv)
		if ft == nil {
			continue
		}
		var value ast.Expr
		if keyed || len(lit.Elts) == 0 {
			for _, elt := range lit.Elts {
				kv := elt.(*ast.KeyValueExpr)
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == fv.Name() {
					value = kv.Value
				}
			}
		} else if i < len(lit.Elts) {
			value = lit.Elts[i]
		}
		if value != nil {
			c.p.classifyValue(ft, u, file, value)
		}
	}
	if why := c.zeroBlocker(u, file, lit.Pos(), t); why != "" {
		c.blockAll(ts, lit.Pos(), BlockZeroValue, why)
		return
	}
	c.addOp(ts, newOp(litInit{}, u, file, lit))
}

// fieldTarget returns the target of field v, if it is one. A field of
// an instantiated generic type is its origin's target only where it is
// a sync.Map: box[T2].v is a T2 whatever box[sync.Map].v becomes, and
// what it holds is T2's fields.
func (c *constructionScan) fieldTarget(v *types.Var) *target {
	if v.Origin() != v && !detect.IsSyncMap(v.Type()) {
		return nil
	}
	return c.byKey[c.p.key(v.Origin())]
}

// addOp records o for every target in ts: the applier performs it once
// if any of them is accepted, and fills in exactly the accepted ones.
func (c *constructionScan) addOp(ts []*target, o *op) {
	for _, t := range ts {
		t.ops = append(t.ops, o)
	}
}

// isBuiltin reports whether call calls the builtin name.
func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// litType returns the struct type a composite literal makes: for an
// element of []*T{{...}}, whose & is elided, T rather than *T.
func litType(info *types.Info, lit *ast.CompositeLit) types.Type {
	t := info.TypeOf(lit)
	if ptr, ok := t.Underlying().(*types.Pointer); ok && lit.Type == nil {
		return ptr.Elem()
	}
	return t
}

// conversion blocks the fields held by a value converted to another
// struct type, T(v) or (*T)(p), unless both types hold the same fields:
// type U T shares T's field declarations, so (*T)(&u) stays valid, while
// two struct types written out apart would stop being convertible once
// only one of them is retyped.
func (c *constructionScan) conversion(u *unit, call *ast.CallExpr) {
	info := u.pkg.TypesInfo
	tv, ok := info.Types[call.Fun]
	if !ok || !tv.IsType() || len(call.Args) != 1 {
		return
	}
	from := info.TypeOf(call.Args[0])
	if from == nil || types.Identical(from, tv.Type) || types.IsInterface(tv.Type) {
		return
	}
	// Both sides: retyping the fields of one type and not the other's
	// breaks the conversion, whichever side is copied.
	ts := c.heldBy(derefAll(from))
	to := c.heldBy(derefAll(tv.Type))
	if len(ts) == 0 && len(to) == 0 {
		return
	}
	if len(to) == len(ts) && types.Identical(derefAll(from).Underlying(), derefAll(tv.Type).Underlying()) {
		same := true
		for _, t := range ts {
			same = same && slices.Contains(to, t)
		}
		if same {
			return
		}
	}
	c.blockAll(append(ts, to...), call.Pos(), BlockConversion, "a value holding it is converted to another type, which would no longer match")
}
