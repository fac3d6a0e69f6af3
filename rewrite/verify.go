package rewrite

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/syncfix/syncfix/detect"
	"github.com/syncfix/syncfix/internal/par"
	"github.com/syncfix/syncfix/internal/textdiff"
	"golang.org/x/tools/go/packages"
)

// This file proves a plan's result before anyone prints or writes it
// (R5): the changed program type-checks, and no copy is left at, or
// introduced by, an edit.
//
// Verify type-checks in process: the loaded packages whose files changed,
// and the loaded packages that import them (directly or through other
// loaded packages), are checked again from source in dependency order,
// each against the new types of the re-checked packages it imports and
// the loaded types of the others. That is exact when every package
// between a changed package and a re-checked one is loaded from source.
// It is not when an unloaded package (types from export data, such as
// the variant "q [p.test]" that the go command compiles for p's external
// tests) imports a changed package: its export data still refers to the
// old types. Then Verify falls back to Program.Reload, a new load through
// the go command with the changed files as an overlay.
//
// A user's file behind cgo output is checked as its edited output, the
// file the loaded package holds (cgo.go); a Reload gets the user's file.
//
// The roots are checked in parallel; an importer waits only for the
// types of the roots it imports, not for the copy finder's run on them.
// Apply does all of this while it formats the edited files (earlyCheck),
// since the check reads the files as edited and parsed, which
// formatting does not change; Verify then only takes the result, if it
// is given the changes that Apply returned.

// A VerifyError says that the changed program does not type-check, or
// that an edit left or introduced a copy: an internal error of the plan,
// never the user's.
type VerifyError struct {
	Problems []string // file:line:col: message, in order
}

func (e *VerifyError) Error() string { return strings.Join(e.Problems, "\n") }

// Verify checks the result of Apply (see the file comment). It returns
// nil if the changed program type-checks and every copy the finder sees
// in it is one the plan left unfixed.
func (p *Plan) Verify(changes []FileChange) error {
	if len(changes) == 0 {
		return nil
	}
	// Once checked, the parsed files may go: a second Verify parses New.
	defer func() {
		for i := range changes {
			changes[i].file, changes[i].edits = nil, nil
		}
	}()
	e := p.early
	p.early = nil
	if e != nil && e.covers(changes) {
		return e.err
	}
	v := newVerifier(p, changes)
	if v.needsReload() {
		if p.prog.Reload == nil {
			return errors.New("internal error: the fix cannot be type-checked in process, and the program has no Reload")
		}
		overlay := make(map[string][]byte, len(changes))
		for _, ch := range changes {
			overlay[ch.Name] = ch.New
		}
		return p.prog.Reload(overlay)
	}
	if err := v.check(); err != nil {
		return err
	}
	return v.findCopies()
}

// An earlyCheck is Verify's work on the edited program, done by Apply
// while it formats the files: formatting changes white space only, and
// Verify checks the edited files as parsed before formatting (file,
// edits), so the result holds for the changes Apply returns, if they
// are the same files. A file that formatting turns back into its old
// content is dropped from the changes, and then Verify checks again.
type earlyCheck struct {
	v     *verifier
	files map[string]*ast.File // the edited files checked, by name
	added map[string][]byte    // the new files checked, by name
	err   error
}

// earlyVerify prepares Verify's work on changes: edited files not yet
// formatted, and new files. It returns nil if Verify would need
// Program.Reload, which reads the formatted files.
func (p *Plan) earlyVerify(changes []FileChange) *earlyCheck {
	if len(changes) == 0 {
		return nil
	}
	v := newVerifier(p, changes)
	if v.needsReload() {
		return nil
	}
	e := &earlyCheck{v: v, files: make(map[string]*ast.File), added: make(map[string][]byte)}
	for _, ch := range changes {
		if ch.Old == nil {
			e.added[ch.Name] = ch.New
		} else {
			e.files[ch.Name] = ch.file
		}
	}
	return e
}

