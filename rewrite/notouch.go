package rewrite

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// This file holds the no-touch guarantees of R5: which files the plan may
// edit, and the checks that stop Apply before it edits a file it must not
// write.
//
// A loaded file is not editable (its findings are reported, not fixed,
// and targets it declares or uses are blocked) when:
//   - it is generated ("Code generated ... DO NOT EDIT."), or is cgo
//     output rather than the file the user wrote (selectUnits). The
//     syntax of a file that imports "C" is cgo's output, in the build
//     cache; its positions, through //line directives, name the user's
//     file, but its text is not that file's. The user's file is never
//     parsed, so it is not edited either: its findings say so;
//   - it has //line directives: dst re-indents those inside function
//     bodies, which breaks them (dave/dst#36), and an edit must go to
//     the file that was parsed, never to a directive's target;
//   - with every symlink resolved, it lies outside the root of its module;
//   - it is loaded under two names (two symlinks to one file): each
//     package would edit its own copy of the same bytes.
//
// A target is also blocked when a file of a loaded package's directory
// that the build configuration excludes (other build tags, another GOOS,
// tests not loaded) names it: syncfix cannot type-check that file, and
// retyping the target would break the build that includes it.
//
// Apply refuses, as an error, to edit a file that is not a regular file,
// cannot be read, is read-only (its owner write bit is clear, which is
// checked from the mode so that the refusal holds for root too), lies in
// a read-only directory, or no longer holds what was parsed.

// A noTouch says why a file is not editable: why for its findings, and
// what, a noun phrase, for the blockers it causes.
type noTouch struct{ why, what string }

// markNoTouch marks the files of the units that must not be edited
// beyond those selectUnits excluded, and records why.
func (p *Plan) markNoTouch() {
	p.noTouch = make(map[*ast.File]noTouch)
	roots := make(map[string]string) // module dir -> resolved
	byReal := make(map[string][]*ast.File)
	unitOf := make(map[*ast.File]*unit)
	exclude := func(u *unit, f *ast.File, why, what string) {
		p.noTouch[f] = noTouch{why, what}
		u.editable[f] = false
	}
	for _, u := range p.units {
		goFiles := make(map[string]bool)
		for _, name := range u.pkg.GoFiles {
			goFiles[name] = true
		}
		for _, f := range u.pkg.Syntax {
			name := u.fileNames[f]
			if !u.editable[f] {
				// cgo output names, through a //line directive, the
				// file the user wrote.
				if !goFiles[name] && goFiles[p.Fset.Position(f.Package).Filename] {
					p.noTouch[f] = noTouch{`the file uses cgo (import "C"), and syncfix does not edit cgo files`, "a cgo file"}
				}
				continue
			}
			if line := lineDirective(p.Fset, f); line > 0 {
				exclude(u, f, fmt.Sprintf("the file has a //line directive (line %d), and syncfix edits only files without them", line), "a file with //line directives")
				continue
			}
			real, err := filepath.EvalSymlinks(name)
			if err != nil {
				exclude(u, f, fmt.Sprintf("the file's path cannot be resolved: %v", unwrapPath(err)), "a file whose path cannot be resolved")
				continue
			}
			if root := moduleRoot(u, roots); root != "" && !within(root, real) {
				exclude(u, f, "the file is a symlink to a file outside the module root", "a file outside the module root")
				continue
			}
			byReal[real] = append(byReal[real], f)
			unitOf[f] = u
		}
	}
	for _, files := range byReal {
		if len(files) < 2 {
			continue
		}
		for _, f := range files {
			exclude(unitOf[f], f, "the file is loaded under several names (through symlinks)", "a file loaded under several names")
		}
	}
}

// lineDirective returns the line of the first //line or /*line directive
// of f, or 0.
func lineDirective(fset *token.FileSet, f *ast.File) int {
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, "//line ") || strings.HasPrefix(c.Text, "/*line ") {
				return fset.PositionFor(c.Pos(), false).Line
			}
		}
	}
	return 0
}

// moduleRoot returns the resolved root directory of u's module, or "" if
// u is not in a module (the standard library, GOPATH mode).
func moduleRoot(u *unit, cache map[string]string) string {
	m := u.pkg.Module
	if m == nil || m.Dir == "" {
		return ""
	}
	if r, ok := cache[m.Dir]; ok {
		return r
	}
	r, err := filepath.EvalSymlinks(m.Dir)
	if err != nil {
		r = filepath.Clean(m.Dir)
	}
	cache[m.Dir] = r
	return r
}

