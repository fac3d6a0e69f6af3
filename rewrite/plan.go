package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"sync"

	"github.com/syncfix/syncfix/detect"
	"github.com/syncfix/syncfix/internal/par"
	"golang.org/x/tools/go/packages"
)

// A Policy chooses how a copy of a sync.Map that reaches a writing callee
// is rewritten (DESIGN.md R2, --copies).
type Policy int

const (
	// CopiesAuto clones explicit copies, passes &m to callees that only
	// read their parameter, and leaves writing callees to the user.
	CopiesAuto Policy = iota
	// CopiesClone clones for writing callees too.
	CopiesClone
	// CopiesShare turns every copy into an alias, &m.
	CopiesShare
)

var policyNames = [...]string{CopiesAuto: "auto", CopiesClone: "clone", CopiesShare: "share"}

// String returns the policy's flag value.
func (p Policy) String() string { return policyNames[p] }

// ParsePolicy parses a --copies flag value.
func ParsePolicy(s string) (Policy, error) {
	for i, name := range policyNames {
		if s == name {
			return Policy(i), nil
		}
	}
	return 0, fmt.Errorf("invalid --copies value %q (want auto, clone or share)", s)
}

// Options configure a plan.
type Options struct {
	Copies Policy
	// ClosedWorld says that every importer of the loaded packages is
	// loaded too, so exported types and functions may change (R1, R3).
	ClosedWorld bool
}

// An Outcome is a finding and what the plan does about it.
type Outcome struct {
	detect.Finding
	// Posn is the finding's position.
	Posn token.Position
	// Fixed reports whether the plan fixes the finding.
	Fixed bool
	// Fix says how, when Fixed; Reason says why not, otherwise.
	Fix, Reason string
	// Blocker is the position that blocks the fix, if any.
	Blocker token.Position
	// Kind says what kind of obstacle Reason describes: set whenever
	// Fixed is false (BlockIgnoreDirective for a silenced finding),
	// BlockNone when it is true.
	Kind BlockKind
	// Justification is, for a silenced finding (Plan.Silenced), the
	// reason its //syncfix:ignore directive gives.
	Justification string
}

// Text is the finding's message followed by the decision.
func (o *Outcome) Text() string {
	return o.TextWith(func(name string) string { return name })
}

// TextWith is Text, with the blocker's file name shown by file.
func (o *Outcome) TextWith(file func(string) string) string {
	if o.Fixed {
		return o.Message + "; fix: " + o.Fix
	}
	s := o.Message + "; not fixed: " + o.Reason
	if o.Blocker.IsValid() && o.Blocker != o.Posn {
		s += fmt.Sprintf(" (%s:%d:%d)", file(o.Blocker.Filename), o.Blocker.Line, o.Blocker.Column)
	}
	return s
}

// A Plan is the whole-program decision for a set of loaded packages: which
// findings are fixed, by which rule, and which are not, and why.
type Plan struct {
	Fset     *token.FileSet
	Outcomes []*Outcome // sorted by position
	// Silenced are the findings that //syncfix:ignore directives
	// silence, sorted by position: not reported, never fixed.
	Silenced []*Outcome
	// Directives are the //syncfix:ignore comments of the loaded files;
	// Used tells which silenced a finding.
	Directives []*detect.Directive
	opts       Options
	prog       *Program
	errs       []error // internal errors (invariant)
	// openSeen and policySeen report that the plan met an open-world
	// package or a writing callee under --copies auto: only then can
	// --closed-world or --copies change it (unlock.go).
	openSeen, policySeen bool
	idx                  *index
	units                []*unit
	findings             []*finding
	targets              map[string]*target
	// sorted caches sortedTargets; sortedMu guards it (Apply reads the
	// targets in parallel).
	sorted   []*target
	sortedMu sync.Mutex
	// sites indexes the syntax the rules rewrite besides the findings.
	sites *siteIndex
	// ifaceMethods caches interfaceMethodNames, ifaceFacts ifaces.
	ifaceMethods map[string]bool
	ifaceFacts   *ifaceFacts
	ifacesRead   chan struct{} // closed once readIfaces set ifaceFacts
	// boxes are the decisions for sync.Map values in interfaces, by
	// key; boxIndex caches boxSites (boxed.go).
	boxes    map[string]*box
	boxIndex *boxSiteIndex
	// declOps holds the ops on declarations, one per node (see declOp).
	declOps map[opKey]*op
	// keys caches key.
	keys   map[types.Object]string
	keysMu sync.Mutex // Apply edits files in parallel
	// noTouch says why a file is not editable, beyond generated and cgo
	// files (notouch.go).
	noTouch map[*ast.File]noTouch
	// resets are the reset findings, whose fix is chosen once the
	// targets are decided (reset.go).
	resets     []*reset
	resetBySrc map[ast.Expr]*reset
	// resetAt holds, by key, the first reset of each variable or field
	// (see sourceReset).
	resetAt map[string]token.Pos
	// cgoFiles caches cgoMap.
	cgoFiles map[*ast.File]*cgoFile
	cgoMu    sync.Mutex
	// early is the check of the edited program that Apply did for
	// Verify (verify.go), or nil.
	early *earlyCheck
}

