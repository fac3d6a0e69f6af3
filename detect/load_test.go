package detect_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/txtar"
)

// loadMode is what detect.Find and the analysis checker need.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// load loads patterns from dir the way analysistest.Run does: dir is a
// GOPATH tree (with a src directory), or a module root if it holds a
// go.mod. Any load or type error is an error.
func load(dir string, patterns ...string) ([]*packages.Package, error) {
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
		return nil, err
	}
	if len(pkgs) != len(patterns) {
		return nil, fmt.Errorf("loaded %d packages for %d patterns %v", len(pkgs), len(patterns), patterns)
	}
	var errs []error
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		for _, e := range pkg.Errors {
			errs = append(errs, e)
		}
	})
	if len(errs) > 0 {
		return nil, fmt.Errorf("test cases do not load cleanly: %w", errors.Join(errs...))
	}
	return pkgs, nil
}

// loadCases is load for a test: it fails the test on error.
func loadCases(t testing.TB, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	pkgs, err := load(dir, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// shared holds every case package, loaded once for the tests that read
// them all: casePackages, then the package of each versionArchives
// module.
var shared struct {
	once sync.Once
	dir  string // extracted archives, removed by TestMain
	pkgs []*packages.Package
	err  error
}

// allCases returns every case package, loaded once per test binary.
func allCases(t testing.TB) []*packages.Package {
	t.Helper()
	shared.once.Do(func() {
		shared.pkgs, shared.err = load(analysistest.TestData(), casePackages...)
		if shared.err != nil {
			return
		}
		shared.dir, shared.err = os.MkdirTemp("", "detect-test-")
		for i, name := range versionArchives {
			if shared.err != nil {
				return
			}
			dir := filepath.Join(shared.dir, fmt.Sprint(i))
			if shared.err = extractTxtarTo(filepath.Join(analysistest.TestData(), "src", name), dir); shared.err != nil {
				return
			}
			var pkgs []*packages.Package
			pkgs, shared.err = load(dir, "example.com/forvars")
			shared.pkgs = append(shared.pkgs, pkgs...)
		}
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.pkgs
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// extractTxtar writes the files of a txtar archive to a new temporary
// directory and returns it. An archive that holds a go.mod is a module
// root to analysistest.Run.
func extractTxtar(t testing.TB, file string) string {
	t.Helper()
	dir := t.TempDir()
	if err := extractTxtarTo(file, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// extractTxtarTo writes the files of a txtar archive under dir.
func extractTxtarTo(file, dir string) error {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		return err
	}
	if len(ar.Files) == 0 {
		return fmt.Errorf("%s: no files", file)
	}
	for _, f := range ar.Files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
