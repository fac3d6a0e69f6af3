package detect

import (
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/ast/inspector"
)

// A Package is the type-checked syntax the finder reads. It is what both
// an analysis.Pass and a go/packages.Package provide.
type Package struct {
	Fset  *token.FileSet
	Types *types.Package
	Info  *types.Info
	Files []*ast.File
}

// Find returns every copy of a value containing a sync.Map in p, sorted by
// position. It needs Info's Types, Defs, Uses, Selections and
// FileVersions maps. It walks each file once; the Analyzer shares the
// pass's inspector instead.
//
// A large package (parallelBytes of declarations or more) is walked in
// parallel, by runs of top-level declarations: the finder keeps no state
// across declarations but the file's Go version, and the runs' findings,
// joined in order, are those of one walk.
func Find(p *Package) []Finding {
	var decls []fileDecl
	size := 0
	for _, file := range p.Files {
		for _, d := range file.Decls {
			decls = append(decls, fileDecl{file, d})
			size += int(d.End() - d.Pos())
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if size < parallelBytes || workers < 2 {
		f := &finder{Package: p}
		for _, file := range p.Files {
			ast.PreorderStack(file, nil, func(n ast.Node, ancestors []ast.Node) bool {
				f.visit(n, ancestors)
				return true
			})
		}
		return f.sorted()
	}
	// Runs of about equal size, a few per worker, taken in turn.
	var runs [][]fileDecl
	per, n, start := size/(4*workers)+1, 0, 0
	for i, fd := range decls {
		n += int(fd.decl.End() - fd.decl.Pos())
		if n >= per || i == len(decls)-1 {
			runs = append(runs, decls[start:i+1])
			start, n = i+1, 0
		}
	}
	found := make([][]Finding, len(runs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(runs) {
					return
				}
				f := &finder{Package: p}
				var file *ast.File
				for _, fd := range runs[i] {
					if fd.file != file {
						file = fd.file
						f.visit(file, nil) // the file's Go version
					}
					// The file's doc comment and name hold no copy.
					ast.PreorderStack(fd.decl, []ast.Node{file}, func(n ast.Node, ancestors []ast.Node) bool {
						f.visit(n, ancestors)
						return true
					})
				}
				found[i] = f.findings
			}
		}()
	}
	wg.Wait()
	f := &finder{Package: p}
	for _, fs := range found {
		f.findings = append(f.findings, fs...)
	}
	return f.sorted()
}

// parallelBytes is the size of a package's declarations from which Find
// walks them in parallel: below it, a walk takes too little time to
// gain from more than one thread.
var parallelBytes = 256 << 10 // a variable for the tests

// A fileDecl is a top-level declaration and its file.
type fileDecl struct {
	file *ast.File
	decl ast.Decl
}

// nodeFilter lists the nodes whose visit may yield a finding; the finder
// also tracks *ast.File (for the Go version) and the two function nodes
// (for returns).
var nodeFilter = []ast.Node{
	(*ast.File)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.GenDecl)(nil),
	(*ast.CallExpr)(nil),
	(*ast.ReturnStmt)(nil),
	(*ast.CompositeLit)(nil),
	(*ast.SendStmt)(nil),
	(*ast.RangeStmt)(nil),
	(*ast.TypeAssertExpr)(nil),
	(*ast.TypeSwitchStmt)(nil),
	(*ast.FuncDecl)(nil),
	(*ast.FuncLit)(nil),
	(*ast.SelectorExpr)(nil),
}

// A finder accumulates the findings of one package.
type finder struct {
	*Package
	goVersion string // effective version of the current file; "" if unknown
	findings  []Finding
}

func find(p *Package, in *inspector.Inspector) []Finding {
	f := &finder{Package: p}
	in.WithStack(nodeFilter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if push {
			f.visit(n, stack[:len(stack)-1])
		}
		return true
	})
	return f.sorted()
}

// visit dispatches n, whose enclosing nodes are ancestors (outermost
// first), to the check of its copy form.
func (f *finder) visit(n ast.Node, ancestors []ast.Node) {
	switch n := n.(type) {
	case *ast.File:
		f.goVersion = f.Info.FileVersions[n]
		if f.goVersion == "" {
			f.goVersion = f.Types.GoVersion()
		}
	case *ast.AssignStmt:
		f.checkAssign(n, parentOf(ancestors))
		f.checkReset(n)
	case *ast.GenDecl:
		f.checkGenDecl(n)
	case *ast.CallExpr:
		f.checkCall(n)
	case *ast.ReturnStmt:
		f.checkReturn(n, enclosingFunc(ancestors))
	case *ast.CompositeLit:
		f.checkCompositeLit(n)
	case *ast.SendStmt:
		f.checkSend(n)
	case *ast.RangeStmt:
		f.checkRange(n)
	case *ast.TypeAssertExpr:
		f.checkTypeAssert(n)
	case *ast.TypeSwitchStmt:
		f.checkTypeSwitch(n)
	case *ast.FuncDecl:
		f.checkFunc(n, n.Recv, n.Type)
	case *ast.FuncLit:
		f.checkFunc(n, nil, n.Type)
	case *ast.SelectorExpr:
		f.checkMethodValue(n, parentOf(ancestors))
	}
}

// sorted returns the findings sorted by position.
func (f *finder) sorted() []Finding {
	sort.SliceStable(f.findings, func(i, j int) bool {
		return f.findings[i].Pos < f.findings[j].Pos
	})
	return f.findings
}

// parentOf returns the innermost of ancestors that is not a
// parenthesis, or nil.
func parentOf(ancestors []ast.Node) ast.Node {
	for i := len(ancestors) - 1; i >= 0; i-- {
		if _, ok := ancestors[i].(*ast.ParenExpr); !ok {
			return ancestors[i]
		}
	}
	return nil
}

// enclosingFunc returns the innermost *ast.FuncDecl or *ast.FuncLit of
// ancestors, or nil.
func enclosingFunc(ancestors []ast.Node) ast.Node {
	for i := len(ancestors) - 1; i >= 0; i-- {
		switch ancestors[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return ancestors[i]
		}
	}
	return nil
}

// atLeastGo122 reports whether the current file has per-iteration loop
// variables.
func (f *finder) atLeastGo122() bool {
	return f.goVersion != "" && version.Compare(f.goVersion, "go1.22") >= 0
}
