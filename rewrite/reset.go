package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"path/filepath"
	"strings"

	"github.com/syncfix/syncfix/detect"
)

// R6 Resets. A reset writes a zero sync.Map over an existing one:
//
//	RunList = sync.Map{}       =>  RunList.Clear()
//	c.m = *new(sync.Map)       =>  c.m.Clear()
//	*p = sync.Map{} // why     =>  p.Clear() // why
//	r = Registry{}             =>  (*sync.Map)(&r).Clear()
//
// The assignment writes every word of the map while other goroutines may
// be calling Load, Store or Range on it: a data race (go test -race
// reports it, go vet does not). (*sync.Map).Clear, added in Go 1.23,
// deletes every entry and is safe for concurrent use, so the fix is sound
// where the file may call it: its Go version (types.Info.FileVersions:
// the module's go line, or the file's //go:build go1.N) is at least
// go1.23. Below that the reset is reported as not fixed, naming the
// version. The target expression stays as written, so its comments stay;
// *p becomes p, and a defined type over sync.Map, which has none of its
// methods, is converted to *sync.Map first.
//
// Where the plan retypes the target itself (a field R1 or R2 makes
// *sync.Map, a variable R2 makes one, a parameter of R3), the reset is
// left to that rule, which already stores a new map there:
//
//	c.m = sync.Map{}           =>  c.m = new(sync.Map)
//
// The copies of the struct made before the reset share the old map, and
// keep the entries they saw, as before the fix, when each copy had a map
// of its own; Clear would empty theirs too. The target's decision is
// known only when blockers have propagated (decide), so the reset's fix
// is chosen after it (finishResets), and the two rules never both edit
// the assignment. A reset that a //syncfix:ignore directive silences
// keeps its code, so the target it writes is not retyped either.
//
// A target whose address is kept (p := &c.m) must not be assigned again
// once it is a pointer: p would go on pointing at the old map. A reset
// of it that can be Clear therefore stays Clear, also on the pointer,
// and is no assignment (settleResets): p sees the map emptied, as it saw
// the variable reset before the fix. Were it counted, the target would
// be blocked, the reset become Clear, and a second run retype the target
// after all.
//
// Only a reset that is a statement of its own is rewritten: in a
// multi-value assignment (a, m = 1, sync.Map{}) the other values would
// need a statement of their own, which is the user's change to make.

// A reset is a reset finding and what its fix needs.
type reset struct {
	f    *finding
	stmt *ast.AssignStmt
	// clearBlock says why x.Clear() cannot be written, if it cannot.
	clearBlock *blocker
	// kept is the position of a kept address of the reset's target, if
	// the target has one (settleResets): then Clear, even if the target
	// becomes a pointer.
	kept token.Pos
}

// resetFixMin is the first Go version whose sync.Map has Clear.
const resetFixMin = "go1.23"

// classifyReset records a reset finding; its fix is chosen in
// finishResets, once the targets are decided.
func (p *Plan) classifyReset(f *finding) {
	f.src = srcNone // the zero value is no copy: nothing to clone
	r := &reset{f: f}
	p.resets = append(p.resets, r)
	file := f.unit.fileOf(f.Pos)
	stmt, _ := parentOf(p.idx.path(file, f.Src), f.Src).(*ast.AssignStmt)
	if stmt == nil {
		r.clearBlock = p.invariant(f.Pos, "reset outside an assignment")
		return
	}
	r.stmt = stmt
	p.resetBySrc[ast.Unparen(f.Src)] = r
	if len(stmt.Lhs) != 1 {
		r.clearBlock = p.blockAt(f.Pos, BlockDeclaration, "the reset is part of a multi-value assignment; give it a statement of its own")
		return
	}
	if p.cgoRewrote(f.unit, file, stmt.Pos(), stmt.End()) != 0 {
		r.clearBlock = p.blockAt(f.Pos, BlockCgo, "the edit falls on a line that cgo rewrote")
		return
	}
	if v, from := p.fileVersion(f.unit, file); v == "" {
		r.clearBlock = p.blockAt(f.Pos, BlockGoVersion, "(*sync.Map).Clear needs "+resetFixMin+", and the file's Go version is unknown")
	} else if version.Compare(v, resetFixMin) < 0 {
		r.clearBlock = p.blockAt(f.Pos, BlockGoVersion, fmt.Sprintf("(*sync.Map).Clear needs %s, and the file's Go version is %s (%s); raise it to fix the reset", resetFixMin, v, from))
	}
}

// clearableReset returns the reset whose zero value is x if it can
// become Clear: not silenced, a statement of its own in a file that may
// call Clear, and a literal (classifyValue handles *new(T) as any
// other value).
func (p *Plan) clearableReset(x ast.Expr) *reset {
	r := p.resetBySrc[ast.Unparen(x)]
	if r == nil || r.f.silenced || r.clearBlock != nil {
		return nil
	}
	if _, ok := ast.Unparen(x).(*ast.CompositeLit); !ok {
		return nil
	}
	return r
}

