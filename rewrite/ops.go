package rewrite

import "go/ast"

// An opKind is one small syntactic edit. The planner records ops while it
// reads the code; the applier (apply.go) performs those of accepted
// targets and fixed findings on the dst tree.
type opKind int

const (
	// opStripAddr: &e => e, for e retyped to a pointer.
	opStripAddr opKind = iota
	// opNewMap: sync.Map{} => new(sync.Map), where a pointer is wanted.
	opNewMap
	// opPointerType: T => *T, in a declaration.
	opPointerType
	// opCopy: e => cloneSyncMap(&e) or &e, by the finding's srcEdit.
	opCopy
	// opInitVar: var x T => var x = T{f: new(sync.Map)}; var m sync.Map
	// => var m = new(sync.Map).
	opInitVar
	// opNewToLit: new(T) => &T{f: new(sync.Map)}.
	opNewToLit
	// opLitInit: T{...} gets f: new(sync.Map) for each missing field.
	opLitInit
	// opResultInit: a named result r is set to new(sync.Map) first.
	opResultInit
	// opBoxAssert: x.(sync.Map) => x.(*sync.Map), also a type switch
	// case (boxed.go).
	opBoxAssert
	// opBoxInit: after m, ok := x.(*sync.Map), if !ok { m = new(sync.Map) }.
	opBoxInit
	// opClear: m = sync.Map{} => m.Clear() (reset.go).
	opClear
	// opFailInit: after t, ok := x.(T), if !ok { t = T{m: new(sync.Map)} }
	// (failinit.go).
	opFailInit
)

// An op is an edit of one node of an editable file.
type op struct {
	kind opKind
	unit *unit
	file *ast.File
	node ast.Node
	// finding is the fixed finding an opCopy or opClear belongs to.
	finding *finding
	// names lists the named results of an opResultInit, or the
	// variables of an opInitVar; for an opBoxInit or
	// opFailInit, the variable and ok.
	names []string
	// assert is the assertion of an opBoxInit or opFailInit.
	assert *ast.TypeAssertExpr
	// ctor names the constructor an opFailInit calls, if any; blank is
	// the blank ok it names.
	ctor  string
	blank *ast.Ident
}

// declOp returns the op of kind on node, made once: the names of one
// field or var declaration are separate targets but share its syntax,
// which must be edited once (twice would give **sync.Map).
func (p *Plan) declOp(kind opKind, u *unit, file *ast.File, node ast.Node) *op {
	key := opKey{kind, node}
	if o := p.declOps[key]; o != nil {
		return o
	}
	o := &op{kind: kind, unit: u, file: file, node: node}
	p.declOps[key] = o
	return o
}

type opKey struct {
	kind opKind
	node ast.Node
}
