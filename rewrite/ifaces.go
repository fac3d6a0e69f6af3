package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/types/typeutil"
)

// This file holds the R1 blockers that follow values into interfaces.
// Storing a value in an interface makes no zero value: sync.Map.Store,
// channels of any, context.WithValue and fmt only keep or read it, and a
// &T{} stored there is a construction site that R1 initializes. What can
// make zero values of what an interface holds is reflection that writes
// (decoders, reflect.New, Zero, Value.Set and friends), so a field is
// blocked when such a writer can reach it: through the static type of
// its argument, or, for an argument of interface type, through any value
// of the program that reaches an interface. Comparisons are the other
// hazard: a sync.Map makes a struct incomparable, so comparing two
// interfaces that hold one panicked (and errors.Is skipped it), while
// after R1 the same comparison compares pointers and may succeed.
//
// A comparison of interface values of type I is any of: == and != of an
// I, a switch on an I, a map key of type I (index, literal, delete),
// errors.Is, a call, method value or method expression of one of the
// comparers below (library code that compares interface values given to
// it: sync.Map.CompareAndSwap and CompareAndDelete, atomic.Value's
// CompareAndSwap, reflect.Value.Equal), and an instantiation, explicit
// or inferred, of a generic function or type that binds a type
// parameter whose constraint is comparable to I (slices.Index, Contains,
// Equal, Compact, maps.Equal, unique.Make, a user's Set[T comparable]),
// and a method of such an instantiated type, which a library may have
// instantiated: only a comparable type parameter can be compared with
// == or be a map key, so its body may compare those values. A struct or
// array type counts for the interfaces it holds by value
// (comparedIfaces). An operand that cannot hold a T does not count
// (mayMeetT): nil, or a
// value of a comparable concrete type, is compared by its dynamic type
// first, which is never T's, so the comparison neither panicked nor
// starts to succeed (x == nil, case "a", m["k"] on a map[any]V, a
// CompareAndSwap whose old value is a string).
//
// The comparison is not followed from its operands back to their
// conversions: a value of type T that reaches any interface blocks T if
// T implements an interface type that is compared anywhere in the
// loaded code, named by the first such comparison.

// ifaceFacts is what the loaded code does with interfaces, read once.
type ifaceFacts struct {
	convs    []ifaceConv
	writers  []reflectWriter
	compares []ifaceCompare
	// asserts holds the interface types that code asserts to or lists in
	// a type switch (funcs.go asks which methods they need).
	asserts []*types.Interface
	// alias holds the writes that may reach a value under another name
	// (alias.go).
	alias aliasFacts
}

// An ifaceConv is a value of a non-interface type converted to an
// interface, implicitly or explicitly.
type ifaceConv struct {
	pos      token.Position
	from, to types.Type
	// x is the converted expression (a multi-value call for an element
	// of its results), in file of unit (boxed.go).
	x    ast.Expr
	unit *unit
	file *ast.File
}

// A reflectWriter is a call that may fill values by reflection: a
// decoder or a reflect constructor or setter. args are the static types
// of what it fills; a nil entry is an interface or reflect value, whose
// dynamic type is unknown.
type reflectWriter struct {
	pos  token.Position
	name string
	args []types.Type
}

// An ifaceCompare is a comparison of interface values of type iface:
// ==, !=, a switch on an interface, a map key of interface type,
// errors.Is, a comparer, or a comparable type parameter bound to an
// interface type (see the top of this file). what is a clause that says
// where the comparison is, for the blocker's reason ("interfaces are
// compared here").
type ifaceCompare struct {
	pos   token.Position
	iface *types.Interface
	what  string
}

// A comparer is a library function or method that compares interface
// values it is given, as ==: old is the index of the argument compared
// with the stored value, or -1 (a call that passes there what cannot
// hold a T, such as nil, compares nothing that panicked: mayMeetT).
type comparer struct {
	old  int
	what string
}

// comparers are the comparers of the standard library, by package path,
// receiver type and method name. errors.Is is handled with errors (see
// ifaceBlocks); reflect.DeepEqual does not use == on what it is given.
var comparers = map[string]comparer{
	"sync.Map.CompareAndSwap":          {1, "sync.Map.CompareAndSwap compares the old value with the stored one here"},
	"sync.Map.CompareAndDelete":        {1, "sync.Map.CompareAndDelete compares the old value with the stored one here"},
	"sync/atomic.Value.CompareAndSwap": {0, "atomic.Value.CompareAndSwap compares the old value with the stored one here"},
	"reflect.Value.Equal":              {-1, "reflect.Value.Equal compares the values here"},
}

