package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/syncfix/syncfix/detect"
)

// A blocker is why a finding or target cannot be fixed, and where: the
// kind of obstacle, and the reason in words.
type blocker struct {
	kind   BlockKind
	reason string
	pos    token.Position
}

// A finding is a detected copy with the plan's bookkeeping.
type finding struct {
	detect.Finding
	unit *unit
	// static is the finding's own blocker, found when it is classified.
	static *blocker
	// requires lists the targets that must all be retyped for the fix.
	requires []*target
	// fixText says what the fix does, for the message.
	fixText string
	// src says how the copied expression is rewritten.
	src srcEdit
	// ops are the edits the fix makes besides retyping its targets.
	ops []*op
	// silenced reports that a //syncfix:ignore directive silences it:
	// it is not reported, and its code must stay as it is.
	silenced bool
}

// A srcEdit is what happens to the copied expression of a fixed finding.
type srcEdit int

const (
	srcNone  srcEdit = iota // R1: the struct copy stays, its fields are retyped
	srcClone                // m becomes cloneSyncMap(&m)
	srcShare                // m becomes &m
)

// blockedBy returns the finding's blocker: its own, or the first of a
// required target, whose kind it keeps.
func (f *finding) blockedBy() *blocker {
	if f.static != nil {
		return f.static
	}
	for _, t := range f.requires {
		if t.blocked != nil {
			return &blocker{kind: t.blocked.kind, reason: t.describe() + " cannot change: " + t.blocked.reason, pos: t.blocked.pos}
		}
	}
	return nil
}

// A targetKind says what a target retypes from S to *S.
type targetKind int

const (
	tField targetKind = iota // a struct field of sync.Map type (R1, R2)
	tVar                     // a local or package-level variable (R2)
	tFunc                    // a function's sync.Map parameters and results (R3)
	tBox                     // the values of a sync.Map type in interfaces (boxed.go)
)

// A target is a declaration whose type changes from a sync.Map type S to
// *S, with every use of it. A target is accepted or blocked as a whole.
type target struct {
	key  string
	kind targetKind
	obj  types.Object // the field, variable or function
	// unit and file hold the declaration, if it is in the loaded source.
	unit *unit
	file *ast.File

	blocked  *blocker
	requires []*target
	// needs lists findings whose fix the target's uses depend on.
	needs []*finding

	// params and results of a tFunc, by index, that are retyped.
	params, results []int
	// readOnly reports, for a tFunc, whether every retyped parameter is
	// only read by the function.
	readOnly bool
	// writePos is where a tFunc writes to a parameter, if it does;
	// escapes reports that the write is a capture by a function literal
	// that may outlive the call.
	writePos token.Position
	escapes  bool
	// callsOut reports, for a tFunc, that its body calls code other
	// than the read methods of its retyped parameters, builtins and
	// function targets that do not call out themselves (calls): code
	// that may write the caller's map while it reads its copy.
	// callsKnown says that readParams has looked.
	callsOut, callsKnown bool
	calls                []*target
	// passesTo lists the function targets a tFunc passes its parameters
	// to: it is read-only only if they all are (resolveReadOnly).
	passesTo []*target
	// writesVia is the callee in passesTo that makes a tFunc writing.
	writesVia *target
	// valueCalls are the calls of a tFunc with a retyped result that
	// use the result as a value (resolveValueCalls).
	valueCalls []valueCall
	// ops are the edits that retyping makes: the declaration and every
	// use and construction site.
	ops []*op
	// kept lists where its address is kept (p := &m), and assigned where
	// it is assigned after its declaration.
	kept, assigned []site
	// resets are the resets of it that may become Clear (reset.go).
	resets []*reset
}

func (t *target) describe() string {
	switch t.kind {
	case tField:
		return "field " + t.obj.Name()
	case tFunc:
		return "function " + t.obj.Name()
	case tBox:
		return describeBox(t)
	}
	return "variable " + t.obj.Name()
}

// block marks t as not fixable, keeping the first blocker.
func (t *target) block(kind BlockKind, reason string, pos token.Position) {
	if t.blocked == nil {
		t.blocked = &blocker{kind: kind, reason: reason, pos: pos}
	}
}

// blockBy is block with a blocker made elsewhere (Plan.blockAt,
// Plan.invariant), copied: b may be shared.
func (t *target) blockBy(b *blocker) { t.block(b.kind, b.reason, b.pos) }

// decide propagates blockers until nothing changes: a target is blocked
// if a target or a finding it requires is; a finding is then fixed if
// it has no blocker of its own and all its targets are accepted.
func (p *Plan) decide() {
	for changed := true; changed; {
		changed = false
		for _, t := range p.sortedTargets() {
			if t.blocked != nil {
				continue
			}
			for _, r := range t.requires {
				if r.blocked != nil {
					t.block(r.blocked.kind, "it depends on "+r.describe()+", which cannot change: "+r.blocked.reason, r.blocked.pos)
					break
				}
			}
			if t.blocked == nil {
				for _, f := range t.needs {
					if b := f.blockedBy(); b != nil {
						t.block(b.kind, "its use is not fixable: "+b.reason, p.Fset.Position(f.Pos))
						break
					}
				}
			}
			changed = changed || t.blocked != nil
		}
	}
}

// siblingText names the other sync.Map fields that change with a field
// f's fix retypes: a struct's sync.Map fields are retyped together.
func (p *Plan) siblingText(f *finding) string {
	if f.Dst.Kind != detect.DstField {
		return ""
	}
	var names []string
	for _, t := range f.requires {
		if t.kind != tField {
			continue
		}
		for _, s := range t.requires {
			if s.kind == tField && s.blocked == nil && s != t {
				names = append(names, s.obj.Name())
			}
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return "; so does field " + names[0] + " of the same struct"
	}
	return "; so do fields " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " of the same struct"
}
