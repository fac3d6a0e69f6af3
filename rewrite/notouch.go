package rewrite

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"strings"
)

// This file holds the no-touch guarantees of R5: which files the plan may
// edit, and the checks that stop Apply before it edits a file it must not
// write.
//
// A loaded file is not editable (its findings are reported, not fixed,
// and targets it declares or uses are blocked) when:
//   - it is generated ("Code generated ... DO NOT EDIT."), or is cgo
//     output whose user's file cannot be edited through it (a generated
//     one, or one the loader did not read; see cgo.go for the others,
//     which are edited through the user's file);
//   - with every symlink resolved, it lies outside the root of its module;
//   - it is loaded under two names (two symlinks to one file): each
//     package would edit its own copy of the same bytes.
//
// A file with //line directives is edited like any other: the edits go
// to the file that was parsed (positions are taken without the
// directives), never to a directive's target, and gofmt keeps a //line
// comment at the start of its line.
//
// A target is also blocked when a file of a loaded package's directory
// that the build configuration excludes (other build tags, another GOOS,
// tests not loaded) names it: syncfix cannot type-check that file, and
// retyping the target would break the build that includes it
// (excluded.go).
//
// The writer (cmd/syncfix writable.go) refuses, as an error, to edit a
// file that is not a regular file, cannot be read, is read-only (its
// owner write bit is clear, which is checked from the mode so that the
// refusal holds for root too), or lies in a read-only directory.

// A noTouch says why a file is not editable: why for its findings, and
// what, a noun phrase, for the blockers it causes, of the kind.
type noTouch struct {
	why, what string
	kind      BlockKind
}

// markNoTouch marks the files of the units that must not be edited
// beyond those selectUnits excluded, and records why.
func (p *Plan) markNoTouch() {
	p.noTouch = make(map[*ast.File]noTouch)
	byReal := make(map[string][]*ast.File)
	unitOf := make(map[*ast.File]*unit)
	exclude := func(u *unit, f *ast.File, kind BlockKind, why, what string) {
		p.noTouch[f] = noTouch{why: why, what: what, kind: kind}
		u.editable[f] = false
	}
	for _, u := range p.units {
		goFiles := make(map[string]bool)
		for _, name := range u.pkg.GoFiles {
			goFiles[name] = true
		}
		for _, f := range u.pkg.Syntax {
			name := u.fileNames[f]
			if orig := u.cgoSource[f]; orig != "" {
				name = orig // the file the edits go to
			}
			if !u.editable[f] {
				// cgo output names, through a //line directive, the
				// file the user wrote.
				if !goFiles[name] && goFiles[p.Fset.Position(f.Package).Filename] {
					p.noTouch[f] = noTouch{why: `the file uses cgo (import "C"), and its source cannot be edited through cgo's output`, what: "a cgo file", kind: BlockCgo}
				}
				continue
			}
			if why := p.outsideMainModule(u, name); why != "" {
				exclude(u, f, BlockOutsideModule, why, "a file outside the main module")
				continue
			}
			real, ok := p.prog.RealNames[name]
			if !ok {
				exclude(u, f, BlockAmbiguousFile, fmt.Sprintf("the file's path cannot be resolved: %v", unwrapPath(p.prog.RealNameErrs[name])), "a file whose path cannot be resolved")
				continue
			}
			if root := p.moduleRoot(u); root != "" && !within(root, real) {
				exclude(u, f, BlockOutsideModule, "the file is a symlink to a file outside the module root", "a file outside the module root")
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
			exclude(unitOf[f], f, BlockAmbiguousFile, "the file is loaded under several names (through symlinks)", "a file loaded under several names")
		}
	}
}

// outsideMainModule says why the file name of u is not in a main
// module, or "": a package of a dependency (in vendor/ or the module
// cache) or of the standard library is never edited, even when a
// pattern such as all or a vendored path loads it.
func (p *Plan) outsideMainModule(u *unit, name string) string {
	if m := u.pkg.Module; m != nil {
		if !m.Main {
			return "the file belongs to module " + m.Path + ", not to a main module (vendor/ or the module cache), and syncfix edits only the main modules"
		}
		return ""
	}
	if root := p.prog.GOROOT; root != "" && within(filepath.Clean(root), filepath.Clean(name)) {
		return "the file is in GOROOT, and syncfix edits only the main modules"
	}
	return ""
}

// moduleRoot returns the resolved root directory of u's module, or "" if
// u is not in a module (the standard library, GOPATH mode).
func (p *Plan) moduleRoot(u *unit) string {
	m := u.pkg.Module
	if m == nil || m.Dir == "" {
		return ""
	}
	if r, ok := p.prog.RealNames[m.Dir]; ok {
		return r
	}
	return filepath.Clean(m.Dir)
}

// within reports whether path is root or lies below it.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// explainNoTouch gives the findings in files that markNoTouch excluded
// the reason.
func (p *Plan) explainNoTouch() {
	for _, f := range p.findings {
		if nt, ok := p.noTouch[f.unit.fileOf(f.Pos)]; ok {
			f.static = p.blockAt(f.Pos, nt.kind, nt.why)
		}
	}
}

// noEdit says, for blockers, why the file f of u is not editable: what
// names it ("a generated file", "a cgo file", or what markNoTouch
// recorded), and kind is the kind of blocker that it makes.
func (p *Plan) noEdit(u *unit, f *ast.File) noTouch {
	if nt, ok := p.noTouch[f]; ok {
		return nt
	}
	switch {
	case generatedByCgo(f):
		return noTouch{what: "a cgo file", kind: BlockCgo}
	case ast.IsGenerated(f):
		return noTouch{what: "a generated file", kind: BlockGeneratedFile}
	}
	return noTouch{what: "a file that another variant of its package edits", kind: BlockAmbiguousFile}
}
