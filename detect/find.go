package detect

import (
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"sort"

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
// FileVersions maps.
func Find(p *Package) []Finding {
	return find(p, inspector.New(p.Files))
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
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.File:
			f.goVersion = p.Info.FileVersions[n]
			if f.goVersion == "" {
				f.goVersion = p.Types.GoVersion()
			}
		case *ast.AssignStmt:
			f.checkAssign(n, parentOf(stack))
		case *ast.GenDecl:
			f.checkGenDecl(n)
		case *ast.CallExpr:
			f.checkCall(n)
		case *ast.ReturnStmt:
			f.checkReturn(n, enclosingFunc(stack))
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
			f.checkMethodValue(n, parentOf(stack))
		}
		return true
	})
	sort.SliceStable(f.findings, func(i, j int) bool {
		return f.findings[i].Pos < f.findings[j].Pos
	})
	return f.findings
}

// parentOf returns the parent of the innermost node of stack, skipping
// parentheses, or nil.
func parentOf(stack []ast.Node) ast.Node {
	for i := len(stack) - 2; i >= 0; i-- {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			return stack[i]
		}
	}
	return nil
}

// enclosingFunc returns the innermost *ast.FuncDecl or *ast.FuncLit of
// stack, or nil.
func enclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

// atLeastGo122 reports whether the current file has per-iteration loop
// variables.
func (f *finder) atLeastGo122() bool {
	return f.goVersion != "" && version.Compare(f.goVersion, "go1.22") >= 0
}
