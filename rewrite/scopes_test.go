package rewrite

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// scopeSrcs are the files of a package with every kind of scope that a
// file scope can hold: functions, methods, generic types and functions,
// function literals at the top level, and blocks inside them.
var scopeSrcs = []string{`package p

import "sync"

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }

var f = func(m *sync.Map) int {
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	return n
}

func g(x int) (r int) {
	if y := x; y > 0 {
		for i := range y {
			r += i
		}
	} else {
		switch z := y; z {
		case 0:
			r = 1
		default:
			func() { r = z }()
		}
	}
	return
}
`, `package p

var h, k = func() int { return 1 }(), func() int { return 2 }()

func Map[K comparable, V any](m map[K]V) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

type (
	A struct{}
	B[T any] []T
)
`}

// TestInnermost checks unit.innermost against the package scope's
// Innermost at every offset of every file, and just outside them.
func TestInnermost(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for i, src := range scopeSrcs {
		f, err := parser.ParseFile(fset, string(rune('a'+i))+".go", src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	tpkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	u := &unit{pkg: &packages.Package{Types: tpkg}}
	for _, f := range files {
		for pos := f.FileStart - 1; pos <= f.FileEnd+1; pos++ {
			if got, want := u.innermost(pos), tpkg.Scope().Innermost(pos); got != want {
				t.Errorf("innermost(%s) = %v, want %v", fset.Position(pos), scopeName(got), scopeName(want))
			}
		}
	}
}

func scopeName(s *types.Scope) string {
	if s == nil {
		return "nil"
	}
	return s.String()
}