// run does the check and keeps its result.
func (e *earlyCheck) run() {
	if e.err = e.v.check(); e.err == nil {
		e.err = e.v.findCopies()
	}
	e.v = nil
}

// covers reports whether changes are the ones e checks.
func (e *earlyCheck) covers(changes []FileChange) bool {
	if len(changes) != len(e.files)+len(e.added) {
		return false
	}
	for _, ch := range changes {
		if ch.Old == nil {
			if b, ok := e.added[ch.Name]; !ok || !bytes.Equal(b, ch.New) {
				return false
			}
		} else if ch.file == nil || e.files[ch.Name] != ch.file {
			return false
		}
	}
	return true
}

// A verifier type-checks the changed program.
type verifier struct {
	p       *Plan
	changes map[string]*FileChange
	byID    map[string]*packages.Package
	roots   map[string]*packages.Package // loaded from source
	// newFiles lists, per root, the new files (helpers) it holds.
	newFiles map[string][]string
	// recheck are the roots to check again, by ID.
	recheck map[string]bool
	// strays are the problems of new files that no root holds.
	strays  []string
	results map[string]*checked
}

// A checked package is the result of type-checking a root again.
type checked struct {
	pkg   *types.Package
	info  *types.Info
	files []*ast.File
	found []detect.Finding // the copies in the checked package
	errs  []string
}

func newVerifier(p *Plan, changes []FileChange) *verifier {
	v := &verifier{p: p, changes: make(map[string]*FileChange), byID: make(map[string]*packages.Package),
		roots: make(map[string]*packages.Package), newFiles: make(map[string][]string), recheck: make(map[string]bool)}
	for i := range changes {
		if view := changes[i].cgo; view != nil {
			v.changes[view.Name] = view // the edited cgo output (cgo.go)
			continue
		}
		v.changes[changes[i].Name] = &changes[i]
	}
	packages.Visit(p.prog.Packages, nil, func(pkg *packages.Package) { v.byID[pkg.ID] = pkg })
	for _, pkg := range p.prog.Packages {
		if pkg.TypesInfo != nil && len(pkg.Syntax) > 0 && !isTestMain(pkg) {
			v.roots[pkg.ID] = pkg
		}
	}
	byDir := make(map[string][]*packages.Package)
	for _, pkg := range v.roots {
		if len(pkg.GoFiles) > 0 {
			dir := filepath.Dir(pkg.GoFiles[0])
			byDir[dir] = append(byDir[dir], pkg)
		}
	}
	for _, ch := range changes {
		if ch.Old != nil {
			continue
		}
		ids, problem := holders(byDir[filepath.Dir(ch.Name)], ch.Name, ch.New)
		if problem != "" {
			v.strays = append(v.strays, problem)
		}
		for _, id := range ids {
			v.newFiles[id] = append(v.newFiles[id], ch.Name)
		}
	}
	for id, pkg := range v.roots {
		if len(v.newFiles[id]) > 0 {
			v.recheck[id] = true
			continue
		}
		for _, name := range pkg.CompiledGoFiles {
			if v.changes[name] != nil {
				v.recheck[id] = true
				break
			}
		}
	}
	// Importers of re-checked roots are re-checked too.
	memo := make(map[string]bool)
	for id := range v.roots {
		if v.dependsOnRecheck(id, memo) {
			v.recheck[id] = true
		}
	}
	return v
}

// holders returns the IDs of the roots that a new file belongs to, of
// inDir, the roots in its directory: those with its package name, the
// test variant only for a _test.go file. A file that belongs to none
// would be checked by no one: holders says so instead.
func holders(inDir []*packages.Package, name string, src []byte) (ids []string, problem string) {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly)
	if err != nil {
		return nil, err.Error()
	}
	test := strings.HasSuffix(name, "_test.go")
	for _, pkg := range inDir {
		if pkg.Name != f.Name.Name {
			continue
		}
		if test && pkg.ForTest == "" {
			continue // p itself, not p [p.test]
		}
		ids = append(ids, pkg.ID)
	}
	if len(ids) == 0 {
		return nil, fmt.Sprintf("%s: the new file is of package %s, which no loaded package in its directory is", name, f.Name.Name)
	}
	sort.Strings(ids)
	return ids, ""
}

