package detect_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// loadMode is what detect.Find and the analysis checker need.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// loadCases loads patterns from dir the way analysistest.Run does: dir
// is a GOPATH tree (with a src directory), or a module root if it holds
// a go.mod. It fails the test on any load or type error.
func loadCases(t testing.TB, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	env := []string{"GOPATH=" + dir, "GO111MODULE=off", "GOWORK=off"}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		env = []string{"GO111MODULE=on", "GOPROXY=off", "GOWORK=off"}
	}
	cfg := &packages.Config{
		Mode: loadMode,
		Dir:  dir,
		Env:  append(os.Environ(), env...),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != len(patterns) {
		t.Fatalf("loaded %d packages for %d patterns", len(pkgs), len(patterns))
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("test cases do not load cleanly")
	}
	return pkgs
}