// comparerOf returns the comparer that fn is, if any.
func comparerOf(fn *types.Func) (comparer, bool) {
	recv := fn.Signature().Recv()
	if fn.Pkg() == nil || recv == nil {
		return comparer{}, false
	}
	named, ok := types.Unalias(derefPtr(recv.Type())).(*types.Named)
	if !ok {
		return comparer{}, false
	}
	c, ok := comparers[fn.Pkg().Path()+"."+named.Obj().Name()+"."+fn.Name()]
	return c, ok
}

// ifaces returns the facts of the loaded code, reading it on first use,
// or waiting for startIfaces to finish.
func (p *Plan) ifaces() *ifaceFacts {
	if p.ifacesRead != nil {
		<-p.ifacesRead
	}
	if p.ifaceFacts == nil {
		p.ifaceFacts = p.readIfaces()
	}
	return p.ifaceFacts
}

// startIfaces reads the facts in the background: a walk of every file,
// which needs only the loaded syntax and types (and p.Fset, which is
// safe for concurrent use), not the planner's state.
func (p *Plan) startIfaces() {
	read := make(chan struct{})
	p.ifacesRead = read
	go func() {
		defer close(read)
		p.ifaceFacts = p.readIfaces()
	}()
}

func (p *Plan) readIfaces() *ifaceFacts {
	facts := &ifaceFacts{}
	facts.alias.loaded = make(map[string]bool)
	for _, u := range p.units {
		facts.alias.loaded[u.pkg.Types.Path()] = true
	}
	for _, u := range p.units {
		for _, file := range u.pkg.Syntax {
			r := &ifaceReader{p: p, unit: u, syntax: file, info: u.pkg.TypesInfo, facts: facts}
			r.file(file)
		}
	}
	return facts
}

type ifaceReader struct {
	p      *Plan
	unit   *unit
	syntax *ast.File
	info   *types.Info
	facts  *ifaceFacts
	stack  []ast.Node
}

func (r *ifaceReader) file(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			r.stack = r.stack[:len(r.stack)-1]
			return true
		}
		r.stack = append(r.stack, n)
		r.node(n)
		r.aliasNode(n)
		return true
	})
}

// isIface reports whether t is an interface type (not a type parameter).
func isIface(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	return types.IsInterface(t)
}

// conv records x converted to type to, if that converts a concrete value
// to an interface.
func (r *ifaceReader) conv(x ast.Expr, to types.Type) {
	from := r.info.TypeOf(x)
	if from == nil || !isIface(to) || isIface(from) {
		return
	}
	if b, ok := from.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return
	}
	r.facts.convs = append(r.facts.convs, ifaceConv{pos: r.p.Fset.Position(x.Pos()), from: from, to: to, x: x, unit: r.unit, file: r.syntax})
}

// convAll records the conversions of values to the types in order, also
// for a single multi-value call.
func (r *ifaceReader) convAll(values []ast.Expr, types_ []types.Type) {
	if len(values) == 1 && len(types_) > 1 {
		if tuple, ok := r.info.TypeOf(values[0]).(*types.Tuple); ok {
			for i := range min(tuple.Len(), len(types_)) {
				if isIface(types_[i]) && !isIface(tuple.At(i).Type()) {
					r.facts.convs = append(r.facts.convs, ifaceConv{pos: r.p.Fset.Position(values[0].Pos()), from: tuple.At(i).Type(), to: types_[i], x: values[0], unit: r.unit, file: r.syntax})
				}
			}
			return
		}
	}
	for i, v := range values {
		if i < len(types_) {
			r.conv(v, types_[i])
		}
	}
}

// compare records a comparison of values of type t: of the interfaces
// that t is or holds by value (comparedIfaces).
func (r *ifaceReader) compare(n ast.Node, t types.Type, what string) {
	for _, it := range comparedIfaces(t) {
		r.facts.compares = append(r.facts.compares, ifaceCompare{pos: r.p.Fset.Position(n.Pos()), iface: it.Underlying().(*types.Interface), what: what})
	}
}

