package detect_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"

	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/analysis"
)

// ExampleFind type-checks a file and lists its copies of a sync.Map with
// the facts a rewrite needs.
func ExampleFind() {
	const src = `package p

import "sync"

type Cache struct{ entries sync.Map }

func snapshot(c *Cache) Cache {
	return *c
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		panic(err)
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		panic(err)
	}
	for _, fd := range detect.Find(&detect.Package{Fset: fset, Types: pkg, Info: info, Files: []*ast.File{f}}) {
		fmt.Printf("%s: %s\n", fset.Position(fd.Pos), fd.Message)
		fmt.Printf("form %s, sync.Map fields: %s\n", fd.Form, fd.Fields[0].Name())
	}
	// Output:
	// p.go:8:9: return copies Cache value *c: Cache contains sync.Map
	// form return, sync.Map fields: entries
}

// The Analyzer plugs into any go/analysis driver: a multichecker of
// your own, nogo, or go vet -vettool with a unitchecker main.
func ExampleAnalyzer() {
	var analyzers []*analysis.Analyzer
	analyzers = append(analyzers, detect.Analyzer)
	// multichecker.Main(analyzers...) in a main package runs them all.
	fmt.Println(analyzers[0].Name, analyzers[0].Requires[0].Name)
	// Output: syncfix inspect
}
