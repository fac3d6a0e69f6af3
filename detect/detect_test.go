package detect_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/analysis/analysistest"
)

// casePackages are the packages under testdata/src, one per behaviour.
// Each reporting line carries a // want comment; each line that must not
// report says why in a comment of its own.
var casePackages = []string{
	"assign",
	"callargs",
	"chansend",
	"complit",
	"containment",
	"derefcall",
	"conversions",
	"elemcopy",
	"facts",
	"generics",
	"ignore",
	"methodvalues",
	"nevercopies",
	"rangevars",
	"resets",
	"returns",
	"signatures",
	"typeassert",
}

// versionArchives are the cases that depend on the module's Go version:
// each archive holds a module of its own (go.mod and package forvars).
var versionArchives = []string{
	"forvars/go121.txtar",
	"forvars/go122.txtar",
}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), detect.Analyzer, casePackages...)
}

func TestAnalyzerGoVersions(t *testing.T) {
	for _, name := range versionArchives {
		t.Run(name, func(t *testing.T) {
			dir := extractTxtar(t, filepath.Join(analysistest.TestData(), "src", name))
			analysistest.Run(t, dir, detect.Analyzer, "example.com/forvars")
		})
	}
}

// TestCasesExist fails when a case directory is not listed above, so
// that no case is silently skipped.
func TestCasesExist(t *testing.T) {
	listed := make(map[string]bool)
	for _, p := range casePackages {
		listed[p] = true
	}
	for _, a := range versionArchives {
		listed[filepath.Dir(a)] = true
	}
	entries, err := os.ReadDir(filepath.Join(analysistest.TestData(), "src"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("found no test cases")
	}
	for _, e := range entries {
		if e.IsDir() && !listed[e.Name()] {
			t.Errorf("testdata/src/%s is not listed in casePackages or versionArchives", e.Name())
		}
	}
}
