package rewrite_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
		if err := checkRewrite(t, t.TempDir(), src, rewrite.Options{}); err != nil {
			t.Skip("input does not type-check")
		}
	})
}

// checkRewrite writes src as main.go of the empty directory dir, plans
// the fix with opts, applies it, and checks what every rewrite must
// satisfy (DESIGN.md R5): the output type-checks, holds every comment of
// the input (as often as the input does), has no fixable finding left,
// and a second run changes nothing; src itself is not modified. If src
// does not type-check, it checks nothing and returns the error.
func checkRewrite(t *testing.T, dir string, src []byte, opts rewrite.Options) error {
	t.Helper()
	input := append([]byte(nil), src...)
	file := filepath.Join(dir, "main.go")
	write(t, file, src)
	plan, err := checkInProcess(t, dir, opts)
	if err != nil {
		return err
	}
	changes, err := plan.Apply()
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if err := plan.Verify(changes); err != nil {
		t.Fatalf("verify: %v\n%s", err, src)
	}
	writeChanges(t, changes)
	after, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	again, err := checkInProcess(t, dir, opts)
	if err != nil {
		t.Fatalf("output does not type-check: %v\n%s", err, after)
	}
	lostComments(t, "main.go", input, after)
	if formatted, err := format.Source(input); err == nil && bytes.Equal(formatted, input) {
		if again, err := format.Source(after); err != nil || !bytes.Equal(again, after) {
			t.Errorf("the input is gofmt-formatted and the output is not:\n%s", after)
		}
	}
	for _, o := range again.Outcomes {
		if o.Fixed {
			t.Errorf("fixable finding left: %s:%d:%d: %s", filepath.Base(o.Posn.Filename), o.Posn.Line, o.Posn.Column, o.Text())
		}
	}
	changes, err = again.Apply()
	if err != nil {
		t.Fatalf("second apply: %v", err)
	}
	for _, c := range changes {
		t.Errorf("second run changed %s:\n%s", filepath.Base(c.Name), c.New)
	}
	if !bytes.Equal(src, input) {
		t.Fatal("the input was modified")
	}
	return nil
}

func write(t *testing.T, name string, data []byte) {
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The fuzz target type-checks in process, with one importer for the
// whole run, which caches the standard library: loading through go list
// costs a process per input and fuzzes at a few inputs a second. The
// source importer looks each path up with go/build (a directory read)
// before it consults its cache, so the packages are also cached by path.
var (
	fuzzFset     = token.NewFileSet()
	fuzzImporter = &cachedImporter{from: importer.ForCompiler(fuzzFset, "source", nil).(types.ImporterFrom)}
)

// A cachedImporter imports each path once. The fuzz targets import only
// the standard library, whose packages do not depend on the importing
// directory.
type cachedImporter struct {
	from types.ImporterFrom
	mu   sync.Mutex
	pkgs map[string]*types.Package
}

func (c *cachedImporter) Import(path string) (*types.Package, error) {
	return c.ImportFrom(path, "", 0)
}

func (c *cachedImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.pkgs[path]; ok {
		return p, nil
	}
	p, err := c.from.ImportFrom(path, dir, mode)
	if err != nil {
		return nil, err
	}
	if c.pkgs == nil {
		c.pkgs = make(map[string]*types.Package)
	}
	c.pkgs[path] = p
	return p, nil
}

// checkInProcess parses and type-checks the .go files of dir (main.go,
// and the helper once written) as one package, and plans with opts; it
// returns the first error if they do not parse or type-check.
func checkInProcess(t *testing.T, dir string, opts rewrite.Options) (*rewrite.Plan, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	var srcs [][]byte
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
		f, err := parser.ParseFile(fuzzFset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
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
		return nil, err
	}
	p := &packages.Package{
		ID: pkg.Path(), Name: pkg.Name(), PkgPath: pkg.Path(),
		GoFiles: names, CompiledGoFiles: names,
		Fset: fuzzFset, Syntax: files, Types: pkg, TypesInfo: info,
	}
	prog := &rewrite.Program{
		Packages:  []*packages.Package{p},
		Source:    make(map[string][]byte),
		RealNames: make(map[string]string),
	}
	for i, name := range names {
		prog.Source[name] = srcs[i]
		// A file whose name the loader could not resolve is never edited.
		real, err := filepath.EvalSymlinks(name)
		if err != nil {
			t.Fatal(err)
		}
		prog.RealNames[name] = real
	}
	return rewrite.Make(prog, opts), nil
}

// TestFormatEditedPieces rewrites files of many declarations, in one
// most of them touched, so that it is formatted in pieces on every CPU,
// in the other many regions: the result must be what gofmt makes of the
// whole (checkRewrite), with comments between declarations, at their
// ends and in aligned blocks.
func TestFormatEditedPieces(t *testing.T) {
	for _, mixed := range []bool{false, true} {
		var b strings.Builder
		b.WriteString("// Package many has copies in most declarations.\npackage many\n\nimport \"sync\"\n\n")
		for i := range 600 {
			switch i % 7 {
			case 0:
				fmt.Fprintf(&b, "// f%d copies a map.\n", i)
			case 1:
				fmt.Fprintf(&b, "// A comment of its own before f%d.\n\n", i)
			case 2:
				if mixed {
					fmt.Fprintf(&b, "var (\n\tv%d    = 1 // aligned\n\tvv%d = 22 // with this\n)\n\n", i, i)
				}
			case 3:
				if mixed {
					fmt.Fprintf(&b, "func g%d() {}\nfunc h%d() {}\n\n", i, i)
				}
			}
			fmt.Fprintf(&b, "func f%d(m *sync.Map) int {\n\tn := *m // the copy\n\tc := 0\n\tn.Range(func(k, v any) bool { c++; return true })\n\treturn c\n} // end of f%d\n\n", i, i)
		}
		src, err := format.Source([]byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if err := checkRewrite(t, t.TempDir(), src, rewrite.Options{}); err != nil {
			t.Fatal(err)
		}
	}
}
