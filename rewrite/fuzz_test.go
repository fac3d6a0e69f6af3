package rewrite_test

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"github.com/syncfix/syncfix/rewrite"
	"golang.org/x/tools/go/packages"
)

// FuzzRewrite rewrites single-file programs: every one that type-checks
// must come out type-checking, with every comment, and unchanged by a
// second run. The corpus is seeded with the single-file golden inputs.
//
//	go test ./rewrite -run '^$' -fuzz FuzzRewrite -fuzztime 1m
func FuzzRewrite(f *testing.F) {
	cases, err := filepath.Glob(filepath.Join(caseDir, "*", "input", "main.go"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range cases {
		if files, _ := filepath.Glob(filepath.Join(filepath.Dir(name), "*")); len(files) != 2 {
			continue // go.mod and main.go only
		}
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if bytes.Contains(src, []byte("//line")) || bytes.Contains(src, []byte("import \"C\"")) {
			t.Skip("line directives and cgo are refused, not fuzzed")
		}
		input := append([]byte(nil), src...)
		dir := t.TempDir()
		write(t, filepath.Join(dir, "main.go"), src)
		plan, ok := checkInProcess(t, dir)
		if !ok {
			t.Skip("input does not type-check")
		}
		changes, err := plan.Apply()
		if err != nil {
			t.Fatalf("apply: %v", err)
		}
		writeChanges(t, changes)
		again, ok := checkInProcess(t, dir)
		if !ok {
			out, _ := os.ReadFile(filepath.Join(dir, "main.go"))
			t.Fatalf("output does not type-check:\n%s", out)
		}
		after, _ := os.ReadFile(filepath.Join(dir, "main.go"))
		for _, c := range comments(t, "main.go", input) {
			if !bytes.Contains(after, []byte(c)) {
				t.Errorf("comment lost: %s", c)
			}
		}
		for _, o := range again.Outcomes {
			if o.Fixed {
				t.Errorf("fixable finding left: %s", o.Text())
			}
		}
		changes, err = again.Apply()
		if err != nil {
			t.Fatalf("second apply: %v", err)
		}
		if len(changes) > 0 {
			t.Errorf("second run changed %d files", len(changes))
		}
		if !bytes.Equal(src, input) {
			t.Fatal("the input was modified")
		}
	})
}

func write(t *testing.T, name string, data []byte) {
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The fuzz target type-checks in process, with one importer for the
// whole run, which caches the standard library: loading through go list
// costs a process per input and fuzzes at a few inputs a second.
var (
	fuzzFset     = token.NewFileSet()
	fuzzImporter = importer.ForCompiler(fuzzFset, "source", nil)
)

// checkInProcess parses and type-checks the .go files of dir (main.go,
// and the helper once written) as one package, and plans; ok is false if
// they do not type-check.
func checkInProcess(t *testing.T, dir string) (*rewrite.Plan, bool) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fuzzFset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, false
		}
		files = append(files, f)
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: fuzzImporter, GoVersion: "go1.22", Error: func(error) {}}
	pkg, err := conf.Check("example.com/fuzz", fuzzFset, files, info)
	if err != nil {
		return nil, false
	}
	p := &packages.Package{
		ID: pkg.Path(), Name: pkg.Name(), PkgPath: pkg.Path(),
		GoFiles: names, CompiledGoFiles: names,
		Fset: fuzzFset, Syntax: files, Types: pkg, TypesInfo: info,
	}
	return rewrite.Make([]*packages.Package{p}, rewrite.Options{}), true
}