// Make plans the fix for the packages of prog, as loaded by go/packages
// with syntax and types (and test variants, if wanted). Packages with
// errors must be rejected by the caller.
func Make(prog *Program, opts Options) *Plan {
	p := &Plan{opts: opts, prog: prog, idx: newIndex(), targets: make(map[string]*target), declOps: make(map[opKey]*op), keys: make(map[types.Object]string), boxes: make(map[string]*box), resetBySrc: make(map[ast.Expr]*reset)}
	p.units = selectUnits(prog)
	if len(p.units) > 0 {
		p.Fset = p.units[0].pkg.Fset
	}
	p.markNoTouch() // notouch.go: //line files, files outside the module root
	found := findAll(p.units)
	for _, fs := range found {
		sort.SliceStable(fs, func(i, j int) bool {
			return before(p.Fset.PositionFor(fs[i].Pos, false), p.Fset.PositionFor(fs[j].Pos, false))
		})
	}
	justification := make(map[*finding]string)
	for i, u := range p.units {
		dirs := detect.Directives(p.Fset, u.pkg.Syntax)
		all := found[i]
		kept := make(map[token.Pos]bool)
		for _, fd := range detect.Suppress(p.Fset, all, dirs) {
			kept[fd.Pos] = true
		}
		for _, fd := range all {
			f := &finding{Finding: fd, unit: u, silenced: !kept[fd.Pos]}
			if f.silenced {
				justification[f] = directiveReason(p.Fset, fd.Pos, dirs)
			}
			p.findings = append(p.findings, f)
		}
		p.Directives = append(p.Directives, dirs...)
	}
	p.warmIndexes()
	if len(p.findings) > 0 {
		p.startIfaces() // ifaces.go: read on another CPU while classify runs
	}
	p.sites = indexSites(p)
	p.classify()
	p.keepSilenced()
	p.analyzeTargets()
	p.resolveReadOnly() // funcs.go: read-only parameters, a fixed point over calls
	p.setArgPolicy()
	p.analyzeConstruction()
	p.analyzeUses()
	p.resolveValueCalls() // uses.go: where a retyped result meets a value context
	p.settleResets()      // reset.go: before kept addresses are checked against assignments
	p.blockKeptAddresses()
	p.blockExcludedUses()  // notouch.go: files excluded by the build tags
	p.explainNoTouch()     // notouch.go: reasons for the files markNoTouch excluded
	p.keepSilencedResets() // reset.go: a silenced reset keeps its target's type
	p.blockCgoRewritten()  // cgo.go: edits only on lines cgo did not rewrite
	p.blockEvalOrder()     // evalorder.go: no clone read ahead of a later call that writes
	p.decide()
	p.finishResets() // reset.go: new(sync.Map) where the target is retyped, else Clear
	for _, f := range p.findings {
		if f.silenced {
			p.Silenced = append(p.Silenced, &Outcome{Finding: f.Finding, Posn: p.Fset.Position(f.Pos), Reason: "silenced", Kind: BlockIgnoreDirective, Justification: justification[f]})
			continue
		}
		o := &Outcome{Finding: f.Finding, Posn: p.Fset.Position(f.Pos)}
		if b := f.blockedBy(); b != nil {
			o.Reason, o.Blocker, o.Kind = b.reason, b.pos, b.kind
		} else {
			o.Fixed, o.Fix = true, f.fixText+p.siblingText(f)
		}
		p.Outcomes = append(p.Outcomes, o)
	}
	sortOutcomes(p.Outcomes)
	sortOutcomes(p.Silenced)
	p.idx.releaseFiles() // Apply and Verify have no use for them
	return p
}

// sortOutcomes sorts outcomes by position.
func sortOutcomes(os []*Outcome) {
	sort.SliceStable(os, func(i, j int) bool { return before(os[i].Posn, os[j].Posn) })
}

// before reports whether a comes before b in the plan's one order of
// positions: by file name, then offset. (The order of token.Pos across
// files is the order in which the loader happened to parse them.)
func before(a, b token.Position) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Offset < b.Offset
}

// directiveReason returns the reason of the first directive with one that
// silences the line of pos, as detect.Suppress matches them.
func directiveReason(fset *token.FileSet, pos token.Pos, dirs []*detect.Directive) string {
	posn := fset.Position(pos)
	for _, d := range dirs {
		if d.Reason != "" && d.Target.Filename == posn.Filename && d.Target.Line == posn.Line {
			return d.Reason
		}
	}
	return ""
}

// A unit is one package variant whose files the plan reads and edits. Of
// a package p and its test variant "p [p.test]" only the variant is a
// unit: it holds all of p's files, so every file is in one unit.
type unit struct {
	pkg       *packages.Package
	editable  map[*ast.File]bool // not generated, not cgo output
	fileNames map[*ast.File]string
	// cgoSource names, for a cgo output, the user's file behind it,
	// which its edits go to (cgo.go).
	cgoSource map[*ast.File]string
	// risky caches riskyInit (initorder.go).
	riskyOnce sync.Once
	risky     token.Pos
	// byPos are the files in position order (index.go).
	sortOnce sync.Once
	byPos    []*ast.File
	// fileScopes and topScopes, their children, are in position order
	// (scopes.go).
	scopesOnce            sync.Once
	fileScopes, topScopes []*types.Scope
}

