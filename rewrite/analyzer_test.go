package rewrite_test

import (
	"testing"

	"github.com/syncfix/syncfix/rewrite"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs the fixing Analyzer on its case packages: each
// diagnostic is a // want comment, and the files after the package's
// suggested fix are the .golden files beside them.
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData()+"/analyzer", rewrite.Analyzer, "localcopy", "lib", "goosfile")
}
