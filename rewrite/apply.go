package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"sort"

	"github.com/dave/dst"
	"github.com/dave/dst/decorator"
	"github.com/dave/dst/dstutil"
	"github.com/syncfix/syncfix/detect"
)

// A FileChange is the new content of one file.
type FileChange struct {
	// Name is the file's absolute name.
	Name string
	// Old is the content the plan read; nil for a new file.
	Old []byte
	// New is the content to write.
	New []byte
	// Reformatted reports that the file was not gofmt-formatted and the
	// edits could not be confined to the regions they change, so the
	// whole file was formatted (fidelity.go).
	Reformatted bool
}

// Apply performs the plan: it edits the dst trees of the files that
// need edits, and only those, and returns their new content and the new
// clone helper files, sorted by name. It writes nothing.
func (p *Plan) Apply() ([]FileChange, error) {
	byFile := p.acceptedOps()
	helpers := p.helpers()
	var names []string
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	// Files are edited in parallel: each has its own dst tree, and the
	// state they share (the helper names, the key cache) is locked.
	results := make([]FileChange, len(names))
	errs := make([]error, len(names))
	parallel(len(names), func(i int) {
		results[i], errs[i] = p.applyFile(names[i], byFile[names[i]], helpers)
	})
	var changes []FileChange
	for i := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if results[i].New != nil {
			changes = append(changes, results[i])
		}
	}
	changes = append(changes, helpers.files()...)
	sort.Slice(changes, func(i, j int) bool { return changes[i].Name < changes[j].Name })
	return changes, nil
}

// applyFile performs the ops of one file; a zero FileChange means the
// file comes out as it was.
func (p *Plan) applyFile(name string, ops []*op, helpers *helperSet) (FileChange, error) {
	old, ok := p.prog.Source[name]
	if !ok {
		return FileChange{}, &FileError{Name: name, Err: errNotRead}
	}
	if p.Fset.File(ops[0].file.FileStart).Size() != len(old) {
		return FileChange{}, &FileError{Name: name, Err: errChanged}
	}
	e := &fileEditor{p: p, unit: ops[0].unit, file: ops[0].file, helpers: helpers, src: old}
	out, err := e.edit(ops)
	if err != nil {
		return FileChange{}, &FileError{Name: name, Err: err}
	}
	out, reformatted := restoreText(old, out) // fidelity.go: BOM, CRLF, unformatted files
	if bytes.Equal(out, old) {
		return FileChange{}, nil
	}
	return FileChange{Name: name, Old: old, New: out, Reformatted: reformatted}, nil
}

// acceptedOps returns the ops of accepted targets and fixed findings,
// each once, grouped by file name.
func (p *Plan) acceptedOps() map[string][]*op {
	seen := make(map[*op]bool)
	byFile := make(map[string][]*op)
	add := func(o *op) {
		if !seen[o] {
			seen[o] = true
			name := o.unit.fileNames[o.file]
			byFile[name] = append(byFile[name], o)
		}
	}
	for _, t := range p.sortedTargets() {
		if t.blocked == nil {
			for _, o := range t.ops {
				add(o)
			}
		}
	}
	for _, f := range p.findings {
		if f.blockedBy() != nil {
			continue
		}
		if f.src != srcNone {
			node := ast.Node(f.Src)
			if f.Form == detect.Conversion {
				node = f.Dst.Expr // Registry(m) is replaced as a whole
			}
			add(&op{kind: opCopy, unit: f.unit, file: f.unit.fileOf(f.Pos), node: node, finding: f})
		}
		for _, o := range f.ops {
			add(o)
		}
	}
	return byFile
}

// A fileEditor applies the ops of one file to its dst tree.
type fileEditor struct {
	p       *Plan
	src     []byte // the file as Apply read it (fidelity.go)
	unit    *unit
	file    *ast.File
	helpers *helperSet
	dec     *decorator.Decorator
	// The file's import of package sync (imports.go). syncName is the
	// name under which the edits refer to sync. syncSpec is the import
	// they reuse; if nil, the file has none (addSync), and blankSync is
	// its import _ "sync", if any, which then gets the name.
	syncName  string
	syncSpec  *ast.ImportSpec
	blankSync *ast.ImportSpec
	addSync   bool
	needSync  bool
	// syncIdents are the sync qualifiers the editor wrote; shadowed
	// reports that one of them does not resolve to package sync.
	syncIdents []*dst.Ident
	shadowed   bool
	// err is the first error of a replacement, which cannot return one.
	err error
}

func (e *fileEditor) edit(ops []*op) ([]byte, error) {
	e.dec = decorator.NewDecorator(e.p.Fset)
	df, err := e.decorate() // fidelity.go: the bytes read, without BOM and CRs
	if err != nil {
		return nil, err
	}
	e.chooseSyncName()
	repl := make(map[dst.Node]func(dst.Node) dst.Node)
	for _, o := range ops {
		if err := e.apply(o, repl); err != nil {
			return nil, err
		}
	}
	dstutil.Apply(df, nil, func(c *dstutil.Cursor) bool {
		if f := repl[c.Node()]; f != nil {
			c.Replace(f(c.Node()))
		}
		return true
	})
	if e.err != nil {
		return nil, e.err
	}
	if err := e.finishSync(df); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := decorator.NewRestorer().Fprint(&buf, df); err != nil {
		return nil, err
	}
	return format.Source(buf.Bytes())
}