// comparedIfaces returns the interface types whose values == on values
// of type t compares: t itself, or the interfaces that its struct fields
// and array elements hold by value (pointers compare as addresses).
func comparedIfaces(t types.Type) []types.Type {
	if t == nil {
		return nil
	}
	t = arrayElems(t)
	if isIface(t) {
		return []types.Type{t}
	}
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil
	}
	var its []types.Type
	seen := make(map[types.Type]bool)
	detect.WalkFields(t, false, func(f *types.Var) bool {
		ft := arrayElems(f.Type())
		if !isIface(ft) {
			return true
		}
		if !seen[ft] {
			seen[ft] = true
			its = append(its, ft)
		}
		return false
	})
	return its
}

// arrayElems returns the element type of t, through arrays of arrays,
// or t itself if it is no array.
func arrayElems(t types.Type) types.Type {
	for {
		a, ok := t.Underlying().(*types.Array)
		if !ok {
			return t
		}
		t = a.Elem()
	}
}

// mayMeetT reports whether an operand x of a comparison with interfaces
// may hold a value of an uncomparable type: its type is or holds an
// interface, or is uncomparable itself. A nil, or a value of a comparable
// concrete type, is compared by its dynamic type first, which no value
// holding a sync.Map has, before or after the fix: such a comparison never
// panics and its result does not change.
func mayMeetT(info *types.Info, x ast.Expr) bool {
	t := info.TypeOf(x)
	if t == nil || isNil(info, x) {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	return !types.Comparable(t) || len(comparedIfaces(t)) > 0
}

func (r *ifaceReader) node(n ast.Node) {
	info := r.info
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN {
			var lhs []types.Type
			for _, l := range n.Lhs {
				lhs = append(lhs, info.TypeOf(l))
			}
			r.convAll(n.Rhs, lhs)
		}
	case *ast.ValueSpec:
		if n.Type != nil {
			t := info.TypeOf(n.Type)
			var lhs []types.Type
			for range n.Names {
				lhs = append(lhs, t)
			}
			r.convAll(n.Values, lhs)
		}
	case *ast.CallExpr:
		r.call(n)
	case *ast.SelectorExpr:
		r.selector(n)
	case *ast.Ident:
		if inst, ok := info.Instances[n]; ok {
			r.instance(n, inst)
		}
	case *ast.ReturnStmt:
		if sig := r.enclosingSig(); sig != nil {
			var res []types.Type
			for i := range sig.Results().Len() {
				res = append(res, sig.Results().At(i).Type())
			}
			r.convAll(n.Results, res)
		}
	case *ast.CompositeLit:
		r.literal(n)
	case *ast.SendStmt:
		if ch, ok := coreType(info.TypeOf(n.Chan)).(*types.Chan); ok {
			r.conv(n.Value, ch.Elem())
		}
	case *ast.IndexExpr:
		if m, ok := coreType(info.TypeOf(n.X)).(*types.Map); ok {
			r.conv(n.Index, m.Key())
			if mayMeetT(info, n.Index) {
				r.compare(n, m.Key(), "a map key of interface type compares them here")
			}
		}
	case *ast.BinaryExpr:
		if n.Op != token.EQL && n.Op != token.NEQ {
			return
		}
		x, y := info.TypeOf(n.X), info.TypeOf(n.Y)
		r.conv(n.X, y)
		r.conv(n.Y, x)
		if !mayMeetT(info, n.X) || !mayMeetT(info, n.Y) {
			return
		}
		r.compare(n, x, "interfaces are compared here")
		if !types.Identical(x, y) {
			r.compare(n, y, "interfaces are compared here")
		}
	case *ast.SwitchStmt:
		if n.Tag != nil && len(comparedIfaces(info.TypeOf(n.Tag))) > 0 {
			compared := false
			for _, stmt := range n.Body.List {
				for _, x := range stmt.(*ast.CaseClause).List {
					r.conv(x, info.TypeOf(n.Tag))
					compared = compared || mayMeetT(info, x)
				}
			}
			if compared {
				r.compare(n.Tag, info.TypeOf(n.Tag), "a switch compares interfaces here")
			}
		}
	case *ast.TypeAssertExpr:
		if n.Type != nil {
			r.assert(info.TypeOf(n.Type))
		}
	case *ast.TypeSwitchStmt:
		for _, stmt := range n.Body.List {
			for _, x := range stmt.(*ast.CaseClause).List {
				r.assert(info.TypeOf(x))
			}
		}
	}
}