// settleResets decides, for each target with resets that can become
// Clear, whether they stay Clear (its address is kept) or are stores
// that the target makes new(T) when it becomes a pointer.
func (p *Plan) settleResets() {
	for _, t := range p.sortedTargets() {
		for _, r := range t.resets {
			// A kept pointer must follow the map: Clear stays. The
			// one pointer that cannot be held when the reset runs is
			// one passed to a call later in the same function, outside
			// any loop with the reset; anything else (an earlier &x,
			// a method value, a pointer taken in another function,
			// whose run order the text does not tell) may be.
			path := p.idx.path(r.f.unit.fileOf(r.f.Pos), r.f.Src)
			here := site{pos: r.f.Pos, loops: loopsOf(path), fn: innermostFunc(path)}
			for _, k := range t.kept {
				later := k.arg && k.fn == here.fn && k.pos > here.pos && !shareLoop(k.loops, here.loops)
				if !later {
					r.kept = k.pos
					break
				}
			}
			if r.kept.IsValid() {
				continue
			}
			t.assigned = append(t.assigned, here)
			p.classifyValue(t, r.f.unit, r.f.unit.fileOf(r.f.Pos), r.f.Src)
		}
	}
}

// fileVersion returns the Go version of file, and where it comes from.
func (p *Plan) fileVersion(u *unit, file *ast.File) (v, from string) {
	v = u.pkg.TypesInfo.FileVersions[file]
	mod := ""
	if u.pkg.Module != nil && u.pkg.Module.GoVersion != "" {
		mod = "go" + u.pkg.Module.GoVersion
	}
	switch {
	case v == "":
		return mod, "the module's go line"
	case mod != "" && version.Compare(v, mod) != 0:
		return v, "the file's //go:build constraint"
	}
	return v, "the module's go line"
}

// resetTarget returns the target whose retyping makes the reset's
// destination a pointer, or nil: the field, variable, or function (for
// a parameter or result) that the reset writes.
func (p *Plan) resetTarget(f *finding) *target {
	if f.Dst.Obj == nil {
		return nil // *p, arr[i]: never retyped
	}
	key := p.key(origin(f.Dst.Obj))
	if t := p.targets[key]; t != nil && t.kind != tFunc {
		return t
	}
	return p.sites.members[key]
}

// keepSilencedResets blocks the targets of the resets that a
// //syncfix:ignore directive silences: retyping would rewrite the
// silenced line to store new(sync.Map).
func (p *Plan) keepSilencedResets() {
	for _, r := range p.resets {
		if !r.f.silenced {
			continue
		}
		if t := p.resetTarget(r.f); t != nil {
			t.block(BlockIgnoreDirective, "a //syncfix:ignore directive keeps a reset of it as it is", p.Fset.Position(r.f.Pos))
		}
	}
}

// finishResets chooses each reset's fix now that the targets are
// decided: the retyping rule's new(sync.Map) where the destination
// becomes a pointer, else x.Clear() where the file may call it.
func (p *Plan) finishResets() {
	for _, r := range p.resets {
		f := r.f
		if f.static != nil {
			continue // silenced, or in a file that is not edited
		}
		t := p.resetTarget(f)
		retyped := t != nil && t.blocked == nil
		if retyped && !r.kept.IsValid() {
			// The target's own ops (classifyValue) write new(T).
			f.fixText = resetTargetName(t, f) + " becomes " + ptrName(f) + ", so the reset stores new(" + ptrName(f)[1:] +
				"): copies made before the reset keep the entries they saw"
			continue
		}
		if r.clearBlock != nil {
			f.static = r.clearBlock
			continue
		}
		o := newOp(clearEdit{}, f.unit, f.unit.fileOf(f.Pos), r.stmt)
		o.finding = f
		f.ops = append(f.ops, o)
		f.fixText = "replaced by " + clearText(f, retyped) + ", which empties the map in place and is safe for concurrent use"
		if retyped {
			f.fixText += fmt.Sprintf(", so the pointer kept at line %d sees it emptied; %s becomes %s",
				p.Fset.Position(r.kept).Line, resetTargetName(t, f), ptrName(f))
		}
	}
}

// resetTargetName names what the retyping of t changes for the reset f:
// the field or variable, or the parameter or result of a function.
func resetTargetName(t *target, f *finding) string {
	if t.kind == tFunc {
		return signatureVarKind(f.Dst.Obj) + " " + f.Dst.Obj.Name()
	}
	return t.describe()
}

