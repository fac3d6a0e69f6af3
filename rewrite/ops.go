package rewrite

import "go/ast"

// An op is one small syntactic edit of one node of an editable file. The
// planner records ops while it reads the code; the applier (apply.go)
// performs those of accepted targets and fixed findings, each through
// its edit, as text edits of the bytes the loader read.
type op struct {
	edit edit
	unit *unit
	file *ast.File
	node ast.Node
	// finding is the fixed finding a copyEdit or clearEdit belongs to.
	finding *finding
}

// An edit is what an op does to its node; each kind of edit is a small
// type with its own apply, next to the rule that makes it:
//
//	stripAddr    &e => e, for e retyped to a pointer (uses.go)
//	newMap       sync.Map{} => new(sync.Map), where a pointer is wanted
//	pointerType  T => *T, in a declaration (targets.go, funcs.go)
//	copyEdit     e => cloneSyncMap(&e) or &e, by the finding's srcEdit (exprs.go)
//	initVar      var x T => var x = T{f: new(sync.Map)}; var m sync.Map => var m = new(sync.Map)
//	newToLit     new(T) => &T{f: new(sync.Map)} (sites.go)
//	litInit      T{...} gets f: new(sync.Map) for each missing field (sites.go)
//	resultInit   a named result r is set to new(sync.Map) first (funcs.go)
//	boxPointer   x.(sync.Map) => x.(*sync.Map), also a type switch case (boxed.go)
//	boxInit      after m, ok := x.(*sync.Map), if !ok { m = new(sync.Map) } (boxed.go)
//	clearEdit    m = sync.Map{} => m.Clear() (reset.go)
//	failInit     after t, ok := x.(T), if !ok { t = T{m: new(sync.Map)} } (failinit.go)
type edit interface {
	apply(e *fileEditor, o *op) error
}

// newOp returns an op that makes ed on node.
func newOp(ed edit, u *unit, file *ast.File, node ast.Node) *op {
	return &op{edit: ed, unit: u, file: file, node: node}
}

// declOp returns the op of ed on node, made once: the names of one field
// or var declaration are separate targets but share its syntax, which
// must be edited once (twice would give **sync.Map). ed is a value of a
// comparable type without state (pointerType{}, initVar{}).
func (p *Plan) declOp(ed edit, u *unit, file *ast.File, node ast.Node) *op {
	key := opKey{ed, node}
	if o := p.declOps[key]; o != nil {
		return o
	}
	o := newOp(ed, u, file, node)
	p.declOps[key] = o
	return o
}

type opKey struct {
	edit edit
	node ast.Node
}