// selector records a comparer, called or taken as a method value or
// method expression; a call whose compared argument is nil compares
// nothing that can panic.
func (r *ifaceReader) selector(sel *ast.SelectorExpr) {
	fn, ok := r.info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return
	}
	if recv := fn.Signature().Recv(); recv != nil {
		// A method of an instantiated type whose instantiation is not in
		// the loaded code (a library's function returns a Set[any]).
		if named, ok := types.Unalias(derefPtr(recv.Type())).(*types.Named); ok && named.TypeArgs().Len() > 0 {
			r.typeArgs(sel.Sel, named.Obj().Name()+"."+fn.Name(), named.Origin().TypeParams(), named.TypeArgs())
		}
	}
	c, ok := comparerOf(fn)
	if !ok {
		return
	}
	if len(r.stack) >= 2 && c.old >= 0 {
		if call, ok := r.stack[len(r.stack)-2].(*ast.CallExpr); ok && ast.Unparen(call.Fun) == ast.Expr(sel) {
			old := c.old
			if s, ok := r.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
				old++ // (*sync.Map).CompareAndSwap(m, k, old, new)
			}
			if old < len(call.Args) && !mayMeetT(r.info, call.Args[old]) {
				return
			}
		}
	}
	r.compare(sel, types.Universe.Lookup("any").Type(), c.what)
}

// instance records an instantiation that binds a comparable type
// parameter to an interface type: the generic code may compare values of
// the type parameter, or use them as map keys.
func (r *ifaceReader) instance(id *ast.Ident, inst types.Instance) {
	var tparams *types.TypeParamList
	switch t := inst.Type.(type) {
	case *types.Named:
		tparams = t.Origin().TypeParams()
	case *types.Alias:
		tparams = t.Origin().TypeParams()
	case *types.Signature:
		if fn, ok := r.info.Uses[id].(*types.Func); ok {
			tparams = fn.Origin().Signature().TypeParams()
		}
	}
	if tparams == nil {
		return
	}
	r.typeArgs(id, id.Name, tparams, inst.TypeArgs)
}

// typeArgs records the comparable type parameters of the generic
// function or type name (used at id) that targs bind to interface types.
func (r *ifaceReader) typeArgs(id *ast.Ident, name string, tparams *types.TypeParamList, targs *types.TypeList) {
	for i := range min(tparams.Len(), targs.Len()) {
		tp, arg := tparams.At(i), targs.At(i)
		if c, ok := tp.Constraint().Underlying().(*types.Interface); !ok || !c.IsComparable() || len(comparedIfaces(arg)) == 0 {
			continue
		}
		if obj := r.info.Uses[id]; obj != nil && obj.Pkg() != nil && obj.Pkg() != r.unit.pkg.Types {
			name = obj.Pkg().Name() + "." + name
		}
		what := fmt.Sprintf("%s may compare them here (its type parameter %s is comparable and stands for %s)", name, tp.Obj().Name(), types.TypeString(arg, types.RelativeTo(r.unit.pkg.Types)))
		r.compare(id, arg, what)
	}
}

func (r *ifaceReader) assert(t types.Type) {
	if iface, ok := t.Underlying().(*types.Interface); ok && isIface(t) {
		r.facts.asserts = append(r.facts.asserts, iface)
	}
}

// isNil reports whether x is the untyped nil.
func isNil(info *types.Info, x ast.Expr) bool {
	tv := info.Types[x]
	return tv.IsNil()
}

// enclosingSig returns the signature of the innermost function around
// the current node.
func (r *ifaceReader) enclosingSig() *types.Signature {
	for i := len(r.stack) - 1; i >= 0; i-- {
		switch f := r.stack[i].(type) {
		case *ast.FuncLit:
			sig, _ := r.info.TypeOf(f).(*types.Signature)
			return sig
		case *ast.FuncDecl:
			if obj, ok := r.info.Defs[f.Name].(*types.Func); ok {
				return obj.Signature()
			}
			return nil
		}
	}
	return nil
}

