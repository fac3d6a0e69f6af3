package rewrite

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
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
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			if _, ok := n.(*ast.CommentGroup); ok {
				return true // PathEnclosingInterval does not see comments as nodes
			}
			if _, ok := n.(*ast.Comment); ok {
				return true
			}
			want, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
			// PathEnclosingInterval gives the innermost node of the
			// extent; n may be an outer one with the same extent.
			if i := slices.Index(want, n); i >= 0 {
				want = want[i:]
			} else {
				return true
			}
			if got := x.path(f, n); !slices.Equal(got, want) {
				t.Errorf("names %v: path(%T at %s) = %d nodes, want %d", names, n, fset.Position(n.Pos()), len(got), len(want))
			}
			if id, ok := n.(*ast.Ident); ok {
				if got := x.identAt(f, id.Pos()); got != id {
					t.Errorf("names %v: identAt(%s) = %v, want %s", names, fset.Position(id.Pos()), got, id.Name)
				}
			}
			return true
		})
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
