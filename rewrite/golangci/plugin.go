// Package golangci registers syncfix's fixing Analyzer as a golangci-lint
// v2 module plugin, so that a custom golangci-lint reports the copies of
// sync.Map values and, with --fix, applies what each package can fix
// alone (see github.com/syncfix/syncfix/rewrite.Analyzer).
//
// It is a module of its own, so that syncfix's module does not depend on
// golangci-lint's plugin API. Build a custom golangci-lint with it from
// the repository root (see README.md, "golangci-lint"):
//
//	rewrite/golangci/build.sh "$(go env GOPATH)/bin/custom-gcl"
//	custom-gcl run -c rewrite/golangci/golangci.yml --fix ./...
package golangci

import (
	"github.com/golangci/plugin-module-register/register"
	"github.com/syncfix/syncfix/rewrite"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin("syncfix", New)
}

// New returns the plugin; it takes no settings.
func New(any) (register.LinterPlugin, error) {
	return plugin{}, nil
}

type plugin struct{}

// BuildAnalyzers returns the fixing Analyzer.
func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{rewrite.Analyzer}, nil
}

// GetLoadMode asks for types: the Analyzer plans with them.
func (plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
