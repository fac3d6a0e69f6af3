package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/syncfix/syncfix/detect"
)

// classify decides, for each finding, which rule fixes it and which
// targets that rule retypes, or why no rule applies.
func (p *Plan) classify() {
	p.resetAt = make(map[string]token.Pos)
	for _, f := range p.findings {
		if f.Form == detect.Reset && f.Dst.Obj != nil && !f.silenced {
			if k := p.key(origin(f.Dst.Obj)); p.resetAt[k] == token.NoPos {
				p.resetAt[k] = f.Pos
			}
		}
	}
	for _, f := range p.findings {
		if !f.unit.editable[f.unit.fileOf(f.Pos)] {
			ne := p.noEdit(f.unit, f.unit.fileOf(f.Pos))
			f.static = p.blockAt(f.Pos, ne.kind, "it is in "+ne.what)
			continue
		}
		if f.Form == detect.Reset {
			p.classifyReset(f) // reset.go: R6
			continue
		}
		if detect.IsSyncMap(f.Type) {
			p.classifyDirect(f)
		} else {
			p.classifyStruct(f)
		}
	}
}

// classifyStruct applies R1: a copy of a value that holds sync.Map
// fields is fixed by retyping every such field to *sync.Map.
func (p *Plan) classifyStruct(f *finding) {
	const why = "the sync.Map is held in an array or through a type parameter, which syncfix cannot retype"
	if len(f.Fields) == 0 {
		f.static = p.blockAt(f.Pos, BlockManualRetype, why)
		for _, step := range f.Path {
			if step.Field != nil && step.Field.Pos().IsValid() {
				f.static.pos = p.Fset.Position(step.Field.Pos())
			}
		}
		return
	}
	// Retyping the fields would leave the copy of an array of maps,
	// such as f [2]sync.Map next to them.
	if field, ok := mapInArray(f.Type); ok {
		f.static = p.blockAt(f.Pos, BlockManualRetype, why)
		if field != nil && field.Pos().IsValid() {
			f.static.pos = p.Fset.Position(field.Pos())
		}
		return
	}
	qual := detect.Qualifier(f.unit.pkg.Types)
	var names []string
	for _, field := range f.Fields {
		f.requires = append(f.requires, p.target(tField, field))
		names = append(names, "field "+field.Name()+" becomes *"+types.TypeString(field.Type(), qual))
	}
	// A copy into another type with identical fields, such as holder
	// passed to a parameter of type struct{ m sync.Map }, stays valid
	// only if the destination's fields change too: one decision.
	if dt := f.Dst.Type; dt != nil && !isIface(dt) && !types.Identical(dt, f.Type) {
		for _, field := range detect.MapFields(dt) {
			if t := p.target(tField, field); !slices.Contains(f.requires, t) {
				f.requires = append(f.requires, t)
			}
		}
	}
	// The fields a copy holds are one decision: a copy of Outer{Inner;
	// b} with only b retyped would still copy Inner's map. A ring of
	// requirements lets a blocker of one reach them all.
	for i, t := range f.requires {
		t.requires = append(t.requires, f.requires[(i+1)%len(f.requires)])
	}
	f.src = srcNone
	f.fixText = strings.Join(names, ", ") + "; copies of " + types.TypeString(f.Path[0].Type, qual) + " now share one map"
}

// mapInArray reports whether a value of t holds a sync.Map as an array
// element (R1 retypes fields, not elements), and returns the struct
// field that holds that array, if any.
func mapInArray(t types.Type) (*types.Var, bool) {
	seen := make(map[types.Type]bool)
	var walk func(t types.Type, field *types.Var, inArray bool) (*types.Var, bool)
	walk = func(t types.Type, field *types.Var, inArray bool) (*types.Var, bool) {
		if detect.IsSyncMap(t) {
			return field, inArray
		}
		if seen[t] {
			return nil, false
		}
		seen[t] = true
		switch u := t.Underlying().(type) {
		case *types.Array:
			return walk(u.Elem(), field, true)
		case *types.Struct:
			for i := range u.NumFields() {
				sf := u.Field(i)
				if detect.IsSyncMap(sf.Type()) {
					continue // a field R1 retypes
				}
				if v, ok := walk(sf.Type(), sf, inArray); ok {
					return v, true
				}
			}
		}
		return nil, false
	}
	return walk(t, nil, false)
}