// dependsOnRecheck reports whether package id imports, through any
// chain, a root with changed files.
func (v *verifier) dependsOnRecheck(id string, memo map[string]bool) bool {
	if d, ok := memo[id]; ok {
		return d
	}
	memo[id] = false // the import graph has no cycles; this only stops repeats
	d := v.recheck[id]
	if pkg := v.byID[id]; pkg != nil && !d {
		for _, imp := range pkg.Imports {
			if v.dependsOnRecheck(imp.ID, memo) {
				d = true
				break
			}
		}
	}
	memo[id] = d
	return d
}

// needsReload reports whether a package loaded from export data depends
// on a re-checked root, whose types it would still see as they were.
func (v *verifier) needsReload() bool {
	memo := make(map[string]bool)
	for id, pkg := range v.byID {
		// A test binary's generated main names only test functions.
		if v.roots[id] == nil && !isTestMain(pkg) && v.dependsOnRecheck(id, memo) {
			return true
		}
	}
	return false
}

// check type-checks every re-checked root, in dependency order, in
// parallel as far as the dependencies allow.
//
// A first check without function bodies (types.Config.IgnoreFuncBodies)
// of each imported root would give its importers their types sooner, so
// that in a chain of imports the full checks need not run one after
// another. It would be sound: nothing an importer sees depends on a
// body (package-level declarations, their types and methods are checked
// alike without bodies; a package-level variable's type comes from its
// initializer, which is checked, and a function literal's type from its
// signature; types declared in a body are local to it), and the copy
// finder would still run on the full check of every re-checked root, as
// it reads types by their structure and reports positions, not objects.
// It was tried twice and does not pay on two cores. On gentree's 200
// packages, where each imports the one before, the check without bodies
// costs a quarter of a full one, but the two cores are busy anyway
// (formatting, the copy finder, the full checks), so diff took as long
// (368 ms, not 369, medians of 21) and its peak memory grew by 1.4%. It
// may pay on more cores, or with packages whose bodies are most of
// their check.
func (v *verifier) check() error {
	v.results = make(map[string]*checked, len(v.recheck))
	var ids []string
	for id := range v.recheck {
		v.results[id] = new(checked)
		ids = append(ids, id)
	}
	sort.Strings(ids)
	v.checkAll(ids)
	problems := v.strays
	seen := make(map[string]bool)
	for _, id := range ids {
		for _, e := range v.results[id].errs {
			if !seen[e] {
				seen[e] = true
				problems = append(problems, e)
			}
		}
	}
	if len(problems) > 0 {
		return &VerifyError{Problems: problems}
	}
	return nil
}