// literal records the elements of a composite literal converted to
// interface fields, elements, keys or values.
func (r *ifaceReader) literal(lit *ast.CompositeLit) {
	info := r.info
	switch u := coreType(litType(info, lit)).(type) {
	case *types.Struct:
		for i, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[id].(*types.Var); ok {
						r.conv(kv.Value, f.Type())
					}
				}
			} else if i < u.NumFields() {
				r.conv(elt, u.Field(i).Type())
			}
		}
	case *types.Slice, *types.Array, *types.Map:
		var key, elem types.Type
		switch u := u.(type) {
		case *types.Slice:
			elem = u.Elem()
		case *types.Array:
			elem = u.Elem()
		case *types.Map:
			key, elem = u.Key(), u.Elem()
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key != nil {
					r.conv(kv.Key, key)
					if mayMeetT(info, kv.Key) {
						r.compare(kv.Key, key, "a map key of interface type compares them here")
					}
				}
				r.conv(kv.Value, elem)
			} else {
				r.conv(elt, elem)
			}
		}
	}
}

// call records the conversions of a call's arguments, an explicit
// conversion to an interface, and reflective writers.
func (r *ifaceReader) call(call *ast.CallExpr) {
	info := r.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			r.conv(call.Args[0], tv.Type)
		}
		return
	}
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		switch callee.Name() {
		case "append":
			if s, ok := coreType(info.TypeOf(call)).(*types.Slice); ok && !call.Ellipsis.IsValid() {
				for _, arg := range call.Args[1:] {
					r.conv(arg, s.Elem())
				}
			}
		case "delete":
			if len(call.Args) == 2 {
				if m, ok := coreType(info.TypeOf(call.Args[0])).(*types.Map); ok {
					r.conv(call.Args[1], m.Key())
					if mayMeetT(info, call.Args[1]) {
						r.compare(call, m.Key(), "a map key of interface type compares them here")
					}
				}
			}
		case "panic":
			if len(call.Args) == 1 {
				r.conv(call.Args[0], types.Universe.Lookup("any").Type())
			}
		}
		return
	case *types.Func:
		r.writer(call, callee)
		if pkg := callee.Pkg(); pkg != nil && pkg.Path() == "errors" && callee.Name() == "Is" {
			r.compare(call, types.Universe.Lookup("error").Type(), "errors.Is compares them here")
		}
	}
	sig, ok := coreType(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return
	}
	n := len(call.Args)
	if n == 1 && sig.Params().Len() > 1 {
		n = sig.Params().Len() // f(g()) of a multi-value g
	}
	var params []types.Type
	for i := range n {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			params = append(params, nil) // the slice itself
			continue
		}
		params = append(params, paramType(sig, i))
	}
	r.convAll(call.Args, params)
}

// paramType returns the type of the parameter that receives argument i
// of sig (the element type for variadic arguments), or nil.
func paramType(sig *types.Signature, i int) types.Type {
	n := sig.Params().Len()
	switch {
	case n == 0:
		return nil
	case sig.Variadic() && i >= n-1:
		if s, ok := sig.Params().At(n - 1).Type().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	case i < n:
		return sig.Params().At(i).Type()
	}
	return nil
}

// reflectMakers are the functions of package reflect, and setters are
// the methods of reflect.Value, that make or expose zero values.
var (
	reflectMakers = map[string]bool{"New": true, "NewAt": true, "Zero": true, "MakeSlice": true, "MakeMap": true,
		"MakeMapWithSize": true, "MakeChan": true, "Append": true, "AppendSlice": true}
	reflectSetters = map[string]bool{"Set": true, "SetZero": true, "SetLen": true, "Slice": true, "Slice3": true,
		"Recv": true, "TryRecv": true, "Clear": true}
)

// decoderPackages are the packages whose decoding functions fill the
// values they are given, by reflection, with zero values; a path counts
// if one of its elements holds a word of thirdPartyDecoders.
var (
	decoderFuncs = map[string]bool{
		"encoding/json.Unmarshal": true, "encoding/json.Decode": true,
		"encoding/xml.Unmarshal": true, "encoding/xml.Decode": true, "encoding/xml.DecodeElement": true,
		"encoding/gob.Decode": true, "encoding/gob.DecodeValue": true,
		"encoding/asn1.Unmarshal": true, "encoding/asn1.UnmarshalWithParams": true,
		"database/sql.Scan": true,
	}
	thirdPartyDecoders = []string{"yaml", "toml", "mapstructure", "protobuf", "msgpack"}
	decoderWords       = []string{"Unmarshal", "Decode", "Scan", "Merge"}
)