// within reports whether path is root or lies below it.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// explainNoTouch gives the findings in files that markNoTouch excluded
// the reason, and rewords the blockers those files cause, which name
// them "a generated or cgo file".
func (p *Plan) explainNoTouch() {
	if len(p.noTouch) == 0 {
		return
	}
	for _, f := range p.findings {
		if nt, ok := p.noTouch[f.unit.fileOf(f.Pos)]; ok {
			f.static = p.blockAt(f.Pos, nt.why)
		}
	}
	byName := make(map[string]noTouch)
	for _, u := range p.units {
		for _, f := range u.pkg.Syntax {
			if nt, ok := p.noTouch[f]; ok {
				byName[p.Fset.Position(f.Pos()).Filename] = nt
			}
		}
	}
	for _, t := range p.targets {
		if t.blocked == nil {
			continue
		}
		if nt, ok := byName[t.blocked.pos.Filename]; ok {
			t.blocked.reason = strings.Replace(t.blocked.reason, "a generated or cgo file", nt.what, 1)
		}
	}
}

// An excludedFile is a file of a loaded package's directory that the
// build configuration leaves out, parsed without types.
type excludedFile struct {
	name    string
	pkgName string
	imports map[string]bool
	fset    *token.FileSet
	file    *ast.File // nil if it does not parse; then text is searched
	text    []byte
	// what describes it and what excludes it, and hint says how to
	// include it.
	what, hint string
}

// blockExcludedUses blocks every target that a file excluded by the
// build configuration may use: a field named in a selector or a literal
// key, a type holding a retyped field, a function or package-level
// variable named anywhere. The match is by name, so it errs on the side
// of blocking.
func (p *Plan) blockExcludedUses() {
	var open []*target
	for _, t := range p.sortedTargets() {
		if t.blocked == nil && t.unit != nil && t.obj.Pkg() != nil {
			open = append(open, t)
		}
	}
	if len(open) == 0 {
		return
	}
	files := p.excludedFiles()
	if len(files) == 0 {
		return
	}
	for _, t := range open {
		names := p.excludedNames(t)
		for _, ef := range files {
			if pos, ok := ef.uses(names); ok {
				t.block(fmt.Sprintf("%s uses it; run with %s", ef.what, ef.hint), pos)
				break
			}
		}
	}
}

// A name is what an excluded file is searched for: an identifier
// declared in a package, and whether it counts only as a selector or a
// composite literal key (a field), or anywhere.
type name struct {
	name     string
	pkg      *types.Package
	dir      string // of pkg
	selector bool
}

// excludedNames returns the names by which an excluded file may use t:
// a field in selectors and literal keys, and the types that hold it
// anywhere (naming a type can make a value with the field missing); a
// package-level function or variable anywhere. It returns nil for
// targets no other file can name (local variables).
func (p *Plan) excludedNames(t *target) []name {
	pkg := t.obj.Pkg()
	switch t.kind {
	case tField:
		names := []name{{name: t.obj.Name(), pkg: pkg, dir: t.unit.dir(), selector: true}}
		for _, u := range p.units {
			scope := u.pkg.Types.Scope()
			for _, n := range scope.Names() {
				if tn, ok := scope.Lookup(n).(*types.TypeName); ok && holdsField(tn.Type(), t.obj, nil) {
					names = append(names, name{name: n, pkg: u.pkg.Types, dir: u.dir()})
				}
			}
		}
		return names
	case tFunc:
		// A method is named by a selector, which the identifier
		// search also finds.
		return []name{{name: t.obj.Name(), pkg: pkg, dir: t.unit.dir()}}
	case tVar:
		if t.obj.Parent() == pkg.Scope() {
			return []name{{name: t.obj.Name(), pkg: pkg, dir: t.unit.dir()}}
		}
	}
	return nil
}

// sees reports whether ef can refer to n: it belongs to n's package, or
// n is exported and ef imports its package. An exported field can be
// reached without importing its package, so it counts everywhere.
func (ef *excludedFile) sees(n name) bool {
	if ef.pkgName == n.pkg.Name() && filepath.Dir(ef.name) == n.dir {
		return true
	}
	if !token.IsExported(n.name) {
		return false
	}
	return n.selector || ef.imports[n.pkg.Path()]
}