// checkAll type-checks the roots ids, each after the re-checked roots it
// imports, and runs the copy finder on each, on every CPU.
//
// A worker that type-checks a root goes on with an importer that this
// made ready, and leaves the root's copy finder to the other workers: on
// a chain of imports (each root importing the one before) the checks
// then run on one CPU, one after another, with nothing in between. When
// a worker handed the next link to another, waiting on the types, that
// one waited for a CPU each time, since the first went on with the copy
// finder (a third of Verify's time on gentree's 200 packages).
func (v *verifier) checkAll(ids []string) {
	var mu sync.Mutex
	wake := sync.NewCond(&mu)
	pending := make(map[string]int, len(ids)) // imports not yet checked
	importers := make(map[string][]string, len(ids))
	for _, id := range ids {
		for _, imp := range v.roots[id].Imports {
			if v.recheck[imp.ID] {
				pending[id]++
				importers[imp.ID] = append(importers[imp.ID], id)
			}
		}
	}
	var ready []string // to type-check, the next at the end
	for i := len(ids) - 1; i >= 0; i-- {
		if pending[ids[i]] == 0 {
			ready = append(ready, ids[i])
		}
	}
	var typed []string // to run the copy finder on
	left := len(ids)   // roots the copy finder has not run on
	work := func() {
		mu.Lock()
		defer mu.Unlock()
		next := ""
		for {
			id, find := next, false
			next = ""
			switch {
			case id != "":
			case len(ready) > 0:
				id, ready = ready[len(ready)-1], ready[:len(ready)-1]
			case len(typed) > 0:
				id, typed, find = typed[0], typed[1:], true
			case left == 0:
				return
			default:
				wake.Wait()
				continue
			}
			mu.Unlock()
			r, pkg := v.results[id], v.roots[id]
			if find {
				v.find(r)
			} else if files := v.files(pkg, r); files != nil {
				v.checkOne(pkg, files, r)
			}
			mu.Lock()
			if find {
				if left--; left == 0 {
					wake.Broadcast()
				}
				continue
			}
			typed = append(typed, id)
			for _, imp := range importers[id] {
				if pending[imp]--; pending[imp] > 0 {
					continue
				}
				if next == "" {
					next = imp
				} else {
					ready = append(ready, imp)
				}
			}
			wake.Broadcast()
		}
	}
	// As many workers as CPUs, this goroutine one of them.
	par.Do(runtime.GOMAXPROCS(0), func(int) { work() })
}

// files returns the syntax of a root as changed: its files, the changed
// ones as edited, and its new files. It returns nil, with the problem
// in r.errs, if one does not parse.
func (v *verifier) files(pkg *packages.Package, r *checked) []*ast.File {
	fset := v.p.Fset
	files := make([]*ast.File, 0, len(pkg.Syntax)+len(v.newFiles[pkg.ID]))
	parse := func(name string, src []byte) bool {
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			r.errs = append(r.errs, err.Error())
			return false
		}
		files = append(files, f)
		return true
	}
	for _, f := range pkg.Syntax {
		name := fset.File(f.FileStart).Name()
		switch ch := v.changes[name]; {
		case ch == nil:
			files = append(files, f)
		case ch.file != nil:
			files = append(files, ch.file) // parsed by Apply
		case !parse(name, ch.New):
			return nil
		}
	}
	for _, name := range v.newFiles[pkg.ID] {
		if !parse(name, v.changes[name].New) {
			return nil
		}
	}
	return files
}

// checkOne type-checks one root, whose syntax is files.
func (v *verifier) checkOne(pkg *packages.Package, files []*ast.File, r *checked) {
	fset := v.p.Fset
	r.files = files
	// What the copy finder reads; not Scopes or Instances. (Sizing the
	// maps as the loaded package's was measured: it saves the maps'
	// growth, but diff on a 50,000-line file took no less time.)
	r.info = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	conf := v.config(pkg)
	conf.Error = func(err error) {
		if len(r.errs) < 10 {
			r.errs = append(r.errs, err.Error())
		}
	}
	tpkg := types.NewPackage(pkg.PkgPath, pkg.Name)
	_ = types.NewChecker(conf, fset, tpkg, r.info).Files(r.files)
	r.pkg = tpkg
}

// config returns the configuration that type-checks a root again, with
// an importer that gives the new types of re-checked roots and the
// loaded types of the others.
func (v *verifier) config(pkg *packages.Package) *types.Config {
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := pkg.Imports[path]
			if imp == nil {
				// An import the fix added ("sync"): the package is
				// in the load, as a dependency of another.
				if t := v.byPath(path); t != nil {
					return t, nil
				}
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			if dep := v.results[imp.ID]; dep != nil {
				if dep.pkg == nil {
					return nil, fmt.Errorf("%s does not type-check", path)
				}
				return dep.pkg, nil
			}
			if t := v.typesOf(imp.ID); t != nil {
				return t, nil
			}
			return nil, fmt.Errorf("no types for %s", path)
		}),
		Sizes: pkg.TypesSizes,
	}
	if pkg.Module != nil && pkg.Module.GoVersion != "" {
		conf.GoVersion = "go" + pkg.Module.GoVersion
	}
	return conf
}

