package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"sort"
	"strings"

	"github.com/syncfix/syncfix/detect"
	"github.com/syncfix/syncfix/internal/par"
	"github.com/syncfix/syncfix/internal/textdiff"
)

// A FileChange is the new content of one file.
type FileChange struct {
	// Name is the file's absolute name.
	Name string
	// Old is the content the plan read; nil for a new file.
	Old []byte
	// New is the content to write.
	New []byte
	// file is New before gofmt touched it (the same code, other white
	// space), parsed, and edits turn Old into that text: Verify checks
	// them instead of parsing New again.
	file  *ast.File
	edits []textdiff.Edit
	// cgo is, for a user's file behind cgo output, the edited output,
	// which Verify type-checks in its place (cgo.go).
	cgo *FileChange
	// text is the source of file, until it is formatted.
	text []byte
}

// Apply performs the plan: it edits the bytes of the files that need
// edits, and only those, and returns their new content and the new clone
// helper files, sorted by name. It writes nothing.
//
// While it formats the edited files, Apply already type-checks the
// edited program for Verify (verify.go), which uses that result when it
// is given the changes Apply returned.
func (p *Plan) Apply() ([]FileChange, error) { return p.apply(true) }

// apply is Apply; with early, it does Verify's work while formatting.
func (p *Plan) apply(early bool) ([]FileChange, error) {
	p.early = nil
	byFile := p.acceptedOps()
	helpers := p.helpers()
	var names []string
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	// Files are edited in parallel: each has its own edits, and the
	// state they share (the helper names, the key cache) is locked.
	results := make([]FileChange, len(names))
	errs := make([]error, len(names))
	par.Do(len(names), func(i int) {
		results[i], errs[i] = p.editFile(names[i], byFile[names[i]], helpers)
	})
	for i := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
	}
	newFiles := helpers.files()
	format := func(cpus int) {
		par.DoOn(cpus, len(names), func(i int) {
			errs[i] = p.formatFile(&results[i], cpus)
		})
	}
	var e *earlyCheck
	if early {
		e = p.earlyVerify(append(append([]FileChange(nil), results...), newFiles...))
	}
	if e == nil {
		format(runtime.GOMAXPROCS(0))
	} else {
		// The check runs on this goroutine, which has a CPU now, and
		// the formatting beside it on one CPU fewer: the check's
		// longest part is a chain of roots, each waiting for the one
		// it imports, and formatting on every CPU slowed every link.
		formatted := make(chan struct{})
		go func() {
			defer close(formatted)
			format(max(1, runtime.GOMAXPROCS(0)-1))
		}()
		e.run()
		<-formatted
		p.early = e
	}
	var changes []FileChange
	for i := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if results[i].New != nil {
			changes = append(changes, results[i])
		}
	}
	changes = append(changes, newFiles...)
	sort.Slice(changes, func(i, j int) bool { return changes[i].Name < changes[j].Name })
	return changes, nil
}

// editFile performs the ops of one file and parses the result, which is
// not formatted yet (formatFile).
func (p *Plan) editFile(name string, ops []*op, helpers *helperSet) (FileChange, error) {
	old, ok := p.prog.Source[name]
	if !ok {
		return FileChange{}, &FileError{Name: name, Err: errNotRead}
	}
	if p.Fset.File(ops[0].file.FileStart).Size() != len(old) {
		return FileChange{}, &FileError{Name: name, Err: errNotRead}
	}
	e := &fileEditor{p: p, unit: ops[0].unit, file: ops[0].file, helpers: helpers, src: old}
	e.cgo = p.cgoMap(e.unit, e.file)
	edited, edits, err := e.edit(ops)
	if err != nil {
		return FileChange{}, &FileError{Name: name, Err: err}
	}
	if e.cgo != nil {
		return p.applyCgo(e.cgo, name, edited, edits)
	}
	f, err := parser.ParseFile(p.Fset, name, edited, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return FileChange{}, &FileError{Name: name, Err: fmt.Errorf("internal error: the edited file does not parse: %v", err)}
	}
	return FileChange{Name: name, Old: old, file: f, edits: edits, text: edited}, nil
}

// formatFile sets the New content of an edited file, formatted on at
// most cpus CPUs; none if the file comes out as it was.
func (p *Plan) formatFile(ch *FileChange, cpus int) error {
	if ch.file == nil {
		return nil // a cgo file, formatted by applyCgo (cgo.go)
	}
	out, err := formatEdited(p.Fset, ch.file, ch.Old, ch.text, ch.edits, cpus) // fidelity.go: gofmt where the edits reach; BOM, CRLF
	ch.text = nil
	if err != nil {
		return &FileError{Name: ch.Name, Err: err}
	}
	if !bytes.Equal(out, ch.Old) {
		ch.New = out
	}
	return nil
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
			o := newOp(copyEdit{}, f.unit, f.unit.fileOf(f.Pos), node)
			o.finding = f
			add(o)
		}
		for _, o := range f.ops {
			add(o)
		}
	}
	return byFile
}