// uses returns the position of the first use in ef of one of names.
func (ef *excludedFile) uses(names []name) (token.Position, bool) {
	selectors := make(map[string]bool)
	idents := make(map[string]bool)
	for _, n := range names {
		if !ef.sees(n) {
			continue
		}
		if n.selector {
			selectors[n.name] = true
		} else {
			idents[n.name] = true
		}
	}
	if len(selectors) == 0 && len(idents) == 0 {
		return token.Position{}, false
	}
	if ef.file == nil {
		// The file does not parse: search its text.
		for _, set := range []map[string]bool{selectors, idents} {
			for n := range set {
				re := regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\b`)
				if loc := re.FindIndex(ef.text); loc != nil {
					line := 1 + strings.Count(string(ef.text[:loc[0]]), "\n")
					return token.Position{Filename: ef.name, Line: line, Column: 1}, true
				}
			}
		}
		return token.Position{}, false
	}
	// A field's own uses first: they make the best position.
	found := find(ef.file, func(n ast.Node) (token.Pos, bool) {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if selectors[n.Sel.Name] {
				return n.Sel.Pos(), true
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && selectors[id.Name] {
				return id.Pos(), true
			}
		}
		return token.NoPos, true
	})
	if !found.IsValid() {
		found = find(ef.file, func(n ast.Node) (token.Pos, bool) {
			switch n := n.(type) {
			case *ast.StarExpr:
				// A pointer to a type that holds the field makes no
				// value of it.
				x := n.X
				if sel, ok := x.(*ast.SelectorExpr); ok {
					x = sel.Sel
				}
				if id, ok := x.(*ast.Ident); ok && idents[id.Name] {
					return token.NoPos, false
				}
			case *ast.Ident:
				if idents[n.Name] {
					return n.Pos(), true
				}
			}
			return token.NoPos, true
		})
	}
	if !found.IsValid() {
		return token.Position{}, false
	}
	return ef.fset.Position(found), true
}

// find returns the first position that match returns for a node of f, in
// source order; match also says whether to look inside the node.
func find(f *ast.File, match func(ast.Node) (token.Pos, bool)) token.Pos {
	var found token.Pos
	ast.Inspect(f, func(n ast.Node) bool {
		if found.IsValid() || n == nil {
			return false
		}
		pos, descend := match(n)
		found = pos
		return descend && !found.IsValid()
	})
	return found
}

// dir returns the directory of u's package.
func (u *unit) dir() string {
	for _, name := range u.pkg.GoFiles {
		return filepath.Dir(name)
	}
	for _, f := range u.pkg.Syntax {
		return filepath.Dir(u.fileNames[f])
	}
	return ""
}

// excludedFiles lists and parses the .go files of the loaded packages'
// directories that no loaded package holds.
func (p *Plan) excludedFiles() []*excludedFile {
	loaded := make(map[string]bool)
	dirs := make(map[string]bool)
	testsLoaded := false // some unit holds a _test.go file: --tests is on
	for _, u := range p.units {
		for _, list := range [][]string{u.pkg.GoFiles, u.pkg.CompiledGoFiles, u.pkg.OtherFiles} {
			for _, name := range list {
				loaded[name] = true
				if strings.HasSuffix(name, "_test.go") {
					testsLoaded = true
				}
			}
		}
		if d := u.dir(); d != "" {
			dirs[d] = true
		}
	}
	var sorted []string
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted)
	var files []*excludedFile
	for _, dir := range sorted {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := filepath.Join(dir, e.Name())
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || loaded[name] || strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_") {
				continue
			}
			if ef := parseExcluded(name, testsLoaded); ef != nil {
				files = append(files, ef)
			}
		}
	}
	return files
}

// parseExcluded parses an excluded file and works out what excludes it.
func parseExcluded(name string, testsLoaded bool) *excludedFile {
	text, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	ef := &excludedFile{name: name, text: text, fset: token.NewFileSet(), imports: make(map[string]bool)}
	f, err := parser.ParseFile(ef.fset, name, text, parser.ParseComments|parser.SkipObjectResolution)
	if f == nil {
		return nil
	}
	ef.pkgName = f.Name.Name
	for _, spec := range f.Imports {
		ef.imports[strings.Trim(spec.Path.Value, "`\"")] = true
	}
	if err == nil {
		ef.file = f
	}
	ef.what, ef.hint = exclusion(filepath.Base(name), f, testsLoaded)
	return ef
}