// find finds the copies in a checked root, and lets the syntax and types
// of the check go: importers need only the package, and peak memory
// stays that of one load, not two.
func (v *verifier) find(r *checked) {
	if len(r.errs) == 0 && r.info != nil {
		r.found = detect.Find(&detect.Package{Fset: v.p.Fset, Types: r.pkg, Info: r.info, Files: r.files})
	}
	r.info, r.files = nil, nil
}

// byPath returns the loaded types of the package with the import path,
// for an import that a fix adds.
func (v *verifier) byPath(path string) *types.Package {
	if pkg := v.byID[path]; pkg != nil && pkg.Types != nil {
		return pkg.Types
	}
	return v.p.typesByPath(path)
}

// typesOf returns the loaded types of package id.
func (v *verifier) typesOf(id string) *types.Package {
	if pkg := v.byID[id]; pkg != nil {
		return pkg.Types
	}
	return nil
}

// findCopies runs the copy finder on the re-checked packages and fails on
// any copy that the plan did not leave unfixed on purpose: a copy in an
// edited region, or one at a finding that the plan fixed.
func (v *verifier) findCopies() error {
	fset := v.p.Fset
	left := make(map[string][]*finding) // old file name -> unfixed findings
	for _, f := range v.p.findings {
		if f.silenced || f.blockedBy() != nil {
			posn := fset.PositionFor(f.Pos, false)
			left[posn.Filename] = append(left[posn.Filename], f)
		}
	}
	edits := make(map[string][]textdiff.Edit)
	for name, ch := range v.changes {
		switch {
		case ch.file != nil:
			edits[name] = ch.edits // of the text Verify checked
		case ch.Old != nil:
			edits[name] = textdiff.Edits(ch.Old, ch.New)
		}
	}
	var ids []string
	for id := range v.recheck {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var problems []string
	seen := make(map[string]bool)
	for _, id := range ids {
		r := v.results[id]
		for _, fd := range r.found {
			posn := fset.PositionFor(fd.Pos, false)
			key := fmt.Sprintf("%s:%d", posn.Filename, posn.Offset)
			if seen[key] {
				continue
			}
			seen[key] = true
			if ch := v.changes[posn.Filename]; ch != nil && ch.Old == nil {
				problems = append(problems, fmt.Sprintf("%s: the new file copies a sync.Map: %s", posn, fd.Message))
				continue
			}
			start, end, edited := oldRange(edits[posn.Filename], posn.Offset)
			if !v.leftAt(left[posn.Filename], fd.Form, start, end) {
				what := "the fix leaves a copy"
				if edited {
					what = "an edit introduces a copy"
				}
				problems = append(problems, fmt.Sprintf("%s: %s: %s", posn, what, fd.Message))
			}
		}
	}
	if len(problems) > 0 {
		return &VerifyError{Problems: problems}
	}
	return nil
}

// leftAt reports whether one of the unfixed findings of a file, of the
// given form, lies at an old offset in [start, end].
func (v *verifier) leftAt(left []*finding, form detect.Form, start, end int) bool {
	for _, f := range left {
		off := v.p.Fset.PositionFor(f.Pos, false).Offset
		if f.Form == form && start <= off && off <= end {
			return true
		}
	}
	return false
}

// oldRange maps an offset of a file's new text to the old text: one
// offset outside the edits, or the old range of the edit that holds it.
func oldRange(edits []textdiff.Edit, off int) (start, end int, edited bool) {
	delta := 0 // new offset minus old offset before the current edit
	for _, e := range edits {
		newStart := e.Start + delta
		if off < newStart {
			break
		}
		if off < newStart+len(e.New) {
			return e.Start, e.End, true
		}
		delta += len(e.New) - (e.End - e.Start)
	}
	return off - delta, off - delta, false
}

// importerFunc implements types.Importer with a function.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