// clearText renders the call that replaces the reset of f, for its
// message; pointer says that the target becomes a pointer.
func clearText(f *finding, pointer bool) string {
	lhs := ast.Unparen(f.Dst.Expr)
	target := types.ExprString(lhs)
	star, strip := lhs.(*ast.StarExpr)
	if strip {
		strip = isPrimary(star.X) && isPlainPointer(f.unit.pkg.TypesInfo.TypeOf(star.X))
	}
	switch {
	case !detect.IsPlainSyncMap(f.Type) && pointer:
		target = "(*sync.Map)(" + target + ")"
	case !detect.IsPlainSyncMap(f.Type) && strip:
		target = "(*sync.Map)(" + types.ExprString(star.X) + ")"
	case !detect.IsPlainSyncMap(f.Type):
		target = "(*sync.Map)(&" + target + ")"
	case strip:
		target = types.ExprString(star.X)
	case star != nil:
		target = "(" + target + ")"
	}
	if len(target) > 40 {
		target = target[:37] + "..."
	}
	return target + ".Clear()"
}

// A clearEdit turns a reset into Clear:
//
//	m = sync.Map{}
//	 -------------
//	m.Clear()
type clearEdit struct{}

func (clearEdit) apply(e *fileEditor, o *op) error {
	e.clearReset(o.finding, o.node.(*ast.AssignStmt))
	return nil
}

// clearReset rewrites the reset stmt into a call of Clear on its target,
// keeping the comments between the target and the end of the value:
//
//	c.m = /* why */ sync.Map{}
//	   ---------------------
//	c.m.Clear() /* why */
func (e *fileEditor) clearReset(f *finding, stmt *ast.AssignStmt) {
	lhs := stmt.Lhs[0]
	inner := ast.Unparen(lhs)
	start, end := e.off(lhs.Pos()), e.off(lhs.End())
	if star, ok := inner.(*ast.StarExpr); ok && isPrimary(star.X) && isPlainPointer(e.unit.pkg.TypesInfo.TypeOf(star.X)) {
		// *p => p: the pointer has the method already.
		e.edits.replace(e.off(star.Star), e.off(star.Star)+1, "")
		if !detect.IsPlainSyncMap(f.Type) {
			e.edits.wrap(e.off(star.X.Pos()), e.off(star.X.End()), "(*"+e.syncMapType(lhs.Pos())+")(", ")")
		}
	} else if !detect.IsPlainSyncMap(f.Type) && e.isPointerNow(lhs) {
		// A retyped target whose address is kept (settleResets).
		e.edits.wrap(start, end, "(*"+e.syncMapType(lhs.Pos())+")(", ")")
	} else if !detect.IsPlainSyncMap(f.Type) {
		// A defined type over sync.Map has none of its methods.
		e.edits.wrap(start, end, "(*"+e.syncMapType(lhs.Pos())+")(&", ")")
	} else if ok && lhs == inner {
		// **pp, *p of a defined pointer type: Clear binds to (*p).
		e.edits.wrap(start, end, "(", ")")
	}
	e.replaceKeepingComments(end, e.off(stmt.Rhs[0].End()), ".Clear()")
	e.removed = append(e.removed, [2]int{end, e.off(stmt.Rhs[0].End())})
}

// replaceKeepingComments replaces src[from:to] by text, except for the
// comments in it, which follow text. A line comment ends its line, so
// code that followed the range on its line goes on the next.
func (e *fileEditor) replaceKeepingComments(from, to int, text string) {
	for _, g := range e.file.Comments {
		for _, c := range g.List {
			cs, ce := e.off(c.Pos()), e.off(c.End())
			if cs < from || ce > to {
				continue
			}
			e.edits.replace(from, cs, text)
			text = ""
			if strings.HasPrefix(c.Text, "//") && !e.blank(to, e.lineEnd(to)) {
				text = "\n" // code follows the reset on its last line
			}
			from = ce
		}
	}
	if from < to || text != "" {
		e.edits.replace(from, to, text)
	}
}

// isPrimary reports whether x, written before a selector, binds to it
// as it is: not *p or another unary expression.
func isPrimary(x ast.Expr) bool {
	switch x.(type) {
	case *ast.StarExpr, *ast.UnaryExpr, *ast.BinaryExpr:
		return false
	}
	return true
}

