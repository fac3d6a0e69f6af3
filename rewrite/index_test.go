package rewrite

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/ast/astutil"
)

const indexSrc = `// Package p is indexed.
package p

import "sync"

// T has a map.
type T struct{ m sync.Map }

func f(a, b sync.Map, t *T) (n int) {
	c := a
	_ = c
	g := func() { _ = b; _ = a }
	g()
	for i := range 3 {
		n += i
	}
	t.m.Store(1, 2)
	return
}

var v = func() int { var z int; return z }()
`

// TestIndex checks the declaration index against astutil's answers: the
// path of every node, the identifier at every identifier's position, and
// the local uses of every local variable, warmed with no names, with
// some, and not warmed.
func TestIndex(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", indexSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: make(map[*ast.Ident]types.Object), Defs: make(map[*ast.Ident]types.Object)}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	for _, names := range []map[string]bool{nil, {"a": true}, {}} {
		x := newIndex()
		if names != nil {
			x.warm([]*ast.File{f}, []*types.Info{info}, names)
		}
		checkPaths(t, fset, f, x)
		for id, obj := range info.Defs {
			v, ok := obj.(*types.Var)
			if !ok || !isLocal(v) {
				continue
			}
			var want []*ast.Ident
			ast.Inspect(f, func(n ast.Node) bool {
				if u, ok := n.(*ast.Ident); ok && info.Uses[u] == v {
					want = append(want, u)
				}
				return true
			})
			if got := x.localUses(f, info, v); !slices.Equal(got, want) {
				t.Errorf("names %v: localUses(%s) = %d uses, want %d", names, id.Name, len(got), len(want))
			}
		}
	}
}

// TestIndexGoldenInputs checks path and identAt on every file of the
// golden cases' inputs: every syntactic form the planner meets.
func TestIndexGoldenInputs(t *testing.T) {
	files, err := filepath.Glob("../testdata/rewrite/*/input/*/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	more, _ := filepath.Glob("../testdata/rewrite/*/input/*.go")
	for _, name := range append(files, more...) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue // a case about a file that does not parse
		}
		checkPaths(t, fset, f, newIndex())
	}
}

// checkPaths checks x.path and x.identAt for every node of f against
// astutil.PathEnclosingInterval.
func checkPaths(t *testing.T, fset *token.FileSet, f *ast.File, x *index) {
	t.Helper()
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil:
			return false
		case *ast.CommentGroup, *ast.Comment:
			return true // PathEnclosingInterval does not see comments as nodes
		}
		want, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
		// PathEnclosingInterval gives the innermost node of the
		// extent; n may be an outer one with the same extent.
		i := slices.Index(want, n)
		if i < 0 {
			return true // 2% of the nodes of the golden inputs
		}
		if got := x.path(f, n); !slices.Equal(got, want[i:]) {
			t.Errorf("path(%T at %s) = %d nodes, want %d", n, fset.Position(n.Pos()), len(got), len(want)-i)
		}
		if id, ok := n.(*ast.Ident); ok {
			if got := x.identAt(f, id.Pos()); got != id {
				t.Errorf("identAt(%s) = %v, want %s", fset.Position(id.Pos()), got, id.Name)
			}
		}
		return true
	})
}