// node returns the dst node of an ast node of the file.
func (e *fileEditor) node(n ast.Node) (dst.Node, error) {
	d := e.dec.Dst.Nodes[n]
	if d == nil {
		return nil, fmt.Errorf("internal error: no dst node for %T at %v", n, e.p.Fset.Position(n.Pos()))
	}
	return d, nil
}

// apply performs one op: in-place changes now, replacements through repl.
func (e *fileEditor) apply(o *op, repl map[dst.Node]func(dst.Node) dst.Node) error {
	d, err := e.node(o.node)
	if err != nil {
		return err
	}
	switch o.kind {
	case opPointerType:
		// m sync.Map
		// -
		// m *sync.Map
		f := d.(*dst.Field)
		f.Type = &dst.StarExpr{X: f.Type}
	case opStripAddr:
		// &x.m
		// -
		// x.m
		repl[d] = func(n dst.Node) dst.Node {
			u := n.(*dst.UnaryExpr)
			unwrapDecs(u, u.X, u.Decs.Op)
			return u.X
		}
	case opNewMap:
		// sync.Map{}
		// ----------
		// new(sync.Map)
		repl[d] = func(n dst.Node) dst.Node {
			lit := n.(*dst.CompositeLit)
			call := e.newOf(lit.Type, o.node.Pos())
			unwrapDecs(lit, call, append(lit.Decs.Type, lit.Decs.Lbrace...))
			return call
		}
	case opCopy:
		// n := m
		//      -
		// n := cloneSyncMap(&m)
		repl[d] = func(n dst.Node) dst.Node { return e.copyExpr(o.finding, n.(dst.Expr)) }
	case opDeref:
		// x := f()
		//      ---
		// x := *f()
		if t := e.p.sites.pointerCalls[o.node.(*ast.CallExpr)]; t != nil && t.blocked == nil {
			return nil // stored where a pointer is wanted
		}
		repl[d] = func(n dst.Node) dst.Node {
			star := &dst.StarExpr{X: n.(dst.Expr)}
			wrapDecs(n, star)
			return star
		}
	case opInitVar:
		return e.initVar(d.(*dst.ValueSpec), o.node.(*ast.ValueSpec))
	case opNewToLit:
		// new(T)
		// ------
		// &T{m: new(sync.Map)}
		call := o.node.(*ast.CallExpr)
		t := e.unit.pkg.TypesInfo.TypeOf(call.Args[0])
		elts, err := e.missingInits(t, nil, call.Pos())
		if err != nil {
			return err
		}
		repl[d] = func(n dst.Node) dst.Node {
			c := n.(*dst.CallExpr)
			addr := &dst.UnaryExpr{Op: token.AND, X: &dst.CompositeLit{Type: c.Args[0], Elts: elts}}
			unwrapDecs(c, addr, append(c.Decs.Fun, c.Decs.Lparen...))
			return addr
		}
	case opLitInit:
		// T{name: "x"}
		// ------------
		// T{name: "x", m: new(sync.Map)}
		lit := o.node.(*ast.CompositeLit)
		elts, err := e.missingInits(litType(e.unit.pkg.TypesInfo, lit), lit, lit.Pos())
		if err != nil {
			return err
		}
		dl := d.(*dst.CompositeLit)
		// A literal written on several lines gets one element a line, also
		// when it holds only a comment, or its last element is followed
		// by one: on the comment's line the new field would follow a line
		// comment, or end up on the closing brace's line.
		multiline := e.p.Fset.Position(lit.Lbrace).Line != e.p.Fset.Position(lit.Rbrace).Line
		for _, elt := range elts {
			if multiline {
				elt.Decorations().Before, elt.Decorations().After = dst.NewLine, dst.NewLine
			}
			dl.Elts = append(dl.Elts, elt)
		}
	case opResultInit:
		// func f() (r sync.Map) {
		// func f() (r *sync.Map) {
		//	r = new(sync.Map)
		fd := d.(*dst.FuncDecl)
		decl := o.node.(*ast.FuncDecl)
		as := &dst.AssignStmt{Tok: token.ASSIGN}
		for _, name := range o.names {
			// new(sync.Map), or new(Registry) for a defined type.
			typ, err := e.typeExpr(e.resultType(decl, name), decl.Body.Lbrace)
			if err != nil {
				return err
			}
			as.Lhs = append(as.Lhs, dst.NewIdent(name))
			as.Rhs = append(as.Rhs, e.newOf(typ, decl.Body.Lbrace))
		}
		as.Decs.Before, as.Decs.After = dst.NewLine, dst.NewLine
		fd.Body.List = append([]dst.Stmt{as}, fd.Body.List...)
	}
	return nil
}

// resultType returns the declared type of the named result of decl.
func (e *fileEditor) resultType(decl *ast.FuncDecl, name string) types.Type {
	for _, field := range decl.Type.Results.List {
		for _, id := range field.Names {
			if id.Name == name {
				return e.unit.pkg.TypesInfo.TypeOf(field.Type)
			}
		}
	}
	return nil
}