// isPlainPointer reports whether t is an unnamed pointer type, whose
// method set includes its element's pointer methods.
func isPlainPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// sourceReset returns the position of a write over the map that f
// copies from, or token.NoPos: a reset of the variable or field, or an
// assignment to the variable the source is a field of (x = T{} for a
// copy of x.m), or to a field on the way (x.a = A{} for x.a.m). Under
// --copies share such a copy is cloned: the map it would share by
// address is emptied or replaced in place, where the copy used to keep
// its entries.
func (p *Plan) sourceReset(f *finding) token.Pos {
	var obj types.Object
	info := f.unit.pkg.TypesInfo
	switch src := ast.Unparen(f.Src).(type) {
	case *ast.Ident:
		obj = info.Uses[src]
	case *ast.SelectorExpr:
		if sel := info.Selections[src]; sel != nil {
			obj = sel.Obj()
		} else {
			obj = info.Uses[src.Sel]
		}
	}
	if obj != nil {
		if pos := p.resetAt[p.key(origin(obj))]; pos.IsValid() {
			return pos
		}
	}
	if pos := p.rootAssigned(f); pos.IsValid() {
		return pos
	}
	return p.aliasWriteAt(f) // alias.go: written over under another name
}

// rootAssigned returns the first assignment, in f's unit, to the
// variable at the root of f's source (m itself, x in x.a.m, s in s[i].m,
// p in p.m), or to anything under it (x.a, s[i], *p, x.n), token.NoPos
// if none. It
// is coarse on purpose: a write to another field only costs a clone.
func (p *Plan) rootAssigned(f *finding) token.Pos {
	info := f.unit.pkg.TypesInfo
	root := rootVar(info, f.Src)
	if root == nil {
		return token.NoPos
	}
	v, ok := info.Uses[root].(*types.Var)
	if !ok {
		return token.NoPos
	}
	// The first in position order: usesNamed is in no order.
	first := token.NoPos
	for _, use := range p.idx.usesNamed(f.unit, v.Name()) {
		if info.Uses[use] != v {
			continue
		}
		file := f.unit.fileOf(use.Pos())
		if file == nil {
			continue
		}
		if pos := assignedAt(p.idx.path(file, use), use); pos.IsValid() && (!first.IsValid() || before(p.Fset.Position(pos), p.Fset.Position(first))) {
			first = pos
		}
	}
	if !first.IsValid() && v.Kind() == types.ResultVar {
		return p.resultsAssigned(f.unit, v)
	}
	return first
}

// assignedAt returns the position of the assignment whose left side is
// use or a path from it (use.a, use[i], *use), or token.NoPos; path is
// use's path.
func assignedAt(path []ast.Node, use *ast.Ident) token.Pos {
	var e ast.Expr = use
	for {
		parent := parentOf(path, e)
		if as, ok := parent.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if ast.Unparen(lhs) == e {
					return as.Pos()
				}
			}
		}
		next, ok := parent.(ast.Expr)
		if !ok || rootStep(next) != e {
			return token.NoPos
		}
		e = next
	}
}

// resultsAssigned returns the first return statement with values of the
// function whose named result v is: it assigns v, as an assignment
// would, before deferred calls run.
func (p *Plan) resultsAssigned(u *unit, v *types.Var) token.Pos {
	var body *ast.BlockStmt
	switch fn := p.funcOfVar(u, v).(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	if body == nil {
		return token.NoPos
	}
	pos := token.NoPos
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns set its own results
		case *ast.ReturnStmt:
			if len(n.Results) > 0 && !pos.IsValid() {
				pos = n.Pos()
			}
		}
		return !pos.IsValid()
	})
	return pos
}

// rootVar returns the identifier that x.a.m, s[i].m, (*p).m or p.m
// starts from, or nil.
func rootVar(info *types.Info, x ast.Expr) *ast.Ident {
	for {
		x = ast.Unparen(x)
		if id, ok := x.(*ast.Ident); ok {
			return id
		}
		if sel, ok := x.(*ast.SelectorExpr); ok && info.Selections[sel] == nil {
			return sel.Sel // pkg.V
		}
		next := rootStep(x)
		if next == nil {
			return nil
		}
		x = next
	}
}

// rootStep returns the operand that a field selection, an index or a
// dereference is applied to, or nil for other expressions.
func rootStep(x ast.Expr) ast.Expr {
	switch x := x.(type) {
	case *ast.SelectorExpr:
		return ast.Unparen(x.X)
	case *ast.IndexExpr:
		return ast.Unparen(x.X)
	case *ast.StarExpr:
		return ast.Unparen(x.X)
	case *ast.ParenExpr:
		return ast.Unparen(x.X)
	}
	return nil
}

// resetText says why a copy is cloned under --copies share.
func (p *Plan) resetText(f *finding) string {
	at := p.Fset.Position(p.sourceReset(f))
	where := fmt.Sprintf("line %d", at.Line)
	if at.Filename != p.Fset.Position(f.Pos).Filename {
		where = fmt.Sprintf("%s:%d", filepath.Base(at.Filename), at.Line)
	}
	return fmt.Sprintf("%s is written over at %s, which would change the map it now shares", types.ExprString(f.Src), where)
}
