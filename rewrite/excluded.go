package rewrite

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"strings"
)

// This file finds the files of loaded package directories that the build
// configuration excludes, and blocks the targets they may use.

// An excludedFile is a file of a loaded package's directory that the
// build configuration leaves out, and what excludes it: what describes
// it, and hint says how to include it.
type excludedFile struct {
	*ExcludedFile
	what, hint string
	// objAt maps the offset of each identifier of the file to the object
	// it denotes, where a type-check of the file with its package could
	// tell (typed.go); nil until the first name matches, and typed
	// reports whether the check could be made at all.
	objAt     map[int]types.Object
	instances []instanceAt
	checked   bool
	typed     bool
}

// blockExcludedUses blocks every target that a file excluded by the
// build configuration may use: a field named in a selector or a literal
// key, a type holding a retyped field, a function or package-level
// variable named anywhere. A name that matches is resolved by type: the
// file is type-checked with the files of its package (excludedtypes.go),
// and a name that denotes another object (a method of another type with
// the same name, say) is no use. Where the check cannot tell (an import
// that is not loaded, a file that does not parse), the name counts: the
// match errs on the side of blocking.
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
			if pos, ok := p.excludedUse(ef, names); ok {
				t.block(BlockExcludedFile, fmt.Sprintf("%s uses it; run with %s", ef.what, ef.hint), pos)
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
	obj      types.Object // what the name must denote
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
		names := []name{{name: t.obj.Name(), obj: t.obj, pkg: pkg, dir: t.unit.dir(), selector: true}}
		for _, u := range p.units {
			for _, tn := range p.idx.reachedBy(u, t.obj) {
				names = append(names, name{name: tn.Name(), obj: tn, pkg: u.pkg.Types, dir: u.dir()})
			}
		}
		return names
	case tFunc:
		// A method is named by a selector, which the identifier
		// search also finds.
		return []name{{name: t.obj.Name(), obj: t.obj, pkg: pkg, dir: t.unit.dir()}}
	case tVar:
		if t.obj.Parent() == pkg.Scope() {
			return []name{{name: t.obj.Name(), obj: t.obj, pkg: pkg, dir: t.unit.dir()}}
		}
	}
	return nil
}

// sees reports whether ef can refer to n: it belongs to n's package, or
// n is exported and ef imports its package. An exported field can be
// reached without importing its package, so it counts everywhere.
func (ef *excludedFile) sees(n name) bool {
	if ef.PkgName == n.pkg.Name() && filepath.Dir(ef.Name) == n.dir {
		return true
	}
	if !token.IsExported(n.name) {
		return false
	}
	return n.selector || ef.Imports[n.pkg.Path()]
}

// excludedUse returns the position of the first use in ef of one of
// names.
func (p *Plan) excludedUse(ef *excludedFile, names []name) (token.Position, bool) {
	selectors := make(map[string]bool)
	idents := make(map[string]bool)
	keys := make(map[string]bool)
	for _, n := range names {
		if !ef.sees(n) {
			continue
		}
		keys[p.key(n.obj)] = true
		if n.selector {
			selectors[n.name] = true
		} else {
			idents[n.name] = true
		}
	}
	if len(selectors) == 0 && len(idents) == 0 {
		return token.Position{}, false
	}
	if !ef.Complete {
		// The file does not parse: search its text.
		for _, set := range []map[string]bool{selectors, idents} {
			for n := range set {
				re := regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\b`)
				if loc := re.FindIndex(ef.Text); loc != nil {
					line := 1 + strings.Count(string(ef.Text[:loc[0]]), "\n")
					return token.Position{Filename: ef.Name, Line: line, Column: 1}, true
				}
			}
		}
		return token.Position{}, false
	}
	// denotes reports whether id may denote one of the names' objects.
	denotes := func(id *ast.Ident) bool {
		obj, known := p.excludedObject(ef, id)
		return !known || keys[p.key(origin(obj))]
	}
	// A field's own uses first: they make the best position.
	found := find(ef.File, func(n ast.Node) (token.Pos, bool) {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if selectors[n.Sel.Name] && denotes(n.Sel) {
				return n.Sel.Pos(), true
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && selectors[id.Name] && denotes(id) {
				return id.Pos(), true
			}
		}
		return token.NoPos, true
	})
	if !found.IsValid() {
		found = find(ef.File, func(n ast.Node) (token.Pos, bool) {
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
				if idents[n.Name] && denotes(n) {
					return n.Pos(), true
				}
			}
			return token.NoPos, true
		})
	}
	if !found.IsValid() {
		found = p.excludedInstance(ef, names)
	}
	if !found.IsValid() {
		return token.Position{}, false
	}
	return ef.Fset.Position(found), true
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

// excludedFiles returns the files the loader found excluded, with what
// excludes each.
func (p *Plan) excludedFiles() []*excludedFile {
	var files []*excludedFile
	for _, ef := range p.prog.Excluded {
		x := &excludedFile{ExcludedFile: ef}
		x.what, x.hint = exclusion(filepath.Base(ef.Name), ef.File, p.prog.TestsLoaded)
		files = append(files, x)
	}
	return files
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
	platform = append(platform, namePlatform(base)...)
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

// namePlatform returns the GOOS=... and GOARCH=... that a file name's
// _GOOS, _GOARCH or _GOOS_GOARCH suffix asks for, last part first.
func namePlatform(base string) []string {
	var platform []string
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
	return platform
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