// A fileEditor turns the ops of one file into text edits of the bytes the
// loader read, and prints the result (fidelity.go).
type fileEditor struct {
	p       *Plan
	src     []byte // the file as the loader read it
	unit    *unit
	file    *ast.File
	tf      *token.File
	helpers *helperSet
	edits   editList
	// cgo maps a cgo output to the user's file (cgo.go), or is nil.
	cgo *cgoFile
	// The file's import of package sync (imports.go). syncName is the
	// name under which the edits refer to sync; the text they write
	// names it syncMark until every op is done (finishSync). syncSpec is
	// the import they reuse; if nil, the file has none (addSync), and
	// blankSync is its import _ "sync", if any, which then gets the
	// name. shadowed reports that the name is shadowed at an edit.
	syncName  string
	syncSpec  *ast.ImportSpec
	blankSync *ast.ImportSpec
	addSync   bool
	needSync  bool
	shadowed  bool
	// removed are the ranges of code the edits delete (a reset's
	// = sync.Map{}): the sync import they used may go with them.
	removed [][2]int
}

// syncMark stands for the file's name of package sync in the text the
// editor writes: Go source holds no NUL bytes.
const syncMark = "\x00sync\x00"

// off returns the offset of pos in the file.
func (e *fileEditor) off(pos token.Pos) int { return e.tf.Offset(pos) }

// text returns the source text of n.
func (e *fileEditor) text(n ast.Node) string { return string(e.src[e.off(n.Pos()):e.off(n.End())]) }

func (e *fileEditor) edit(ops []*op) ([]byte, []textdiff.Edit, error) {
	e.tf = e.p.Fset.File(e.file.FileStart)
	e.chooseSyncName()
	for _, o := range ops {
		if err := e.apply(o); err != nil {
			return nil, nil, err
		}
	}
	if err := e.finishSync(); err != nil {
		return nil, nil, err
	}
	return e.edits.apply(e.src, e.syncName)
}

// apply records the text edits of one op.
func (e *fileEditor) apply(o *op) error { return o.edit.apply(e, o) }

// The edits of R1, R2 and R3 that need no more than their node.
type (
	pointerType struct{}
	stripAddr   struct{}
	newMap      struct{}
	copyEdit    struct{}
	initVar     struct{}
	newToLit    struct{}
	litInit     struct{}
)

// A pointerType makes a declared type a pointer:
//
//	m sync.Map
//	  -
//	m *sync.Map
func (pointerType) apply(e *fileEditor, o *op) error {
	f := o.node.(*ast.Field)
	e.edits.insert(e.off(f.Type.Pos()), "*", -e.width(f.Type))
	return nil
}

// A stripAddr drops the & of a retyped operand:
//
//	&x.m
//	-
//	x.m
func (stripAddr) apply(e *fileEditor, o *op) error {
	u := o.node.(*ast.UnaryExpr)
	e.edits.replace(e.off(u.OpPos), e.off(u.OpPos)+1, "")
	return nil
}

// A newMap makes a zero literal a new map, where a pointer is wanted:
//
//	sync.Map{}
//	----------
//	new(sync.Map)
func (newMap) apply(e *fileEditor, o *op) error {
	e.newMap(o.node.(*ast.CompositeLit))
	return nil
}

// A copyEdit rewrites the copied expression of a fixed finding, by its
// srcEdit:
//
//	n := m
//	     -
//	n := cloneSyncMap(&m)
func (copyEdit) apply(e *fileEditor, o *op) error { return e.copyExpr(o.finding, o.node.(ast.Expr)) }

// An initVar gives a declaration without value its initialized value:
// var x T => var x = T{f: new(sync.Map)}; var m sync.Map => var m =
// new(sync.Map).
func (initVar) apply(e *fileEditor, o *op) error { return e.initVar(o.node.(*ast.ValueSpec)) }

// A newToLit makes new(T) a literal with the maps:
//
//	new(T)
//	------
//	&T{m: new(sync.Map)}
func (newToLit) apply(e *fileEditor, o *op) error {
	call := o.node.(*ast.CallExpr)
	t := e.unit.pkg.TypesInfo.TypeOf(call.Args[0])
	elts, err := e.missingInits(t, nil, call.Pos())
	if err != nil {
		return err
	}
	e.edits.replace(e.off(call.Fun.Pos()), e.off(call.Lparen)+1, "&")
	e.edits.replace(e.off(call.Rparen), e.off(call.Rparen)+1, "{"+strings.Join(elts, ", ")+"}")
	return nil
}

// A litInit adds the retyped fields a literal leaves out:
//
//	T{name: "x"}
//	------------
//	T{name: "x", m: new(sync.Map)}
func (litInit) apply(e *fileEditor, o *op) error {
	lit := o.node.(*ast.CompositeLit)
	elts, err := e.missingInits(litType(e.unit.pkg.TypesInfo, lit), lit, lit.Pos())
	if err != nil {
		return err
	}
	e.addElts(lit, elts)
	return nil
}

// A resultInit sets the named results of a function to new(sync.Map)
// first:
//
//	func f() (r sync.Map) {
//	func f() (r *sync.Map) {
//		r = new(sync.Map)
type resultInit struct{ names []string }