// classifyDirect handles copies of a sync.Map itself (or of a defined
// type over it): R2 for expressions, R3 for signatures.
func (p *Plan) classifyDirect(f *finding) {
	if f.Dst.Kind == detect.DstInterface {
		// Every store into an interface counts for the box, also one
		// that no rule fixes (boxed.go).
		b := p.boxOf(f.Type)
		b.stores = append(b.stores, f)
	}
	switch f.Form {
	case detect.Param:
		p.requireFunc(f, f.Dst.Func, "parameter "+objName(f.Dst.Obj)+" becomes "+ptrName(f))
		return
	case detect.BareReturn:
		p.requireFunc(f, f.Dst.Func, "result "+objName(f.Dst.Obj)+" becomes "+ptrName(f)+", set to new("+ptrName(f)[1:]+") first")
		return
	case detect.Receiver, detect.MethodValue, detect.MethodCall:
		f.static = p.blockAt(f.Pos, BlockManualRetype, "value receivers of a defined sync.Map type are not rewritten; make the receiver a pointer")
		return
	case detect.Conversion:
		p.classifyConversion(f)
		return
	case detect.TypeAssert:
		p.classifyAssert(f) // boxed.go
		return
	case detect.RangeVar, detect.ForVar, detect.ElemCopy:
		f.static = p.blockAt(f.Pos, BlockManualRetype, "the elements hold sync.Map values; change the element type to *sync.Map")
		return
	}
	if f.Src == nil {
		f.static = p.invariant(f.Pos, "copy without a source")
		return
	}
	if !p.canAddress(f) {
		f.static = p.blockAt(f.Src.Pos(), BlockUsedAsValue, "the copied value is not addressable")
		return
	}
	clone, share := srcClone, srcShare
	if p.opts.Copies == CopiesShare && !p.sourceReset(f).IsValid() {
		clone = srcShare
	}
	switch f.Dst.Kind {
	case detect.DstVar:
		if isSignatureVar(f.Dst.Obj) {
			p.requireFunc(f, p.funcOfVar(f.unit, f.Dst.Obj), signatureVarKind(f.Dst.Obj)+" "+f.Dst.Obj.Name()+" becomes "+ptrName(f))
			f.src = clone
			break
		}
		t := p.varTarget(f.Dst.Obj)
		if t == nil {
			f.static = p.blockAt(f.Pos, BlockDeclaration, "the destination cannot be retyped")
			return
		}
		f.requires = append(f.requires, t)
		f.src, f.fixText = clone, t.describe()+" becomes "+ptrName(f)
	case detect.DstField:
		field, _ := f.Dst.Obj.(*types.Var)
		if field == nil {
			f.static = p.blockAt(f.Pos, BlockDeclaration, "the destination field is unknown")
			return
		}
		f.requires = append(f.requires, p.target(tField, field))
		f.src, f.fixText = clone, "field "+field.Name()+" becomes "+ptrName(f)
	case detect.DstResult:
		p.requireFunc(f, f.Dst.Func, "the result becomes "+ptrName(f))
		f.src = clone
	case detect.DstParam:
		p.classifyArg(f)
		return
	case detect.DstInterface:
		p.classifyStore(f) // boxed.go
		return
	case detect.DstBlank:
		f.src, f.fixText = share, "the blank assignment takes the address"
		return
	case detect.DstChan:
		f.static = p.blockAt(f.Pos, BlockManualRetype, "the channel carries sync.Map values; change its element type to *sync.Map")
		return
	default:
		f.static = p.blockAt(f.Pos, BlockManualRetype, "the destination holds sync.Map values; change its type to *sync.Map")
		return
	}
	switch {
	case f.src == srcClone && p.isMove(f): // moves.go
		f.src = srcShare
		f.fixText = "moved: " + types.ExprString(f.Src) + " is not used after the copy, so it is shared by address; " + f.fixText
	case f.src == srcClone && p.opts.Copies == CopiesShare:
		f.fixText = "cloned with the Range-based helper, not shared: " + p.resetText(f) + "; " + f.fixText
	case f.src == srcClone:
		f.fixText = "cloned with the Range-based helper; " + f.fixText
	default:
		f.fixText = "shared by address; " + f.fixText
	}
}