func (u *unit) detectPackage() *detect.Package {
	return &detect.Package{Fset: u.pkg.Fset, Types: u.pkg.Types, Info: u.pkg.TypesInfo, Files: u.pkg.Syntax}
}

// selectUnits drops the test binaries' main packages and the packages
// that have an in-package test variant.
func selectUnits(prog *Program) []*unit {
	pkgs := prog.Packages
	hasVariant := make(map[string]bool)
	for _, p := range pkgs {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			hasVariant[p.PkgPath] = true
		}
	}
	// The plan must not depend on the order of the patterns: take the
	// packages by ID, and each package's files by name.
	pkgs = slices.Clone(pkgs)
	sort.SliceStable(pkgs, func(i, j int) bool { return pkgs[i].ID < pkgs[j].ID })
	var units []*unit
	seenFile := make(map[string]bool)
	for _, p := range pkgs {
		if p.Types == nil || p.TypesInfo == nil {
			continue
		}
		if p.Name == "main" && p.ForTest == "" && len(p.Syntax) > 0 && isTestMain(p) {
			continue
		}
		if p.ForTest == "" && hasVariant[p.PkgPath] {
			continue
		}
		u := &unit{pkg: p, editable: make(map[*ast.File]bool), fileNames: make(map[*ast.File]string), cgoSource: make(map[*ast.File]string)}
		goFiles := make(map[string]bool)
		for _, name := range p.GoFiles {
			goFiles[name] = true
		}
		for _, f := range p.Syntax {
			name := p.Fset.File(f.FileStart).Name()
			u.fileNames[f] = name
			// cgo output and generated files are never edited; a file in
			// two units is edited through the first.
			u.editable[f] = goFiles[name] && !ast.IsGenerated(f) && !seenFile[name]
			if !goFiles[name] && !seenFile[name] {
				// cgo output: edited through the user's file (cgo.go).
				if orig := cgoOrigin(prog, p, f, goFiles); orig != "" && !seenFile[orig] {
					u.cgoSource[f] = orig
					u.editable[f] = true
					seenFile[orig] = true
				}
			}
			seenFile[name] = true
		}
		units = append(units, u)
	}
	return units
}

// isTestMain reports whether p is the generated main package of a test
// binary ("p.test").
func isTestMain(p *packages.Package) bool {
	return len(p.ID) > 5 && p.ID[len(p.ID)-5:] == ".test"
}

// key is objKey, cached: the planner asks for the keys of the same
// fields and variables many times.
func (p *Plan) key(obj types.Object) string {
	p.keysMu.Lock()
	defer p.keysMu.Unlock()
	if k, ok := p.keys[obj]; ok {
		return k
	}
	k := objKey(p.Fset, obj) + p.implicitKey(obj)
	p.keys[obj] = k
	return k
}

// objKey identifies an object across the package variants of one load:
// its declaring position. Objects without a position are not keyed.
func objKey(fset *token.FileSet, obj types.Object) string {
	if obj == nil || !obj.Pos().IsValid() {
		return ""
	}
	posn := fset.PositionFor(obj.Pos(), false) // the parsed file, whatever its //line directives say
	return fmt.Sprintf("%s:%d:%d:%s", posn.Filename, posn.Line, posn.Column, obj.Name())
}

// keepSilenced leaves the code of findings that a //syncfix:ignore
// directive silences as it is: the targets their fix would change are
// blocked, and so is anything whose fix needs them fixed.
func (p *Plan) keepSilenced() {
	for _, f := range p.findings {
		if !f.silenced {
			continue
		}
		b := p.blockAt(f.Pos, BlockIgnoreDirective, "a //syncfix:ignore directive keeps this code as it is")
		for _, t := range f.requires {
			t.blockBy(b)
		}
		f.static = b
	}
}

// warmIndexes builds the indexes of the files with findings in parallel,
// before the planner, which runs on one CPU, asks for them one by one.
func (p *Plan) warmIndexes() {
	var files []*ast.File
	var infos []*types.Info
	seen := make(map[*ast.File]bool)
	// The variables copies start from, which localUses is asked about
	// (isMove, argPrivate).
	names := make(map[string]bool)
	for _, f := range p.findings {
		if f.Src != nil {
			if id := rootVar(f.unit.pkg.TypesInfo, f.Src); id != nil {
				names[id.Name] = true
			}
		}
		if file := f.unit.fileOf(f.Pos); file != nil && !seen[file] {
			seen[file] = true
			files = append(files, file)
			infos = append(infos, f.unit.pkg.TypesInfo)
		}
	}
	p.idx.warm(files, infos, names)
}

// findAll runs the copy finder on every unit, in parallel: it only reads
// the type-checked syntax.
func findAll(units []*unit) [][]detect.Finding {
	found := make([][]detect.Finding, len(units))
	par.Do(len(units), func(i int) {
		found[i] = detect.Find(units[i].detectPackage())
	})
	return found
}