// exclusion says what keeps a file out of the build, and what flag
// would bring it in.
func exclusion(base string, f *ast.File, testsLoaded bool) (what, hint string) {
	var expr constraint.Expr
	line := ""
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			if constraint.IsGoBuild(c.Text) {
				if e, err := constraint.Parse(c.Text); err == nil {
					expr, line = e, c.Text
				}
			}
		}
	}
	untested := strings.HasSuffix(base, "_test.go") && !testsLoaded
	if untested && expr == nil {
		return fmt.Sprintf("a test file that is not loaded (%s)", base), "--tests"
	}
	var tags, platform []string
	if expr != nil {
		positiveTags(expr, &tags, &platform)
	}
	stem := strings.TrimSuffix(strings.TrimSuffix(base, ".go"), "_test")
	parts := strings.Split(stem, "_")
	for i := len(parts) - 1; i >= 1 && i >= len(parts)-2; i-- {
		if knownOS[parts[i]] {
			platform = append(platform, "GOOS="+parts[i])
		} else if knownArch[parts[i]] {
			platform = append(platform, "GOARCH="+parts[i])
		} else {
			break
		}
	}
	why := line
	if why == "" {
		why = "its file name"
	}
	what = fmt.Sprintf("a file excluded by the build tags (%s: %s)", base, why)
	switch {
	case len(tags) > 0:
		hint = "--tags " + strings.Join(tags, ",")
	case len(platform) > 0:
		hint = strings.Join(platform, " ")
	default:
		hint = "the build tags that select it"
	}
	if untested {
		hint = "--tests and " + hint
	}
	return what, hint
}

// positiveTags collects the tags that x requires or allows without
// negation: the ones worth suggesting. Platform names go to platform.
func positiveTags(x constraint.Expr, tags, platform *[]string) {
	switch x := x.(type) {
	case *constraint.TagExpr:
		switch {
		case knownOS[x.Tag]:
			*platform = appendNew(*platform, "GOOS="+x.Tag)
		case knownArch[x.Tag]:
			*platform = appendNew(*platform, "GOARCH="+x.Tag)
		case x.Tag == "cgo" || x.Tag == "gc" || x.Tag == "gccgo" || x.Tag == "unix" || strings.HasPrefix(x.Tag, "go1."):
		default:
			*tags = appendNew(*tags, x.Tag)
		}
	case *constraint.AndExpr:
		positiveTags(x.X, tags, platform)
		positiveTags(x.Y, tags, platform)
	case *constraint.OrExpr:
		positiveTags(x.X, tags, platform)
		positiveTags(x.Y, tags, platform)
	}
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

var knownOS = setOf("aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos")

var knownArch = setOf("386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm")

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// A FileError is a file that Apply will not edit or create, and why.
// Apply joins them, one per file (errors.Join), so that a caller can show
// each name as it likes, relative to the working directory say.
type FileError struct {
	Name string // absolute
	Err  error
}

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

// checkWritable returns an error, one *FileError per file, for the files
// of changes that syncfix must not or cannot write.
func checkWritable(changes []FileChange) error {
	var errs []error
	for _, ch := range changes {
		if err := writable(ch.Name, ch.Old == nil); err != nil {
			errs = append(errs, &FileError{Name: ch.Name, Err: err})
		}
	}
	return errors.Join(errs...)
}

// writable returns why the file name cannot be replaced (or created).
func writable(name string, create bool) error {
	if !create {
		real, err := filepath.EvalSymlinks(name)
		if err != nil {
			return unwrapPath(err)
		}
		info, err := os.Stat(real)
		if err != nil {
			return unwrapPath(err)
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("not a regular file (%s)", info.Mode().Type())
		}
		if info.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("the file is read-only (mode %04o)", info.Mode().Perm())
		}
		f, err := os.Open(real)
		if err != nil {
			return fmt.Errorf("the file cannot be read: %v", unwrapPath(err))
		}
		f.Close()
		name = real
	}
	dir := filepath.Dir(name)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	info, err := os.Stat(dir)
	if err != nil {
		return unwrapPath(err)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("its directory is read-only (mode %04o)", info.Mode().Perm())
	}
	return nil
}

// unwrapPath drops the path from an *fs.PathError, which the caller
// names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