// writer records a call of fn that may fill values by reflection.
func (r *ifaceReader) writer(call *ast.CallExpr, fn *types.Func) {
	pkg := fn.Pkg()
	if pkg == nil {
		return
	}
	name := pkg.Name() + "." + fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if named, ok := types.Unalias(derefPtr(recv.Type())).(*types.Named); ok {
			name = pkg.Name() + "." + named.Obj().Name() + "." + fn.Name()
		}
	}
	path := pkg.Path()
	switch {
	case path == "reflect" && fn.Signature().Recv() == nil && reflectMakers[fn.Name()],
		path == "reflect" && fn.Signature().Recv() != nil && reflectSetters[fn.Name()]:
		r.facts.writers = append(r.facts.writers, reflectWriter{pos: r.p.Fset.Position(call.Pos()), name: name, args: []types.Type{nil}})
	case decoderFuncs[path+"."+fn.Name()] || isThirdPartyDecoder(path, fn.Name()):
		sig := fn.Signature()
		w := reflectWriter{pos: r.p.Fset.Position(call.Pos()), name: name}
		for i, arg := range call.Args {
			if pt := paramType(sig, i); pt != nil && isIface(pt) {
				t := r.info.TypeOf(arg)
				if isIface(t) {
					t = nil
				}
				w.args = append(w.args, t)
			}
		}
		r.facts.writers = append(r.facts.writers, w)
	}
}

// isThirdPartyDecoder reports whether function name of the package at
// path is a well-known decoder: a package of thirdPartyDecoders, and a
// name that decodes.
func isThirdPartyDecoder(path, name string) bool {
	known := false
	for _, elem := range strings.Split(path, "/") {
		for _, w := range thirdPartyDecoders {
			known = known || strings.Contains(elem, w)
		}
	}
	if !known {
		return false
	}
	for _, w := range decoderWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// derefPtr strips one pointer.
func derefPtr(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// reachable returns the field targets that a value of type t can reach
// by value, through pointers, slices, maps, channels, arrays and struct
// fields: what a decoder given a t can fill with zero values.
func (c *constructionScan) reachable(t types.Type) []*target {
	return c.fieldTargets(t, true, true)
}

// ifaceBlocks blocks the fields that reflective writers can reach, and
// those of values compared as interfaces (see the top of this file).
func (c *constructionScan) ifaceBlocks() {
	facts := c.p.ifaces()
	// What reaches an interface, and where first.
	var inIface []*target
	firstIn := make(map[*target]token.Position)
	for _, cv := range facts.convs {
		for _, t := range c.reachable(cv.from) {
			if _, ok := firstIn[t]; !ok {
				firstIn[t] = cv.pos
				inIface = append(inIface, t)
			}
		}
	}
	for _, w := range facts.writers {
		for _, arg := range w.args {
			if arg != nil {
				for _, t := range c.reachable(arg) {
					t.block(BlockReflection, w.name+" can fill it by reflection with zero values (through the fields, pointers and elements of its argument)", w.pos)
				}
				continue
			}
			for _, t := range inIface {
				in := firstIn[t]
				t.block(BlockReflection, fmt.Sprintf("%s can make zero values by reflection of what reaches an interface, and a value holding it does (%s:%d)", w.name, shortName(in.Filename), in.Line), w.pos)
			}
		}
	}
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	for _, cv := range facts.convs {
		ts := c.heldBy(cv.from)
		if len(ts) == 0 {
			continue
		}
		if types.Implements(cv.from, errType) {
			c.blockAllAt(ts, cv.pos, BlockInterfaceComparison, "a value holding it is an error here, and errors.Is and == on errors, which skipped or panicked on it, would compare its maps by pointer after the fix")
			continue
		}
		for _, cmp := range facts.compares {
			if types.Implements(cv.from, cmp.iface) {
				c.blockAllAt(ts, cmp.pos, BlockInterfaceComparison, fmt.Sprintf("a value holding it reaches an interface (line %d), and %s: that panicked on the uncomparable value, and would compare its maps by pointer after the fix", cv.pos.Line, cmp.what))
				break
			}
		}
	}
}

// blockAllAt is blockAll at a position.
func (c *constructionScan) blockAllAt(ts []*target, pos token.Position, kind BlockKind, reason string) {
	for _, t := range ts {
		t.block(kind, reason, pos)
	}
}

// shortName returns the last element of a file name.
func shortName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}