// classifyArg handles an argument for a sync.Map parameter of a loaded
// function (R2's parameter rules, R3's retyping).
func (p *Plan) classifyArg(f *finding) {
	if f.Dst.Callee == nil {
		f.static = p.blockAt(f.Pos, BlockFixedSignature, "the callee is a function value whose declaration is unknown")
		return
	}
	if v, ok := f.Dst.Obj.(*types.Var); ok {
		if sig := f.Dst.Callee.Signature(); sig.Variadic() && f.Dst.Index >= sig.Params().Len()-1 && v != nil {
			f.static = p.blockAt(f.Pos, BlockManualRetype, "the parameter is variadic (...sync.Map): its elements hold sync.Map values")
			return
		}
	}
	if v, ok := f.Dst.Obj.(*types.Var); ok && mentionsTypeParam(v.Origin().Type()) {
		f.static = p.blockAt(f.Pos, BlockGeneric, "the parameter's type is a type parameter: passing a pointer would change the type argument")
		return
	}
	decl := p.funcDecl(f.Dst.Callee)
	if decl == nil {
		f.static = p.blockAt(f.Pos, BlockNotLoaded, f.Dst.Callee.Name()+" is declared outside the loaded packages")
		return
	}
	t := p.target(tFunc, f.Dst.Callee)
	f.requires = append(f.requires, t)
	// The policy for writing callees is applied when the function's
	// body has been read (see funcs.go); here the default.
	f.src, f.fixText = srcShare, "the parameter of "+f.Dst.Callee.Name()+" becomes "+ptrName(f)
}

// requireFunc makes f depend on the R3 retyping of the function
// declared by fn.
func (p *Plan) requireFunc(f *finding, fn ast.Node, text string) {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok {
		f.static = p.blockAt(f.Pos, BlockFixedSignature, "function literals keep their signature: their callers are not known")
		return
	}
	obj, _ := f.unit.pkg.TypesInfo.Defs[decl.Name].(*types.Func)
	if obj == nil {
		f.static = p.invariant(f.Pos, "function without an object")
		return
	}
	f.requires = append(f.requires, p.target(tFunc, obj))
	f.fixText = text
}

// isSignatureVar reports whether obj is a parameter, result or receiver.
func isSignatureVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok {
		return false
	}
	switch v.Kind() {
	case types.ParamVar, types.ResultVar, types.RecvVar:
		return true
	}
	return false
}

// signatureVarKind names the kind of a parameter, result or receiver.
func signatureVarKind(obj types.Object) string {
	switch obj.(*types.Var).Kind() {
	case types.ResultVar:
		return "result"
	case types.RecvVar:
		return "receiver"
	}
	return "parameter"
}

// sortedTargets returns the targets in key order, for determinism.
//
// The slice is cached, as the passes ask for it many times and the
// targets only grow: a cache as long as the map holds the same targets.
// Callers must not modify it.
func (p *Plan) sortedTargets() []*target {
	p.sortedMu.Lock()
	defer p.sortedMu.Unlock()
	if len(p.sorted) == len(p.targets) {
		return p.sorted
	}
	ts := make([]*target, 0, len(p.targets))
	for _, t := range p.targets {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].key < ts[j].key })
	p.sorted = ts
	return ts
}

// objName returns obj's name, or _ for an unnamed parameter.
func objName(obj types.Object) string {
	if obj == nil || obj.Name() == "" {
		return "_"
	}
	return obj.Name()
}

// classifyConversion handles Registry(m), a copy through a conversion
// between sync.Map types: it keeps its type, (*Registry)(cloneSyncMap(&m)),
// where it initializes a variable, which becomes a pointer.
func (p *Plan) classifyConversion(f *finding) {
	call, ok := f.Dst.Expr.(*ast.CallExpr)
	if !ok || !detect.IsSyncMap(f.Dst.Type) {
		f.static = p.blockAt(f.Pos, BlockConversion, "the conversion's result is not a sync.Map type")
		return
	}
	if !p.canAddress(f) {
		f.static = p.blockAt(f.Src.Pos(), BlockUsedAsValue, "the converted value is not addressable")
		return
	}
	vt := p.definedBy(f.unit, call)
	if vt == nil {
		f.static = p.blockAt(f.Pos, BlockConversion, "a conversion is rewritten only where it initializes a variable")
		return
	}
	f.requires = append(f.requires, vt)
	f.src, f.fixText = srcClone, "cloned with the Range-based helper, keeping its type; "+vt.describe()+" becomes a pointer"
	if p.opts.Copies == CopiesShare && !p.sourceReset(f).IsValid() {
		f.src, f.fixText = srcShare, "shared by address, keeping its type; "+vt.describe()+" becomes a pointer"
	}
}

// ptrName names the pointer type that the copied sync.Map type of f
// becomes: *sync.Map, or *Registry for a defined type.
func ptrName(f *finding) string {
	t := f.Type
	if f.Form == detect.Conversion {
		t = f.Dst.Type
	}
	return "*" + types.TypeString(t, detect.Qualifier(f.unit.pkg.Types))
}