func (ri resultInit) apply(e *fileEditor, o *op) error {
	decl := o.node.(*ast.FuncDecl)
	var values []string
	for _, name := range ri.names {
		// new(sync.Map), or new(Registry) for a defined type.
		typ, err := e.typeExpr(e.resultType(decl, name), decl.Body.Lbrace)
		if err != nil {
			return err
		}
		values = append(values, e.newOf(typ, decl.Body.Lbrace))
	}
	e.insertStmt(decl.Body, strings.Join(ri.names, ", ")+" = "+strings.Join(values, ", "))
	return nil
}

// width returns the length of n's text.
func (e *fileEditor) width(n ast.Node) int { return e.off(n.End()) - e.off(n.Pos()) }

// newMap rewrites a zero literal of a sync.Map type where a pointer is
// wanted: new(T), or &T{} where new is shadowed. The text between the
// braces, a comment say, stays.
func (e *fileEditor) newMap(lit *ast.CompositeLit) {
	if !e.builtinNew(lit.Pos()) {
		e.edits.wrap(e.off(lit.Pos()), e.off(lit.End()), "&", "")
		return
	}
	e.edits.insert(e.off(lit.Pos()), "new(", -e.width(lit))
	e.edits.replace(e.off(lit.Lbrace), e.off(lit.Lbrace)+1, ")")
	e.edits.replace(e.off(lit.Rbrace), e.off(lit.Rbrace)+1, "")
}

// addElts adds keyed elements to a composite literal. A literal written
// on several lines gets one element a line, before the closing brace
// (also when it holds only a comment, or its last element is followed by
// one); a literal on one line gets them after its last element and the
// comments that follow it.
func (e *fileEditor) addElts(lit *ast.CompositeLit, elts []string) {
	if len(elts) == 0 {
		return
	}
	rbrace := e.off(lit.Rbrace)
	comma := len(lit.Elts) > 0 && !e.hasComma(e.off(lit.Elts[len(lit.Elts)-1].End()), rbrace)
	if e.line(lit.Lbrace) != e.line(lit.Rbrace) {
		lines := strings.Join(elts, ",\n") + ",\n"
		if lineStart := e.lineStart(rbrace); e.blank(lineStart, rbrace) && !comma {
			e.edits.insert(lineStart, lines, 0)
			return
		}
		sep := "\n"
		if comma {
			sep = ",\n"
		}
		e.edits.insert(rbrace, sep+lines, 0)
		return
	}
	text := strings.Join(elts, ", ")
	switch {
	case len(lit.Elts) == 0:
	case comma:
		text = ", " + text
	default:
		text = " " + text
	}
	e.edits.insert(rbrace, text, 0)
}

// line returns the line of pos in the file as it is, whatever its //line
// directives say.
func (e *fileEditor) line(pos token.Pos) int { return e.tf.PositionFor(pos, false).Line }

// lineStart returns the offset of the start of the line holding off.
func (e *fileEditor) lineStart(off int) int {
	return bytes.LastIndexByte(e.src[:off], '\n') + 1
}

// lineEnd returns the offset of the newline that ends the line holding
// off (after a comment that ends the line), or the end of the file.
func (e *fileEditor) lineEnd(off int) int {
	if nl := bytes.IndexByte(e.src[off:], '\n'); nl >= 0 {
		return off + nl
	}
	return len(e.src)
}

// blank reports whether src[from:to] is only spaces and tabs.
func (e *fileEditor) blank(from, to int) bool {
	return len(bytes.Trim(e.src[from:to], " \t")) == 0
}

// hasComma reports whether a comma lies in src[from:to], outside
// comments.
func (e *fileEditor) hasComma(from, to int) bool {
	for _, g := range e.file.Comments {
		if e.off(g.Pos()) >= from && e.off(g.End()) <= to {
			return bytes.IndexByte(e.src[from:e.off(g.Pos())], ',') >= 0 || bytes.IndexByte(e.src[e.off(g.End()):to], ',') >= 0
		}
	}
	return bytes.IndexByte(e.src[from:to], ',') >= 0
}

// insertStmt inserts stmt as the first statement of body: on the line
// after the opening brace, and after a comment that ends that line.
func (e *fileEditor) insertStmt(body *ast.BlockStmt, stmt string) {
	lbrace := e.off(body.Lbrace) + 1
	nl := bytes.IndexByte(e.src[lbrace:], '\n')
	if nl >= 0 && e.onlyComments(lbrace, lbrace+nl) {
		e.edits.insert(lbrace+nl+1, stmt+"\n", 0)
		return
	}
	e.edits.insert(lbrace, "\n"+stmt+"\n", 0)
}

// onlyComments reports whether src[from:to] holds nothing but spaces and
// comments that end there.
func (e *fileEditor) onlyComments(from, to int) bool {
	for _, g := range e.file.Comments {
		for _, c := range g.List {
			if s := e.off(c.Pos()); s >= from && s < to {
				if !e.blank(from, s) || e.off(c.End()) < to && !e.blank(e.off(c.End()), to) {
					return false
				}
				return true
			}
		}
	}
	return e.blank(from, to)
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
